import type { LivePhase, LiveRole } from '@tablehop/protocol';

/**
 * Pure decisions of the media slice: which video rooms an edition needs in a given live state and
 * who belongs in which. The service (`media.service.ts`) turns the difference between this and what
 * exists into media-server calls.
 */

/** One table of the current round, as the live engine holds it. */
export interface MediaTable {
  readonly moderator: string | null;
  readonly participants: readonly string[];
}

/**
 * The stage that comes next, as far as it is known now. Its rooms are made ahead of time, so that a
 * switch only hands out credentials (the first round's rooms exist before the plenary ends, the next
 * round's before the current one ends).
 */
export type NextStage =
  | { kind: 'plenary' }
  /** The next round: its planned tables (replanning may still move people), or null when only their number can be estimated. */
  | { kind: 'tables'; round: number; tables: readonly MediaTable[] | null; groupSize: number };

/** What video the edition needs now (and, in `next`, which rooms to prepare). */
export type MediaStage = (
  | { kind: 'none' }
  /** The welcome (and the closing) plenary: one room, only hosts publish. The lobby uses it too. */
  | { kind: 'plenary' }
  /** A round is seated (moving or running): one room per table, everyone at a table publishes. */
  | { kind: 'tables'; round: number; tables: readonly MediaTable[] }
) & { next?: NextStage };

/** What `stageOf` reads of a live state (the engine passes its whole state). */
export interface MediaStageSource {
  phase: LivePhase;
  round: number;
  tables: readonly MediaTable[] | null;
  /** Rounds planned now; without it no next round is prepared. */
  rounds?: number;
  /** The round plan; its round 0 is edition round `planOffset + 1`. */
  plan?: readonly { tables: readonly MediaTable[] }[] | null;
  planOffset?: number;
  format?: { groupSize: number };
}

/** Where one person belongs: the room (by key) and whether it may publish there. */
export interface MediaSeat {
  key: string;
  kind: 'table' | 'plenary';
  round: number;
  table: number | null;
  publisher: boolean;
}

/**
 * The stage of a live state. Table rooms exist from the start of the `moving` interval (everyone
 * learns their table then and joins during the move) to the end of the round; the plenary room
 * exists in the lobby, the plenary and the closing plenary. Rooms of the next stage are prepared:
 * in the lobby and the plenary those of round 1, during a round those of the next round (or the
 * closing plenary after the last one).
 */
export function stageOf(state: MediaStageSource): MediaStage {
  const rounds = state.rounds ?? 0;
  const groupSize = Math.max(1, state.format?.groupSize ?? 6);
  const nextRound = (round: number): NextStage => ({ kind: 'tables', round, tables: plannedTables(state, round), groupSize });
  switch (state.phase) {
    case 'doors_open':
    case 'plenary':
      return rounds >= 1 ? { kind: 'plenary', next: nextRound(1) } : { kind: 'plenary' };
    case 'closing':
      return { kind: 'plenary' };
    case 'moving':
      return state.tables ? { kind: 'tables', round: state.round, tables: state.tables } : { kind: 'none' };
    case 'round':
      if (!state.tables) return { kind: 'none' };
      return {
        kind: 'tables',
        round: state.round,
        tables: state.tables,
        ...(state.rounds === undefined ? {} : { next: state.round < rounds ? nextRound(state.round + 1) : { kind: 'plenary' as const } }),
      };
    default:
      return { kind: 'none' };
  }
}

/** The planned tables of edition round `round`, or null when the plan does not reach it (yet). */
function plannedTables(state: MediaStageSource, round: number): readonly MediaTable[] | null {
  const index = round - 1 - (state.planOffset ?? 0);
  const plan = state.plan ?? null;
  return plan !== null && index >= 0 && index < plan.length ? plan[index]!.tables : null;
}

/** True when both stages need the same rooms with the same people (tables are compared by identity: the engine keeps unchanged ones). */
export function sameStage(a: MediaStage, b: MediaStage): boolean {
  if (a.kind !== b.kind || !sameNext(a.next, b.next)) return false;
  if (a.kind !== 'tables' || b.kind !== 'tables') return true;
  return a.round === b.round && sameTables(a.tables, b.tables);
}

