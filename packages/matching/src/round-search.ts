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
  readonly rng: Rng;
  readonly outOfTime: () => boolean;
}

const CANDIDATES = 8;
const CONFLICT = WEIGHT.moderatorRepeat;

/**
 * Seats one round, minimising the summed pair weights at each table. Moves are swaps of two
 * entities of the same kind, so table sizes never change; tabu tenure stops cycling (M10).
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

  const tabuUntil = new Int32Array(E * T);
  let stall = 0;
  const maxStall = Math.max(50, Math.floor(input.iterations / 4));
  for (let iter = 1; iter <= input.iterations; iter++) {
    if (best === 0 || stall > maxStall) break;
    if ((iter & 63) === 0 && input.outOfTime()) break;
    const conflicted = movable.filter((e) => costTo[e * T + tableOf[e]!]! >= CONFLICT);
    const pool = conflicted.length > 0 ? conflicted : movable.filter((e) => costTo[e * T + tableOf[e]!]! > 0);
    if (pool.length === 0) break;
    let moveA = -1;
    let moveB = -1;
    let moveDelta = Infinity;
    for (let c = 0; c < Math.min(CANDIDATES, pool.length); c++) {
      const a = pool[randomInt(rng, pool.length)]!;
      const A = tableOf[a]!;
      const aIsParticipant = a < n;
      for (const b of movable) {
        const B = tableOf[b]!;
        if (B === A || b < n !== aIsParticipant) continue;
        const wab = weights.get(a, b);
        const delta = costTo[a * T + B]! - wab + costTo[b * T + A]! - wab - costTo[a * T + A]! - costTo[b * T + B]!;
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
    for (let x = 0; x < E; x++) {
      const wa = weights.get(x, moveA);
      const wb = weights.get(x, moveB);
      costTo[x * T + A] = costTo[x * T + A]! + wb - wa;
      costTo[x * T + B] = costTo[x * T + B]! + wa - wb;
    }
    tableOf[moveA] = B;
    tableOf[moveB] = A;
    const tenure = 7 + randomInt(rng, 8);
    tabuUntil[moveA * T + A] = iter + tenure;
    tabuUntil[moveB * T + B] = iter + tenure;
    total += moveDelta;
    if (total < best) {
      best = total;
      bestTableOf = tableOf.slice();
      stall = 0;
    } else {
      stall++;
    }
  }
  return bestTableOf;
}
