import { randomBytes } from 'node:crypto';
import type { LiveEvent, LiveRole, MediaAssignment, MediaIce, MediaUnavailableReason } from '@tablehop/protocol';
import type { MediaRoomSpec, MediaServer, MediaServerStatus } from './media-server.port.js';
import { desiredSeats, preparedRooms, sameStage, type MediaSeat, type MediaStage, type PreparedRoom } from './media.logic.js';

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
   * the room it is in now is muted in the media server, also when it publishes there again (a move
   * within the round, a rejoin). The next round (or the plenary) starts unmuted.
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
  inspect(editionId: string): { key: string; roomId: number; server: string; created: boolean; prepared: boolean; members: string[] }[];
  /** Destroys every room (best effort) and stops the timers; the servers are closed by their owner. */
  close(): Promise<void>;
}

interface Grant {
  token: string;
  feedId: number;
  publisher: boolean;
  /** The media server confirmed the mute of this feed (reset when the feed may have come back unmuted). */
  muteApplied: boolean;
  /** Mute attempts while the feed was not there (yet). */
  muteTries: number;
  /** Sent to its person (in an assignment or a snapshot). */
  handedOut: boolean;
}

interface RoomRecord {
  key: string;
  seat: Omit<MediaSeat, 'publisher'>;
  /** Made ahead for the next stage: its tokens are not handed out yet. */
  prepared: boolean;
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
  /** Rooms of the next stage, made ahead (see `preparedRooms`). */
  prepared: Map<string, PreparedRoom>;
  rooms: Map<string, RoomRecord>;
  /** People muted by their moderator or a host in the current round. */
  muted: Set<string>;
  /** The `moderate` calls of a person, one after the other. */
  moderation: Map<string, Promise<void>>;
  /** The last assignment sent to each person (JSON), so that only changes are sent. */
  sent: Map<string, string>;
  running: Promise<void> | null;
  dirty: boolean;
  retry: ReturnType<typeof setTimeout> | null;
}

