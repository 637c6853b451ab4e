import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n-context';
import { createLevelMeter, listDevices, openLocalMedia, stopStream, type DeviceChoice, type LocalMediaError } from '../../lib/media/devices';

/**
 * Before joining: choose camera and microphone, see yourself, watch the microphone level. Hands the
 * opened stream to the page on "Join" (the stream then goes on to the table, it is not reopened).
 */
export function DeviceCheck({ onJoin }: { onJoin(stream: MediaStream | null, choice: DeviceChoice): void }) {
  const { t } = useI18n();
  const ids = { camera: useId(), microphone: useId(), level: useId() };
  const [choice, setChoice] = useState<DeviceChoice>({ cameraId: null, microphoneId: null, cameraOff: false, microphoneOff: false });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<LocalMediaError | null>(null);
  const [devices, setDevices] = useState<{ cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] }>({ cameras: [], microphones: [] });
  const [level, setLevel] = useState(0);
  // The devices are being opened: joining now would join without them.
  const [opening, setOpening] = useState(true);
  const handedOver = useRef(false);
  const preview = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    setOpening(true);
    void openLocalMedia(choice).then(async (result) => {
      if (cancelled) return stopStream(result.stream);
      opened = result.stream;
      setStream(result.stream);
      setError(result.error);
      setOpening(false);
      // Labels are only known once access was granted.
      setDevices(await listDevices());
    });
    return () => {
      cancelled = true;
      if (!handedOver.current) stopStream(opened);
    };
  }, [choice]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
    if (!stream) return;
    return createLevelMeter(stream, setLevel);
  }, [stream]);

  const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;
  const selected = (kind: 'video' | 'audio') =>
    (kind === 'video' ? stream?.getVideoTracks() : stream?.getAudioTracks())?.[0]?.getSettings().deviceId ?? '';

  return (
    <section className="card device-check" aria-labelledby="device-check-title">
      <h2 id="device-check-title" className="card-title">
        {t.deviceCheckTitle}
      </h2>
      <p className="muted">{t.deviceCheckIntro}</p>
      <div className="device-check-body">
        <div className="tile tile-self device-preview">
          {hasVideo ? (
            <video ref={preview} className="tile-video mirrored" autoPlay playsInline muted aria-label={t.previewLabel} />
          ) : (
            <div className="tile-placeholder">{t.previewOff}</div>
          )}
        </div>
        <div className="device-fields">
          <div className="field">
            <label className="field-label" htmlFor={ids.camera}>
              {t.cameraLabel}
            </label>
            <select
              id={ids.camera}
              className="input select"
              value={choice.cameraOff ? 'off' : selected('video')}
              onChange={(e) =>
                setChoice((c) => ({ ...c, cameraOff: e.target.value === 'off', cameraId: e.target.value === 'off' ? c.cameraId : e.target.value }))
              }
            >
              {devices.cameras.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || t.deviceDefault(i + 1)}
                </option>
              ))}
              <option value="off">{t.noCameraChoice}</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.microphone}>
              {t.microphoneLabel}
            </label>
            <select
              id={ids.microphone}
              className="input select"
              value={choice.microphoneOff ? 'off' : selected('audio')}
              onChange={(e) =>
                setChoice((c) => ({
                  ...c,
                  microphoneOff: e.target.value === 'off',
                  microphoneId: e.target.value === 'off' ? c.microphoneId : e.target.value,
                }))
              }
            >
              {devices.microphones.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || t.deviceDefault(i + 1)}
                </option>
              ))}
              <option value="off">{t.noMicrophoneChoice}</option>
            </select>
          </div>
          <div className="field">
            <span className="field-label" id={ids.level}>
              {t.micLevel}
            </span>
            <meter className="level-meter" aria-labelledby={ids.level} min={0} max={1} low={0.3} high={0.85} optimum={0.5} value={level} />
          </div>
          {error && (
            <p className="alert alert-error" role="alert">
              {t.deviceErrors[error]}
            </p>
          )}
          <button
            type="button"
            className="button button-large button-block"
            disabled={opening}
            aria-busy={opening}
            onClick={() => {
              handedOver.current = true;
              onJoin(stream, choice);
            }}
          >
            {opening ? t.deviceOpening : t.joinWithDevices}
          </button>
        </div>
      </div>
    </section>
  );
}
