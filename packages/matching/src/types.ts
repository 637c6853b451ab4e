/** A person who takes part in the rounds. Only `id` is required. */
export interface Participant {
  readonly id: string;
  /** Colleagues of one company never share a table (hard constraint M3). */
  readonly company?: string;
  /** Tables mix sectors where possible (soft goal M7). */
  readonly sector?: string;
  readonly tags?: readonly string[];
}

/** A staff member who leads one table per round. */
export interface Moderator {
  readonly id: string;
}

/** Two people who met at an earlier edition, with that edition's date (ISO 8601, e.g. `2026-11-20`). */
export interface HistoryPair {
  readonly a: string;
  readonly b: string;
  readonly date: string;
}

/** `rotate`: moderators move between tables; `fixed`: a moderator keeps one table index. */
export type ModeratorMode = 'rotate' | 'fixed';

/** Participants per table, moderators not counted. Defaults: `min = target - 1`, `max = target + 1` (M2). */
export interface GroupSize {
  readonly target: number;
  readonly min?: number;
  readonly max?: number;
}

/**
 * How much search the planner may do. The library never reads a clock: the effort is an
 * iteration count (deterministic), optionally capped by an injected clock (`now` in ms, e.g.
 * `performance.now`) and `timeLimitMs`. Only the iteration budget keeps the result a pure function
 * of the input; a time cap can end the search earlier on a slow machine (M12).
 */
export interface PlanBudget {
  /** Tabu iterations per round of the fallback search; default scales with the instance. */
  readonly iterations?: number;
  readonly now?: () => number;
  readonly timeLimitMs?: number;
}

/** Everything {@link planEvent} needs. Plain, serialisable data apart from `budget.now`. */
export interface PlanRequest {
  readonly participants: readonly Participant[];
  readonly moderators?: readonly Moderator[];
  readonly groupSize: GroupSize;
  readonly rounds: number;
  readonly moderatorMode?: ModeratorMode;
  /** Pairs that met at earlier editions; recent meetings weigh more (M6). */
  readonly history?: readonly HistoryPair[];
  /** Explicit pairs that must never share a table (M3). */
  readonly neverTogether?: readonly (readonly [string, string])[];
  /** The date recency is measured from; default the latest history date. */
  readonly referenceDate?: string;
  /** Seed of the planner's own PRNG; the same request and seed give the same plan (M11). Default 1. */
  readonly seed?: number;
  readonly budget?: PlanBudget;
}

/** One table of one round: its moderator (or `null`) and participant ids. */
export interface PlannedTable {
  readonly moderator: string | null;
  readonly participants: readonly string[];
}

/** One round: table `i` is the same room (breakout) in every round. */
export interface PlannedRound {
  readonly tables: readonly PlannedTable[];
}

/** Quality figures of a plan; see SPEC.md M13 for the exact definitions. */
export interface PlanStats {
  /** Which construction produced the clean rounds, e.g. `transversal-design(q=17)`. */
  readonly strategy: string;
  readonly rounds: number;
  readonly tablesPerRound: number;
  /** Leading rounds in which nobody (participant or moderator) meets anyone a second time. */
  readonly cleanRounds: number;
  /** Sum over participant pairs of (meetings - 1) where a pair met more than once. */
  readonly repeatedPairs: number;
  /** Same, for moderator-participant pairs. */
  readonly repeatedModeratorPairs: number;
  /** Most times any participant pair meets in the event. */
  readonly maxPairMeetings: number;
  /** Seatings of participant pairs that already met at an earlier edition. */
  readonly historyPairs: number;
  readonly sameCompanyPairs: number;
  readonly neverTogetherPairs: number;
  readonly sameSectorPairs: number;
  /** Mean over tables of distinct sectors / participants with a sector (1 = perfectly mixed). */
  readonly sectorMix: number;
  readonly minTableSize: number;
  readonly maxTableSize: number;
  /** Summed over rounds: tables without a moderator, and moderators without a table. */
  readonly unmoderatedTables: number;
  readonly idleModerators: number;
}

/** A full plan: rounds of tables plus statistics. */
export interface Plan {
  readonly rounds: readonly PlannedRound[];
  readonly stats: PlanStats;
}

/** Impossible requests are values, never exceptions (M14). */
export type Failure = { readonly ok: false; readonly reason: string };

export type PlanResult = { readonly ok: true; readonly plan: Plan } | Failure;
