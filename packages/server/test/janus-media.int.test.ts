import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Janode from 'janode';
import WebSocket from 'ws';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { MediaRoomAccess } from '@tablehop/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachJanusProxy } from '../src/media/janus-proxy.js';
import { createMediaService, type MediaService } from '../src/media/media.service.js';
import { janusAvailable, janusMissingMessage, startTestJanus } from './janus-test-server.js';

const ICE = { iceServers: [], iceTransportPolicy: 'all' as const };
type TestJanus = Awaited<ReturnType<typeof startTestJanus>>;

/** Plays a browser's signalling: its own Janus session and a VideoRoom handle. */
async function participant(janus: TestJanus): Promise<{ handle: VideoRoomHandle; attach(): Promise<VideoRoomHandle>; close(): Promise<void> }> {
  const connection = await Janode.connect({ address: { url: janus.supervisor.url, apisecret: janus.supervisor.config.apiSecret }, max_retries: 1 });
  connection.on('error', () => undefined);
  const session = await connection.create();
  const handle = await session.attach(VideoRoomPlugin);
  return { handle, attach: () => session.attach(VideoRoomPlugin), close: () => connection.close().catch(() => undefined) };
}

function joinAs(handle: VideoRoomHandle, room: MediaRoomAccess, override: Partial<MediaRoomAccess> = {}) {
  const r = { ...room, ...override };
  return handle.joinPublisher({ room: r.roomId, feed: r.feedId, display: r.display, pin: r.pin, token: r.token });
}

/** Janus tells a kicked participant `leaving: 'ok', reason: 'kicked'`. */
function kickedFrom(handle: VideoRoomHandle): Promise<void> {
  return new Promise((resolve) =>
    handle.on(VideoRoomPlugin.EVENT.VIDEOROOM_LEAVING!, (data: { reason?: string }) => {
      if (data.reason === 'kicked') resolve();
    }),
  );
}

function accessOf(media: MediaService, editionId: string, personId: string): MediaRoomAccess {
  const assignment = media.assignment(editionId, personId);
  if (!assignment.media) throw new Error(`no media for ${personId}: ${assignment.reason}`);
  return assignment.media.room;
}

