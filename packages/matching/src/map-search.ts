import { countMeetings, type Design } from './designs/design.js';
import { WEIGHT, type Problem } from './problem.js';
import { randomInt, shuffleInPlace, type Rng } from './rng.js';

const SECTOR_CELLS_LIMIT = 20_000_000;

/** Connected components of the never-together graph: people who should share a design group. */
function hardClusters(problem: Problem): number[][] {
  const seen = new Uint8Array(problem.n);
  const clusters: number[][] = [];
  for (let s = 0; s < problem.n; s++) {
    if (seen[s] === 1 || problem.hardPartners[s]!.length === 0) continue;
    const cluster: number[] = [];
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      cluster.push(p);
      for (const o of problem.hardPartners[p]!)
        if (seen[o] === 0) {
          seen[o] = 1;
          stack.push(o);
        }
    }
    clusters.push(cluster);
  }
  return clusters;
}

/**
 * First placement of people onto design points. Where the design has groups (points that never
 * meet), people who must stay apart are packed into one group first, largest cluster first, so
 * the hard constraints usually hold before any search.
 */
function initialPoints(problem: Problem, design: Design, rng: Rng): Int32Array {
  const pointOf = new Int32Array(problem.n).fill(-1);
  const holes = new Set(design.holes);
  const free: number[][] = [];
  for (let p = 0; p < design.points; p++) {
    if (holes.has(p)) continue;
    const g = Math.max(0, design.groupOf[p]!);
    while (free.length <= g) free.push([]);
    free[g]!.push(p);
  }
  for (const points of free) shuffleInPlace(rng, points);
  const placed = new Uint8Array(problem.n);
  if (design.groupOf[0]! >= 0) {
    const clusters = shuffleInPlace(rng, hardClusters(problem)).sort((a, b) => b.length - a.length);
    for (const cluster of clusters) {
      // The group with the most room keeps clusters whole as long as possible.
      let target = 0;
      for (let g = 1; g < free.length; g++) if (free[g]!.length > free[target]!.length) target = g;
      for (const person of cluster) {
        let g = target;
        if (free[g]!.length === 0) g = free.findIndex((points) => points.length > 0);
        pointOf[person] = free[g]!.pop()!;
        placed[person] = 1;
      }
    }
  }
  const rest = shuffleInPlace(rng, free.flat());
  for (let person = 0; person < problem.n; person++) if (placed[person] === 0) pointOf[person] = rest.pop()!;
  return pointOf;
}

/** Forced random moves of a restart when the mapping search is stuck with conflicts left. */
const KICK_MOVES = 3;
/**
 * Past the plain budget a move that keeps the hard and history cost may add up to two same-sector
 * pairs: without that slack, sector mixing pins the mapping and history pairs stay (M5: 3 before 4).
 */
const SECTOR_SLACK = 2 * WEIGHT.sector;

/**
 * Maps participants onto the points of a design, then improves the mapping by swaps (person with
 * person, or person with an empty point). Any mapping keeps the design's no-repeat property, so
 * the search only weighs hard constraints, history pairs and sector mix (M3, M6, M7) while the
 * table sizes stay within [min, max]. Moves that do not worsen the mapping are taken; when no
 * better mapping turns up for a while and a hard or history pair still meets, a few random moves
 * shake the mapping loose (from the best one so far), within `maxIterations` in all (M12).
 */
