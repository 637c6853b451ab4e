/**
 * Keeps the camera delivering frames while nothing on the page shows or sends it.
 *
 * Chromium suspends a camera whose tracks have no consumer (no <video>, no sender): in the plenary
 * a listener neither publishes nor sees a tile of itself, so its camera is suspended, and when the
 * first table round adds the sender and the own tile the camera only delivers again 1-2 s later
 * (measured: the own tile and the encoder got one refresh frame at +0.3 s, the next frames at
 * +1.2..2.3 s; audio left at +0.35 s). Round 1 then showed the first remote frame after ~1.8 s,
 * later rounds (camera never suspended) after ~0.6 s.
 *
 * The keeper plays the stream in an invisible, muted 1x1 <video> (outside the accessibility tree)
 * while `hold` is in force, so the camera keeps running. `release` lets go after `graceMs`: by then
 * the own tile and the publisher's sender consume the track, so the camera is never without a
 * consumer (letting go at once, in the same task as they attach, could still suspend it).
 */
export interface CameraKeeper {
  hold(stream: MediaStream | null): void;
  release(): void;
  close(): void;
}

export function createCameraKeeper(options: { graceMs?: number; document?: Document } = {}): CameraKeeper {
  const graceMs = options.graceMs ?? 3000;
  const doc = options.document ?? (typeof document === 'undefined' ? undefined : document);
  let video: HTMLVideoElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function drop(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!video) return;
    video.pause();
    video.srcObject = null;
    video.remove();
    video = null;
  }

  return {
    hold(stream) {
      const camera = stream?.getVideoTracks().some((t) => t.readyState === 'live');
      if (!stream || !camera || !doc?.body) return drop();
      clearTimeout(timer);
      timer = undefined;
      if (!video) {
        video = doc.createElement('video');
        video.muted = true;
        video.playsInline = true;
        video.autoplay = true;
        video.setAttribute('aria-hidden', 'true');
        video.dataset.cameraKeeper = '';
        // Not display:none (a player that is not rendered may not consume frames): 1x1 px, transparent.
        video.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;opacity:0;pointer-events:none';
        doc.body.append(video);
      }
      if (video.srcObject !== stream) video.srcObject = stream;
      void video.play?.()?.catch(() => undefined);
    },
    release() {
      if (video && timer === undefined) timer = setTimeout(drop, graceMs);
    },
    close: drop,
  };
}
