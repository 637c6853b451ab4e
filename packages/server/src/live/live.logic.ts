import {
  planEvent,
  replanRound,
  seatLateJoiner,
  type HistoryPair,
  type ModeratorMode,
  type Participant,
  type PlannedRound,
} from '@tablehop/matching';
import {
  liveCommandRoles,
  type LiveBroadcast,
  type LiveChatMessage,
  type LiveCommand,
  type LiveFlag,
  type LiveHelpRequest,
  type LiveMuteBy,
  type LivePhase,
  type LiveTimer,
} from '@tablehop/protocol';
import type { LiveActor } from './live.types.js';
import { decideChat, type LiveChatState } from './live-chat.logic.js';

/**
 * The pure state machine of a live edition: phases, timers (stored deadlines), seating of the
 * current round, and every host / moderator command. No clock, no I/O: `now`, presence and what
 * is known about people arrive in a {@link LiveContext}; decisions return a new state (the old
 * one is never changed) plus the notices the service emits after the state is saved.
 */

export interface LiveFormat {
  groupSize: number;
  rounds: number;
  roundMinutes: number;
  plenaryMinutes: number;
  moderatorMode: ModeratorMode;
  /** The "moving" interval before each round, in which everyone changes rooms. */
  movingSeconds: number;
  /** How long before the start the doors (lobby) open by themselves. */
  doorsOpenMinutes: number;
}

/** One table of the current round: participant ids (registration ids) and the moderator's user id. */
export interface LiveTable {
  readonly moderator: string | null;
  readonly participants: readonly string[];
}

/** Everything that must survive a restart; plain JSON. */
export interface LiveState {
  readonly editionId: string;
  readonly format: LiveFormat;
  /** The edition's start, epoch ms. */
  readonly startsAt: number;
  readonly phase: LivePhase;
  /** Current (or, while moving, upcoming) round, 1-based; 0 before the first. */
  readonly round: number;
  /** Rounds planned now; add/drop round change it. */
  readonly rounds: number;
  readonly startedAt: number | null;
  /** Deadline of the phase; null while paused or when only the host moves on. */
  readonly endsAt: number | null;
  readonly pausedRemainingMs: number | null;
  /** The plan from `planEvent`; its round 0 is edition round `planOffset + 1`. */
  readonly plan: readonly PlannedRound[] | null;
  readonly planOffset: number;
  /** Seating of `round` while moving or in a round; null otherwise. Table n is `tables[n - 1]`. */
  readonly tables: readonly LiveTable[] | null;
  /** Final seating of the finished rounds (for "who met whom" in this edition). */
  readonly past: readonly (readonly LiveTable[])[];
  readonly removed: readonly string[];
  readonly help: readonly LiveHelpRequest[];
  readonly flags: readonly LiveFlag[];
  /** The latest broadcasts (at most {@link MAX_BROADCASTS}). */
  readonly broadcasts: readonly LiveBroadcast[];
  readonly notes: Readonly<Record<string, string>>;
  readonly nextId: number;
  /**
   * Muted microphones, by person: who muted it and in which round. Only entries of the current round
   * count ({@link mutesOf}): a new round starts with everyone unmuted (new rooms, new feeds in Janus).
   * Optional: states stored before muting existed have none.
   */
  readonly mutes?: Readonly<Record<string, { by: LiveMuteBy; round: number }>>;
  /** The table chats of the current round (`live-chat.logic.ts`). Optional: states stored before the chat existed have none. */
  readonly chat?: LiveChatState;
}

export const MAX_BROADCASTS = 50;

/** What a decision may know besides the state. Functions, so that callers only pay for what a decision uses. */
export interface LiveContext {
  now: number;
  /** Participant ids present now (connected, or gone for less than the grace period). */
  presentParticipants(): readonly string[];
  presentModerators(): readonly string[];
  /** Moderators assigned to the edition. */
  moderators(): readonly string[];
  isConnected(personId: string): boolean;
  /** Company and sector of a participant; undefined for unknown ids. */
  participant(personId: string): Participant | undefined;
  /** Pairs met at earlier editions of the series. */
  history(): readonly HistoryPair[];
  seed: number;
}

