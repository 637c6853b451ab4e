import { timingSafeEqual } from 'node:crypto';
import type { Participant } from '@tablehop/matching';
import {
  liveCommandSchema,
  type LiveAuth,
  type LiveCard,
  type LiveLateJoiner,
  type LiveModeratorCard,
  type LiveMute,
  type LivePresence,
  type LiveRole,
  type LiveSeat,
  type LiveSeatReason,
  type LiveTableView,
  type LiveTimer,
} from '@tablehop/protocol';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { stageOf } from '../media/media.logic.js';
import type { LiveMedia } from '../media/media.service.js';
import type { LiveEngine } from './live-engine.port.js';
import type { TimerHandle, LiveScheduler } from './live-scheduler.js';
import {
  advancePhase,
  createLiveState,
  DEFAULT_DOORS_OPEN_MINUTES,
  decideCommand,
  mutesOf,
  seatLateArrival,
  seatLateModerator,
  toTimer,
  type LiveContext,
  type LiveNotice,
  type LiveState,
  type LiveTable,
} from './live.logic.js';
import type { LiveEditionInfo, LiveStore, SeatingOp } from './live.store.js';
import { createLiveHistory, type LiveHistory } from './live-history.js';
import { chatOf } from './live-chat.logic.js';
import type { LiveActor, LiveEvent, LiveSnapshot } from './live.types.js';

export interface LiveServiceOptions {
  scheduler: LiveScheduler;
  /** The interval between rounds in which everyone changes rooms. Default 30 s. */
  movingSeconds?: number;
  /** The lobby opens this long before the start. Default 15 min. */
  doorsOpenMinutes?: number;
  /** A participant who dropped less than this long ago still counts as present at a round start. Default 60 s. */
  presenceGraceMs?: number;
  /** Where failures of background work (timers, writes) go. */
  onError?: (error: unknown) => void;
  /**
   * Video (`media/`): told the stage after every committed change, who connects and who is removed;
   * it creates/destroys the VideoRooms and sends each person its `media_assigned`. Without it,
   * snapshots say video is not configured.
   */
  media?: LiveMedia;
}

/** The live engine plus what `main.ts` and tests need around it. */
export interface LiveService extends LiveEngine {
  /** Loads every edition whose live state is not ended, applies deadlines that passed, re-arms timers. */
  start(): Promise<void>;
  /** Clears the timers (the state stays in the database). */
  stop(): void;
  /** Resolves when every change made so far is written and its events delivered. */
  idle(): Promise<void>;
  /** The in-memory state of a loaded edition (tests, diagnostics). */
  inspect(editionId: string): LiveState | undefined;
  /** The organizer saved new icebreaker prompts for an edition (already committed): a loaded room uses them and tells everyone. */
  icebreakersChanged(editionId: string, icebreakers: readonly string[]): void;
}

type Sink = (event: LiveEvent) => void;
interface Connection {
  send: Sink;
  open: boolean;
}

interface Person {
  id: string;
  role: LiveRole;
  name: string;
  card: LiveCard | null;
  connections: Set<Connection>;
  /** Connected since (first open connection) or, when gone, last seen. */
  since: number;
  /** When a connection last went (its drop, not when the transport gave up on a resume); -Infinity when never seen. */
  lastSeen: number;
}

interface Delivery {
  to: readonly Connection[];
  event: LiveEvent;
}

