import Janode from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { LiveEvent, MediaRoomAccess } from '@tablehop/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMediaService, type MediaService } from '../src/media/media.service.js';
import { janusAvailable, janusMissingMessage, startTestJanus } from './janus-test-server.js';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT, type TestClient } from './live-fixture.js';
import { useTestApp } from './test-app.js';

type TestJanus = Awaited<ReturnType<typeof startTestJanus>>;

function access(client: TestClient): MediaRoomAccess {
  const last = client.events.filter((e): e is Extract<LiveEvent, { type: 'media_assigned' }> => e.type === 'media_assigned').at(-1);
  const assignment = last?.assignment ?? client.snapshot.media;
  if (!assignment.media) throw new Error(`no media: ${assignment.reason}`);
  return assignment.media.room;
}

if (!janusAvailable && process.env.CI === 'true') {
  describe('live event with a real Janus', () => {
    test('has Janus installed', () => {
      throw new Error(janusMissingMessage);
    });
  });
} else {
  describe.skipIf(!janusAvailable)('live event with a real Janus (signalling on 127.0.0.1)', () => {
    const t = useTestApp();
    let janus: TestJanus;
    let media: MediaService;
    const connections: { close(): Promise<void> }[] = [];

    beforeAll(async () => {
      janus = await startTestJanus();
      media = createMediaService({ servers: [janus.server], ice: { iceServers: [], iceTransportPolicy: 'all' }, sweepIntervalMs: 0 });
    }, 30_000);
    afterAll(async () => {
      for (const c of connections) await c.close();
      await media?.close();
      await janus?.stop();
    });

    /** A browser's signalling, through a Janus session of its own. */
    async function browser(): Promise<VideoRoomHandle> {
      const connection = await Janode.connect({
        address: { url: janus.supervisor.url, apisecret: janus.supervisor.config.apiSecret },
        max_retries: 1,
      });
      connection.on('error', () => undefined);
      connections.push({ close: () => connection.close().catch(() => undefined) });
      return (await connection.create()).attach(VideoRoomPlugin);
    }
    const join = (handle: VideoRoomHandle, room: MediaRoomAccess, token = room.token) =>
      handle.joinPublisher({ room: room.roomId, feed: room.feedId, display: room.display, pin: room.pin, token });

    test('seated people join their own table room and no other; a moved person is kicked and joins the new one', async () => {
      const f = await createLiveFixture(t, 12, 2);
      const live = createTestEngine(t.db, STARTS_AT - 20 * MINUTE, { media });
      await live.engine.start();
      const host = await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'staff' }, f.organizerId));
      const people: TestClient[] = [];
      for (const p of f.participants)
        people.push(await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined)));
      for (const id of f.moderators) await connect(live.engine, await live.engine.authenticate(f.editionId, { kind: 'staff' }, id));
      const settle = async (ms: number) => {
        await live.advance(ms);
        await media.idle();
      };

      // The plenary: everyone can join, only the host is a publisher.
      await settle(20 * MINUTE);
      expect(access(host)).toMatchObject({ kind: 'plenary', publisher: true });
      expect(access(people[0]!)).toMatchObject({ kind: 'plenary', publisher: false });
      await join(await browser(), access(people[0]!));

      // Round 1 seated: every participant joins its table room.
      await settle(10 * MINUTE);
      const handles = new Map<string, VideoRoomHandle>();
      for (const p of people) {
        const handle = await browser();
        const joined = await join(handle, access(p));
        expect(joined.feed).toBe(access(p).feedId);
        handles.set(p.actor.personId, handle);
      }
      const a = people[0]!;
      const other = people.find((p) => access(p).roomId !== access(a).roomId)!;
      await expect(join(await browser(), access(other), access(a).token)).rejects.toThrow(/unauthorized/i);

      // The host moves `a`: kicked from the old room, its token no longer works there, the new one does.
      const before = access(a);
      const kicked = new Promise<void>((resolve) =>
        handles.get(a.actor.personId)!.on(VideoRoomPlugin.EVENT.VIDEOROOM_LEAVING!, (d: { reason?: string }) => d.reason === 'kicked' && resolve()),
      );
      await live.engine.execute(host.actor, { type: 'move_person', personId: a.actor.personId, table: before.table === 1 ? 2 : 1 });
      await live.engine.idle();
      await media.idle();
      await kicked;
      await expect(join(await browser(), before)).rejects.toThrow(/unauthorized/i);
      expect(access(a).roomId).not.toBe(before.roomId);
      await join(await browser(), access(a));

      // The event ends: no room of it is left on Janus.
      const ids = media.inspect(f.editionId).map((r) => r.roomId);
      await live.engine.execute(host.actor, { type: 'end_event' });
      await live.engine.idle();
      await media.idle();
      const left = await janus.server.listRooms();
      for (const id of ids) expect(left).not.toContain(id);
      live.engine.stop();
    }, 30_000);
  });
}