/** Something to tell actors that the state diff does not show. */
export type LiveNotice =
  | { kind: 'broadcast'; broadcast: LiveBroadcast }
  | { kind: 'help'; request: LiveHelpRequest }
  | { kind: 'flag'; flag: LiveFlag }
  | { kind: 'note'; moderatorId: string; text: string }
  | { kind: 'removed'; personId: string }
  /** `enforce`: the media server must (un)mute the feed (a mute by the moderator or a host, or lifting one). */
  | { kind: 'mute'; personId: string; muted: boolean; by: LiveMuteBy; enforce: boolean }
  /** A table-chat message: to the people at `message.table` only. */
  | { kind: 'chat'; message: LiveChatMessage };

export type LiveErrorCode = 'ERR_FORBIDDEN' | 'ERR_CONFLICT' | 'ERR_VALIDATION' | 'ERR_NOT_FOUND';
export type LiveDecision = { ok: true; state: LiveState; notices: LiveNotice[] } | { ok: false; code: LiveErrorCode; reason: string };

const MINUTE = 60_000;

/** How long before the start the lobby opens unless the live service is told otherwise; the manage view shows the same. */
export const DEFAULT_DOORS_OPEN_MINUTES = 15;

/** The state of an edition nobody has started yet: doors open by themselves `doorsOpenMinutes` before the start. */
export function createLiveState(editionId: string, format: LiveFormat, startsAt: number): LiveState {
  return {
    editionId,
    format,
    startsAt,
    phase: 'scheduled',
    round: 0,
    rounds: format.rounds,
    startedAt: null,
    endsAt: startsAt - format.doorsOpenMinutes * MINUTE,
    pausedRemainingMs: null,
    plan: null,
    planOffset: 0,
    tables: null,
    past: [],
    removed: [],
    help: [],
    flags: [],
    broadcasts: [],
    notes: {},
    nextId: 1,
  };
}

/** The timer everyone shows. */
export function toTimer(state: LiveState): LiveTimer {
  return {
    phase: state.phase,
    round: state.round,
    rounds: state.rounds,
    startedAt: state.startedAt,
    endsAt: state.endsAt,
    pausedRemainingMs: state.pausedRemainingMs,
  };
}

/**
 * Applies every deadline that has passed by `ctx.now`, in order, each at its own deadline (so a
 * restart after a long outage ends up where a server that never stopped would be).
 */
export function applyDeadlines(state: LiveState, ctx: LiveContext): LiveState {
  let current = state;
  for (let guard = 0; guard < 1000 && current.endsAt !== null && current.endsAt <= ctx.now && current.phase !== 'ended'; guard++) {
    current = advancePhase(current, current.endsAt, ctx);
  }
  return current;
}

/** Ends the current phase at `at` and enters the next one. */
export function advancePhase(state: LiveState, at: number, ctx: LiveContext): LiveState {
  const base = { ...state, startedAt: at, pausedRemainingMs: null };
  switch (state.phase) {
    case 'scheduled':
      return { ...base, phase: 'doors_open', endsAt: state.startsAt > at ? state.startsAt : null };
    case 'doors_open':
      return { ...base, phase: 'plenary', endsAt: at + state.format.plenaryMinutes * MINUTE };
    case 'plenary':
      return state.rounds > 0 ? seatRound(base, 1, at, ctx) : closing(base, at);
    case 'moving':
      return { ...base, phase: 'round', endsAt: at + state.format.roundMinutes * MINUTE };
    case 'round':
      return state.round < state.rounds ? seatRound(finishRound(base), state.round + 1, at, ctx) : closing(finishRound(base), at);
    case 'closing':
      return ended(base);
    case 'ended':
      return state;
  }
}

function finishRound(state: LiveState): LiveState {
  return state.tables === null ? state : { ...state, past: [...state.past, state.tables], tables: null };
}

function closing(state: LiveState, at: number): LiveState {
  return { ...finishRound(state), phase: 'closing', endsAt: at + state.format.plenaryMinutes * MINUTE };
}

function ended(state: LiveState): LiveState {
  return { ...finishRound(state), phase: 'ended', endsAt: null, pausedRemainingMs: null };
}

/** Pairs (participants and moderators) seated together in this edition so far. */
export function metPairs(state: LiveState): [string, string][] {
  const pairs: [string, string][] = [];
  const rounds = state.tables === null ? state.past : [...state.past, state.tables];
  for (const tables of rounds) {
    for (const table of tables) {
      const ids = table.moderator === null ? table.participants : [table.moderator, ...table.participants];
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
    }
  }
  return pairs;
}