function sameNext(a: NextStage | undefined, b: NextStage | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'tables' || b.kind !== 'tables') return true;
  return (
    a.round === b.round &&
    a.groupSize === b.groupSize &&
    (a.tables === b.tables || (a.tables !== null && b.tables !== null && sameTables(a.tables, b.tables)))
  );
}

function sameTables(a: readonly MediaTable[], b: readonly MediaTable[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export function tableKey(round: number, table: number): string {
  return `r${round}t${table}`;
}

export const PLENARY_KEY = 'plenary';

/**
 * Who belongs in which room. Tables: everyone seated (moderator and participants) publishes.
 * Plenary: everyone who connected to the live event; only hosts publish, the others listen.
 * Hosts have no table room (they watch all tables from the control room).
 *
 * Example: stage tables round 2 `[{ moderator: 'm1', participants: ['a', 'b'] }]` ->
 * `m1`, `a`, `b` -> `{ key: 'r2t1', publisher: true }`; a host -> nothing.
 */
export function desiredSeats(stage: MediaStage, present: ReadonlyMap<string, LiveRole>, removed: ReadonlySet<string>): Map<string, MediaSeat> {
  const seats = new Map<string, MediaSeat>();
  if (stage.kind === 'plenary') {
    for (const [id, role] of present) {
      if (!removed.has(id)) seats.set(id, { key: PLENARY_KEY, kind: 'plenary', round: 0, table: null, publisher: role === 'host' });
    }
  } else if (stage.kind === 'tables') {
    stage.tables.forEach((t, i) => {
      const seat: MediaSeat = { key: tableKey(stage.round, i + 1), kind: 'table', round: stage.round, table: i + 1, publisher: true };
      for (const id of t.moderator === null ? t.participants : [t.moderator, ...t.participants]) if (!removed.has(id)) seats.set(id, seat);
    });
  }
  return seats;
}

/** A room made ahead for the next stage: who gets a token now (handed out only when that stage starts). */
export interface PreparedRoom {
  key: string;
  kind: 'table' | 'plenary';
  round: number;
  table: number | null;
  /** People planned into it (present, not removed); empty when the seating is not known yet. */
  members: string[];
}

/**
 * The rooms to make ahead for `stage.next`. Planned tables: one room per table with a token for
 * each planned person who is present. Unknown seating (round 1 before it is planned): as many empty
 * rooms as tables are likely, `ceil(participants present / group size)`; tokens are added when the
 * round is seated. The closing plenary: its room, tokens added when it starts.
 *
 * Example: next round 2 planned as `[{ moderator: 'm1', participants: ['a', 'b'] }]`, all present ->
 * `r2t1` with members `m1`, `a`, `b`.
 */
export function preparedRooms(stage: MediaStage, present: ReadonlyMap<string, LiveRole>, removed: ReadonlySet<string>): Map<string, PreparedRoom> {
  const rooms = new Map<string, PreparedRoom>();
  const next = stage.next;
  if (!next) return rooms;
  if (next.kind === 'plenary') {
    if (stage.kind !== 'plenary') rooms.set(PLENARY_KEY, { key: PLENARY_KEY, kind: 'plenary', round: 0, table: null, members: [] });
    return rooms;
  }
  const here = (id: string) => present.has(id) && !removed.has(id);
  if (next.tables) {
    next.tables.forEach((t, i) => {
      const key = tableKey(next.round, i + 1);
      const people = t.moderator === null ? t.participants : [t.moderator, ...t.participants];
      rooms.set(key, { key, kind: 'table', round: next.round, table: i + 1, members: people.filter(here) });
    });
  } else {
    const participants = [...present].filter(([id, role]) => role === 'participant' && !removed.has(id)).length;
    const count = Math.ceil(participants / next.groupSize);
    for (let i = 1; i <= count; i++) {
      const key = tableKey(next.round, i);
      rooms.set(key, { key, kind: 'table', round: next.round, table: i, members: [] });
    }
  }
  return rooms;
}
