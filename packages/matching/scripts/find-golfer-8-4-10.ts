// Finds a social golfer 8-4-10 schedule from scratch (32 people, 8 tables of 4, 10 rounds, no
// pair twice) and prints it in the data format of src/designs/stored-designs.ts.
//
//   npx tsx packages/matching/scripts/find-golfer-8-4-10.ts [--seed N] [--time-limit SECONDS]
//
// Method: a 1-rotational construction. Points are Z_31 ∪ {∞}; we search a base round B0 (a
// partition of the 32 points into 8 tables of 4) and develop it with the shifts S = {0, …, 9}:
// round s is B0 + s (x ↦ x + s mod 31, ∞ fixed). Each developed round is a partition, so only
// pairs across rounds can repeat, and that is decided by differences alone:
//
// - two points x, y of one base table with y − x ≡ d (d in 1..15, the smaller of ±) form a base
//   pair of class d starting at x; it meets in rounds s as {x + s, x + d + s}. Two base pairs of
//   one class starting at u and v collide exactly when u + s ≡ v + s' for shifts s ≠ s', i.e. in
//   #{(s, s') ∈ S² : s − s' ≡ v − u} rounds;
// - ∞ meets t + s for every finite point t of its base table T, so two such t, t' collide in
//   #{(s, s') ∈ S² : s − s' ≡ t' − t} rounds.
//
// The cost (sum of those collision counts) is zero exactly when no pair meets twice. Why S is an
// interval: 10 rounds use 450 of the 465 finite pairs, and a difference class holds 31 pairs, so
// each of the 15 classes needs exactly 3 base pairs whose starts U satisfy |U + S| = 30; for
// S = {0, …, 9} that is simply "U is a translate of {0, 10, 20}", a target tabu search reaches
// in seconds. The search itself is a tabu search over swaps of two points between base tables
// (best non-tabu swap, random tie-break, aspiration, restarts), seeded by the library's sfc32.
// The developed schedule is then checked pair by pair, relabelled so that round 1 reads
// 0123 4567 … (any relabelling keeps the property), and printed.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createRng, randomInt, shuffleInPlace, type Rng } from '../src/rng.js';

const MOD = 31;
const INF = 31;
const POINTS = 32;
const TABLES = 8;
const SIZE = 4;
const SHIFTS = Array.from({ length: 10 }, (_, i) => i);

/** collisions[k]: ordered shift pairs (s, s') of S with s − s' ≡ k (mod 31), k ≠ 0. */
const collisions = new Int32Array(MOD);
for (const s of SHIFTS) for (const t of SHIFTS) if (s !== t) collisions[(s - t + MOD) % MOD]!++;

/** Pairs of positions inside one table: (0,1) (0,2) … (2,3) for each of the 8 tables. */
const tablePairs: [number, number][] = [];
for (let b = 0; b < TABLES; b++) {
  for (let i = 0; i < SIZE; i++) for (let j = i + 1; j < SIZE; j++) tablePairs.push([b * SIZE + i, b * SIZE + j]);
}

// Scratch buffers for cost(): starts of base pairs per class (1..15), finite points with ∞.
const starts = new Int32Array(16 * 8);
const startCount = new Int32Array(16);
const withInf = new Int32Array(8);

/** Collision count of base round `pos` (positions 4b..4b+3 form table b); 0 = valid design. */
function cost(pos: Int32Array): number {
  startCount.fill(0);
  let nInf = 0;
  for (const [i, j] of tablePairs) {
    const x = pos[i]!;
    const y = pos[j]!;
    if (x === INF || y === INF) {
      withInf[nInf++] = x === INF ? y : x;
      continue;
    }
    let d = (y - x + MOD) % MOD;
    let u = x;
    if (d > 15) {
      d = MOD - d;
      u = y;
    }
    starts[d * 8 + startCount[d]!++] = u;
  }
  let total = 0;
  for (let d = 1; d <= 15; d++) {
    const n = startCount[d]!;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) total += collisions[(starts[d * 8 + b]! - starts[d * 8 + a]! + MOD) % MOD]!;
    }
  }
  for (let a = 0; a < nInf; a++) {
    for (let b = a + 1; b < nInf; b++) total += collisions[(withInf[b]! - withInf[a]! + MOD) % MOD]!;
  }
  return total;
}

interface SearchResult {
  readonly base: Int32Array | null;
  readonly iterations: number;
  readonly restarts: number;
  readonly bestCost: number;
}

