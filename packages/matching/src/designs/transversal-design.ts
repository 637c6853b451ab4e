import type { Design } from './design.js';
import type { FiniteField } from './finite-field.js';

/**
 * Resolvable transversal design RTD(g, q) over the field GF(q) (Z_q when q is prime): point
 * (i, y) with group i in 0..g-1 and y in GF(q); in round x table c holds the points with
 * x * i + c = y. Two points of different groups share a table in exactly one of the q rounds
 * (x = (y1 - y2) / (i1 - i2)), two points of one group never do. With moderators, group 0 is theirs: moderator y sits at table y
 * in every round, so it is both `fixed` and meets only new people (M9).
 *
 * Worked example, q = 5, point (2, 3): round 0 table 3, round 1 table 1 (2 + 1 = 3), round 2
 * table 4 (4 + 4 = 8 = 3 mod 5).
 *
 * `participants` points are used; the surplus points of the last group become holes, one per
 * table at most, so table sizes are `groups` or `groups - 1`.
 *
 * With `affineRound` (only when groups = q and no moderators) the groups themselves form one more
 * round: q tables of q, the parallel class that completes the affine plane AG(2, q), q + 1 rounds.
 */
export function buildTransversalDesign(
  field: FiniteField,
  participants: number,
  rounds: number,
  withModerators: boolean,
  affineRound = false,
): Design {
  const { q, sub, mul } = field;
  const groups = Math.ceil(participants / q);
  const offset = withModerators ? 1 : 0;
  const points = groups * q;
  const used = Math.min(rounds, affineRound ? q + 1 : q);
  const tableAt = new Int32Array(used * points);
  const groupOf = new Int32Array(points);
  for (let i = 0; i < groups; i++) {
    const g = i + offset;
    for (let y = 0; y < q; y++) {
      const p = i * q + y;
      groupOf[p] = i;
      for (let x = 0; x < Math.min(used, q); x++) {
        // table c satisfies x * g + c = y
        tableAt[x * points + p] = sub(y, mul(x, g));
      }
      if (used > q) tableAt[q * points + p] = i;
    }
  }
  // In the affine round group-mates meet too, so groups no longer keep colleagues apart.
  if (used > q) groupOf.fill(-1);
  const holes: number[] = [];
  for (let p = participants; p < points; p++) holes.push(p);
  return {
    name: used > q ? `affine-plane(q=${q})` : `transversal-design(q=${q})`,
    tables: q,
    points,
    rounds: used,
    tableAt,
    groupOf,
    holes,
    includesModerators: withModerators,
  };
}
