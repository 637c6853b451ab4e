import { describe, expect, test } from 'vitest';
import { createMediaService } from '../src/media/media.service.js';
import { createFakeMediaServer } from './fake-media-server.js';

const ICE = { iceServers: [], iceTransportPolicy: 'all' as const };
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ moderator: `m${i}`, participants: [`p${i}a`, `p${i}b`] }));

describe('media service', () => {
  test('spreads rooms over the media servers by load and hands out each room its server URL', async () => {
    const one = createFakeMediaServer('one', 'wss://one.example/janus');
    const two = createFakeMediaServer('two', 'wss://two.example/janus');
    const media = createMediaService({ servers: [one, two], ice: ICE, sweepIntervalMs: 0 });
    media.update('e1', { kind: 'tables', round: 1, tables: tables(4) });
    await media.idle();
    expect(one.rooms.size).toBe(2);
    expect(two.rooms.size).toBe(2);
    const urls = new Set(['m0', 'm1', 'm2', 'm3'].map((id) => media.assignment('e1', id).media?.room.janusUrl));
    expect(urls).toEqual(new Set(['wss://one.example/janus', 'wss://two.example/janus']));
    await media.close();
  });

  test('puts new rooms on the servers that are up', async () => {
    const one = createFakeMediaServer('one');
    const two = createFakeMediaServer('two');
    one.setDown(true);
    const media = createMediaService({ servers: [one, two], ice: ICE, sweepIntervalMs: 0 });
    media.update('e1', { kind: 'tables', round: 1, tables: tables(3) });
    await media.idle();
    expect(two.rooms.size).toBe(3);
    await media.close();
  });

  test('gives every room a fresh random id, secret and PIN, and every person its own token and feed id', async () => {
    const server = createFakeMediaServer();
    const media = createMediaService({ servers: [server], ice: ICE, sweepIntervalMs: 0 });
    media.update('e1', { kind: 'tables', round: 1, tables: tables(2) });
    await media.idle();
    const specs = [...server.rooms.values()].map((r) => r.spec);
    expect(new Set(specs.map((s) => s.roomId)).size).toBe(2);
    for (const s of specs) {
      expect(s.roomId).toBeGreaterThan(2 ** 20);
      expect(s.roomId).toBeLessThan(2 ** 52);
      expect(s.secret.length).toBeGreaterThanOrEqual(32);
      expect(s.pin.length).toBeGreaterThanOrEqual(16);
      expect(s.bitrate).toBe(384_000);
    }
    const a = media.assignment('e1', 'p0a').media!.room;
    const b = media.assignment('e1', 'p0b').media!.room;
    expect(a.roomId).toBe(b.roomId);
    expect(a.token).not.toBe(b.token);
    expect(a.feedId).not.toBe(b.feedId);
    expect(JSON.stringify(media.assignment('e1', 'p0a'))).not.toContain(server.rooms.get(a.roomId)!.spec.secret);
    await media.close();
    expect(server.rooms.size).toBe(0);
  });
});