/** Tabu search over swaps of two points between base tables, restarting when stuck. */
function searchBaseRound(rng: Rng, deadline: number): SearchResult {
  const pos = new Int32Array(POINTS);
  const tabuUntil = new Int32Array(POINTS);
  const restartAfter = 3000;
  let iterations = 0;
  let restarts = 0;
  let bestEver = Infinity;
  const candidates: [number, number][] = [];
  for (;;) {
    const order = shuffleInPlace(
      rng,
      Array.from({ length: POINTS }, (_, i) => i),
    );
    order.forEach((p, i) => (pos[i] = p));
    tabuUntil.fill(0);
    let current = cost(pos);
    let best = current;
    let sinceBest = 0;
    while (sinceBest < restartAfter) {
      if (current === 0) return { base: pos, iterations, restarts, bestCost: 0 };
      if ((iterations & 255) === 0 && performance.now() > deadline) {
        return { base: null, iterations, restarts, bestCost: Math.min(bestEver, best) };
      }
      iterations++;
      let moveCost = Infinity;
      candidates.length = 0;
      for (let i = 0; i < POINTS; i++) {
        for (let j = (i >> 2) * SIZE + SIZE; j < POINTS; j++) {
          const pi = pos[i]!;
          const pj = pos[j]!;
          pos[i] = pj;
          pos[j] = pi;
          const c = cost(pos);
          pos[i] = pi;
          pos[j] = pj;
          const tabu = tabuUntil[pi]! > iterations || tabuUntil[pj]! > iterations;
          if (tabu && c >= best) continue;
          if (c < moveCost) {
            moveCost = c;
            candidates.length = 0;
          }
          if (c === moveCost) candidates.push([i, j]);
        }
      }
      if (candidates.length === 0) continue;
      const [i, j] = candidates[randomInt(rng, candidates.length)]!;
      const pi = pos[i]!;
      const pj = pos[j]!;
      pos[i] = pj;
      pos[j] = pi;
      tabuUntil[pi] = iterations + 4 + randomInt(rng, 8);
      tabuUntil[pj] = iterations + 4 + randomInt(rng, 8);
      current = moveCost;
      if (current < best) {
        best = current;
        sinceBest = 0;
      } else {
        sinceBest++;
      }
    }
    bestEver = Math.min(bestEver, best);
    restarts++;
  }
}

/** Develops the base round with the shifts: rounds of tables of points 0..31. */
function develop(base: Int32Array): number[][][] {
  return SHIFTS.map((s) =>
    Array.from({ length: TABLES }, (_, b) =>
      Array.from({ length: SIZE }, (_, i) => {
        const p = base[b * SIZE + i]!;
        return p === INF ? INF : (p + s) % MOD;
      }),
    ),
  );
}

/** Relabels so that round 1 is 0123 4567 …; sorts points within tables and tables by first point. */
function canonicalise(rounds: number[][][]): number[][][] {
  const label = new Int32Array(POINTS);
  rounds[0]!.flat().forEach((p, i) => (label[p] = i));
  return rounds.map((round) => round.map((table) => table.map((p) => label[p]!).sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!));
}

/** Independent check: every round seats each point once and no pair meets twice. */
function checkSchedule(rounds: number[][][]): string | null {
  const met = new Uint8Array(POINTS * POINTS);
  for (const [r, round] of rounds.entries()) {
    const seen = round.flat().sort((a, b) => a - b);
    if (round.length !== TABLES || round.some((t) => t.length !== SIZE) || seen.some((p, i) => p !== i)) {
      return `round ${r + 1} is not a partition into ${TABLES} tables of ${SIZE}`;
    }
    for (const table of round) {
      for (const a of table) {
        for (const b of table) {
          if (a >= b) continue;
          if (met[a * POINTS + b]) return `pair ${a}-${b} meets twice`;
          met[a * POINTS + b] = 1;
        }
      }
    }
  }
  return null;
}

/** The `rounds:` string literal as stored-designs.ts writes it: two rounds a line. */
function formatRounds(rounds: number[][][]): string {
  const encoded = rounds.map((round) => round.map((table) => table.map((p) => p.toString(32)).join('')).join(' '));
  const lines: string[] = [];
  for (let r = 0; r < encoded.length; r += 2) {
    const last = r + 2 >= encoded.length;
    lines.push(`      '${encoded.slice(r, r + 2).join('|')}${last ? "'," : "|' +"}`);
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { seed: { type: 'string', default: '1' }, 'time-limit': { type: 'string', default: '600' } },
  });
  const seed = Number(values.seed);
  const timeLimit = Number(values['time-limit']);
  if (!Number.isInteger(seed) || !(timeLimit > 0)) {
    console.error('usage: find-golfer-8-4-10.ts [--seed N] [--time-limit SECONDS]');
    process.exit(2);
  }
  const started = performance.now();
  const result = searchBaseRound(createRng(seed), started + timeLimit * 1000);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const stats = `seed ${seed}, ${seconds} s, ${result.iterations} tabu iterations, ${result.restarts} restarts`;
  if (!result.base) {
    console.error(`no schedule within ${timeLimit} s (best collision count ${result.bestCost}); ${stats}`);
    process.exit(1);
  }
  const rounds = canonicalise(develop(result.base));
  const problem = checkSchedule(rounds);
  if (problem) {
    console.error(`internal error: ${problem}`);
    process.exit(1);
  }
  const baseText = Array.from({ length: TABLES }, (_, b) =>
    Array.from(result.base!.subarray(b * SIZE, b * SIZE + SIZE))
      .map((p) => (p === INF ? '∞' : String(p)))
      .join(','),
  ).join(' | ');
  console.log(`// Found by packages/matching/scripts/find-golfer-8-4-10.ts (${stats}).`);
  console.log(`// Base round over Z_31 ∪ {∞}, shifts 0..9: ${baseText}`);
  console.log(formatRounds(rounds));
}

main();
