import type { MediaParticipant, MediaRoomSpec, MediaServer, MediaServerStatus } from '../src/media/media-server.port.js';

interface FakeRoom {
  spec: MediaRoomSpec;
  allowed: Set<string>;
  participants: Map<number, { publisher: boolean }>;
  /** Feeds whose audio is muted by `moderate`. */
  muted: Set<number>;
}

/**
 * An in-memory media server with the access rules of Janus' VideoRoom that matter to us: a join
 * needs the room's PIN and a token of its allowed list, feed ids are unique per room, management
 * calls need the room's secret. `join`/`publish` play the browser; `restart` plays a Janus restart.
 */
export function createFakeMediaServer(name = 'fake', browserUrl = 'ws://media.test/janus') {
  const rooms = new Map<number, FakeRoom>();
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  let down = false;

  function room(roomId: number, secret: string): FakeRoom {
    if (down) throw new Error('media server down');
    const r = rooms.get(roomId);
    if (!r) throw new Error(`no such room ${roomId}`);
    if (r.spec.secret !== secret) throw new Error('unauthorized (secret)');
    return r;
  }

  const server: MediaServer & {
    rooms: Map<number, FakeRoom>;
    calls: string[];
    setDown(value: boolean): void;
    restart(): void;
    join(roomId: number, access: { pin: string; token: string; feedId: number }): { ok: true } | { ok: false; error: string };
    publish(roomId: number, feedId: number): void;
    /** The participant leaves on its own (closes its session): Janus forgets its mute. */
    leave(roomId: number, feedId: number): void;
  } = {
    name,
    browserUrl,
    rooms,
    calls,
    async createRoom(spec) {
      calls.push(`create ${spec.description}`);
      if (down) throw new Error('media server down');
      if (rooms.has(spec.roomId)) throw new Error('room exists');
      rooms.set(spec.roomId, { spec, allowed: new Set(spec.allowed), participants: new Map(), muted: new Set() });
    },
    async destroyRoom(roomId, secret) {
      calls.push(`destroy ${rooms.get(roomId)?.spec.description ?? roomId}`);
      if (down) throw new Error('media server down');
      if (!rooms.has(roomId)) return;
      room(roomId, secret);
      rooms.delete(roomId);
    },
    async grant(roomId, secret, tokens) {
      calls.push(`grant ${tokens.length}`);
      const r = room(roomId, secret);
      for (const t of tokens) r.allowed.add(t);
    },
    async revoke(roomId, secret, tokens) {
      calls.push(`revoke ${tokens.length}`);
      const r = room(roomId, secret);
      for (const t of tokens) r.allowed.delete(t);
    },
    async kick(roomId, secret, feedId) {
      calls.push(`kick ${feedId}`);
      const r = room(roomId, secret);
      r.participants.delete(feedId);
      r.muted.delete(feedId);
    },
    async moderate(roomId, secret, feedId, mute) {
      calls.push(`moderate ${feedId} ${mute ? 'mute' : 'unmute'}`);
      const r = room(roomId, secret);
      const p = r.participants.get(feedId);
      // Like Janus: only a participant that publishes has an audio stream to (un)mute.
      if (!p?.publisher) return false;
      if (mute) r.muted.add(feedId);
      else r.muted.delete(feedId);
      return true;
    },
    async listRooms() {
      if (down) throw new Error('media server down');
      return [...rooms.keys()];
    },
    async listParticipants(roomId, secret): Promise<MediaParticipant[]> {
      return [...room(roomId, secret).participants].map(([id, p]) => ({ id, publisher: p.publisher }));
    },
    status(): MediaServerStatus {
      return down ? { status: 'down', detail: 'fake down' } : { status: 'up', detail: 'fake' };
    },
    onReset(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
    setDown(value) {
      down = value;
    },
    restart() {
      rooms.clear();
      for (const l of listeners) l();
    },
    join(roomId, access) {
      const r = rooms.get(roomId);
      if (!r) return { ok: false, error: 'no such room' };
      if (r.spec.pin !== access.pin) return { ok: false, error: 'wrong pin' };
      if (!r.allowed.has(access.token)) return { ok: false, error: 'unauthorized (token)' };
      if (r.participants.has(access.feedId)) return { ok: false, error: 'id exists' };
      r.participants.set(access.feedId, { publisher: false });
      return { ok: true };
    },
    publish(roomId, feedId) {
      const p = rooms.get(roomId)?.participants.get(feedId);
      if (p) p.publisher = true;
    },
    leave(roomId, feedId) {
      rooms.get(roomId)?.participants.delete(feedId);
      rooms.get(roomId)?.muted.delete(feedId);
    },
  };
  return server;
}

export type FakeMediaServer = ReturnType<typeof createFakeMediaServer>;