const waitFor = async (what: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

if (!janusAvailable && process.env.CI === 'true') {
  describe('media with a real Janus', () => {
    test('has Janus installed', () => {
      throw new Error(janusMissingMessage);
    });
  });
} else {
  describe.skipIf(!janusAvailable)('media with a real Janus (127.0.0.1, signalling only)', () => {
    let janus: TestJanus;
    let media: MediaService;
    const errors: unknown[] = [];
    const open: { close(): Promise<void> }[] = [];
    const editionId = 'edition-1';
    const tables = [
      { moderator: 'm1', participants: ['a', 'b'] },
      { moderator: 'm2', participants: ['c', 'd'] },
    ];

    beforeAll(async () => {
      janus = await startTestJanus();
      media = createMediaService({ servers: [janus.server], ice: ICE, sweepIntervalMs: 0, retryMs: 100, onError: (e) => errors.push(e) });
    }, 30_000);
    afterAll(async () => {
      for (const p of open) await p.close();
      await media?.close();
      await janus?.stop();
    });

    async function newParticipant() {
      const p = await participant(janus);
      open.push(p);
      return p;
    }

    test('writes a config with fresh secrets, no sample defaults, the API on 127.0.0.1 only', async () => {
      const { readFileSync } = await import('node:fs');
      const main = readFileSync(`${janus.supervisor.config.folder}/janus.jcfg`, 'utf8');
      const ws = readFileSync(`${janus.supervisor.config.folder}/janus.transport.websockets.jcfg`, 'utf8');
      const vr = readFileSync(`${janus.supervisor.config.folder}/janus.plugin.videoroom.jcfg`, 'utf8');
      expect(main).not.toContain('janusoverlord');
      expect(vr).not.toContain('adminpwd');
      expect(vr).not.toContain('room-1234');
      expect(ws).toContain('ws_ip = "127.0.0.1"');
      expect(main).toContain('libjanus_http.so');
      expect(janus.supervisor.config.apiSecret).toMatch(/^[\w-]{32}$/);
      // Without the API secret Janus refuses.
      await expect(Janode.connect({ address: { url: janus.supervisor.url }, max_retries: 1 }).then((c) => c.create())).rejects.toThrow(
        /403|Unauthorized/i,
      );
    });

    test('creates a room per table, lets in only its own tokens, and destroys the rooms after', async () => {
      media.update(editionId, { kind: 'tables', round: 1, tables });
      await media.idle();
      const rooms = media.inspect(editionId);
      expect(rooms.map((r) => r.key).sort()).toEqual(['r1t1', 'r1t2']);
      const listed = await janus.server.listRooms();
      for (const r of rooms) expect(listed).toContain(r.roomId);
      expect(listed).not.toContain(1234);

      const a = accessOf(media, editionId, 'a');
      const c = accessOf(media, editionId, 'c');
      expect(a.roomId).not.toBe(c.roomId);
      expect(a.roomId).toBeGreaterThan(2 ** 32);

      const pa = await newParticipant();
      const joined = await joinAs(pa.handle, a);
      expect(joined.feed).toBe(a.feedId);
      // A moderator's mute: Janus accepts the VideoRoom `moderate` request (room secret, feed id, mid).
      media.setMuted(editionId, 'a', true);
      await media.idle();
      expect(errors).toEqual([]);
      // Another room's token, a wrong pin, no token: refused by Janus.
      const intruder = await newParticipant();
      await expect(joinAs(intruder.handle, a, { token: c.token, feedId: c.feedId })).rejects.toThrow(/unauthorized/i);
      await expect(joinAs(intruder.handle, a, { pin: c.pin, token: accessOf(media, editionId, 'b').token })).rejects.toThrow(/pin|unauthorized/i);
      await expect(intruder.handle.joinPublisher({ room: a.roomId, pin: a.pin })).rejects.toThrow(/unauthorized/i);
      // Subscribing needs the private_id of a publisher handle in the room (require_pvtid), so a token too.

      media.update(editionId, { kind: 'none' });
      await media.idle();
      const after = await janus.server.listRooms();
      for (const r of rooms) expect(after).not.toContain(r.roomId);
    });

    test('a move revokes the old token and kicks the old feed', async () => {
      media.update(editionId, { kind: 'tables', round: 2, tables });
      await media.idle();
      const before = accessOf(media, editionId, 'a');
      const pa = await newParticipant();
      await joinAs(pa.handle, before);
      const kicked = kickedFrom(pa.handle);

      const moved = [
        { moderator: 'm1', participants: ['b'] },
        { moderator: 'm2', participants: ['c', 'd', 'a'] },
      ];
      media.update(editionId, { kind: 'tables', round: 2, tables: moved });
      await media.idle();
      await kicked;
      const participants = await janus.server.listParticipants(before.roomId, '');
      expect(participants.map((p) => p.id)).not.toContain(before.feedId);
      const again = await newParticipant();
      await expect(joinAs(again.handle, before)).rejects.toThrow(/unauthorized/i);
      const after = accessOf(media, editionId, 'a');
      expect(after.table).toBe(2);
      await joinAs(again.handle, after);
    });

    test('accepts `moderate` (mute, unmute) with the room secret and refuses it without', async () => {
      const spec = {
        roomId: 2 ** 40 + 7,
        secret: 'room-secret',
        pin: 'pin',
        allowed: ['tok'],
        bitrate: 128_000,
        maxPublishers: 3,
        description: 'moderate',
      };
      await janus.server.createRoom(spec);
      const p = await newParticipant();
      await p.handle.joinPublisher({ room: spec.roomId, feed: 77, display: 'x', pin: spec.pin, token: 'tok' });
      // This signalling-only participant publishes no stream: Janus checks the request, the secret and the
      // feed, then answers "no such stream": not applied (the media slice tries again once it publishes);
      // with a publishing browser it mutes mid "0" (e2e/media.e2e.ts).
      await expect(janus.server.moderate(spec.roomId, spec.secret, 77, true)).resolves.toBe(false);
      await expect(janus.server.moderate(spec.roomId, spec.secret, 77, false)).resolves.toBe(false);
      await expect(janus.server.moderate(spec.roomId, spec.secret, 4242, true)).resolves.toBe(false); // not in the room
      await expect(janus.server.moderate(spec.roomId, 'wrong', 77, true)).rejects.toThrow(/unauthorized|secret/i);
      await janus.server.destroyRoom(spec.roomId, spec.secret);
    });

    test('kicks a participant that joined with a feed id it was not given', async () => {
      const b = accessOf(media, editionId, 'b');
      const p = await newParticipant();
      await joinAs(p.handle, b, { feedId: 4242 });
      const kicked = kickedFrom(p.handle);
      await media.sweep();
      await kicked;
    });

    test('lets 40 plenary listeners join (publisher handles that never publish do not count against the cap)', async () => {
      for (let i = 0; i < 40; i++) media.personPresent('plenary-edition', `p${i}`, i === 0 ? 'host' : 'participant');
      media.update('plenary-edition', { kind: 'plenary' });
      await media.idle();
      const p = await newParticipant();
      for (let i = 0; i < 40; i++) {
        const room = accessOf(media, 'plenary-edition', `p${i}`);
        expect(room.publisher).toBe(i === 0);
        const handle = i === 0 ? p.handle : await p.attach();
        await joinAs(handle, room);
      }
      media.update('plenary-edition', { kind: 'none' });
      await media.idle();
    });

    test('serves Janus to browsers through /janus with the API secret added, other upgrades untouched, foreign pages refused', async () => {
      const http = createServer();
      const otherUpgrades: string[] = [];
      http.on('upgrade', (req, socket) => {
        otherUpgrades.push(req.url ?? '');
        socket.destroy();
      });
      const proxy = attachJanusProxy(http, [{ path: '/janus', target: janus.supervisor.url, apiSecret: janus.supervisor.config.apiSecret }], {
        publicOrigin: 'http://app.test',
      });
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
      try {
        // No apisecret on the browser side: the proxy adds it.
        const connection = await Janode.connect({ address: { url: `${base}/janus` }, max_retries: 1 });
        connection.on('error', () => undefined);
        const session = await connection.create();
        const handle = await session.attach(VideoRoomPlugin);
        const b = accessOf(media, editionId, 'b');
        const joined = await joinAs(handle, b);
        expect(joined.feed).toBe(b.feedId);
        await connection.close();

        const foreign = new WebSocket(`${base}/janus`, 'janus-protocol', { headers: { origin: 'http://evil.test' } });
        await expect(new Promise((resolve, reject) => (foreign.on('open', resolve), foreign.on('error', reject)))).rejects.toThrow(/403/);

        const other = new WebSocket(`${base}/api/live`);
        await new Promise((resolve) => other.on('error', resolve));
        expect(otherUpgrades).toEqual(['/api/live']);
      } finally {
        proxy.close();
        await new Promise((resolve) => http.close(resolve));
      }
    });

    test('recreates the live rooms with the same access after Janus dies and is restarted', async () => {
      const a = accessOf(media, editionId, 'a');
      const pid = janus.supervisor.pid();
      expect(pid).not.toBeNull();
      process.kill(pid!, 'SIGKILL');
      await waitFor(() => janus.supervisor.restarts() === 1 && janus.server.status().status === 'up');
      await waitFor(async () => {
        await media.idle();
        return (await janus.server.listRooms()).includes(a.roomId);
      });
      const p = await newParticipant();
      const joined = await joinAs(p.handle, accessOf(media, editionId, 'a'));
      expect(joined.feed).toBe(a.feedId);
    }, 30_000);
  });
}
