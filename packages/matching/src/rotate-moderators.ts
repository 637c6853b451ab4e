import { repeatCost } from './pair-weights.js';
import { randomInt, type Rng } from './rng.js';

const COUNT_CELLS_LIMIT = 5_000_000;

/**
 * Improves who moderates which table, over all rounds at once, with participants fixed (M9,
 * `rotate`). A move swaps the moderators (or a moderator and an empty slot) of two tables in one
 * round, under simulated annealing on the summed convex repeat cost of moderator-participant
 * meetings; the best state seen is kept. Sequential per-round choices paint themselves into a
 * corner; a joint search over all rounds does not.
 *
 * `rounds[r][e]` is the table of entity e in round r (participants 0..n-1, moderators n..).
 */
export function rotateModerators(rounds: Int32Array[], n: number, moderators: number, tables: number, rng: Rng, iterations: number): void {
  if (moderators === 0 || rounds.length < 2 || moderators * n > COUNT_CELLS_LIMIT) return;
  const R = rounds.length;
  const members: number[][][] = rounds.map(() => Array.from({ length: tables }, () => []));
  const modAt: Int32Array[] = rounds.map(() => new Int32Array(tables).fill(-1));
  const count = new Int32Array(moderators * n);
  rounds.forEach((tableOf, r) => {
    for (let p = 0; p < n; p++) members[r]![tableOf[p]!]!.push(p);
    for (let m = 0; m < moderators; m++) {
      const t = tableOf[n + m]!;
      if (t >= 0) modAt[r]![t] = m;
    }
  });
  rounds.forEach((_, r) => {
    for (let t = 0; t < tables; t++) {
      const m = modAt[r]![t]!;
      if (m >= 0) for (const p of members[r]![t]!) count[m * n + p]!++;
    }
  });
  let repeats = 0;
  for (const c of count) if (c > 1) repeats += c - 1;
  if (repeats === 0) return;

  // Cost change of moderator m leaving (sign -1) or joining (sign +1) the people of one table.
  const change = (m: number, people: readonly number[], sign: 1 | -1): number => {
    if (m < 0) return 0;
    let d = 0;
    for (const p of people) {
      const c = count[m * n + p]!;
      d += sign > 0 ? repeatCost(c, true) : -repeatCost(c - 1, true);
    }
    return d;
  };
  const apply = (m: number, people: readonly number[], sign: 1 | -1): void => {
    if (m < 0) return;
    for (const p of people) count[m * n + p] = count[m * n + p]! + sign;
  };
  let cost = 0;
  for (const c of count) for (let k = 1; k < c; k++) cost += repeatCost(k, true);
  let best = cost;
  let bestModAt = modAt.map((row) => row.slice());
  // Temperature falls geometrically from one repeat's cost to a hundredth of it.
  const startTemperature = repeatCost(1, true);
  const cooling = Math.pow(0.01, 1 / Math.max(1, iterations));
  let temperature = startTemperature;
  for (let iter = 0; iter < iterations && best > 0; iter++) {
    temperature *= cooling;
    const r = randomInt(rng, R);
    const a = randomInt(rng, tables);
    const b = randomInt(rng, tables);
    const ma = modAt[r]![a]!;
    const mb = modAt[r]![b]!;
    if (a === b || ma === mb) continue;
    const pa = members[r]![a]!;
    const pb = members[r]![b]!;
    // Leave first, then join, so a moderator's own counts are current when it joins.
    let delta = change(ma, pa, -1) + change(mb, pb, -1);
    apply(ma, pa, -1);
    apply(mb, pb, -1);
    delta += change(ma, pb, 1) + change(mb, pa, 1);
    if (delta <= 0 || rng() < Math.exp(-delta / temperature)) {
      cost += delta;
      apply(ma, pb, 1);
      apply(mb, pa, 1);
      modAt[r]![a] = mb;
      modAt[r]![b] = ma;
      if (cost < best) {
        best = cost;
        bestModAt = modAt.map((row) => row.slice());
      }
    } else {
      apply(ma, pa, 1);
      apply(mb, pb, 1);
    }
  }
  bestModAt.forEach((row, r) => {
    row.forEach((m, t) => {
      if (m >= 0) rounds[r]![n + m] = t;
    });
  });
}
