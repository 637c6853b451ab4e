import { randomBytes } from 'node:crypto';
import type { LiveEvent, LiveRole, MediaAssignment, MediaIce, MediaUnavailableReason } from '@tablehop/protocol';
import type { MediaRoomSpec, MediaServer, MediaServerStatus } from './media-server.port.js';
import { desiredSeats, sameStage, type MediaSeat, type MediaStage } from './media.logic.js';

/**
 * What the live engine calls (see `live/live.service.ts`, option `media`). The engine tells the
 * media slice *what* the edition looks like; the slice decides which rooms exist and who holds a
 * token for which, and sends each person its `media_assigned` through `setDelivery`.
 */
export interface LiveMedia {
  /** The edition's stage after a committed change (called after every write; unchanged stages cost nothing). */
  update(editionId: string, stage: MediaStage): void;
  /** A person opened a connection: (re)send its assignment; in the plenary it gets a token now. */
  personPresent(editionId: string, personId: string, role: LiveRole): void;
  /**
   * The moderator or a host muted a person (true), or the person lifted that mute (false): its audio in
   * the room it is in now is muted in the media server. A later room (next round, a move) starts unmuted.
   */
  setMuted(editionId: string, personId: string, muted: boolean): void;
  /** The host removed a person from the event: its tokens are revoked and its feeds kicked. */
  personRemoved(editionId: string, personId: string): void;
  /** The assignment of a person now (snapshots). */
  assignment(editionId: string, personId: string): MediaAssignment;
  /** How `media_assigned` events reach a person's open connections. */
  setDelivery(deliver: (editionId: string, personId: string, event: LiveEvent) => void): void;
}

export interface MediaServiceOptions {
  /** The media servers to spread rooms over (by load: fewest rooms). Empty: video is off, see `unavailable`. */
  servers: readonly MediaServer[];
  /** Why there is no video when `servers` is empty (shown to clients and in health). */
  unavailable?: { reason: Extract<MediaUnavailableReason, 'janus_not_installed' | 'media_server_down'>; detail: string };
  ice: MediaIce;
  /** Publisher cap in table rooms (7 people each publishing and receiving 6). Default 384 kbit/s. */
  tableBitrate?: number;
  /** Publisher cap in the plenary (only hosts publish). Default 768 kbit/s. */
  plenaryBitrate?: number;
  /** How often to kick feeds that were not handed out (and listeners that publish). 0: only by `sweep()`. Default 2 s. */
  sweepIntervalMs?: number;
  /** A failed media-server call is retried after this long. Default 2 s. */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

export interface MediaService extends LiveMedia {
  /** One line for /api/health. */
  health(): MediaServerStatus;
  /** Kicks every participant of our rooms that holds no feed id we handed out, and plenary listeners that publish. */
  sweep(): Promise<void>;
  /** Resolves when no reconciliation is running or due. */
  idle(): Promise<void>;
  /** Rooms of an edition (tests, diagnostics). */
  inspect(editionId: string): { key: string; roomId: number; server: string; created: boolean; members: string[] }[];
  /** Destroys every room (best effort) and stops the timers; the servers are closed by their owner. */
  close(): Promise<void>;
}

interface Grant {
  token: string;
  feedId: number;
  publisher: boolean;
}

interface RoomRecord {
  key: string;
  seat: Omit<MediaSeat, 'publisher'>;
  spec: Omit<MediaRoomSpec, 'allowed'>;
  server: MediaServer;
  /** The room exists on its server with every token of `grants` allowed. */
  created: boolean;
  /** The last call for this room failed (its members are told the media server is down). */
  failed: boolean;
  grants: Map<string, Grant>;
  /** Grants taken away whose revoke/kick has not succeeded yet (retried with the next reconciliation). */
  revoking: Grant[];
}

interface EditionMedia {
  id: string;
  stage: MediaStage;
  present: Map<string, LiveRole>;
  removed: Set<string>;
  desired: Map<string, MediaSeat>;
  rooms: Map<string, RoomRecord>;
  /** The last assignment sent to each person (JSON), so that only changes are sent. */
  sent: Map<string, string>;
  running: Promise<void> | null;
  dirty: boolean;
  retry: ReturnType<typeof setTimeout> | null;
}

/** A random positive integer below 2^52: unguessable room and feed ids that stay exact in JSON. */
export function randomId(): number {
  const bytes = randomBytes(8);
  bytes[0] = 0;
  bytes[1] = bytes[1]! & 0x0f;
  return Number(bytes.readBigUInt64BE(0)) || 1;
}

function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The media slice: mirrors each edition's stage onto VideoRooms.
 *
 * Access per room (the invariant): a person holds a token for at most one room of an edition, the
 * room it is in now. Moving on (a new round, a move, the plenary, a removal) first revokes the old
 * token and kicks the old feed, then grants the new one. Rooms have random 52-bit ids, a PIN, a
 * secret that never leaves the server, `require_pvtid`, and only accept tokens of their allowed list.
 *
 * Plenary listeners: Janus' `allowed` list cannot say "subscribe only", so listeners get a token (to
 * subscribe) and a feed id marked as non-publishing; the sweep kicks any participant of our rooms whose
 * feed id we did not hand out, and any plenary participant publishing with a listener's feed id (within
 * `sweepIntervalMs`). Feed ids are unique per room in Janus, so a listener cannot take a host's id while
 * the host is in the room.
 */