/** A muted feed not in its room yet is tried again this often, this many times (then the sweep takes over). */
const MUTE_RETRY_MS = 250;
const MUTE_TRIES = 40;

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
            // Everyone publishes again in the recreated room, unmuted: mutes are applied again.
            for (const grant of room.grants.values()) grant.muteApplied = false;
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
        prepared: new Map(),
        rooms: new Map(),
        muted: new Set(),
        moderation: new Map(),
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
    edition.prepared = preparedRooms(edition.stage, edition.present, edition.removed);
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
      // A muted person in a room where its mute is not in force (a move, a recreated room): apply it.
      for (const id of edition.muted) if (currentGrant(edition, id)?.grant.muteApplied === false) applyMute(edition, id);
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

  /**
   * Brings the rooms of an edition in line with `edition.desired` (handed out) and `edition.prepared`
   * (made ahead). Order: tokens taken away (revoke, kick) and rooms no longer needed destroyed first,
   * then the current rooms and their new tokens, then the assignments go out, and only then rooms are
   * prepared for the next stage. Calls to different rooms run in parallel. Returns true when a call
   * failed (a retry is due).
   */
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
        // Janus: a kick closes the feed's PeerConnection (its table-mates' subscriptions to it end) and,
        // with `require_pvtid`, stops every subscription the kicked participant opened in the room. A
        // token never handed out (made ahead, then replanned) has no feed to kick.
        await Promise.all(revoking.filter((g) => g.handedOut).map((grant) => room.server.kick(room.spec.roomId, room.spec.secret, grant.feedId)));
      });
      if (done) room.revoking = room.revoking.filter((g) => !revoking.includes(g));
    };
    const desired = edition.desired;
    const current = new Set([...desired.values()].map((s) => s.key));
    const ahead = new Map([...edition.prepared].filter(([key]) => !current.has(key)).map(([key, p]) => [key, { ...p, members: new Set(p.members) }]));
    const needed = new Set([...current, ...ahead.keys()]);
    const belongs = (room: RoomRecord, id: string, grant: Grant): boolean => {
      const seat = desired.get(id);
      if (seat?.key === room.key) return seat.publisher === grant.publisher;
      const plan = ahead.get(room.key);
      return plan !== undefined && plan.members.has(id) && grant.publisher === (plan.kind === 'table');
    };

    // 1. Whoever no longer belongs in a room (or whose right to publish changed) loses its token and is
    //    kicked; 2. rooms nobody belongs in any more are destroyed (Janus throws out everyone inside).
    //    Both at once: they concern different rooms.
    await Promise.all(
      [...edition.rooms.values()].map(async (room) => {
        if (!needed.has(room.key)) {
          if (!room.created || (await attempt(room, () => room.server.destroyRoom(room.spec.roomId, room.spec.secret))))
            edition.rooms.delete(room.key);
          return;
        }
        for (const [id, grant] of [...room.grants]) {
          if (belongs(room, id, grant)) continue;
          room.grants.delete(id);
          room.revoking.push(grant);
        }
        // One not (re)created yet is revoked right after its creation.
        if (room.created) await revokePending(room);
      }),
    );

    // 3. The current rooms and their members (a prepared room that became current keeps its tokens: nothing to do).
    const added = new Map<RoomRecord, string[]>();
    const ensureRoom = (where: Omit<MediaSeat, 'publisher'>, prepared: boolean): RoomRecord => {
      let room = edition.rooms.get(where.key);
      if (!room) {
        room = {
          key: where.key,
          seat: { key: where.key, kind: where.kind, round: where.round, table: where.table },
          prepared,
          spec: {
            roomId: randomId(),
            secret: randomSecret(),
            pin: randomSecret(12),
            bitrate: where.kind === 'plenary' ? plenaryBitrate : tableBitrate,
            // A table: up to 6 participants + a moderator, with room for a late joiner or a move.
            maxPublishers: where.kind === 'plenary' ? 16 : 12,
            description: where.kind === 'plenary' ? `Tablehop ${edition.id} plenary` : `Tablehop ${edition.id} ${where.key}`,
          },
          server: pickServer(),
          created: false,
          failed: false,
          grants: new Map(),
          revoking: [],
        };
        edition.rooms.set(where.key, room);
      }
      room.prepared = prepared;
      return room;
    };
    const addGrant = (room: RoomRecord, id: string, publisher: boolean): void => {
      if (room.grants.has(id)) return;
      const grant: Grant = { token: randomSecret(), feedId: randomId(), publisher, muteApplied: false, muteTries: 0, handedOut: false };
      room.grants.set(id, grant);
      if (room.created) added.set(room, [...(added.get(room) ?? []), grant.token]);
    };
    const bringUp = (rooms: RoomRecord[]) =>
      Promise.all(
        rooms.map(async (room) => {
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
            return;
          }
          const tokens = added.get(room);
          // A failed grant: forget these grants; the retry hands out new tokens.
          if (tokens && !(await attempt(room, () => room.server.grant(room.spec.roomId, room.spec.secret, tokens)))) {
            for (const [id, grant] of room.grants) if (tokens.includes(grant.token)) room.grants.delete(id);
          }
        }),
      );
    const currentRooms = new Set<RoomRecord>();
    for (const [id, seat] of desired) {
      const room = ensureRoom(seat, false);
      addGrant(room, id, seat.publisher);
      currentRooms.add(room);
    }
    await bringUp([...currentRooms]);
    sendAssignments(edition);

    // 4. Rooms of the next stage, with tokens of the people planned into them (not handed out yet).
    const preparedRecords: RoomRecord[] = [];
    for (const plan of ahead.values()) {
      const room = ensureRoom(plan, true);
      for (const id of plan.members) addGrant(room, id, plan.kind === 'table');
      preparedRecords.push(room);
    }
    await bringUp(preparedRecords);
    return failed;
  }

  /** The room and grant a person holds now (its current seat), if its room exists. */
  function currentGrant(edition: EditionMedia, personId: string): { room: RoomRecord; grant: Grant } | null {
    const seat = edition.desired.get(personId);
    const room = seat ? edition.rooms.get(seat.key) : undefined;
    const grant = room?.grants.get(personId);
    return room && grant && room.created ? { room, grant } : null;
  }

  /**
   * Puts a person's mute state into the media server (`moderate` of its feed in its current room).
   * Calls for one person run one after the other, each reading the state when it runs. A muted feed
   * that is not there yet (it is still joining its new room) is tried again every `MUTE_RETRY_MS`
   * for a while; after that the sweep applies the mute once it publishes.
   */
  function applyMute(edition: EditionMedia, personId: string): void {
    const previous = edition.moderation.get(personId) ?? Promise.resolve();
    const work = previous
      .then(async () => {
        const target = currentGrant(edition, personId);
        if (!target || closed) return;
        const { room, grant } = target;
        const mute = edition.muted.has(personId);
        const applied = await room.server.moderate(room.spec.roomId, room.spec.secret, grant.feedId, mute);
        grant.muteApplied = mute && applied;
        grant.muteTries = mute && !applied ? grant.muteTries + 1 : 0;
        if (mute && !applied && grant.muteTries < MUTE_TRIES) {
          const retry = setTimeout(() => {
            if (edition.muted.has(personId) && currentGrant(edition, personId)?.grant === grant && !grant.muteApplied) applyMute(edition, personId);
          }, MUTE_RETRY_MS);
          retry.unref?.();
        }
      })
      .catch(onError);
    edition.moderation.set(personId, work);
    moderating.add(work);
    void work.finally(() => {
      moderating.delete(work);
      if (edition.moderation.get(personId) === work) edition.moderation.delete(personId);
    });
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
    grant.handedOut = true;
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
        const personOf = new Map([...room.grants].map(([id, g]) => [g.feedId, id]));
        for (const p of participants) {
          const grant = byFeed.get(p.id);
          if (grant && (grant.publisher || !p.publisher)) {
            // A muted person publishing (maybe again, after a rejoin, which Janus does not remember): mute it (again).
            const personId = personOf.get(p.id)!;
            if (p.publisher && !room.prepared && edition.muted.has(personId)) applyMute(edition, personId);
            continue;
          }
          await room.server.kick(room.spec.roomId, room.spec.secret, p.id).catch(onError);
        }
      }
    }
  }

  return {
    update(editionId, stage) {
      const edition = editionOf(editionId);
      if (sameStage(edition.stage, stage)) return;
      // Mutes belong to a round: the next round (or the plenary) starts with everyone unmuted.
      const roundOf = (st: MediaStage) => (st.kind === 'tables' ? st.round : -1);
      if (roundOf(edition.stage) !== roundOf(stage)) edition.muted.clear();
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
      const edition = editionOf(editionId);
      if (muted) edition.muted.add(personId);
      else edition.muted.delete(personId);
      applyMute(edition, personId);
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
        prepared: r.prepared,
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
