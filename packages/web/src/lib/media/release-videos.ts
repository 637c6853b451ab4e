/**
 * Lets a <video> that left the page drop the stream it showed.
 *
 * A removed <video> keeps its `srcObject` (and the frames it holds) until it is garbage-collected.
 * For the camera that is harmful: its frames come from a small shared pool of capture buffers, and
 * the device-check preview and the own tile (gone while one only listens in the plenary) held on
 * to theirs. Measured in headless Chromium (4 pages, one fake camera): after those removals the
 * camera delivered no new frame to anyone (own tile and encoder got at most one) until a GC
 * freed them, 1.2-2.3 s into round 1, so the first remote frame of round 1 came after ~1.8 s
 * instead of ~0.6 s. Clearing `srcObject` of removed videos gives the buffers back at once.
 *
 * Installed once per page (by `openLocalMedia` and the table media client); a <video> that is only
 * moved (removed and inserted in the same task) is left alone.
 */
let observer: MutationObserver | null = null;

export function releaseRemovedVideos(root: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (observer || !root || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.removedNodes) {
        if (!(node instanceof Element)) continue;
        const videos = node instanceof HTMLVideoElement ? [node] : [...node.querySelectorAll('video')];
        for (const video of videos) if (!video.isConnected && video.srcObject) video.srcObject = null;
      }
  });
  observer.observe(root, { childList: true, subtree: true });
}

/** For tests: stop watching. */
export function stopReleasingRemovedVideos(): void {
  observer?.disconnect();
  observer = null;
}
