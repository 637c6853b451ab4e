import type { Design } from './designs/design.js';
import { findStoredDesigns } from './designs/stored-designs.js';
import { MAX_TABLE_ORDER, createField, primePower } from './designs/finite-field.js';
import { buildTransversalDesign } from './designs/transversal-design.js';
import type { Problem } from './problem.js';

/** What will seat the clean rounds: a design, or the greedy + tabu search alone. */
export interface Structure {
  readonly tables: number;
  readonly design: Design | null;
}

interface Candidate {
  readonly tables: number;
  /** Rounds the candidate guarantees to be repeat-free (capped at the rounds asked). */
  readonly clean: number;
  readonly build: () => Design | null;
}

/**
 * Picks the table count and construction (M8). Transversal designs exist for every prime power
 * q (GF(q)); non-prime orders are limited to MAX_TABLE_ORDER because their arithmetic is tabled.
 * Ranking: first every table moderated when there are
 * enough moderators, then the most guaranteed clean rounds, then the table count nearest
 * participants / target. Greedy + tabu guarantees one clean round.
 */
export function chooseStructure(problem: Problem, lo: number, hi: number): Structure {
  const { n, min, max, target, rounds } = problem;
  const moderators = problem.moderatorIds.length;
  const candidates: Candidate[] = [];

  for (let q = lo; q <= hi; q++) {
    const order = primePower(q);
    if (order === null || (order.k > 1 && q > MAX_TABLE_ORDER)) continue;
    const groups = Math.ceil(n / q);
    const withModerators = moderators > 0;
    if (groups + (withModerators ? 1 : 0) > q) continue;
    const smallest = groups * q > n ? groups - 1 : groups;
    if (smallest < min || groups > max) continue;
    // Affine plane: with q groups of q the groups make one more round; the last group is short.
    const affine = !withModerators && groups === q && q - (groups * q - n) >= min;
    candidates.push({
      tables: q,
      clean: Math.min(rounds, affine ? q + 1 : q),
      build: () => {
        const field = createField(q);
        return field === null ? null : buildTransversalDesign(field, n, rounds, withModerators, affine);
      },
    });
  }
  for (const design of findStoredDesigns(n, rounds, min, max)) {
    if (design.tables < lo || design.tables > hi) continue;
    candidates.push({ tables: design.tables, clean: design.rounds, build: () => design });
  }
  let generic = Math.min(hi, Math.max(lo, Math.round(n / target)));
  // Shrinking to the moderator count keeps every table led when sizes allow it.
  if (moderators > 0 && moderators < generic && moderators >= lo) generic = moderators;
  candidates.push({ tables: generic, clean: 1, build: () => null });

  const ideal = n / target;
  const rank = (c: Candidate): [number, number, number] => [moderators > 0 && c.tables <= moderators ? 1 : 0, c.clean, -Math.abs(c.tables - ideal)];
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) {
    const [a1, a2, a3] = rank(c);
    const [b1, b2, b3] = rank(best);
    if (a1 > b1 || (a1 === b1 && (a2 > b2 || (a2 === b2 && a3 > b3)))) best = c;
  }
  return { tables: best.tables, design: best.build() };
}