/**
 * Seats round `round` (entering its moving interval): the first time with `planEvent` for who is
 * present, later with `replanRound` (no-shows leave, late arrivals are seated, as few moves as
 * possible). Rounds beyond the plan (added by the host) get a fresh plan that counts this
 * edition's encounters as history.
 */
function seatRound(state: LiveState, round: number, at: number, ctx: LiveContext): LiveState {
  const removed = new Set(state.removed);
  const present = ctx.presentParticipants().filter((id) => !removed.has(id));
  const presentModerators = ctx.presentModerators();
  const participants = present.map((id) => ctx.participant(id) ?? { id });
  const groupSize = seatingGroupSize(state.format.groupSize);
  const index = round - 1 - state.planOffset;
  let plan = state.plan;
  let planOffset = state.planOffset;
  let tables: LiveTable[] | null = null;
  if (plan !== null && index >= 0 && index < plan.length) {
    const replanned = replanRound({
      plan: { rounds: plan },
      roundIndex: index,
      present,
      presentModerators,
      participants,
      groupSize,
      history: [...ctx.history()],
      met: metPairs(state),
    });
    if (replanned.ok) tables = replanned.round.tables.map(copyTable);
  } else {
    const today = new Date(at).toISOString().slice(0, 10);
    const history = [...ctx.history(), ...metPairs(state).map(([a, b]) => ({ a, b, date: today }))];
    const planned = planEvent({
      participants,
      moderators: presentModerators.map((id) => ({ id })),
      groupSize,
      rounds: Math.max(1, state.rounds - round + 1),
      moderatorMode: state.format.moderatorMode,
      history,
      seed: ctx.seed + round,
    });
    if (planned.ok) {
      plan = planned.plan.rounds;
      planOffset = round - 1;
      tables = planned.plan.rounds[0]!.tables.map(copyTable);
    }
  }
  tables ??= fallbackTables(present, presentModerators, state.format.groupSize);
  return { ...state, phase: 'moving', round, plan, planOffset, tables, endsAt: at + state.format.movingSeconds * 1000 };
}

/**
 * Table sizes for the matcher: the defaults of M2, except that a table never holds a lone
 * participant when the target is 2 or more. Otherwise 4 people at tables of 2 (min 1) asked for 4
 * rounds get 4 tables of 1, which the matcher counts as 4 clean rounds.
 */
export function seatingGroupSize(target: number): { target: number; min: number; max: number } {
  return { target, min: Math.max(Math.min(2, target), target - 1), max: target + 1 };
}

function copyTable(table: LiveTable): LiveTable {
  return { moderator: table.moderator, participants: [...table.participants] };
}

/** When the planner finds no seating within its bounds (e.g. 3 people for tables of 5–7): deal people round-robin. */
export function fallbackTables(present: readonly string[], moderators: readonly string[], groupSize: number): LiveTable[] {
  if (present.length === 0) return [];
  const count = Math.max(1, Math.round(present.length / groupSize));
  const tables = Array.from({ length: count }, (_, t) => ({ moderator: moderators[t] ?? null, participants: [] as string[] }));
  present.forEach((id, i) => tables[i % count]!.participants.push(id));
  return tables;
}

/** The table index (0-based) of a person in the current round, or -1. */
export function tableOf(state: LiveState, personId: string): number {
  if (state.tables === null) return -1;
  return state.tables.findIndex((t) => t.moderator === personId || t.participants.includes(personId));
}

/**
 * A participant arriving while a round is seated (moving or running) sits down at once
 * (`seatLateJoiner`). Returns the state unchanged when there is nothing to do.
 */
export function seatLateArrival(state: LiveState, personId: string, ctx: LiveContext, seatedAt: number = tableOf(state, personId)): LiveState {
  if (state.tables === null || seatedAt >= 0 || state.removed.includes(personId)) return state;
  const tables = state.tables;
  if (tables.length === 0) return { ...state, tables: [{ moderator: null, participants: [personId] }] };
  const person = ctx.participant(personId) ?? { id: personId };
  const met = new Set<string>();
  for (const h of ctx.history()) {
    if (h.a === personId) met.add(h.b);
    if (h.b === personId) met.add(h.a);
  }
  for (const round of state.past) {
    for (const table of round) {
      if (table.moderator !== personId && !table.participants.includes(personId)) continue;
      if (table.moderator !== null) met.add(table.moderator);
      for (const id of table.participants) met.add(id);
    }
  }
  met.delete(personId);
  const needInfo = Boolean(person.company || person.sector);
  const seated = needInfo ? tables.flatMap((t) => t.participants.map((id) => ctx.participant(id) ?? { id })) : [];
  const result = seatLateJoiner({ round: { tables }, person, participants: seated, met: [...met], maxSize: state.format.groupSize + 1 });
  let target: number;
  if (result.ok) target = result.tableIndex;
  else {
    // Every table is full (or holds a colleague): the smallest table takes one more.
    target = 0;
    tables.forEach((t, i) => {
      if (t.participants.length < tables[target]!.participants.length) target = i;
    });
  }
  return { ...state, tables: withParticipant(tables, target, personId) };
}

