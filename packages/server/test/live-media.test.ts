import type { LiveEvent, MediaAssignment, MediaRoomAccess } from '@tablehop/protocol';
import { describe, expect, test } from 'vitest';
import { createMediaService, type MediaService } from '../src/media/media.service.js';
import { createFakeMediaServer, type FakeMediaServer } from './fake-media-server.js';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT, type LiveFixture, type TestClient } from './live-fixture.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

const ICE = { iceServers: [{ urls: 'stun:stun.example.org:3478' }], iceTransportPolicy: 'all' as const };

function lastMedia(client: TestClient): MediaAssignment {
  const events = client.events.filter((e): e is Extract<LiveEvent, { type: 'media_assigned' }> => e.type === 'media_assigned');
  return events.at(-1)?.assignment ?? client.snapshot.media;
}

function access(client: TestClient): MediaRoomAccess {
  const assignment = lastMedia(client);
  if (!assignment.media) throw new Error(`no media for ${client.actor.personId}: ${assignment.reason}`);
  return assignment.media.room;
}

function joinWith(server: FakeMediaServer, room: MediaRoomAccess) {
  return server.join(room.roomId, { pin: room.pin, token: room.token, feedId: room.feedId });
}

forEachTestDatabase('live engine with media', (getDb) => {
  const t = useTestApp({ db: getDb });

  async function setUp(f: LiveFixture, server: FakeMediaServer | null) {
    const media: MediaService = createMediaService(
      server
        ? { servers: [server], ice: ICE, sweepIntervalMs: 0, retryMs: 10 }
        : { servers: [], ice: ICE, unavailable: { reason: 'janus_not_installed', detail: 'janus is not installed (apt-get install janus)' } },
    );
    const live = createTestEngine(t.db, STARTS_AT - 20 * MINUTE, { media });
    await live.engine.start();
    const settle = async () => {
      await live.engine.idle();
      await media.idle();
    };
    const advance = async (ms: number) => {
      await live.advance(ms);
      await settle();
    };
    const host = await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
    const moderators: TestClient[] = [];
    for (const id of f.moderators) moderators.push(await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'staff' }, id)));
    const people: TestClient[] = [];
    for (const p of f.participants)
      people.push(await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
    await settle();
    return { ...live, media, host, moderators, people, settle, advance };
  }

  describe('video rooms follow the live event', () => {
    test('creates a plenary, then one room per table for each round, and destroys each after', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      expect(lastMedia(s.people[0]!)).toEqual({ media: null, reason: 'no_room' });

      await s.advance(5 * MINUTE); // doors open: the plenary room, and round 1's rooms made ahead (empty)
      expect(s.media.inspect(f.editionId).map((r) => [r.key, r.prepared, r.members.length])).toEqual([
        ['plenary', false, 15],
        ['r1t1', true, 0],
        ['r1t2', true, 0],
      ]);
      const prepared1 = new Set(
        s.media
          .inspect(f.editionId)
          .filter((r) => r.prepared)
          .map((r) => r.roomId),
      );
      const hostRoom = access(s.host);
      expect(hostRoom).toMatchObject({ kind: 'plenary', publisher: true, janusUrl: 'ws://media.test/janus', videoCodec: 'vp8', audioCodec: 'opus' });
      for (const c of [...s.people, ...s.moderators]) expect(access(c)).toMatchObject({ kind: 'plenary', publisher: false, roomId: hostRoom.roomId });
      expect(joinWith(server, access(s.people[0]!))).toEqual({ ok: true });

      const createdBefore = server.calls.filter((c) => c.startsWith('create')).length;
      await s.advance(25 * MINUTE); // plenary over: round 1 is seated (moving) in the rooms made ahead
      const state = s.engine.inspect(f.editionId)!;
      expect(state.phase).toBe('moving');
      expect(server.rooms.size).toBe(2);
      expect(new Set(server.rooms.keys())).toEqual(prepared1);
      expect(server.calls.filter((c) => c.startsWith('create')).length).toBe(createdBefore);
      expect(
        s.media
          .inspect(f.editionId)
          .map((r) => r.key)
          .sort(),
      ).toEqual(['r1t1', 'r1t2']);
      expect(lastMedia(s.host)).toEqual({ media: null, reason: 'no_room' });
      for (const c of [...s.people, ...s.moderators]) {
        const room = access(c);
        const table = state.tables!.findIndex((tb) => tb.moderator === c.actor.personId || tb.participants.includes(c.actor.personId));
        expect(room).toMatchObject({ kind: 'table', round: 1, table: table + 1, publisher: true, display: c.actor.personId });
        expect(room.bitrateCap).toBeLessThanOrEqual(500_000);
        expect(joinWith(server, room)).toEqual({ ok: true });
      }
      const round1 = new Set(server.rooms.keys());

      await s.advance(30_000); // round 1 runs: round 2's rooms are made with tokens for the planned people, not handed out
      const ahead = s.media.inspect(f.editionId).filter((r) => r.prepared);
      expect(ahead.map((r) => r.key).sort()).toEqual(['r2t1', 'r2t2']);
      expect(ahead.flatMap((r) => r.members).sort()).toEqual([...s.people, ...s.moderators].map((c) => c.actor.personId).sort());
      expect(access(s.people[0]!).round).toBe(1);
      const createdAhead = server.calls.filter((c) => c.startsWith('create')).length;

      await s.advance(12 * MINUTE); // round 1 ends: round 2 seated in the prepared rooms, round 1 rooms gone
      expect(s.engine.inspect(f.editionId)!.round).toBe(2);
      expect([...server.rooms.keys()].some((id) => round1.has(id))).toBe(false);
      expect(server.rooms.size).toBe(2);
      expect(access(s.people[0]!).round).toBe(2);
      expect(new Set(server.rooms.keys())).toEqual(new Set(ahead.map((r) => r.roomId)));
      expect(server.calls.filter((c) => c.startsWith('create')).length).toBe(createdAhead);
      for (const c of s.people) expect(joinWith(server, access(c))).toEqual({ ok: true });

      await s.advance(30_000); // the last round runs: the closing plenary's room is made ahead
      expect(s.media.inspect(f.editionId).find((r) => r.key === 'plenary')).toMatchObject({ prepared: true, members: [] });
      await s.advance(12 * MINUTE); // closing plenary
      expect(s.engine.inspect(f.editionId)!.phase).toBe('closing');
      expect(s.media.inspect(f.editionId).map((r) => r.key)).toEqual(['plenary']);
      expect(access(s.people[0]!)).toMatchObject({ kind: 'plenary', publisher: false });

      await s.engine.execute(s.host.actor, { type: 'end_event' });
      await s.settle();
      expect(server.rooms.size).toBe(0);
      expect(lastMedia(s.people[0]!)).toEqual({ media: null, reason: 'no_room' });
      await s.media.close();
    });

    test('hands out credentials only for the current room: another table token or a wrong pin is refused', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE);
      const a = access(s.people[0]!);
      const other = s.people.map(access).find((r) => r.roomId !== a.roomId)!;
      expect(server.join(other.roomId, { pin: other.pin, token: a.token, feedId: a.feedId })).toEqual({ ok: false, error: 'unauthorized (token)' });
      expect(server.join(other.roomId, { pin: a.pin, token: other.token, feedId: other.feedId })).toEqual({ ok: false, error: 'wrong pin' });
      // Nothing of one room leaks into another participant's events.
      const seen = JSON.stringify(s.people.filter((c) => access(c).roomId === a.roomId).map((c) => c.events));
      expect(seen).not.toContain(other.token);
      expect(seen).not.toContain(String(other.roomId));
      await s.media.close();
    });

    test('revokes and kicks on a move and on a removal', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE + 30_000);
      const mover = s.people[0]!;
      const before = access(mover);
      expect(joinWith(server, before)).toEqual({ ok: true });
      const to = before.table === 1 ? 2 : 1;
      await s.engine.execute(s.host.actor, { type: 'move_person', personId: mover.actor.personId, table: to });
      await s.settle();
      const after = access(mover);
      expect(after).toMatchObject({ table: to, kind: 'table' });
      expect(after.roomId).not.toBe(before.roomId);
      const old = server.rooms.get(before.roomId)!;
      expect(old.allowed.has(before.token)).toBe(false);
      expect(old.participants.has(before.feedId)).toBe(false);
      expect(joinWith(server, before)).toEqual({ ok: false, error: 'unauthorized (token)' });
      expect(joinWith(server, after)).toEqual({ ok: true });

      const gone = s.people[1]!;
      const room = access(gone);
      expect(joinWith(server, room)).toEqual({ ok: true });
      await s.engine.execute(s.host.actor, { type: 'remove_person', personId: gone.actor.personId });
      await s.settle();
      expect(lastMedia(gone).media).toBeNull();
      expect(server.rooms.get(room.roomId)!.allowed.has(room.token)).toBe(false);
      expect(server.rooms.get(room.roomId)!.participants.has(room.feedId)).toBe(false);
      await s.media.close();
    });

    test('retries a revoke that failed while the media server was down', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE + 30_000);
      const mover = s.people[0]!;
      const before = access(mover);
      server.setDown(true);
      await s.engine.execute(s.host.actor, { type: 'move_person', personId: mover.actor.personId, table: before.table === 1 ? 2 : 1 });
      await s.settle();
      expect(lastMedia(mover)).toMatchObject({ media: null, reason: 'media_server_down' });
      server.setDown(false);
      await new Promise((r) => setTimeout(r, 30));
      await s.settle();
      expect(server.rooms.get(before.roomId)!.allowed.has(before.token)).toBe(false);
      expect(access(mover).roomId).not.toBe(before.roomId);
      await s.media.close();
    });

    test('kicks plenary listeners who publish and feeds that were never handed out', async () => {
      const f = await createLiveFixture(t, 4, 1);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(5 * MINUTE);
      const host = access(s.host);
      const listener = access(s.people[0]!);
      const quiet = access(s.people[1]!);
      for (const r of [host, listener, quiet]) expect(joinWith(server, r)).toEqual({ ok: true });
      server.publish(host.roomId, host.feedId);
      server.publish(listener.roomId, listener.feedId);
      // Someone with a valid token who picked its own feed id.
      expect(server.join(listener.roomId, { pin: listener.pin, token: access(s.people[2]!).token, feedId: 42 })).toEqual({
        ok: true,
      });
      await s.media.sweep();
      const inside = [...server.rooms.get(host.roomId)!.participants.keys()].sort();
      expect(inside).toEqual([host.feedId, quiet.feedId].sort());
      await s.media.close();
    });

    test('recreates the live rooms with the same access after the media server restarts', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE);
      const before = access(s.people[0]!);
      server.restart(); // the rooms are gone; the media slice recreates them
      await s.settle();
      expect(server.rooms.size).toBe(2);
      expect(joinWith(server, before)).toEqual({ ok: true });
      expect(access(s.people[0]!)).toEqual(before);
      await s.media.close();
    });

    test('says the media server is down while it is, and recovers', async () => {
      const f = await createLiveFixture(t, 6, 1);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      server.setDown(true);
      await s.advance(5 * MINUTE);
      expect(lastMedia(s.people[0]!)).toMatchObject({ media: null, reason: 'media_server_down' });
      expect(s.media.health().status).toBe('degraded');
      server.setDown(false);
      await new Promise((r) => setTimeout(r, 30));
      await s.settle();
      expect(access(s.people[0]!)).toMatchObject({ kind: 'plenary' });
      await s.media.close();
    });

    test('without a media server everyone gets null credentials and the reason; the event runs', async () => {
      const f = await createLiveFixture(t, 6, 1);
      const s = await setUp(f, null);
      expect(s.people[0]!.snapshot.media).toEqual({
        media: null,
        reason: 'janus_not_installed',
        detail: 'janus is not installed (apt-get install janus)',
      });
      await s.advance(30 * MINUTE);
      expect(s.engine.inspect(f.editionId)!.phase).toBe('moving');
      expect(s.people[0]!.events.some((e) => e.type === 'seat_assigned')).toBe(true);
      expect(s.media.health()).toMatchObject({ status: 'off' });
    });
  });

  describe('muting', () => {
    const muteEvents = (c: TestClient) => c.events.filter((e) => e.type === 'mute_changed');

    test('the moderator of the table mutes a participant in the media server; others may not; the person unmutes itself', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE + 30_000); // round 1 running
      const state = s.engine.inspect(f.editionId)!;
      const [own, other] = [0, 1].map((i) => s.moderators.find((m) => m.actor.personId === state.tables![i]!.moderator)!);
      const at = (table: number) => s.people.filter((c) => state.tables![table]!.participants.includes(c.actor.personId));
      const [target, mate] = at(0);
      const stranger = at(1)[0]!;
      const room = access(target!);
      expect(joinWith(server, room)).toEqual({ ok: true });
      server.publish(room.roomId, room.feedId);

      const mute = { type: 'mute_participant', personId: target!.actor.personId } as const;
      await expect(s.engine.execute(other!.actor, mute)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
      await expect(s.engine.execute(mate!.actor, mute)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN' });
      await s.engine.execute(own!.actor, mute);
      await s.settle();

      const event = { type: 'mute_changed', personId: target!.actor.personId, muted: true, by: 'moderator' };
      for (const c of [target!, mate!, own!, s.host]) expect(muteEvents(c)).toEqual([event]);
      for (const c of [stranger, other!]) expect(muteEvents(c)).toEqual([]);
      expect(server.calls).toContain(`moderate ${room.feedId} mute`);
      expect(server.rooms.get(room.roomId)!.muted.has(room.feedId)).toBe(true);

      // The state survives a reconnection: the table (not the other table) sees it in the snapshot.
      const again = await connect(s.engine, mate!.actor);
      expect(again.snapshot.mutes).toEqual([{ personId: target!.actor.personId, by: 'moderator' }]);
      expect((await connect(s.engine, stranger.actor)).snapshot.mutes).toEqual([]);
      expect((await connect(s.engine, s.host.actor)).snapshot.mutes).toEqual([{ personId: target!.actor.personId, by: 'moderator' }]);

      // A host may mute anyone seated; a self-mute is only announced (the browser turns its own track off).
      await s.engine.execute(s.host.actor, { type: 'mute_participant', personId: stranger.actor.personId });
      await s.engine.execute(mate!.actor, { type: 'set_muted', muted: true });
      await s.settle();
      expect(muteEvents(mate!).at(-1)).toEqual({ type: 'mute_changed', personId: mate!.actor.personId, muted: true, by: 'self' });
      expect(muteEvents(mate!).some((e) => e.type === 'mute_changed' && e.personId === stranger.actor.personId)).toBe(false);
      expect(server.calls).toContain(`moderate ${access(stranger).feedId} mute`);
      expect(server.calls.filter((c) => c.startsWith(`moderate ${access(mate!).feedId}`))).toEqual([]);

      // Unmuting oneself lifts the moderator's mute in the media server.
      await s.engine.execute(target!.actor, { type: 'set_muted', muted: false });
      await s.settle();
      expect(muteEvents(own!).at(-1)).toEqual({ type: 'mute_changed', personId: target!.actor.personId, muted: false, by: 'self' });
      expect(server.rooms.get(room.roomId)!.muted.has(room.feedId)).toBe(false);

      // A new round starts with everyone unmuted.
      await s.advance(12 * MINUTE);
      expect((await connect(s.engine, s.host.actor)).snapshot.mutes).toEqual([]);
      await s.media.close();
    });

    test('a muted person stays muted in the media server after a move within the round and after rejoining', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const server = createFakeMediaServer();
      const s = await setUp(f, server);
      await s.advance(30 * MINUTE + 30_000); // round 1 running
      const target = s.people[0]!;
      const before = access(target);
      joinWith(server, before);
      server.publish(before.roomId, before.feedId);
      await s.engine.execute(s.host.actor, { type: 'mute_participant', personId: target.actor.personId });
      await s.settle();
      expect(server.rooms.get(before.roomId)!.muted.has(before.feedId)).toBe(true);

      // Moved: a new room, a new feed, which Janus would let speak. It is muted once it publishes there.
      await s.engine.execute(s.host.actor, { type: 'move_person', personId: target.actor.personId, table: before.table === 1 ? 2 : 1 });
      await s.settle();
      const after = access(target);
      expect(after.roomId).not.toBe(before.roomId);
      expect(joinWith(server, after)).toEqual({ ok: true });
      server.publish(after.roomId, after.feedId);
      const muted = () => server.rooms.get(after.roomId)!.muted.has(after.feedId);
      for (let i = 0; i < 40 && !muted(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(muted()).toBe(true);

      // A rejoin (ICE failure, reload) publishes unmuted again in Janus: the sweep mutes it again.
      server.leave(after.roomId, after.feedId);
      joinWith(server, after);
      server.publish(after.roomId, after.feedId);
      expect(muted()).toBe(false);
      await s.media.sweep();
      await s.media.idle();
      expect(muted()).toBe(true);

      // Once the person unmutes itself, nothing mutes it again.
      await s.engine.execute(target.actor, { type: 'set_muted', muted: false });
      await s.settle();
      await s.media.sweep();
      await s.media.idle();
      expect(muted()).toBe(false);
      await s.media.close();
    });

    test('nobody mutes outside a seated round', async () => {
      const f = await createLiveFixture(t, 6, 1);
      const s = await setUp(f, createFakeMediaServer());
      await s.advance(5 * MINUTE);
      await expect(s.engine.execute(s.host.actor, { type: 'mute_participant', personId: s.people[0]!.actor.personId })).rejects.toMatchObject({
        code: 'ERR_CONFLICT',
      });
      await s.media.close();
    });
  });
});
