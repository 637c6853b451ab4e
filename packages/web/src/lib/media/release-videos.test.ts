// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { releaseRemovedVideos, stopReleasingRemovedVideos } from './release-videos';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const stream = () => ({ id: 'camera' }) as unknown as MediaStream;

describe('releaseRemovedVideos', () => {
  afterEach(() => {
    stopReleasingRemovedVideos();
    document.body.innerHTML = '';
  });

  it('clears the stream of a <video> removed from the page, also inside a removed subtree', async () => {
    releaseRemovedVideos(document);
    const alone = document.createElement('video');
    const tile = document.createElement('li');
    const inTile = document.createElement('video');
    tile.append(inTile);
    document.body.append(alone, tile);
    alone.srcObject = stream();
    inTile.srcObject = stream();
    alone.remove();
    tile.remove();
    await flush();
    expect(alone.srcObject).toBeNull();
    expect(inTile.srcObject).toBeNull();
  });

  it('leaves videos that stay or only move', async () => {
    releaseRemovedVideos(document);
    const staying = document.createElement('video');
    const moving = document.createElement('video');
    const other = document.createElement('div');
    document.body.append(staying, moving, other);
    staying.srcObject = stream();
    moving.srcObject = stream();
    other.append(moving);
    await flush();
    expect(staying.srcObject).not.toBeNull();
    expect(moving.srcObject).not.toBeNull();
  });
});