function withParticipant(tables: readonly LiveTable[], index: number, personId: string): LiveTable[] {
  return tables.map((t, i) => (i === index ? { moderator: t.moderator, participants: [...t.participants, personId] } : t));
}

function withoutPerson(tables: readonly LiveTable[], personId: string): LiveTable[] {
  return tables.map((t) =>
    t.moderator === personId || t.participants.includes(personId)
      ? { moderator: t.moderator === personId ? null : t.moderator, participants: t.participants.filter((id) => id !== personId) }
      : t,
  );
}

/** The muted people of the current round and who muted each. */
export function mutesOf(state: LiveState): Map<string, LiveMuteBy> {
  const mutes = new Map<string, LiveMuteBy>();
  for (const [id, mute] of Object.entries(state.mutes ?? {})) if (mute.round === state.round) mutes.set(id, mute.by);
  return mutes;
}

function withMute(state: LiveState, personId: string, by: LiveMuteBy | null): LiveState {
  const mutes: Record<string, { by: LiveMuteBy; round: number }> = {};
  for (const [id, mute] of Object.entries(state.mutes ?? {})) if (mute.round === state.round && id !== personId) mutes[id] = mute;
  if (by !== null) mutes[personId] = { by, round: state.round };
  return { ...state, mutes };
}

const ok = (state: LiveState, notices: LiveNotice[] = []): LiveDecision => ({ ok: true, state, notices });
const refuse = (code: LiveErrorCode, reason: string): LiveDecision => ({ ok: false, code, reason });

