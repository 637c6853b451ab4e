import type { PairWeights } from './pair-weights.js';
import { WEIGHT } from './problem.js';
import { randomInt, shuffleInPlace, type Rng } from './rng.js';

/** Input of {@link searchRound}: one round's seating, searched by greedy start plus tabu swaps. */
export interface RoundSearchInput {
  readonly weights: PairWeights;
  /** Participants are entities 0..n-1; all of them are seated. */
  readonly n: number;
  /** Participants per table. */
  readonly sizes: readonly number[];
  /** Moderator entity per table, or -1: the starting moderator slots. */
  readonly moderatorSlots: readonly number[];
  /** May moderators swap tables (rotate mode)? */
  readonly moveModerators: boolean;
  /** May participants move? (false when only moderators are being assigned) */
  readonly moveParticipants: boolean;
  /** Starting table per participant; greedy placement when absent. */
  readonly initial?: Int32Array;
  readonly iterations: number;
  /**
   * Iterations allowed in all while the best seating still seats a serious pair (a repeat, a
   * recent history pair or a never-together pair): instead of stopping when it stalls, the search
   * restarts from its best seating with a few random swaps (adaptive effort, M12). Default `iterations`.
   */
  readonly maxIterations?: number;
  readonly rng: Rng;
  readonly outOfTime: () => boolean;
}

const CANDIDATES = 8;
const CONFLICT = WEIGHT.moderatorRepeat;
/** Random swaps of a restart: KICK_MIN plus up to KICK_SPREAD - 1 more. */
const KICK_MIN = 8;
const KICK_SPREAD = 4;

/**
 * Seats one round, minimising the summed pair weights at each table. Moves are swaps of two
 * entities of the same kind, so table sizes never change; tabu tenure stops cycling (M10). Moves
 * start from the worst-placed people: those in a repeat, else those in another serious pair, else
 * anyone with a cost. When the search stalls while a serious pair is left, it restarts from the
 * best seating with a random kick, within `maxIterations` (M12).
 * Returns the table of every entity (-1 = not seated, e.g. an idle moderator).
 */
