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

/** What video the edition needs now. */
export type MediaStage =
  | { kind: 'none' }
  /** The welcome (and the closing) plenary: one room, only hosts publish. The lobby uses it too. */
  | { kind: 'plenary' }
  /** A round is seated (moving or running): one room per table, everyone at a table publishes. */
  | { kind: 'tables'; round: number; tables: readonly MediaTable[] };

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
 * exists in the lobby, the plenary and the closing plenary.
 */
export function stageOf(state: { phase: LivePhase; round: number; tables: readonly MediaTable[] | null }): MediaStage {
  switch (state.phase) {
    case 'doors_open':
    case 'plenary':
    case 'closing':
      return { kind: 'plenary' };
    case 'moving':
    case 'round':
      return state.tables ? { kind: 'tables', round: state.round, tables: state.tables } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** True when both stages need the same rooms with the same people (tables are compared by identity: the engine keeps unchanged ones). */
export function sameStage(a: MediaStage, b: MediaStage): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'tables' || b.kind !== 'tables') return true;
  return a.round === b.round && a.tables.length === b.tables.length && a.tables.every((t, i) => t === b.tables[i]);
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