/** Decides one command of `actor`: permission first, then whether the state allows it. */
export function decideCommand(state: LiveState, actor: LiveActor, command: LiveCommand, ctx: LiveContext): LiveDecision {
  if (actor.editionId !== state.editionId || !liveCommandRoles[command.type].includes(actor.role)) {
    return refuse('ERR_FORBIDDEN', `${actor.role} may not ${command.type}`);
  }
  const now = ctx.now;
  const seated = state.tables !== null;
  const nextId = (prefix: string): [string, LiveState] => [`${prefix}-${state.nextId}`, { ...state, nextId: state.nextId + 1 }];
  const tableCount = state.tables?.length ?? 0;

  switch (command.type) {
    case 'open_doors':
      if (state.phase !== 'scheduled') return refuse('ERR_CONFLICT', 'the doors are open already');
      return ok(advancePhase(state, now, ctx));
    case 'start_now': {
      if (state.phase === 'scheduled') return ok(advancePhase({ ...state, phase: 'doors_open' }, now, ctx));
      if (state.phase === 'doors_open' || state.phase === 'plenary' || state.phase === 'moving') return ok(advancePhase(state, now, ctx));
      return refuse('ERR_CONFLICT', `nothing to start in phase ${state.phase}`);
    }
    case 'advance':
      if (state.phase === 'ended') return refuse('ERR_CONFLICT', 'the event has ended');
      return ok(advancePhase(state, now, ctx));
    case 'end_round_now':
      if (state.phase !== 'round') return refuse('ERR_CONFLICT', 'no round is running');
      return ok(advancePhase(state, now, ctx));
    case 'pause':
      if (state.endsAt === null || state.phase === 'scheduled') return refuse('ERR_CONFLICT', 'no running timer to pause');
      return ok({ ...state, endsAt: null, pausedRemainingMs: Math.max(0, state.endsAt - now) });
    case 'resume':
      if (state.pausedRemainingMs === null) return refuse('ERR_CONFLICT', 'the timer is not paused');
      return ok({ ...state, endsAt: now + state.pausedRemainingMs, pausedRemainingMs: null });
    case 'extend_round': {
      if (state.phase !== 'round' && state.phase !== 'plenary' && state.phase !== 'closing') return refuse('ERR_CONFLICT', 'no round to extend');
      const ms = command.minutes * MINUTE;
      if (state.pausedRemainingMs !== null) return ok({ ...state, pausedRemainingMs: state.pausedRemainingMs + ms });
      if (state.endsAt === null) return refuse('ERR_CONFLICT', 'the phase has no deadline');
      return ok({ ...state, endsAt: state.endsAt + ms });
    }
    case 'add_round':
      if (state.phase === 'closing' || state.phase === 'ended') return refuse('ERR_CONFLICT', 'the rounds are over');
      return ok({ ...state, rounds: state.rounds + 1 });
    case 'drop_round':
      if (state.phase === 'closing' || state.phase === 'ended' || state.rounds <= state.round) return refuse('ERR_CONFLICT', 'no round left to drop');
      return ok({ ...state, rounds: state.rounds - 1 });
    case 'end_event':
      if (state.phase === 'ended') return refuse('ERR_CONFLICT', 'the event has ended already');
      return ok({ ...ended(state), startedAt: now });
    case 'broadcast': {
      if (command.table !== undefined && command.table > tableCount) return refuse('ERR_NOT_FOUND', `there is no table ${command.table}`);
      const [id, next] = nextId('b');
      const broadcast: LiveBroadcast = { id, text: command.text, table: command.table ?? null, round: state.round, at: now };
      return ok({ ...next, broadcasts: [...state.broadcasts, broadcast].slice(-MAX_BROADCASTS) }, [{ kind: 'broadcast', broadcast }]);
    }
    case 'move_person': {
      if (!seated) return refuse('ERR_CONFLICT', 'no round is seated');
      if (command.table > tableCount) return refuse('ERR_NOT_FOUND', `there is no table ${command.table}`);
      if (ctx.participant(command.personId) === undefined) return refuse('ERR_NOT_FOUND', 'no such participant');
      if (state.removed.includes(command.personId)) return refuse('ERR_CONFLICT', 'this person was removed');
      if (tableOf(state, command.personId) === command.table - 1) return ok(state);
      return ok({ ...state, tables: withParticipant(withoutPerson(state.tables!, command.personId), command.table - 1, command.personId) });
    }
    case 'swap_people': {
      if (!seated) return refuse('ERR_CONFLICT', 'no round is seated');
      const ta = tableOf(state, command.a);
      const tb = tableOf(state, command.b);
      if (ta < 0 || tb < 0 || ctx.participant(command.a) === undefined || ctx.participant(command.b) === undefined) {
        return refuse('ERR_NOT_FOUND', 'both must be seated participants');
      }
      if (ta === tb) return ok(state);
      // Each goes to the end of the other's table (the order seatings are recorded in).
      const tables = withParticipant(
        withParticipant(withoutPerson(withoutPerson(state.tables!, command.a), command.b), tb, command.a),
        ta,
        command.b,
      );
      return ok({ ...state, tables });
    }
    case 'remove_person': {
      if (ctx.participant(command.personId) === undefined) return refuse('ERR_NOT_FOUND', 'no such participant');
      if (state.removed.includes(command.personId)) return ok(state);
      const tables = state.tables === null ? null : withoutPerson(state.tables, command.personId);
      return ok({ ...state, tables, removed: [...state.removed, command.personId] }, [{ kind: 'removed', personId: command.personId }]);
    }
    case 'reassign_moderator': {
      if (!seated) return refuse('ERR_CONFLICT', 'no round is seated');
      if (command.table > tableCount) return refuse('ERR_NOT_FOUND', `there is no table ${command.table}`);
      if (!ctx.moderators().includes(command.moderatorId)) return refuse('ERR_NOT_FOUND', 'not a moderator of this edition');
      const target = command.table - 1;
      const from = tableOf(state, command.moderatorId);
      if (from === target) return ok(state);
      const previous = state.tables![target]!.moderator;
      // The table's moderator takes the other's old table (a swap); a moderator without a table is freed.
      const tables = state.tables!.map((t, i) =>
        i === target
          ? { moderator: command.moderatorId, participants: t.participants }
          : i === from
            ? { moderator: previous, participants: t.participants }
            : t,
      );
      return ok({ ...state, tables });
    }
    case 'answer_help':
    case 'close_help': {
      const request = state.help.find((h) => h.id === command.requestId);
      if (request === undefined) return refuse('ERR_NOT_FOUND', 'no such help request');
      const updated: LiveHelpRequest =
        command.type === 'answer_help' ? { ...request, status: 'answered', answer: command.text } : { ...request, status: 'closed' };
      return ok({ ...state, help: state.help.map((h) => (h.id === request.id ? updated : h)) }, [{ kind: 'help', request: updated }]);
    }
    case 'request_help': {
      const table = tableOf(state, actor.personId);
      const [id, next] = nextId('h');
      const request: LiveHelpRequest = {
        id,
        moderatorId: actor.personId,
        moderatorName: actor.displayName,
        round: state.round,
        table: table < 0 ? null : table + 1,
        text: command.text ?? '',
        status: 'open',
        answer: null,
        createdAt: now,
      };
      return ok({ ...next, help: [...state.help, request] }, [{ kind: 'help', request }]);
    }
    case 'flag': {
      const table = tableOf(state, actor.personId);
      const [id, next] = nextId('f');
      const flag: LiveFlag = {
        id,
        kind: command.kind,
        moderatorId: actor.personId,
        personId: command.personId ?? null,
        round: state.round,
        table: table < 0 ? null : table + 1,
        text: command.text ?? '',
        createdAt: now,
      };
      let tables = next.tables;
      if (command.kind === 'no_show') {
        if (command.personId === undefined) return refuse('ERR_VALIDATION', 'a no-show names the person');
        // A no-show at this moderator's table who is not connected leaves the table (seated again if they arrive).
        if (table >= 0 && state.tables![table]!.participants.includes(command.personId) && !ctx.isConnected(command.personId)) {
          tables = withoutPerson(state.tables!, command.personId);
        }
      }
      return ok({ ...next, tables, flags: [...state.flags, flag] }, [{ kind: 'flag', flag }]);
    }
    case 'mute_participant': {
      // Moderators mute at their own table only; hosts anyone seated. Worked example: m1 leads table 1
      // with a and b; m1 may mute a, not c at table 2 (ERR_FORBIDDEN); the host may mute both.
      const table = tableOf(state, command.personId);
      if (!seated || (state.phase !== 'moving' && state.phase !== 'round')) return refuse('ERR_CONFLICT', 'no round is seated');
      if (actor.role === 'moderator' && (table < 0 || state.tables![table]!.moderator !== actor.personId)) {
        return refuse('ERR_FORBIDDEN', 'a moderator mutes only people at its own table');
      }
      if (table < 0) return refuse('ERR_NOT_FOUND', 'this person is not seated');
      const by: LiveMuteBy = actor.role === 'host' ? 'host' : 'moderator';
      const current = mutesOf(state).get(command.personId);
      if (current !== undefined && current !== 'self') return ok(state);
      return ok(withMute(state, command.personId, by), [{ kind: 'mute', personId: command.personId, muted: true, by, enforce: true }]);
    }
    case 'set_muted': {
      const current = mutesOf(state).get(actor.personId);
      if (command.muted) {
        if (current !== undefined) return ok(state);
        return ok(withMute(state, actor.personId, 'self'), [{ kind: 'mute', personId: actor.personId, muted: true, by: 'self', enforce: false }]);
      }
      if (current === undefined) return ok(state);
      // Unmuting oneself also lifts a mute by the moderator or a host (Janus lets the audio through again).
      return ok(withMute(state, actor.personId, null), [
        { kind: 'mute', personId: actor.personId, muted: false, by: 'self', enforce: current !== 'self' },
      ]);
    }
    case 'send_chat':
      return decideChat(state, actor, command.text, tableOf(state, actor.personId), now);
    case 'save_note':
      return ok({ ...state, notes: { ...state.notes, [actor.personId]: command.text } }, [
        { kind: 'note', moderatorId: actor.personId, text: command.text },
      ]);
  }
}

/** A moderator arriving while a round is seated takes the first table without a moderator, if any. */
export function seatLateModerator(state: LiveState, moderatorId: string): LiveState {
  if (state.tables === null || tableOf(state, moderatorId) >= 0) return state;
  const free = state.tables.findIndex((t) => t.moderator === null);
  if (free < 0) return state;
  return { ...state, tables: state.tables.map((t, i) => (i === free ? { moderator: moderatorId, participants: t.participants } : t)) };
}