export function searchRound(input: RoundSearchInput): Int32Array {
  const { weights, n, sizes, moderatorSlots, rng } = input;
  const T = sizes.length;
  const E = weights.entities;
  const tableOf = new Int32Array(E).fill(-1);
  const seated: number[] = [];
  const costTo = new Float64Array(E * T);
  const filled = new Int32Array(T);

  const place = (e: number, t: number): void => {
    tableOf[e] = t;
    seated.push(e);
    for (let x = 0; x < E; x++) costTo[x * T + t] = costTo[x * T + t]! + weights.get(x, e);
  };

  moderatorSlots.forEach((m, t) => {
    if (m >= 0) place(m, t);
  });
  if (input.initial !== undefined) {
    for (let p = 0; p < n; p++) {
      const t = input.initial[p]!;
      place(p, t);
      filled[t]!++;
    }
  } else {
    const order = shuffleInPlace(
      rng,
      Array.from({ length: n }, (_, p) => p),
    );
    for (const p of order) {
      let best = -1;
      let bestCost = Infinity;
      const start = randomInt(rng, T);
      for (let i = 0; i < T; i++) {
        const t = (start + i) % T;
        if (filled[t]! >= sizes[t]!) continue;
        // Prefer cheap tables; among equals, emptier ones (keeps the greedy from cornering itself).
        const c = costTo[p * T + t]! + filled[t]! / (sizes[t]! + 1);
        if (c < bestCost) {
          bestCost = c;
          best = t;
        }
      }
      place(p, best);
      filled[best]!++;
    }
  }

  const movable = seated.filter((e) => (e < n ? input.moveParticipants : input.moveModerators));
  let total = 0;
  for (const e of seated) total += costTo[e * T + tableOf[e]!]!;
  total /= 2;
  let best = total;
  let bestTableOf = tableOf.slice();
  if (movable.length < 2 || total === 0) return bestTableOf;

  // An entity costing more than sector pairs alone can cost sits with a serious pair.
  const minor = WEIGHT.sector * sizes.reduce((a, b) => Math.max(a, b), 0);
  const costOf = (e: number): number => costTo[e * T + tableOf[e]!]!;
  const hasSerious = (): boolean => movable.some((e) => costOf(e) > minor);
  let bestSerious = hasSerious();
  const swap = (a: number, b: number): void => {
    const A = tableOf[a]!;
    const B = tableOf[b]!;
    for (let x = 0; x < E; x++) {
      const wa = weights.get(x, a);
      const wb = weights.get(x, b);
      costTo[x * T + A] = costTo[x * T + A]! + wb - wa;
      costTo[x * T + B] = costTo[x * T + B]! + wa - wb;
    }
    tableOf[a] = B;
    tableOf[b] = A;
  };
  const deltaOf = (a: number, b: number): number => {
    const A = tableOf[a]!;
    const B = tableOf[b]!;
    const wab = weights.get(a, b);
    return costTo[a * T + B]! - wab + costTo[b * T + A]! - wab - costTo[a * T + A]! - costTo[b * T + B]!;
  };
  // Back to the best seating by swaps (each puts one entity home), then a few random swaps of
  // seriously placed people: cheaper than rebuilding the costs when there are many entities.
  const restart = (): void => {
    for (const e of movable) {
      const home = bestTableOf[e]!;
      if (tableOf[e] === home) continue;
      const other = movable.find((o) => tableOf[o] === home && bestTableOf[o] !== home && o < n === e < n);
      if (other !== undefined) swap(e, other);
    }
    total = best;
    const kicks = KICK_MIN + randomInt(rng, KICK_SPREAD);
    for (let k = 0; k < kicks; k++) {
      const serious = movable.filter((e) => costOf(e) > minor);
      const a = serious.length > 0 ? serious[randomInt(rng, serious.length)]! : movable[randomInt(rng, movable.length)]!;
      const partners = movable.filter((b) => b < n === a < n && tableOf[b] !== tableOf[a]);
      if (partners.length === 0) return;
      const b = partners[randomInt(rng, partners.length)]!;
      total += deltaOf(a, b);
      swap(a, b);
    }
    if (total < best) {
      best = total;
      bestTableOf = tableOf.slice();
      bestSerious = hasSerious();
    }
  };

  const tabuUntil = new Int32Array(E * T);
  let stall = 0;
  const maxStall = Math.max(50, Math.floor(input.iterations / 4));
  const cap = Math.max(input.iterations, input.maxIterations ?? input.iterations);
  for (let iter = 1; iter <= cap; iter++) {
    if (best === 0) break;
    // Past the plain budget only a serious pair in the best seating buys more search.
    if (iter > input.iterations && !bestSerious) break;
    if (stall > maxStall) {
      if (!bestSerious || cap === input.iterations) break;
      restart();
      stall = 0;
    }
    if ((iter & 63) === 0 && input.outOfTime()) break;
    const conflicted: number[] = [];
    const serious: number[] = [];
    const costly: number[] = [];
    for (const e of movable) {
      const c = costOf(e);
      if (c >= CONFLICT) conflicted.push(e);
      else if (c > minor) serious.push(e);
      else if (c > 0) costly.push(e);
    }
    const pool = conflicted.length > 0 ? conflicted : serious.length > 0 ? serious : costly;
    if (pool.length === 0) break;
    let moveA = -1;
    let moveB = -1;
    let moveDelta = Infinity;
    // A small pool is tried in full; a large one by random samples.
    const tries = Math.min(CANDIDATES, pool.length);
    for (let c = 0; c < tries; c++) {
      const a = pool.length <= CANDIDATES ? pool[c]! : pool[randomInt(rng, pool.length)]!;
      const A = tableOf[a]!;
      const aIsParticipant = a < n;
      for (const b of movable) {
        const B = tableOf[b]!;
        if (B === A || b < n !== aIsParticipant) continue;
        const delta = deltaOf(a, b);
        const tabu = tabuUntil[a * T + B]! > iter || tabuUntil[b * T + A]! > iter;
        if (tabu && total + delta >= best) continue;
        if (delta < moveDelta || (delta === moveDelta && rng() < 0.3)) {
          moveDelta = delta;
          moveA = a;
          moveB = b;
        }
      }
    }
    if (moveA < 0) {
      stall++;
      continue;
    }
    const A = tableOf[moveA]!;
    const B = tableOf[moveB]!;
    swap(moveA, moveB);
    const tenure = 7 + randomInt(rng, 8);
    tabuUntil[moveA * T + A] = iter + tenure;
    tabuUntil[moveB * T + B] = iter + tenure;
    total += moveDelta;
    if (total < best) {
      best = total;
      bestTableOf = tableOf.slice();
      bestSerious = hasSerious();
      stall = 0;
    } else {
      stall++;
    }
  }
  return bestTableOf;
}
