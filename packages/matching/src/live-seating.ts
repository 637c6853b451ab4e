import { repeatCost } from './pair-weights.js';
import { WEIGHT, pairKey, type Problem } from './problem.js';

// Seating state of one live round and the moves replanRound makes on it (M15).

/** Extra cost per participant at a table, so that ties go to the smaller table (even sizes, M7). */
export const SIZE_WEIGHT = 1;
const MAX_PASSES = 6;

/** One round being re-seated: participants per table and the table of each participant. */
export interface Live {
  readonly problem: Problem;
  readonly met: Map<number, number>;
  readonly members: number[][];
  readonly tableOf: Int32Array;
}

/** Cost of two entities sharing a table: hard rule, repeats so far (moderator pairs less, M5), history, sector. */
export function weight(live: Live, a: number, b: number): number {
  const { hardPairs, historyWeight, sectorOf } = live.problem;
  const key = pairKey(a, b);
  let w = hardPairs.has(key) ? WEIGHT.hard : 0;
  w += repeatCost(live.met.get(key) ?? 0, a >= live.problem.n || b >= live.problem.n);
  const h = historyWeight.get(key);
  if (h !== undefined) w += Math.round(WEIGHT.history * h);
  if (sectorOf[a]! >= 0 && sectorOf[a] === sectorOf[b]) w += WEIGHT.sector;
  return w;
}

/** Cost of participant p sitting at table t (p itself and `without` excluded), moderator included. */
export function costAt(live: Live, moderators: readonly number[], p: number, t: number, without = -1): number {
  let c = 0;
  for (const m of live.members[t]!) if (m !== p && m !== without) c += weight(live, p, m);
  const mod = moderators[t]!;
  if (mod >= 0) c += repeatCost(live.met.get(pairKey(p, mod)) ?? 0, true);
  return c;
}

/** Moves participant p to table `to` (from its current table, if any). */
export function move(live: Live, p: number, to: number): void {
  const from = live.tableOf[p]!;
  if (from >= 0) {
    const list = live.members[from]!;
    list.splice(list.indexOf(p), 1);
  }
  live.members[to]!.push(p);
  live.tableOf[p] = to;
}

/**
 * Removes repeats and never-together pairs: each conflicted person tries every swap and every
 * move to a table with room, taking the best strict improvement. Only conflicted people start a
 * change, so the rest of the planned round stays put.
 */
export function improve(live: Live, moderators: readonly number[], min: number, max: number): void {
  const n = live.problem.n;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (let a = 0; a < n; a++) {
      const A = live.tableOf[a]!;
      const own = costAt(live, moderators, a, A);
      if (own < WEIGHT.moderatorRepeat) continue;
      let bestDelta = 0;
      let bestB = -1;
      let bestT = -1;
      for (let t = 0; t < live.members.length; t++) {
        if (t === A) continue;
        const there = costAt(live, moderators, a, t);
        if (live.members[t]!.length < max && live.members[A]!.length > min) {
          const delta = there - own;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestB = -1;
            bestT = t;
          }
        }
        for (const b of live.members[t]!) {
          const delta = costAt(live, moderators, a, t, b) + costAt(live, moderators, b, A, a) - own - costAt(live, moderators, b, t);
          if (delta < bestDelta) {
            bestDelta = delta;
            bestB = b;
            bestT = t;
          }
        }
      }
      if (bestT < 0) continue;
      move(live, a, bestT);
      if (bestB >= 0) move(live, bestB, A);
      changed = true;
    }
    if (!changed) return;
  }
}
