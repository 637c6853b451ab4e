/**
 * A resolvable design materialised for the rounds we use: `tableAt[r * points + p]` is the table
 * of point `p` in round `r` (or -1 for a point that sits out). Two points that share a table in
 * at most one round give a repeat-free schedule whatever people we map onto them.
 */
export interface Design {
  readonly name: string;
  readonly tables: number;
  /** Participant points; people are mapped onto a subset of them. */
  readonly points: number;
  readonly rounds: number;
  readonly tableAt: Int32Array;
  /** Points with equal group never meet; lets colleagues be packed together (M3). -1 = unknown. */
  readonly groupOf: Int32Array;
  /** Points left empty at first, chosen so that every table stays within the size bounds. */
  readonly holes: readonly number[];
  /** True when moderators are part of the design: moderator `j` sits at table `j` every round. */
  readonly includesModerators: boolean;
}

/** Rounds in which two points share a table, counting only the first `rounds` rounds. */
export function countMeetings(design: Design, u: number, v: number, rounds: number): number {
  const { tableAt, points } = design;
  let meetings = 0;
  for (let r = 0; r < rounds; r++) {
    const tu = tableAt[r * points + u]!;
    if (tu >= 0 && tu === tableAt[r * points + v]) meetings++;
  }
  return meetings;
}
