import { chooseStructure } from './choose-structure.js';
import { mapOntoDesign } from './map-search.js';
import { PairWeights } from './pair-weights.js';
import { computeStats } from './plan-stats.js';
import { buildProblem, evenTableSizes, pairKey, tableCountRange, type Problem } from './problem.js';
import { createRng, type Rng } from './rng.js';
import { rotateModerators } from './rotate-moderators.js';
import { searchRound } from './round-search.js';
import type { PlanBudget, PlanRequest, PlanResult, PlannedRound } from './types.js';

/** Returns a function telling whether the injected clock says the time budget is spent. */
export function createDeadline(budget: PlanBudget): () => boolean {
  const { now, timeLimitMs } = budget;
  if (now === undefined || timeLimitMs === undefined) return () => false;
  const start = now();
  return () => now() - start > timeLimitMs;
}

/**
 * How far the search may go past its plain budget while the best seating still seats a repeat,
 * a history pair or a never-together pair (M12): restarts from the best seating with random moves.
 */
export const ADAPTIVE_EFFORT = 3;

/** Default tabu iterations per round: more for small instances, where they are cheap. */
export function defaultIterations(entities: number): number {
  return Math.max(200, Math.min(5000, Math.floor(2_000_000 / Math.max(1, entities))));
}

/** Entity lists per table, from an entity -> table array. */
export function tablesOf(tableOf: Int32Array, tables: number): number[][] {
  const out: number[][] = Array.from({ length: tables }, () => []);
  tableOf.forEach((t, e) => {
    if (t >= 0) out[t]!.push(e);
  });
  return out;
}

/** Moderator entity per table slot for round r (M9): the first T moderators; -1 = no moderator. */
function moderatorSlots(problem: Problem, tables: number): number[] {
  const m = problem.moderatorIds.length;
  return Array.from({ length: tables }, (_, t) => (t < m ? problem.n + t : -1));
}

function hasHardViolation(problem: Problem, tableOf: Int32Array, tables: number): boolean {
  for (const members of tablesOf(tableOf, tables)) {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        if (problem.hardPairs.has(pairKey(members[i]!, members[j]!))) return true;
      }
  }
  return false;
}

function toPlannedRound(problem: Problem, tableOf: Int32Array, tables: number): PlannedRound {
  return {
    tables: tablesOf(tableOf, tables).map((members) => {
      const moderator = members.find((e) => e >= problem.n);
      return {
        moderator: moderator === undefined ? null : problem.moderatorIds[moderator - problem.n]!,
        participants: members.filter((e) => e < problem.n).map((p) => problem.participantIds[p]!),
      };
    }),
  };
}

interface Seating {
  readonly rounds: Int32Array[];
  readonly tables: number;
  readonly strategy: string;
}

function seat(problem: Problem, lo: number, hi: number, rng: Rng, outOfTime: () => boolean): Seating {
  const { n, rounds: R } = problem;
  const E = n + problem.moderatorIds.length;
  const structure = chooseStructure(problem, lo, hi);
  const T = structure.tables;
  const design = structure.design;
  const slots = moderatorSlots(problem, T);
  const rounds: Int32Array[] = [];
  const iterations = problem.budget.iterations ?? defaultIterations(E);

  if (design !== null) {
    const mapIterations = Math.min(200_000, Math.max(20_000, 30 * n));
    const pointOf = mapOntoDesign(problem, design, rng, mapIterations, outOfTime, ADAPTIVE_EFFORT * mapIterations);
    for (let r = 0; r < design.rounds; r++) {
      const tableOf = new Int32Array(E).fill(-1);
      for (let p = 0; p < n; p++) tableOf[p] = design.tableAt[r * design.points + pointOf[p]!]!;
      // Moderator j sits at table j: in a transversal design that is its own point (M9).
      slots.forEach((m, t) => {
        if (m >= 0) tableOf[m] = t;
      });
      rounds.push(tableOf);
    }
  }

  let weights: PairWeights | null = null;
  const needsSearch = rounds.length < R || rounds.some((tableOf) => hasHardViolation(problem, tableOf, T));
  if (needsSearch) {
    weights = new PairWeights(problem);
    for (const tableOf of rounds) weights.addRound(tablesOf(tableOf, T), 1);
  }
  if (weights !== null) {
    for (let r = rounds.length; r < R; r++) {
      const tableOf = searchRound({
        weights,
        n,
        sizes: evenTableSizes(n, T),
        moderatorSlots: slots,
        moveModerators: problem.mode === 'rotate',
        moveParticipants: true,
        iterations,
        maxIterations: ADAPTIVE_EFFORT * iterations,
        rng,
        outOfTime,
      });
      weights.addRound(tablesOf(tableOf, T), 1);
      rounds.push(tableOf);
    }
    // Repair: hard constraints outrank the design's no-repeat property (M5).
    rounds.forEach((tableOf, r) => {
      if (weights === null || !hasHardViolation(problem, tableOf, T)) return;
      const tables = tablesOf(tableOf, T);
      weights.addRound(tables, -1);
      const fixed = searchRound({
        weights,
        n,
        sizes: tables.map((m) => m.filter((e) => e < n).length),
        moderatorSlots: tables.map((m) => m.find((e) => e >= n) ?? -1),
        moveModerators: problem.mode === 'rotate',
        moveParticipants: true,
        initial: tableOf,
        iterations: iterations * 4,
        rng,
        outOfTime,
      });
      rounds[r] = fixed;
      weights.addRound(tablesOf(fixed, T), 1);
    });
  }
  if (problem.mode === 'rotate') {
    rotateModerators(rounds, n, problem.moderatorIds.length, T, rng, Math.min(200_000, 2_000 * R * T));
  }
  const designRounds = design?.rounds ?? 0;
  const strategy = design === null ? 'greedy+tabu' : designRounds < R ? `${design.name}+tabu` : design.name;
  return { rounds, tables: T, strategy };
}

/**
 * Plans every round of one edition: who sits at which table with which moderator.
 * Pure and deterministic: the same request (and seed) gives the same plan. Never throws for a bad
 * or impossible request; it returns `{ ok: false, reason }` instead (M14).
 *
 * @example
 * const result = planEvent({ participants, moderators, groupSize: { target: 6 }, rounds: 4, seed: 7 });
 * if (result.ok) console.log(result.plan.stats.cleanRounds);
 */
export function planEvent(request: PlanRequest): PlanResult {
  const built = buildProblem(request);
  if (!built.ok) return built;
  const problem = built.problem;
  const { n, min, max } = problem;
  const range = tableCountRange(n, min, max);
  if (range.lo > range.hi) {
    return { ok: false, reason: `${n} participants cannot be split into tables of ${min} to ${max} participants` };
  }
  const lo = Math.max(range.lo, problem.largestCompany);
  if (lo > range.hi) {
    return {
      ok: false,
      reason: `one company has ${problem.largestCompany} participants but there can be at most ${range.hi} tables of ${min} to ${max}, so colleagues would share a table`,
    };
  }
  const seating = seat(problem, lo, range.hi, createRng(problem.seed), createDeadline(problem.budget));
  const stillBroken = seating.rounds.findIndex((tableOf) => hasHardViolation(problem, tableOf, seating.tables));
  if (stillBroken >= 0) {
    return { ok: false, reason: `no seating keeps all never-together pairs apart in round ${stillBroken + 1} within the search budget` };
  }
  const rounds = seating.rounds.map((tableOf) => toPlannedRound(problem, tableOf, seating.tables));
  return { ok: true, plan: { rounds, stats: computeStats(problem, rounds, seating.strategy) } };
}
