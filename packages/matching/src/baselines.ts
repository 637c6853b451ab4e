import { computeStats } from './plan-stats.js';
import { buildProblem, evenTableSizes, pairKey, tableCountRange, type Problem } from './problem.js';
import { createRng, randomInt, shuffleInPlace, type Rng } from './rng.js';
import type { PlanRequest, PlanResult, PlanStats, PlannedRound, Failure } from './types.js';

const GREEDY_SCAN = 64;
const GREEDY_TRIES = 20;

type RoundSeater = (problem: Problem, tables: number, met: Set<number>, rng: Rng) => number[][];

function tableCount(problem: Problem): number | null {
  const range = tableCountRange(problem.n, problem.min, problem.max);
  if (range.lo > range.hi) return null;
  return Math.min(range.hi, Math.max(range.lo, Math.round(problem.n / problem.target)));
}

/** Random moderators per table, or (greedy) each table takes the free moderator who knows fewest there. */
function pickModerators(problem: Problem, seating: number[][], met: Set<number>, rng: Rng, greedy: boolean): (string | null)[] {
  const free = shuffleInPlace(
    rng,
    problem.moderatorIds.map((_, m) => problem.n + m),
  );
  return seating.map((members) => {
    if (free.length === 0) return null;
    let pick = 0;
    if (greedy) {
      let fewest = Infinity;
      free.forEach((m, i) => {
        const known = members.filter((p) => met.has(pairKey(m, p))).length;
        if (known < fewest) {
          fewest = known;
          pick = i;
        }
      });
    }
    const m = free.splice(pick, 1)[0]!;
    for (const p of members) met.add(pairKey(m, p));
    return problem.moderatorIds[m - problem.n]!;
  });
}

function planWith(request: PlanRequest, seatRound: RoundSeater, strategy: string): PlanResult {
  const built = buildProblem(request);
  if (!built.ok) return built;
  const problem = built.problem;
  const tables = tableCount(problem);
  if (tables === null) return { ok: false, reason: `${problem.n} participants cannot be split into tables of ${problem.min} to ${problem.max}` };
  const rng = createRng(problem.seed);
  const met = new Set<number>();
  const rounds: PlannedRound[] = [];
  for (let r = 0; r < problem.rounds; r++) {
    const seating = seatRound(problem, tables, met, rng);
    for (const members of seating)
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) met.add(pairKey(members[i]!, members[j]!));
    const moderators = pickModerators(problem, seating, met, rng, strategy === 'greedy');
    rounds.push({
      tables: seating.map((members, t) => ({ moderator: moderators[t] ?? null, participants: members.map((p) => problem.participantIds[p]!) })),
    });
  }
  return { ok: true, plan: { rounds, stats: computeStats(problem, rounds, strategy) } };
}

/**
 * Baseline: what Zoom and Jitsi breakout rooms do, a fresh random shuffle every round (moderators
 * shuffled too). For comparison in benchmarks and demos only.
 */
export function planRandomBaseline(request: PlanRequest): PlanResult {
  return planWith(
    request,
    (problem, tables, _met, rng) => {
      const order = shuffleInPlace(
        rng,
        Array.from({ length: problem.n }, (_, p) => p),
      );
      let next = 0;
      return evenTableSizes(problem.n, tables).map((size) => order.slice(next, (next += size)));
    },
    'random-shuffle',
  );
}

/**
 * Baseline: a plain greedy planner, round by round, as a careful organiser with a spreadsheet
 * would do it. Each person in random order takes the open table where they know fewest people
 * (ties: the emptiest); a round with repeats is retried from a new random order up to
 * GREEDY_TRIES times and the best try is kept. It ignores companies, history and sectors.
 */
export function planGreedyBaseline(request: PlanRequest): PlanResult {
  return planWith(
    request,
    (problem, tables, met, rng) => {
      const sizes = evenTableSizes(problem.n, tables);
      let best: number[][] = [];
      let bestConflicts = Infinity;
      for (let attempt = 0; attempt < GREEDY_TRIES && bestConflicts > 0; attempt++) {
        const seating: number[][] = sizes.map(() => []);
        let conflictsTotal = 0;
        for (const p of shuffleInPlace(
          rng,
          Array.from({ length: problem.n }, (_, i) => i),
        )) {
          let choice = -1;
          let choiceScore = Infinity;
          const start = randomInt(rng, tables);
          let scanned = 0;
          for (let i = 0; i < tables; i++) {
            const t = (start + i) % tables;
            const filled = seating[t]!.length;
            if (filled >= sizes[t]!) continue;
            let conflicts = 0;
            for (const q of seating[t]!) if (met.has(pairKey(p, q))) conflicts++;
            const score = conflicts * 1000 + filled;
            if (score < choiceScore) {
              choiceScore = score;
              choice = t;
            }
            // Bounded scan keeps the baseline linear on big instances.
            if (++scanned >= GREEDY_SCAN && choiceScore < 1000) break;
          }
          conflictsTotal += Math.floor(choiceScore / 1000);
          seating[choice]!.push(p);
        }
        if (conflictsTotal < bestConflicts) {
          bestConflicts = conflictsTotal;
          best = seating;
        }
      }
      return best;
    },
    'greedy',
  );
}

/** Scores any plan (e.g. one edited by hosts) with the statistics of M13. */
export function measurePlan(request: PlanRequest, rounds: readonly PlannedRound[]): PlanStats | Failure {
  const built = buildProblem(request);
  if (!built.ok) return built;
  return computeStats(built.problem, rounds, 'measured');
}