export function mapOntoDesign(
  problem: Problem,
  design: Design,
  rng: Rng,
  iterations: number,
  outOfTime: () => boolean,
  maxIterations = iterations,
): Int32Array {
  const { n, hardPartners, historyPartners, sectorOf, min, max } = problem;
  const R = design.rounds;
  const T = design.tables;
  const V = design.points;
  const pointOf = initialPoints(problem, design, rng);
  const personAt = new Int32Array(V);

  const S = problem.sectorCount;
  const useSectors = S > 1 && R * T * S <= SECTOR_CELLS_LIMIT;
  const sectorCount = useSectors ? new Int32Array(R * T * S) : new Int32Array(0);
  const size = new Int32Array(R * T);
  // Rebuilds the occupancy, table sizes and sector counts from pointOf.
  const recount = (): void => {
    personAt.fill(-1);
    size.fill(0);
    sectorCount.fill(0);
    for (let p = 0; p < n; p++) {
      personAt[pointOf[p]!] = p;
      for (let r = 0; r < R; r++) {
        const t = design.tableAt[r * V + pointOf[p]!]!;
        size[r * T + t]!++;
        if (useSectors && sectorOf[p]! >= 0) sectorCount[(r * T + t) * S + sectorOf[p]!]!++;
      }
    }
  };
  recount();

  const pairCost = (p: number): number => {
    let cost = 0;
    for (const o of hardPartners[p]!) cost += WEIGHT.hard * countMeetings(design, pointOf[p]!, pointOf[o]!, R);
    for (const h of historyPartners[p]!) cost += Math.round(WEIGHT.history * h.weight) * countMeetings(design, pointOf[p]!, pointOf[h.other]!, R);
    return cost;
  };
  const hasPairs = (p: number): boolean => hardPartners[p]!.length > 0 || historyPartners[p]!.length > 0;
  const anyPairs = problem.hardPairs.size > 0 || problem.historyWeight.size > 0;
  if (!anyPairs && !useSectors) return pointOf;

  // Change of the summed C(count, 2) same-sector pairs when a (at u) and b (at v) swap points.
  const sectorDelta = (u: number, v: number, sa: number, sb: number): number => {
    if (!useSectors || sa === sb) return 0;
    let delta = 0;
    for (let r = 0; r < R; r++) {
      const tu = design.tableAt[r * V + u]!;
      const tv = design.tableAt[r * V + v]!;
      if (tu === tv) continue;
      const cu = (r * T + tu) * S;
      const cv = (r * T + tv) * S;
      // a (sector sa) leaves tu for tv; b (sector sb) leaves tv for tu.
      if (sa >= 0) delta += -(sectorCount[cu + sa]! - 1) + sectorCount[cv + sa]!;
      if (sb >= 0) delta += -(sectorCount[cv + sb]! - 1) + sectorCount[cu + sb]!;
    }
    return delta * WEIGHT.sector;
  };
  const applyMove = (u: number, v: number, sa: number, sb: number, toHole: boolean): void => {
    for (let r = 0; r < R; r++) {
      const tu = design.tableAt[r * V + u]!;
      const tv = design.tableAt[r * V + v]!;
      if (tu === tv) continue;
      if (sa >= 0 && useSectors) {
        sectorCount[(r * T + tu) * S + sa]!--;
        sectorCount[(r * T + tv) * S + sa]!++;
      }
      if (sb >= 0 && useSectors) {
        sectorCount[(r * T + tv) * S + sb]!--;
        sectorCount[(r * T + tu) * S + sb]!++;
      }
      if (toHole) {
        size[r * T + tu]!--;
        size[r * T + tv]!++;
      }
    }
  };
  const sizesAllowMove = (u: number, v: number): boolean => {
    for (let r = 0; r < R; r++) {
      const tu = design.tableAt[r * V + u]!;
      const tv = design.tableAt[r * V + v]!;
      if (tu !== tv && (size[r * T + tu]! - 1 < min || size[r * T + tv]! + 1 > max)) return false;
    }
    return true;
  };

  let conflicted: number[] = [];
  const refreshConflicts = (): void => {
    conflicted = [];
    for (let p = 0; p < n; p++) if (hasPairs(p) && pairCost(p) > 0) conflicted.push(p);
  };
  refreshConflicts();
  if (conflicted.length === 0 && !useSectors) return pointOf;

  // Moves a to point v (swapping with whoever sits there) when `force`, when it costs nothing more,
  // or when it keeps the pair cost and adds at most `slack` of sector cost; returns the change made.
  const tryMove = (a: number, v: number, force: boolean, slack = 0): number => {
    const u = pointOf[a]!;
    if (v === u) return 0;
    const b = personAt[v]!;
    if (b < 0 && !sizesAllowMove(u, v)) return 0;
    const sa = sectorOf[a]!;
    const sb = b >= 0 ? sectorOf[b]! : -1;
    const before = pairCost(a) + (b >= 0 ? pairCost(b) : 0);
    pointOf[a] = v;
    if (b >= 0) pointOf[b] = u;
    const after = pairCost(a) + (b >= 0 ? pairCost(b) : 0);
    const delta = after - before + sectorDelta(u, v, sa, sb);
    if (delta <= 0 || force || (after <= before && delta <= slack)) {
      personAt[v] = a;
      personAt[u] = b;
      applyMove(u, v, sa, sb, b < 0);
      return delta;
    }
    pointOf[a] = u;
    if (b >= 0) pointOf[b] = v;
    return 0;
  };

  // Costs are tracked relative to the start; the best mapping is copied only when a restart
  // leaves it, so large instances do not copy on every improvement.
  let cost = 0;
  let best = 0;
  let bestConflicted = conflicted.length;
  let bestPointOf: Int32Array | null = null;
  // A restart comes when the number of people in a hard or history pair has not fallen for a while.
  let lastGain = 0;
  let fewestConflicts = conflicted.length;
  const window = Math.max(1024, Math.floor(iterations / 8));
  const cap = Math.max(iterations, maxIterations);
  for (let iter = 0; iter < cap; iter++) {
    if ((iter & 1023) === 0 || iter === iterations) {
      if (outOfTime()) break;
      if (iter > 0) refreshConflicts();
      if (conflicted.length === 0 && !useSectors) break;
      if (conflicted.length < fewestConflicts) {
        fewestConflicts = conflicted.length;
        lastGain = iter;
      }
      const conflictsAtBest = bestPointOf === null || cost <= best ? conflicted.length : bestConflicted;
      // Past the plain budget only a hard or history pair that still meets buys more search.
      if (iter >= iterations && conflictsAtBest === 0) break;
      if (cap > iterations && conflictsAtBest > 0 && iter - lastGain >= window && iter + window < cap) {
        // Stuck: keep the best mapping and go on from it after a few forced moves.
        if (bestPointOf === null || cost < best) {
          bestPointOf = pointOf.slice();
          best = cost;
          bestConflicted = conflicted.length;
        } else if (cost > best) {
          pointOf.set(bestPointOf);
          recount();
          cost = best;
          refreshConflicts();
        }
        for (let k = 0; k < KICK_MOVES && conflicted.length > 0; k++)
          cost += tryMove(conflicted[randomInt(rng, conflicted.length)]!, randomInt(rng, V), true);
        refreshConflicts();
        fewestConflicts = conflicted.length;
        lastGain = iter;
      }
    }
    const a =
      conflicted.length > 0 && (!useSectors || iter >= iterations || rng() < 0.7)
        ? conflicted[randomInt(rng, conflicted.length)]!
        : randomInt(rng, n);
    cost += tryMove(a, randomInt(rng, V), false, iter >= iterations ? SECTOR_SLACK : 0);
  }
  if (bestPointOf !== null && cost > best) return bestPointOf;
  return pointOf;
}