interface Room {
  info: LiveEditionInfo;
  state: LiveState;
  version: number;
  seed: number;
  people: Map<string, Person>;
  /** The hosts among `people` (presence, help and table views go to them). */
  hosts: Set<Person>;
  /** Who arrived during a seated round and was seated at once (memory only, like presence), oldest first. */
  lateJoiners: LiveLateJoiner[];
  participantInfo: Map<string, Participant>;
  moderatorIds: string[];
  /** Pairs of earlier editions; people confirmed after loading get theirs when they authenticate. */
  history: LiveHistory;
  /** Person id -> table index in `state.tables`. */
  seatIndex: Map<string, number>;
  nextIndex: { plan: LiveState['plan']; round: number; map: Map<string, number> } | null;
  timer: TimerHandle | null;
  timerAt: number | null;
  // Write-behind: changes apply in memory at once, are written in batches, and their events go out after the commit.
  pendingOps: SeatingOp[];
  pendingDeliveries: Delivery[];
  pendingStatus: 'live' | 'ended' | null;
  nextBatch: Deferred | null;
  flushing: boolean;
  /** The plan and past rounds as last written: only a new one is written again. */
  savedPlan: LiveState['plan'];
  savedPast: LiveState['past'];
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** A stable matching seed per edition: the first 32 bits of its id. */
export function seedOf(editionId: string): number {
  return parseInt(editionId.replace(/-/g, '').slice(0, 8), 16) || 1;
}

function members(table: LiveTable | undefined): readonly string[] {
  if (!table) return [];
  return table.moderator === null ? table.participants : [table.moderator, ...table.participants];
}

function indexTables(tables: readonly LiveTable[] | null): Map<string, number> {
  const index = new Map<string, number>();
  tables?.forEach((t, i) => {
    if (t.moderator !== null) index.set(t.moderator, i);
    for (const id of t.participants) index.set(id, i);
  });
  return index;
}

function sameTimer(a: LiveTimer, b: LiveTimer): boolean {
  return (
    a.phase === b.phase &&
    a.round === b.round &&
    a.rounds === b.rounds &&
    a.startedAt === b.startedAt &&
    a.endsAt === b.endsAt &&
    a.pausedRemainingMs === b.pausedRemainingMs
  );
}

/** How many late joiners a room keeps for the control room (the newest). */
const MAX_LATE_JOINERS = 500;

const NO_VIDEO = { media: null, reason: 'janus_not_installed', detail: 'video is not configured on this server' } as const;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The live engine: one {@link Room} per loaded edition holds the state, who is who, and the open
 * connections. Commands and deadlines are decided by the pure `live.logic.ts`, the result is
 * applied in memory, written (state + seating record) in one transaction, and only then are the
 * events delivered, each already filtered for its receiver.
 */
export function createLiveService(deps: ServiceDeps, store: LiveStore, options: LiveServiceOptions): LiveService {
  const { db, clock } = deps;
  const scheduler = options.scheduler;
  const movingSeconds = options.movingSeconds ?? 30;
  const doorsOpenMinutes = options.doorsOpenMinutes ?? DEFAULT_DOORS_OPEN_MINUTES;
  const graceMs = options.presenceGraceMs ?? 60_000;
  const onError = options.onError ?? (() => undefined);
  const media = options.media;
  const rooms = new Map<string, Promise<Room | undefined>>();
  const loaded = new Map<string, Room>();
  let stopped = false;

  /** Background work (timer callbacks) that `idle()` waits for. */
  const inflight = new Set<Promise<unknown>>();
  const now = (): number => clock.now().getTime();
  function track(work: Promise<unknown>): void {
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  }

  // ------------------------------------------------------------------ loading

  function getRoom(editionId: string): Promise<Room | undefined> {
    let room = rooms.get(editionId);
    if (!room) {
      room = loadRoom(editionId).catch((error: unknown) => {
        rooms.delete(editionId);
        throw error;
      });
      rooms.set(editionId, room);
    }
    return room;
  }

  async function loadRoom(editionId: string): Promise<Room | undefined> {
    const info = await store.findEdition(db, editionId);
    if (!info || info.status === 'draft') return undefined;
    const [saved, participants, moderators, history] = await Promise.all([
      store.loadState(db, editionId),
      store.listParticipants(db, editionId),
      store.listModerators(db, editionId),
      store.loadHistory(db, editionId),
    ]);
    let state = saved ?? createLiveState(editionId, { ...info.format, movingSeconds, doorsOpenMinutes }, info.startsAt.getTime());
    // An edition that ended without the engine (or before it existed) does not start again.
    if (!saved && info.status === 'ended') state = { ...state, phase: 'ended', endsAt: null };
    const room: Room = {
      info,
      state,
      version: 0,
      seed: seedOf(editionId),
      people: new Map(),
      hosts: new Set(),
      lateJoiners: [],
      participantInfo: new Map(),
      moderatorIds: moderators.map((m) => m.id),
      history: createLiveHistory(
        store,
        db,
        editionId,
        history,
        participants.map((p) => p.id),
        onError,
      ),
      seatIndex: indexTables(state.tables),
      nextIndex: null,
      timer: null,
      timerAt: null,
      pendingOps: [],
      pendingDeliveries: [],
      pendingStatus: null,
      nextBatch: null,
      flushing: false,
      savedPlan: state.plan,
      savedPast: state.past,
    };
    for (const p of participants) addParticipant(room, p);
    for (const m of moderators) room.people.set(m.id, newPerson(m.id, 'moderator', m.name, null));
    // After a restart nobody is connected yet: whoever is seated counts as present for the grace
    // period, so a deadline applied before they reconnect does not turn them all into no-shows.
    const t = now();
    for (const id of room.seatIndex.keys()) {
      const person = room.people.get(id);
      if (person) person.lastSeen = t;
    }
    if (!saved) {
      room.version = 1;
      await store.saveState(db, state, room.version, clock.now());
    }
    loaded.set(editionId, room);
    // Media: the rooms this state needs (after a restart: the running round's tables or the plenary).
    media?.update(editionId, stageOf(state));
    armTimer(room);
    return room;
  }

  function newPerson(id: string, role: LiveRole, name: string, card: LiveCard | null): Person {
    return { id, role, name, card, connections: new Set(), since: 0, lastSeen: -Infinity };
  }

  function addParticipant(
    room: Room,
    p: { id: string; name: string; company: string; sector: string; jobTitle: string; offer: string; lookingFor: string },
  ): Person {
    const card: LiveCard = {
      personId: p.id,
      name: p.name,
      company: p.company,
      sector: p.sector,
      jobTitle: p.jobTitle,
      offer: p.offer,
      lookingFor: p.lookingFor,
    };
    const person = newPerson(p.id, 'participant', p.name, card);
    room.people.set(p.id, person);
    room.participantInfo.set(p.id, { id: p.id, ...(p.company ? { company: p.company } : {}), ...(p.sector ? { sector: p.sector } : {}) });
    return person;
  }

  function context(room: Room, at: number): LiveContext {
    const present = (role: LiveRole) => (): string[] => {
      const ids: string[] = [];
      for (const person of room.people.values()) {
        if (person.role === role && (person.connections.size > 0 || at - person.lastSeen < graceMs)) ids.push(person.id);
      }
      return ids;
    };
    return {
      now: at,
      presentParticipants: present('participant'),
      presentModerators: present('moderator'),
      moderators: () => room.moderatorIds,
      isConnected: (id) => (room.people.get(id)?.connections.size ?? 0) > 0,
      participant: (id) => room.participantInfo.get(id),
      history: () => room.history.pairs(),
      seed: room.seed,
    };
  }

  // ------------------------------------------------------------------ views

  function moderatorCard(room: Room, id: string | null): LiveModeratorCard | null {
    if (id === null) return null;
    return { personId: id, name: room.people.get(id)?.name ?? '' };
  }

  function seatView(room: Room, tableIndex: number): LiveSeat {
    const table = room.state.tables![tableIndex]!;
    const cards: LiveCard[] = [];
    for (const id of table.participants) {
      const card = room.people.get(id)?.card;
      if (card) cards.push(card);
    }
    return { round: room.state.round, table: tableIndex + 1, moderator: moderatorCard(room, table.moderator), cards };
  }

  function nextOf(room: Room, personId: string): { round: number; table: number } | null {
    const { plan, planOffset, round, rounds } = room.state;
    if (plan === null || round >= rounds) return null;
    if (room.nextIndex?.plan !== plan || room.nextIndex.round !== round) {
      const planned = plan[round - planOffset];
      room.nextIndex = { plan, round, map: indexTables(planned ? planned.tables : null) };
    }
    const table = room.nextIndex.map.get(personId);
    return table === undefined ? null : { round: round + 1, table: table + 1 };
  }

  function tablesView(room: Room, only?: Iterable<number>): LiveTableView[] {
    const all = room.state.tables ?? [];
    const indices = only ? [...only].filter((i) => i < all.length).sort((a, b) => a - b) : all.map((_, i) => i);
    return indices.map((i) => {
      const t = all[i]!;
      const moderator = t.moderator === null ? null : room.people.get(t.moderator);
      return {
        table: i + 1,
        moderator:
          t.moderator === null ? null : { personId: t.moderator, name: moderator?.name ?? '', connected: (moderator?.connections.size ?? 0) > 0 },
        participants: t.participants.map((id) => {
          const person = room.people.get(id);
          const card = person?.card ?? { personId: id, name: '', company: '', sector: '', jobTitle: '', offer: '', lookingFor: '' };
          return { ...card, connected: (person?.connections.size ?? 0) > 0 };
        }),
      };
    });
  }

  function presenceOf(person: Person, removed = false): LivePresence {
    return {
      personId: person.id,
      role: person.role,
      name: person.name,
      connected: person.connections.size > 0,
      since: person.since,
      connections: person.connections.size,
      ...(removed ? { removed: true } : {}),
    };
  }

  /** The muted people of one table (index), or of every table (null). */
  function mutesFor(room: Room, table: number | null): LiveMute[] {
    const mutes: LiveMute[] = [];
    for (const [personId, by] of mutesOf(room.state)) if (table === null || room.seatIndex.get(personId) === table) mutes.push({ personId, by });
    return mutes;
  }

  function snapshotFor(room: Room, actor: LiveActor): LiveSnapshot {
    const { state } = room;
    const table = room.seatIndex.get(actor.personId);
    const isHost = actor.role === 'host';
    const seat = !isHost && table !== undefined ? seatView(room, table) : null;
    const broadcasts = state.broadcasts.filter(
      (b) => isHost || b.table === null || (table !== undefined && b.table === table + 1 && b.round === state.round),
    );
    return {
      editionId: state.editionId,
      title: room.info.title,
      you: { personId: actor.personId, role: actor.role, name: actor.displayName },
      timer: toTimer(state),
      seat,
      next: isHost ? null : nextOf(room, actor.personId),
      broadcasts,
      notes: actor.role === 'moderator' ? (state.notes[actor.personId] ?? '') : null,
      media: media?.assignment(state.editionId, actor.personId) ?? NO_VIDEO,
      mutes: mutesFor(room, isHost ? null : (table ?? -1)),
      help: isHost ? [...state.help] : actor.role === 'moderator' ? state.help.filter((h) => h.moderatorId === actor.personId) : [],
      chat: isHost || table === undefined ? [] : chatOf(state, table + 1),
      icebreakers: [...(room.info.icebreakers ?? [])],
      staff: isHost
        ? {
            tables: tablesView(room),
            presence: [...room.people.values()].map((p) => presenceOf(p, state.removed.includes(p.id))),
            flags: [...state.flags],
            lateJoiners: [...room.lateJoiners],
          }
        : null,
    };
  }

  // ------------------------------------------------------------------ applying changes

  function connectionsOf(room: Room, filter: (person: Person) => boolean): Connection[] {
    const to: Connection[] = [];
    for (const person of room.people.values()) if (filter(person)) for (const c of person.connections) to.push(c);
    return to;
  }

  function hostConnections(room: Room): Connection[] {
    const to: Connection[] = [];
    for (const host of room.hosts) for (const c of host.connections) to.push(c);
    return to;
  }

  function tableConnections(room: Room, index: number): Connection[] {
    const table = room.state.tables?.[index];
    if (!table) return [];
    const to: Connection[] = [];
    for (const id of table.moderator === null ? table.participants : [table.moderator, ...table.participants]) {
      for (const c of room.people.get(id)?.connections ?? []) to.push(c);
    }
    return to;
  }

  function deliverLater(room: Room, to: readonly Connection[], event: LiveEvent): void {
    if (to.length > 0) room.pendingDeliveries.push({ to, event });
  }

  /** Puts `next` in place, queues the seating record and the events it causes, re-arms the timer, and writes. */
  function apply(room: Room, next: LiveState, notices: readonly LiveNotice[], at: number): Promise<void> {
    const prev = room.state;
    if (next === prev && notices.length === 0) return Promise.resolve();
    room.state = next;
    room.version++;

    if (prev.phase === 'scheduled' && next.phase !== 'scheduled' && next.phase !== 'ended') room.pendingStatus = 'live';
    if (prev.phase !== 'ended' && next.phase === 'ended') room.pendingStatus = 'ended';

    const timer = toTimer(next);
    if (!sameTimer(toTimer(prev), timer))
      deliverLater(
        room,
        connectionsOf(room, () => true),
        { type: 'timer_changed', timer },
      );

    if (prev.tables !== next.tables || prev.round !== next.round) applySeating(room, prev, next, at);

    for (const notice of notices) queueNotice(room, notice);
    armTimer(room);
    return commit(room);
  }

  /**
   * Records and announces a seating change. A new round rebuilds the index and tells everyone; any
   * other change touches only the tables whose object changed (the logic keeps the others), so a
   * late joiner or a move costs the size of two tables, not of the event.
   */
  function applySeating(room: Room, prev: LiveState, next: LiveState, at: number): void {
    const newRound = prev.round !== next.round || prev.tables === null || next.tables === null;
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    const affected = new Set<number>();
    if (newRound) {
      for (const [id, t] of room.seatIndex) before.set(id, t);
      room.seatIndex = indexTables(next.tables);
      for (const [id, t] of room.seatIndex) after.set(id, t);
      next.tables?.forEach((_, i) => affected.add(i));
    } else {
      const count = Math.max(prev.tables!.length, next.tables!.length);
      for (let i = 0; i < count; i++) if (prev.tables![i] !== next.tables![i]) affected.add(i);
      for (const i of affected) {
        for (const id of members(prev.tables![i])) {
          before.set(id, i);
          if (room.seatIndex.get(id) === i) room.seatIndex.delete(id);
        }
      }
      for (const i of affected) {
        for (const id of members(next.tables![i])) {
          after.set(id, i);
          room.seatIndex.set(id, i);
        }
      }
    }
    const when = new Date(at);
    const kindOf = (id: string): 'participant' | 'moderator' => (room.people.get(id)?.role === 'moderator' ? 'moderator' : 'participant');
    const changed = new Set<string>();
    for (const [id, t] of before) {
      if (newRound || after.get(id) !== t) {
        room.pendingOps.push({ op: 'close', personId: id, kind: kindOf(id), at: when });
        changed.add(id);
      }
    }
    for (const [id, t] of after) {
      if (newRound || before.get(id) !== t) {
        room.pendingOps.push({ op: 'open', personId: id, kind: kindOf(id), round: next.round, table: t + 1, at: when });
        changed.add(id);
      }
    }
    if (next.tables === null) return; // the rounds are over: the timer says so.

    for (const t of affected) {
      const table = next.tables[t];
      if (!table) continue;
      const seat = seatView(room, t);
      for (const id of members(table)) {
        const person = room.people.get(id);
        if (!person || person.connections.size === 0) continue;
        const reason: LiveSeatReason = newRound ? 'round_seated' : changed.has(id) ? (before.has(id) ? 'moved' : 'late_joiner') : 'table_changed';
        const event: LiveEvent = { type: 'seat_assigned', seat, next: nextOf(room, id), reason };
        // Someone who changed table within the round gets that table's chat so far (a new round's chats are empty).
        if (!newRound && changed.has(id)) event.chat = chatOf(next, t + 1);
        deliverLater(room, [...person.connections], event);
      }
    }
    for (const id of changed) {
      if (after.has(id)) continue;
      const person = room.people.get(id);
      if (person && person.connections.size > 0)
        deliverLater(room, [...person.connections], { type: 'seat_assigned', seat: null, next: null, reason: 'unseated' });
    }
    const hosts = hostConnections(room);
    if (hosts.length > 0)
      deliverLater(room, hosts, {
        type: 'tables_changed',
        round: next.round,
        full: newRound,
        tables: tablesView(room, newRound ? undefined : affected),
      });
  }

  function queueNotice(room: Room, notice: LiveNotice): void {
    const own = (id: string): Connection[] => [...(room.people.get(id)?.connections ?? [])];
    switch (notice.kind) {
      case 'broadcast': {
        const { table } = notice.broadcast;
        const to = table === null ? connectionsOf(room, () => true) : [...hostConnections(room), ...tableConnections(room, table - 1)];
        deliverLater(room, to, { type: 'broadcast', broadcast: notice.broadcast });
        return;
      }
      case 'help':
        deliverLater(room, [...hostConnections(room), ...own(notice.request.moderatorId)], { type: 'help_updated', request: notice.request });
        return;
      case 'flag':
        deliverLater(room, hostConnections(room), { type: 'flag_raised', flag: notice.flag });
        return;
      case 'note':
        deliverLater(room, own(notice.moderatorId), { type: 'note_saved', text: notice.text });
        return;
      case 'removed': {
        deliverLater(room, own(notice.personId), { type: 'removed' });
        const person = room.people.get(notice.personId);
        if (person) deliverLater(room, hostConnections(room), { type: 'presence_changed', presence: presenceOf(person, true) });
        media?.personRemoved(room.state.editionId, notice.personId); // revokes its video access at once
        return;
      }
      case 'mute': {
        // The table (moderator included) and hosts; the person itself also when it sits at no table.
        const table = room.seatIndex.get(notice.personId);
        const to = new Set([...hostConnections(room), ...(table === undefined ? [] : tableConnections(room, table)), ...own(notice.personId)]);
        deliverLater(room, [...to], { type: 'mute_changed', personId: notice.personId, muted: notice.muted, by: notice.by });
        if (notice.enforce) media?.setMuted(room.state.editionId, notice.personId, notice.muted); // Janus `moderate`
        return;
      }
      case 'chat':
        // The table only (moderator included): no other table and no host ever receives a table's chat.
        deliverLater(room, tableConnections(room, notice.message.table - 1), { type: 'chat_message', message: notice.message });
        return;
    }
  }

  function commit(room: Room): Promise<void> {
    room.nextBatch ??= deferred();
    const promise = room.nextBatch.promise;
    if (!room.flushing) void flush(room);
    return promise;
  }

  /** Writes batches until nothing is pending: state + seating ops + edition status in one transaction, then delivers. */
  async function flush(room: Room): Promise<void> {
    room.flushing = true;
    try {
      while (room.nextBatch) {
        const batch = room.nextBatch;
        room.nextBatch = null;
        const ops = room.pendingOps.splice(0);
        const deliveries = room.pendingDeliveries.splice(0);
        const status = room.pendingStatus;
        room.pendingStatus = null;
        const state = room.state;
        const version = room.version;
        const changed = { plan: state.plan !== room.savedPlan, past: state.past !== room.savedPast };
        try {
          await db.transaction(async (tx) => {
            if (ops.length > 0) await store.writeSeatings(tx, state.editionId, ops);
            await store.saveState(tx, state, version, clock.now(), changed);
            if (status) await store.setEditionStatus(tx, state.editionId, status);
          });
          room.savedPlan = state.plan;
          room.savedPast = state.past;
        } catch (error) {
          // Keep what was not written for the next batch (the state in memory is written whole each time).
          room.pendingOps.unshift(...ops);
          room.pendingDeliveries.unshift(...deliveries);
          room.pendingStatus ??= status;
          batch.reject(error);
          onError(error);
          continue;
        }
        for (const { to, event } of deliveries) {
          for (const connection of to) {
            if (!connection.open) continue;
            try {
              connection.send(event);
            } catch (error) {
              onError(error);
            }
          }
        }
        // Media follows the committed state: rooms for a new round, tokens for moves (media_assigned goes out when ready).
        media?.update(state.editionId, stageOf(state));
        batch.resolve();
      }
    } finally {
      room.flushing = false;
    }
  }

  function armTimer(room: Room): void {
    const at = room.state.endsAt;
    if (at === room.timerAt && (room.timer !== null || at === null)) return;
    if (room.timer) scheduler.clearTimer(room.timer);
    room.timer = null;
    room.timerAt = at;
    if (at === null || stopped) return;
    room.timer = scheduler.setTimer(at, () => {
      room.timer = null;
      room.timerAt = null;
      track(tick(room).catch(onError));
    });
  }

  /**
   * Applies every deadline that has passed, one phase at a time and each at its own deadline, so
   * that the seating record of a catch-up (after a restart) carries the times it would have had.
   */
  function catchUp(room: Room): Promise<void>[] {
    const at = now();
    const writes: Promise<void>[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      const { endsAt, phase } = room.state;
      if (endsAt === null || endsAt > at || phase === 'ended') break;
      writes.push(apply(room, advancePhase(room.state, endsAt, context(room, endsAt)), [], endsAt));
    }
    return writes;
  }

  /**
   * Until the first round is seated the organizer may still change the edition (start, rounds,
   * minutes): the engine takes the edition's current format then.
   */
  async function refreshFormat(room: Room): Promise<void> {
    if (room.state.round !== 0 || room.state.phase === 'ended') return;
    const info = await store.findEdition(db, room.state.editionId);
    const state = room.state;
    if (!info || state.round !== 0 || state.phase === 'ended') return;
    const format = { ...info.format, movingSeconds: state.format.movingSeconds, doorsOpenMinutes: state.format.doorsOpenMinutes };
    const startsAt = info.startsAt.getTime();
    const same =
      startsAt === state.startsAt &&
      (Object.keys(format) as (keyof typeof format)[]).every((key) => format[key] === state.format[key]) &&
      state.rounds === format.rounds;
    if (same) return;
    room.info = info;
    let endsAt = state.endsAt;
    if (state.pausedRemainingMs === null && state.phase === 'scheduled') endsAt = startsAt - format.doorsOpenMinutes * 60_000;
    if (state.pausedRemainingMs === null && state.phase === 'doors_open') endsAt = startsAt > now() ? startsAt : null;
    await apply(room, { ...state, format, startsAt, rounds: format.rounds, endsAt }, [], now());
  }

  async function tick(room: Room): Promise<void> {
    await refreshFormat(room);
    const writes = catchUp(room);
    armTimer(room);
    await Promise.all(writes);
  }

  // ------------------------------------------------------------------ the port

  async function authenticate(editionId: string, auth: LiveAuth, staffUserId: string | undefined): Promise<LiveActor | undefined> {
    if (auth.kind === 'join') {
      const registration = await store.findByJoinToken(db, auth.token);
      if (!registration || !safeEqual(registration.joinToken, auth.token)) return undefined;
      if (registration.editionId !== editionId || registration.status !== 'confirmed') return undefined;
      const room = await getRoom(editionId);
      if (!room || room.state.removed.includes(registration.id)) return undefined;
      let person = room.people.get(registration.id);
      if (!person) {
        const row = await store.findParticipant(db, editionId, registration.id);
        if (!row) return undefined;
        person = room.people.get(registration.id) ?? addParticipant(room, row);
        // Confirmed after the edition was loaded (promoted from the waiting list): load their history before anything seats them.
        await room.history.cover([person.id]);
      }
      return { editionId, role: 'participant', personId: person.id, displayName: person.name };
    }
    if (staffUserId === undefined) return undefined;
    const user = await store.findStaff(db, staffUserId);
    if (!user) return undefined;
    const room = await getRoom(editionId);
    if (!room) return undefined;
    if (user.role === 'organizer') return { editionId, role: 'host', personId: user.id, displayName: user.name };
    if (!room.moderatorIds.includes(user.id)) {
      // Assigned after the edition was loaded?
      const moderators = await store.listModerators(db, editionId);
      const found = moderators.find((m) => m.id === user.id);
      if (!found) return undefined;
      room.moderatorIds.push(found.id);
      if (!room.people.has(found.id)) room.people.set(found.id, newPerson(found.id, 'moderator', found.name, null));
    }
    return { editionId, role: 'moderator', personId: user.id, displayName: user.name };
  }

  async function attach(actor: LiveActor, sink: Sink): Promise<{ snapshot: LiveSnapshot; detach(goneAt?: number): void }> {
    const room = await getRoom(actor.editionId);
    if (!room) throw new AppError('ERR_EDITION_NOT_FOUND');
    if (room.state.removed.includes(actor.personId)) throw new AppError('ERR_FORBIDDEN', 'You were removed from this event.');
    let person = room.people.get(actor.personId);
    if (!person) {
      if (actor.role !== 'host') throw new AppError('ERR_FORBIDDEN');
      person = newPerson(actor.personId, 'host', actor.displayName, null);
      room.people.set(person.id, person);
      room.hosts.add(person);
    }
    const at = now();
    // Someone arriving while a round is seated sits down at once.
    if (room.state.tables !== null && !room.seatIndex.has(person.id)) {
      const next =
        person.role === 'participant'
          ? seatLateArrival(room.state, person.id, context(room, at), -1)
          : person.role === 'moderator'
            ? seatLateModerator(room.state, person.id)
            : room.state;
      if (next !== room.state) {
        noteLateJoiner(room, person, next, at);
        await apply(room, next, [], at);
      }
    }
    const connection: Connection = { send: sink, open: true };
    const first = person.connections.size === 0;
    person.connections.add(connection);
    if (first) {
      person.since = at;
      const presence = presenceOf(person, room.state.removed.includes(person.id));
      deliverNow(hostConnections(room), { type: 'presence_changed', presence });
    }
    // Media: (re)sends this person's assignment; in the plenary it gets its token now.
    media?.personPresent(actor.editionId, person.id, person.role);
    const snapshot = snapshotFor(room, actor);
    const owner = person;
    return {
      snapshot,
      detach(goneAt?: number) {
        if (!connection.open) return;
        connection.open = false;
        owner.connections.delete(connection);
        // The grace counts from when the connection went (the transport may have waited for a resume), never from the future.
        const at = now();
        owner.lastSeen = Math.max(owner.lastSeen, Math.min(goneAt ?? at, at));
        if (owner.connections.size === 0) {
          owner.since = owner.lastSeen;
          deliverNow(hostConnections(room), { type: 'presence_changed', presence: presenceOf(owner, room.state.removed.includes(owner.id)) });
        }
      },
    };
  }

  /** Keeps a late joiner for the control room and tells the hosts (in the batch that writes its seat). */
  function noteLateJoiner(room: Room, person: Person, next: LiveState, at: number): void {
    const table = next.tables?.findIndex((t) => t.moderator === person.id || t.participants.includes(person.id)) ?? -1;
    if (table < 0 || person.role === 'host') return;
    const arrival: LiveLateJoiner = { personId: person.id, role: person.role, name: person.name, round: next.round, table: table + 1, at };
    room.lateJoiners = [...room.lateJoiners, arrival].slice(-MAX_LATE_JOINERS);
    deliverLater(room, hostConnections(room), { type: 'late_joiner', arrival });
  }

  /** Presence is not stored, so its events need no commit. */
  function deliverNow(to: readonly Connection[], event: LiveEvent): void {
    for (const connection of to) {
      if (!connection.open) continue;
      try {
        connection.send(event);
      } catch (error) {
        onError(error);
      }
    }
  }

  async function execute(actor: LiveActor, command: unknown): Promise<void> {
    const parsed = liveCommandSchema.safeParse(command);
    if (!parsed.success) throw new AppError('ERR_VALIDATION', undefined, parsed.error.issues);
    const room = await getRoom(actor.editionId);
    if (!room) throw new AppError('ERR_EDITION_NOT_FOUND');
    if (room.state.removed.includes(actor.personId)) throw new AppError('ERR_FORBIDDEN');
    await refreshFormat(room);
    // Deadlines that passed but whose timer has not fired yet come first.
    const writes = catchUp(room);
    const at = now();
    const decision = decideCommand(room.state, actor, parsed.data, context(room, at));
    if (!decision.ok) {
      await Promise.all(writes);
      throw new AppError(decision.code, decision.reason);
    }
    writes.push(apply(room, decision.state, decision.notices, at));
    await Promise.all(writes);
  }

  // media_assigned events are not stored (the media slice recomputes them), so they go out at once.
  media?.setDelivery((editionId, personId, event) => {
    const person = loaded.get(editionId)?.people.get(personId);
    if (person) deliverNow([...person.connections], event);
  });

  return {
    authenticate,
    attach,
    execute,
    async start() {
      stopped = false;
      for (const editionId of await store.listRunning(db)) {
        const room = await getRoom(editionId);
        if (room) await tick(room);
      }
    },
    stop() {
      stopped = true;
      for (const room of loaded.values()) {
        if (room.timer) scheduler.clearTimer(room.timer);
        room.timer = null;
        room.timerAt = null;
      }
    },
    async idle() {
      for (;;) {
        if (inflight.size > 0) {
          await Promise.allSettled([...inflight]);
          continue;
        }
        const busy = [...loaded.values()].filter((room) => room.flushing || room.nextBatch);
        if (busy.length === 0) return;
        await Promise.all(busy.map((room) => room.nextBatch?.promise.catch(() => undefined) ?? new Promise((r) => setTimeout(r, 1))));
      }
    },
    inspect: (editionId) => loaded.get(editionId)?.state,
    icebreakersChanged(editionId, icebreakers) {
      // A room still loading may have read the old list: it gets the new one once loaded. Not loaded: it reads them when it loads.
      void rooms.get(editionId)?.then(
        (room) => {
          if (!room) return;
          room.info = { ...room.info, icebreakers: [...icebreakers] };
          const event: LiveEvent = { type: 'icebreakers_changed', icebreakers: [...icebreakers] };
          const everyone = connectionsOf(room, () => true);
          deliverNow(everyone, event);
        },
        () => undefined,
      );
    },
  };
}
