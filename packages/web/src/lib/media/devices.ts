import { releaseRemovedVideos } from './release-videos';

/**
 * Camera and microphone for the device check and the table: open them at the size the tables need
 * (small tiles, seven people), list the choices and measure the microphone level.
 */

export interface DeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
  /** The person chose to join without camera / microphone. */
  cameraOff: boolean;
  microphoneOff: boolean;
}

export type LocalMediaError = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'other';

export const tableVideoConstraints: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };

/** Opens the chosen devices; a missing camera or microphone is not an error as long as one of them works. */
export async function openLocalMedia(choice: DeviceChoice): Promise<{ stream: MediaStream | null; error: LocalMediaError | null }> {
  if (!navigator.mediaDevices?.getUserMedia) return { stream: null, error: 'unsupported' };
  // Previews and tiles that go away must give the camera's frames back (see release-videos.ts).
  releaseRemovedVideos();
  const video: MediaTrackConstraints | false = choice.cameraOff
    ? false
    : { ...tableVideoConstraints, ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}) };
  const audio: MediaTrackConstraints | false = choice.microphoneOff
    ? false
    : { echoCancellation: true, noiseSuppression: true, ...(choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : {}) };
  if (!video && !audio) return { stream: null, error: null };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video, audio }), error: null };
  } catch (first) {
    // One of the two may be missing or busy: try the other alone before giving up.
    for (const alone of [audio ? { audio } : null, video ? { video } : null]) {
      if (!alone || !video || !audio) continue;
      try {
        return { stream: await navigator.mediaDevices.getUserMedia(alone), error: null };
      } catch {
        // next
      }
    }
    return { stream: null, error: classify(first) };
  }
}

function classify(error: unknown): LocalMediaError {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not_found';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in_use';
  return 'other';
}

export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] }> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return { cameras: devices.filter((d) => d.kind === 'videoinput'), microphones: devices.filter((d) => d.kind === 'audioinput') };
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Calls `onLevel` (0..1) about 10 times a second with the loudness of the stream's microphone; returns a stop function. */
export function createLevelMeter(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const track = stream.getAudioTracks()[0];
  if (!track || typeof AudioContext === 'undefined') return () => undefined;
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    // RMS to a 0..1 scale that moves visibly for speech (about -50 dB .. 0 dB).
    const db = 20 * Math.log10(Math.sqrt(sum / samples.length) || 1e-6);
    onLevel(Math.min(1, Math.max(0, (db + 50) / 50)));
  }, 100);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close();
  };
}
