import { useEffect, useState } from 'react';
import type { MediaAssignment } from '@tablehop/protocol';
import { openLocalMedia, stopStream, type LocalMediaError } from '../../lib/media/devices';
import { useTableMedia } from '../../lib/media/use-table-media';
import { VideoStage } from '../join/video-stage';
import { useControlRoomMessages } from './control-room.i18n';

/**
 * The host on stage: in the lobby, the plenary and the closing plenary hosts publish to the plenary
 * room (everyone else watches). Camera and microphone open only when the host asks, and close
 * again when the plenary is over.
 */
export function PlenaryVideo({ assignment, name }: { assignment: MediaAssignment; name: string }) {
  const { m, t } = useControlRoomMessages();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [onStage, setOnStage] = useState(false);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<LocalMediaError | null>(null);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const media = useTableMedia(assignment, stream, onStage);
  const plenary = assignment.media?.room.kind === 'plenary';

  useEffect(() => {
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = micOn;
  }, [stream, micOn]);
  // The plenary is over (a round started, the event ended): leave the stage, camera off.
  const noRoom = assignment.media === null && assignment.reason === 'no_room';
  useEffect(() => {
    if (!noRoom) return;
    setOnStage(false);
    setStream(null);
  }, [noRoom]);
  // A stream that is replaced or dropped is closed (the camera light goes off).
  useEffect(() => () => stopStream(stream), [stream]);

  const leave = () => {
    setOnStage(false);
    setStream(null);
  };

  return (
    <section className="card cr-panel cr-video" aria-labelledby="cr-video-title">
      <h2 id="cr-video-title" className="card-title">
        {m.videoTitle}
      </h2>
      {!assignment.media ? (
        <p className="muted small">{assignment.reason === 'no_room' ? m.videoNotNow : t.videoUnavailable[assignment.reason]}</p>
      ) : !onStage ? (
        <>
          <p className="muted small">{m.videoIntro}</p>
          {error && (
            <p className="alert alert-error small" role="alert">
              {t.deviceErrors[error]}
            </p>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={opening || !plenary}
            onClick={() => {
              setOpening(true);
              void openLocalMedia({ cameraId: null, microphoneId: null, cameraOff: false, microphoneOff: false }).then((result) => {
                setOpening(false);
                setError(result.error);
                setStream(result.stream);
                setMicOn(true);
                setCameraOn(true);
                setOnStage(true);
              });
            }}
          >
            {opening ? t.deviceOpening : m.videoStart}
          </button>
        </>
      ) : (
        <>
          <VideoStage
            assignment={assignment}
            media={media}
            seat={null}
            self={{ name, company: null }}
            localStream={stream}
            micOn={micOn}
            cameraOn={cameraOn}
            onToggleMic={() => setMicOn((on) => !on)}
            onToggleCamera={() =>
              setCameraOn((on) => {
                media.setVideoSending(!on);
                return !on;
              })
            }
            mutes={[]}
            mutedBy={null}
          />
          <button type="button" className="button button-secondary button-small" onClick={leave}>
            {m.videoStop}
          </button>
        </>
      )}
    </section>
  );
}
