import { WEIGHT, pairKey, type Problem } from './problem.js';

const DENSE_LIMIT = 1500;

/**
 * Extra cost of one more meeting for a pair that already met `count` times (convex, M10). A
 * moderator-participant pair always costs less than a participant pair's second meeting (M5 item
 * 2b), so the search breaks a participant repeat even when a moderator then meets someone again.
 */
export function repeatCost(count: number, moderatorPair = false): number {
  if (count <= 0) return 0;
  const extra = Math.min(count - 1, 3);
  if (moderatorPair) return WEIGHT.moderatorRepeat * Math.pow(WEIGHT.moderatorRepeatGrowth, extra);
  return WEIGHT.repeat * Math.pow(WEIGHT.repeatGrowth, extra);
}

/**
 * Cost of seating two entities (participants 0..n-1, moderators n..) at one table, given the
 * meetings so far in this event. All weights are integers so sums stay exact.
 * Small instances use a dense matrix; large ones compute on the fly from sparse maps.
 */
export class PairWeights {
  readonly entities: number;
  private readonly problem: Problem;
  private readonly dense: Float64Array | null;
  private readonly denseCounts: Uint8Array | null;
  private readonly sparseCounts = new Map<number, number>();

  constructor(problem: Problem) {
    this.problem = problem;
    this.entities = problem.n + problem.moderatorIds.length;
    const e = this.entities;
    if (e <= DENSE_LIMIT) {
      this.dense = new Float64Array(e * e);
      this.denseCounts = new Uint8Array(e * e);
      for (let a = 0; a < e; a++)
        for (let b = a + 1; b < e; b++) {
          const w = this.baseWeight(a, b);
          this.dense[a * e + b] = w;
          this.dense[b * e + a] = w;
        }
    } else {
      this.dense = null;
      this.denseCounts = null;
    }
  }

  /** Cost that does not depend on this event's meetings: hard constraints, history, sectors. */
  private baseWeight(a: number, b: number): number {
    const { n, hardPairs, historyWeight, sectorOf } = this.problem;
    if (a >= n || b >= n) return 0;
    const key = pairKey(a, b);
    let w = hardPairs.has(key) ? WEIGHT.hard : 0;
    const h = historyWeight.get(key);
    if (h !== undefined) w += Math.round(WEIGHT.history * h);
    const sa = sectorOf[a]!;
    if (sa >= 0 && sa === sectorOf[b]) w += WEIGHT.sector;
    return w;
  }

  /** Cost of a and b sharing a table once more. */
  get(a: number, b: number): number {
    if (a === b) return 0;
    if (this.dense !== null) return this.dense[a * this.entities + b]!;
    return this.baseWeight(a, b) + repeatCost(this.meetings(a, b), this.isModeratorPair(a, b));
  }

  private isModeratorPair(a: number, b: number): boolean {
    return a >= this.problem.n || b >= this.problem.n;
  }

  meetings(a: number, b: number): number {
    if (this.denseCounts !== null) return this.denseCounts[a * this.entities + b]!;
    return this.sparseCounts.get(pairKey(a, b)) ?? 0;
  }

  /** Records (delta = 1) or forgets (delta = -1) one meeting of a and b. */
  addMeeting(a: number, b: number, delta: 1 | -1): void {
    if (a === b) return;
    if (this.denseCounts !== null && this.dense !== null) {
      const e = this.entities;
      const c = Math.max(0, this.denseCounts[a * e + b]! + delta);
      this.denseCounts[a * e + b] = c;
      this.denseCounts[b * e + a] = c;
      const w = this.baseWeight(a, b) + repeatCost(c, this.isModeratorPair(a, b));
      this.dense[a * e + b] = w;
      this.dense[b * e + a] = w;
      return;
    }
    const key = pairKey(a, b);
    const c = Math.max(0, (this.sparseCounts.get(key) ?? 0) + delta);
    if (c === 0) this.sparseCounts.delete(key);
    else this.sparseCounts.set(key, c);
  }

  /** Records every pair at every table of a round given as entity lists per table. */
  addRound(tables: readonly (readonly number[])[], delta: 1 | -1): void {
    for (const members of tables) {
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) this.addMeeting(members[i]!, members[j]!, delta);
    }
  }
}
