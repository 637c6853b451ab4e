import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Headless Debian Chromium for the media tests (never a downloaded browser), with a fake camera and
 * microphone, and a page script that keeps every RTCPeerConnection the app creates so the test can
 * read `inbound-rtp` stats without any hook in the product.
 */

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Installed before any page script: records peer connections in `window.__peers`. */
export const trackPeersScript = `(() => {
  const Native = window.RTCPeerConnection;
  window.__peers = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__peers.push(this); }
  };
})();`;

export interface InboundTotals {
  audioBytes: number;
  videoBytes: number;
  framesDecoded: number;
  audioPackets: number;
  videoPackets: number;
  /** Open (not closed) peer connections. */
  peers: number;
}

/** Sums inbound-rtp bytes and decoded frames over the page's open peer connections. */
export function readInbound(page: Page): Promise<InboundTotals> {
  return page.evaluate(async () => {
    const peers = ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).filter((pc) => pc.connectionState !== 'closed');
    const totals = { audioBytes: 0, videoBytes: 0, framesDecoded: 0, audioPackets: 0, videoPackets: 0, peers: peers.length };
    for (const pc of peers) {
      const report = await pc.getStats();
      report.forEach((s: { type: string; kind?: string; bytesReceived?: number; framesDecoded?: number; packetsReceived?: number }) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'audio') {
          totals.audioBytes += s.bytesReceived ?? 0;
          totals.audioPackets += s.packetsReceived ?? 0;
        }
        if (s.kind === 'video') {
          totals.videoBytes += s.bytesReceived ?? 0;
          totals.videoPackets += s.packetsReceived ?? 0;
          totals.framesDecoded += s.framesDecoded ?? 0;
        }
      });
    }
    return totals;
  });
}

/** The remote <video> elements of the page that have frames, by their `data-display` label. */
export function videosWithFrames(page: Page, selector = 'video[data-remote]'): Promise<string[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLVideoElement>(sel)]
      .filter((v) => v.videoWidth > 0 && (v.getVideoPlaybackQuality?.().totalVideoFrames ?? 1) > 0)
      .map((v) => v.dataset.display ?? '');
  }, selector);
}

/** Test-only: asks the fake camera for 320x240 at 15 fps whatever the app asks, to spare the 2-core machine. */
export const smallCameraScript = `(() => {
  const md = navigator.mediaDevices;
  if (!md) return;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = (constraints = {}) => {
    if (constraints.video) constraints = { ...constraints, video: { ...(typeof constraints.video === 'object' ? constraints.video : {}), width: 320, height: 240, frameRate: 15 } };
    return original(constraints);
  };
})();`;

/**
 * Records in the page, every 25 ms, when a remote <video> (by `data-display`) first shows a frame
 * after `markFrames(page)`: `window.__firstFrames[display] = Date.now()`.
 */
export const frameWatchScript = `(() => {
  window.__firstFrames = {};
  setInterval(() => {
    for (const v of document.querySelectorAll('video[data-remote]')) {
      const d = v.dataset.display || '';
      if (v.dataset.beforeReset === undefined && v.videoWidth > 0 && v.currentTime > 0 && window.__firstFrames[d] === undefined) window.__firstFrames[d] = Date.now();
    }
  }, 25);
})();`;

/** Forgets the first frames seen so far and ignores the <video> elements there are now (call right before a switch). */
export function resetFirstFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as { __firstFrames: Record<string, number> }).__firstFrames = {};
    for (const v of document.querySelectorAll<HTMLVideoElement>('video[data-remote]')) v.dataset.beforeReset = '';
  });
}

export function firstFrames(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __firstFrames: Record<string, number> }).__firstFrames }));
}