export function createMediaService(options: MediaServiceOptions): MediaService {
  const servers = options.servers;
  const tableBitrate = options.tableBitrate ?? 384_000;
  const plenaryBitrate = options.plenaryBitrate ?? 768_000;
  const retryMs = options.retryMs ?? 2_000;
  const onError = options.onError ?? (() => undefined);
  const editions = new Map<string, EditionMedia>();
  let deliver: (editionId: string, personId: string, event: LiveEvent) => void = () => undefined;
  let closed = false;
  /** `moderate` calls under way (`idle()` waits for them). */
  const moderating = new Set<Promise<void>>();

  const unsubscribers = servers.map((server) =>
    server.onReset(() => {
      // The server lost its rooms: recreate ours there with the same ids, PINs and tokens.
      for (const edition of editions.values()) {
        let touched = false;
        for (const room of edition.rooms.values()) {
          if (room.server === server) {
            room.created = false;
            touched = true;
          }
        }
        if (touched) {
          // Clients lost their connection to the room: send them their assignment again.
          edition.sent.clear();
          schedule(edition);
        }
      }
    }),
  );

  const sweepTimer =
    (options.sweepIntervalMs ?? 2_000) > 0 && servers.length > 0
      ? setInterval(() => void sweep().catch(onError), options.sweepIntervalMs ?? 2_000)
      : null;
  sweepTimer?.unref();

  function editionOf(editionId: string): EditionMedia {
    let edition = editions.get(editionId);
    if (!edition) {
      edition = {
        id: editionId,
        stage: { kind: 'none' },
        present: new Map(),
        removed: new Set(),
        desired: new Map(),
        rooms: new Map(),
        sent: new Map(),
        running: null,
        dirty: false,
        retry: null,
      };
      editions.set(editionId, edition);
    }
    return edition;
  }

  function schedule(edition: EditionMedia): void {
    edition.desired = desiredSeats(edition.stage, edition.present, edition.removed);
    edition.dirty = true;
    if (!edition.running) {
      edition.running = run(edition).finally(() => {
        edition.running = null;
      });
    }
  }

  async function run(edition: EditionMedia): Promise<void> {
    while (edition.dirty && !closed) {
      edition.dirty = false;
      let failed = false;
      try {
        failed = await reconcile(edition);
      } catch (error) {
        failed = true;
        onError(error);
      }
      sendAssignments(edition);
      if (failed && !edition.retry && !closed) {
        edition.retry = setTimeout(() => {
          edition.retry = null;
          schedule(edition);
        }, retryMs);
        edition.retry.unref?.();
      }
    }
  }

  function roomsPerServer(): Map<MediaServer, number> {
    const load = new Map<MediaServer, number>(servers.map((s) => [s, 0]));
    for (const edition of editions.values()) for (const room of edition.rooms.values()) load.set(room.server, (load.get(room.server) ?? 0) + 1);
    return load;
  }

  function pickServer(): MediaServer {
    const load = roomsPerServer();
    const up = servers.filter((s) => s.status().status === 'up');
    const candidates = up.length > 0 ? up : servers;
    return candidates.reduce((best, s) => ((load.get(s) ?? 0) < (load.get(best) ?? 0) ? s : best));
  }

  /** Brings the rooms of an edition in line with `edition.desired`. Returns true when a call failed (a retry is due). */
  async function reconcile(edition: EditionMedia): Promise<boolean> {
    if (servers.length === 0) return false;
    let failed = false;
    const attempt = async (room: RoomRecord, work: () => Promise<void>): Promise<boolean> => {
      try {
        await work();
        room.failed = false;
        return true;
      } catch (error) {
        room.failed = true;
        failed = true;
        onError(error);
        return false;
      }
    };
    const revokePending = async (room: RoomRecord): Promise<void> => {
      const revoking = room.revoking;
      if (revoking.length === 0) return;
      const done = await attempt(room, async () => {
        await room.server.revoke(
          room.spec.roomId,
          room.spec.secret,
          revoking.map((g) => g.token),
        );
        for (const grant of revoking) await room.server.kick(room.spec.roomId, room.spec.secret, grant.feedId);
      });
      if (done) room.revoking = room.revoking.filter((g) => !revoking.includes(g));
    };
    const desired = edition.desired;
    const needed = new Set([...desired.values()].map((s) => s.key));

    // 1. Whoever no longer belongs in a room (or whose right to publish changed) loses its token and is kicked.
    for (const room of edition.rooms.values()) {
      const leaving = [...room.grants].filter(([id, grant]) => {
        const seat = desired.get(id);
        return seat?.key !== room.key || seat.publisher !== grant.publisher;
      });
      for (const [id, grant] of leaving) {
        room.grants.delete(id);
        room.revoking.push(grant);
      }
      // A room that goes is destroyed below; one not (re)created yet is revoked right after its creation.
      if (!needed.has(room.key)) room.revoking = [];
      if (room.created) await revokePending(room);
    }

    // 2. Rooms nobody belongs in any more are destroyed (everyone still inside is thrown out by Janus).
    for (const room of [...edition.rooms.values()]) {
      if (needed.has(room.key)) continue;
      if (!room.created || (await attempt(room, () => room.server.destroyRoom(room.spec.roomId, room.spec.secret)))) edition.rooms.delete(room.key);
    }

    // 3. New rooms and new members.
    const added = new Map<RoomRecord, string[]>();
    for (const [id, seat] of desired) {
      let room = edition.rooms.get(seat.key);
      if (!room) {
        const { publisher: _publisher, ...where } = seat;
        room = {
          key: seat.key,
          seat: where,
          spec: {
            roomId: randomId(),
            secret: randomSecret(),
            pin: randomSecret(12),
            bitrate: seat.kind === 'plenary' ? plenaryBitrate : tableBitrate,
            // A table: up to 6 participants + a moderator, with room for a late joiner or a move.
            maxPublishers: seat.kind === 'plenary' ? 16 : 12,
            description: seat.kind === 'plenary' ? `Tablehop ${edition.id} plenary` : `Tablehop ${edition.id} ${seat.key}`,
          },
          server: pickServer(),
          created: false,
          failed: false,
          grants: new Map(),
          revoking: [],
        };
        edition.rooms.set(seat.key, room);
      }
      if (!room.grants.has(id)) {
        room.grants.set(id, { token: randomSecret(), feedId: randomId(), publisher: seat.publisher });
        if (room.created) added.set(room, [...(added.get(room) ?? []), room.grants.get(id)!.token]);
      }
    }
    for (const room of edition.rooms.values()) {
      if (!room.created) {
        const allowed = [...room.grants.values()].map((g) => g.token);
        if (await attempt(room, () => room.server.createRoom({ ...room.spec, allowed }))) {
          room.created = true;
          // A server that kept the room through a lost connection may still allow tokens taken away meanwhile.
          await revokePending(room);
        } else {
          // The retry may go to another server (one that is up).
          room.server = pickServer();
        }
      } else {
        const tokens = added.get(room);
        if (tokens) {
          // A failed grant: forget these grants; the retry hands out new tokens.
          if (!(await attempt(room, () => room.server.grant(room.spec.roomId, room.spec.secret, tokens)))) {
            for (const [id, grant] of room.grants) if (tokens.includes(grant.token)) room.grants.delete(id);
          }
        }
      }
    }
    return failed;
  }

  function assignmentOf(edition: EditionMedia | undefined, personId: string): MediaAssignment {
    if (servers.length === 0) {
      const unavailable = options.unavailable ?? { reason: 'janus_not_installed' as const, detail: 'video is not configured on this server' };
      return { media: null, reason: unavailable.reason, detail: unavailable.detail };
    }
    const seat = edition?.desired.get(personId);
    if (!edition || !seat) return { media: null, reason: 'no_room' };
    const room = edition.rooms.get(seat.key);
    const grant = room?.grants.get(personId);
    if (!room || !grant || !room.created) {
      return room?.failed ? { media: null, reason: 'media_server_down', detail: room.server.status().detail } : { media: null, reason: 'preparing' };
    }
    return {
      media: {
        room: {
          kind: seat.kind,
          round: seat.round,
          table: seat.table,
          janusUrl: room.server.browserUrl,
          roomId: room.spec.roomId,
          pin: room.spec.pin,
          token: grant.token,
          feedId: grant.feedId,
          display: personId,
          publisher: grant.publisher,
          bitrateCap: room.spec.bitrate,
          videoCodec: 'vp8',
          audioCodec: 'opus',
          apiToken: null,
        },
        ice: options.ice,
      },
      reason: null,
    };
  }

  function sendAssignments(edition: EditionMedia): void {
    const people = new Set([...edition.sent.keys(), ...edition.desired.keys(), ...edition.present.keys()]);
    for (const id of people) {
      const assignment = assignmentOf(edition, id);
      const json = JSON.stringify(assignment);
      if (edition.sent.get(id) === json) continue;
      edition.sent.set(id, json);
      try {
        deliver(edition.id, id, { type: 'media_assigned', assignment });
      } catch (error) {
        onError(error);
      }
    }
  }

  async function sweep(): Promise<void> {
    for (const edition of editions.values()) {
      for (const room of edition.rooms.values()) {
        if (!room.created) continue;
        const byFeed = new Map([...room.grants.values()].map((g) => [g.feedId, g]));
        let participants;
        try {
          participants = await room.server.listParticipants(room.spec.roomId, room.spec.secret);
        } catch (error) {
          onError(error);
          continue;
        }
        for (const p of participants) {
          const grant = byFeed.get(p.id);
          if (grant && (grant.publisher || !p.publisher)) continue;
          await room.server.kick(room.spec.roomId, room.spec.secret, p.id).catch(onError);
        }
      }
    }
  }

  return {
    update(editionId, stage) {
      const edition = editionOf(editionId);
      if (sameStage(edition.stage, stage)) return;
      edition.stage = stage;
      schedule(edition);
    },
    personPresent(editionId, personId, role) {
      const edition = editionOf(editionId);
      edition.present.set(personId, role);
      // The new connection must hear the next assignment even if it equals the last one sent.
      edition.sent.delete(personId);
      schedule(edition);
    },
    setMuted(editionId, personId, muted) {
      const edition = editions.get(editionId);
      const seat = edition?.desired.get(personId);
      const room = seat ? edition?.rooms.get(seat.key) : undefined;
      const grant = room?.grants.get(personId);
      if (!room || !grant || !room.created) return;
      const work = room.server.moderate(room.spec.roomId, room.spec.secret, grant.feedId, muted).catch(onError);
      moderating.add(work);
      void work.finally(() => moderating.delete(work));
    },
    personRemoved(editionId, personId) {
      const edition = editionOf(editionId);
      edition.removed.add(personId);
      schedule(edition);
    },
    assignment(editionId, personId) {
      return assignmentOf(editions.get(editionId), personId);
    },
    setDelivery(fn) {
      deliver = fn;
    },
    health() {
      if (servers.length === 0) {
        return { status: 'off', detail: options.unavailable?.detail ?? 'video is not configured' };
      }
      const states = servers.map((s) => ({ name: s.name, ...s.status() }));
      const load = roomsPerServer();
      const detail = states.map((s, i) => `${s.name}: ${s.status} (${s.detail}; ${load.get(servers[i]!) ?? 0} rooms)`).join('; ');
      return { status: states.every((s) => s.status === 'up') ? 'up' : 'degraded', detail };
    },
    sweep,
    async idle() {
      for (;;) {
        const busy = [...editions.values()].map((e) => e.running).filter((p): p is Promise<void> => p !== null);
        busy.push(...moderating);
        if (busy.length === 0) return;
        await Promise.all(busy);
      }
    },
    inspect(editionId) {
      const edition = editions.get(editionId);
      if (!edition) return [];
      return [...edition.rooms.values()].map((r) => ({
        key: r.key,
        roomId: r.spec.roomId,
        server: r.server.name,
        created: r.created,
        members: [...r.grants.keys()],
      }));
    },
    async close() {
      closed = true;
      if (sweepTimer) clearInterval(sweepTimer);
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const edition of editions.values()) {
        if (edition.retry) clearTimeout(edition.retry);
        await edition.running?.catch(() => undefined);
        for (const room of edition.rooms.values()) {
          if (room.created) await room.server.destroyRoom(room.spec.roomId, room.spec.secret).catch(() => undefined);
        }
        edition.rooms.clear();
      }
    },
  };
}
