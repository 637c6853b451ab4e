import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n-context';
import { muteOf } from '../../lib/live-state';
import { stopStream } from '../../lib/media/devices';
import { useTableMedia } from '../../lib/media/use-table-media';
import type { LiveJoin } from '../../lib/use-live-join';
import { DeviceCheck } from './device-check';
import { VideoStage } from './video-stage';

/**
 * The video part of a live view (participant or moderator): the device check first, then the
 * table's (or plenary's) video with the microphone and camera toggles. Going back to the device
 * check keeps the room. A mute by the moderator or host turns the microphone off here too; it stays
 * off until you unmute yourself, which also lifts the mute in the video server.
 */
export function TableVideo({ live, muteOnTiles = false }: { live: LiveJoin; muteOnTiles?: boolean }) {
  const { t } = useI18n();
  const [stage, setStage] = useState<'check' | 'table'>('check');
  const [joined, setJoined] = useState(false);
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const snapshot = live.snapshot;
  const media = useTableMedia(snapshot?.media ?? null, localStream, joined);

  useEffect(() => {
    for (const track of localStream?.getAudioTracks() ?? []) track.enabled = micOn;
  }, [localStream, micOn]);
  // Leaving the view (e.g. the event ended) turns the camera and microphone off.
  useEffect(() => () => stopStream(localStream), [localStream]);

  const { send } = live;
  const mutedBy = snapshot ? muteOf(snapshot, snapshot.you.personId) : null;
  const round = snapshot?.seat?.round ?? 0;
  const forced = mutedBy === 'moderator' || mutedBy === 'host';
  useEffect(() => {
    if (forced) setMicOn(false);
  }, [forced]);
  // Your own mute is announced to the table, and again at each new round (mutes are per round).
  useEffect(() => {
    if (!micOn && mutedBy === null && round > 0) void send({ type: 'set_muted', muted: true });
  }, [micOn, mutedBy, round, send]);

  if (!snapshot) return null;
  const seat = snapshot.seat;
  const self = seat?.cards.find((c) => c.personId === snapshot.you.personId);
  if (stage === 'check')
    return (
      <DeviceCheck
        onJoin={(stream) => {
          if (localStream && localStream !== stream) stopStream(localStream);
          setLocalStream(stream);
          setCameraOn(true);
          setJoined(true);
          setStage('table');
        }}
      />
    );
  return (
    <>
      <VideoStage
        assignment={snapshot.media}
        media={media}
        seat={seat}
        self={{ name: snapshot.you.name, company: self?.company ?? null }}
        localStream={localStream}
        micOn={micOn}
        cameraOn={cameraOn}
        onToggleMic={() => {
          if (!micOn && mutedBy !== null) void send({ type: 'set_muted', muted: false });
          setMicOn(!micOn);
        }}
        mutes={snapshot.mutes}
        mutedBy={mutedBy}
        onMute={muteOnTiles && snapshot.you.role !== 'participant' ? (personId) => void send({ type: 'mute_participant', personId }) : undefined}
        onToggleCamera={() => {
          setCameraOn((on) => {
            media.setVideoSending(!on);
            return !on;
          });
        }}
      />
      <button type="button" className="button button-secondary change-devices" onClick={() => setStage('check')}>
        {t.changeDevices}
      </button>
    </>
  );
}
