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

describe('rooms made ahead', () => {
  const present = (media: ReturnType<typeof createMediaService>, ids: string[]) => {
    for (const id of ids) media.personPresent('e1', id, id.startsWith('m') ? 'moderator' : 'participant');
  };

  test('the next round is seated in its prepared rooms: planned people keep their prepared token, replanned ones are revoked or added', async () => {
    const server = createFakeMediaServer();
    const media = createMediaService({ servers: [server], ice: ICE, sweepIntervalMs: 0 });
    const round1 = [
      { moderator: 'm0', participants: ['a', 'b'] },
      { moderator: 'm1', participants: ['c', 'd'] },
    ];
    const plan2 = [
      { moderator: 'm0', participants: ['a', 'c'] },
      { moderator: 'm1', participants: ['b', 'd'] },
    ];
    present(media, ['m0', 'm1', 'a', 'b', 'c', 'd']);
    media.update('e1', { kind: 'tables', round: 1, tables: round1, next: { kind: 'tables', round: 2, tables: plan2, groupSize: 2 } });
    await media.idle();
    const prepared = media.inspect('e1').filter((r) => r.prepared);
    expect(prepared.map((r) => [r.key, r.members.sort()])).toEqual([
      ['r2t1', ['a', 'c', 'm0']],
      ['r2t2', ['b', 'd', 'm1']],
    ]);
    // Nobody holds a token of the next round yet.
    expect(media.assignment('e1', 'a').media!.room.round).toBe(1);
    const allowedAhead = new Map(prepared.map((r) => [r.key, new Set(server.rooms.get(r.roomId)!.allowed)]));

    // `d` did not come back; `e` arrived late and is seated in its place: replanning moved `b` too.
    present(media, ['e']);
    const round2 = [
      { moderator: 'm0', participants: ['a', 'c', 'b'] },
      { moderator: 'm1', participants: ['e'] },
    ];
    const calls = server.calls.length;
    media.update('e1', { kind: 'tables', round: 2, tables: round2 });
    await media.idle();
    // No room is made at the switch; the tokens replanning took away were never handed out: revoked, nothing to kick.
    expect(server.calls.slice(calls).filter((c) => /^(create|kick)/.test(c))).toEqual([]);
    expect(server.calls.slice(calls)).toContain('revoke 2');
    const [t1, t2] = prepared.map((r) => server.rooms.get(r.roomId)!);
    const tokenOf = (id: string) => media.assignment('e1', id).media!.room;
    for (const id of ['a', 'c', 'm0']) {
      expect(tokenOf(id).roomId).toBe(prepared[0]!.roomId);
      expect(allowedAhead.get('r2t1')!.has(tokenOf(id).token)).toBe(true);
    }
    expect(t1!.allowed.has(tokenOf('b').token)).toBe(true);
    expect(t2!.allowed.has(tokenOf('e').token)).toBe(true);
    // The prepared tokens of `b` (now at table 1) and `d` (gone) no longer open table 2.
    expect(t2!.allowed.size).toBe(2);
    expect(media.assignment('e1', 'd')).toEqual({ media: null, reason: 'no_room' });
    await media.close();
  });

  test('before round 1 is planned, empty rooms are made for the tables the present participants will likely need', async () => {
    const server = createFakeMediaServer();
    const media = createMediaService({ servers: [server], ice: ICE, sweepIntervalMs: 0 });
    media.update('e1', { kind: 'plenary', next: { kind: 'tables', round: 1, tables: null, groupSize: 6 } });
    present(media, ['m0', ...Array.from({ length: 13 }, (_, i) => `p${i}`)]);
    await media.idle();
    const ahead = media.inspect('e1').filter((r) => r.prepared);
    expect(ahead.map((r) => [r.key, r.members.length])).toEqual([
      ['r1t1', 0],
      ['r1t2', 0],
      ['r1t3', 0],
    ]);
    for (const r of ahead) expect(server.rooms.get(r.roomId)!.allowed.size).toBe(0);

    // Round 1 needs only two tables: the third room goes, the others get their tokens in one call each.
    const tables = [
      { moderator: 'm0', participants: Array.from({ length: 7 }, (_, i) => `p${i}`) },
      { moderator: null, participants: Array.from({ length: 6 }, (_, i) => `p${i + 7}`) },
    ];
    const calls = server.calls.length;
    media.update('e1', { kind: 'tables', round: 1, tables });
    await media.idle();
    expect(server.calls.slice(calls).sort()).toEqual(['destroy Tablehop e1 plenary', 'destroy Tablehop e1 r1t3', 'grant 6', 'grant 8']);
    expect(media.assignment('e1', 'p0').media!.room.roomId).toBe(ahead[0]!.roomId);
    await media.close();
  });
});
