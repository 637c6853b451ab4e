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
    constructor(...args) {
      super(...args);
      window.__peers.push(this);
      this.__createdAt = Date.now();
      this.addEventListener('connectionstatechange', () => { if (this.connectionState === 'connected' && !this.__connectedAt) this.__connectedAt = Date.now(); });
    }
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

/**
 * Test-only, inert until `holdTeardown(page, true)`: plays a client that does not leave a room on its
 * own. While held, `RTCPeerConnection.close()`, `WebSocket.close()` and the Janus messages that end a
 * session, handle or feed (`destroy`, `detach`, `hangup`, `leave`, `unpublish`) are swallowed, so only
 * the server (a Janus `kick`) can end what the page had in its old room. Releasing closes what was held.
 */
export const holdTeardownScript = `(() => {
  const pcClose = RTCPeerConnection.prototype.close;
  const wsClose = WebSocket.prototype.close;
  const wsSend = WebSocket.prototype.send;
  const leaving = /"janus":"(destroy|detach|hangup)"|"request":"(leave|unpublish)"/;
  window.__hold = { on: false, peers: [], sockets: [] };
  RTCPeerConnection.prototype.close = function () {
    if (window.__hold.on) { window.__hold.peers.push(this); return; }
    return pcClose.call(this);
  };
  WebSocket.prototype.close = function (...args) {
    if (window.__hold.on) { window.__hold.sockets.push(this); return; }
    return wsClose.apply(this, args);
  };
  WebSocket.prototype.send = function (data) {
    if (window.__hold.on && typeof data === 'string' && leaving.test(data)) return;
    return wsSend.call(this, data);
  };
  window.__releaseHold = () => {
    window.__hold.on = false;
    for (const pc of window.__hold.peers.splice(0)) pcClose.call(pc);
    for (const ws of window.__hold.sockets.splice(0)) wsClose.call(ws);
  };
})();`;

export function holdTeardown(page: Page, on: boolean): Promise<void> {
  return page.evaluate((hold) => {
    const w = window as unknown as { __hold: { on: boolean }; __releaseHold(): void };
    if (hold) w.__hold.on = true;
    else w.__releaseHold();
  }, on);
}

/**
 * Remembers peer connections of the page under `tag`: the one receiving the feed shown as `display`,
 * or (without `display`) every open one. `readTagged` sums their inbound bytes later, also after the
 * app let go of them.
 */
export function tagPeers(page: Page, tag: string, display?: string): Promise<number> {
  return page.evaluate(
    ({ tag, display }) => {
      const w = window as unknown as { __peers?: RTCPeerConnection[]; __tagged?: Record<string, RTCPeerConnection[]> };
      const open = (w.__peers ?? []).filter((pc) => pc.connectionState !== 'closed');
      let chosen = open;
      if (display !== undefined) {
        const video = document.querySelector<HTMLVideoElement>(`video[data-remote][data-display="${CSS.escape(display)}"]`);
        // By object: Janus names the tracks of every subscription alike (msid per mid), so ids repeat.
        const tracks = new Set<MediaStreamTrack>((video?.srcObject as MediaStream | null)?.getTracks() ?? []);
        chosen = open.filter((pc) => pc.getReceivers().some((r) => tracks.has(r.track)));
      }
      w.__tagged = { ...(w.__tagged ?? {}), [tag]: chosen };
      return chosen.length;
    },
    { tag, display },
  );
}

export function readTagged(page: Page, tag: string): Promise<{ audioBytes: number; videoBytes: number; open: number }> {
  return page.evaluate(async (tag) => {
    const peers = (window as unknown as { __tagged?: Record<string, RTCPeerConnection[]> }).__tagged?.[tag] ?? [];
    const totals = { audioBytes: 0, videoBytes: 0, open: 0 };
    for (const pc of peers) {
      if (pc.connectionState === 'closed') continue;
      totals.open++;
      (await pc.getStats()).forEach((s: { type: string; kind?: string; bytesReceived?: number }) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'audio') totals.audioBytes += s.bytesReceived ?? 0;
        if (s.kind === 'video') totals.videoBytes += s.bytesReceived ?? 0;
      });
    }
    return totals;
  }, tag);
}

/** Diagnostics: when the page's peer connections were created and connected, relative to `since` (ms). */
export function peerTimeline(page: Page, since: number): Promise<string> {
  return page.evaluate((since) => {
    const peers = ((window as unknown as { __peers?: (RTCPeerConnection & { __createdAt: number; __connectedAt?: number })[] }).__peers ?? []).filter(
      (pc) => pc.__createdAt >= since,
    );
    return peers.map((pc) => `+${pc.__createdAt - since}${pc.__connectedAt ? `→${pc.__connectedAt - since}` : '→…'}`).join(' ');
  }, since);
}
