import { describe, expect, test } from 'vitest';
import { countMeetings } from './design.js';
import { createField, isPrime, primePower } from './finite-field.js';
import { buildTransversalDesign } from './transversal-design.js';

describe('transversal design', () => {
  test.each([
    [2, true],
    [3, true],
    [4, false],
    [17, true],
    [91, false],
    [167, true],
    [1667, true],
    [1, false],
    [0, false],
  ])('isPrime(%i) is %s', (q, expected) => {
    expect(isPrime(q)).toBe(expected);
  });

  test.each([
    [8, { p: 2, k: 3 }],
    [9, { p: 3, k: 2 }],
    [125, { p: 5, k: 3 }],
    [17, { p: 17, k: 1 }],
    [12, null],
    [1, null],
  ])('primePower(%i) is %o', (q, expected) => {
    expect(primePower(q)).toEqual(expected);
  });

  test.each([4, 8, 9, 16, 25, 27, 32, 49, 64, 81])('builds GF(%i) with a multiplicative inverse for every non-zero element', (q) => {
    const field = createField(q)!;
    for (let a = 1; a < q; a++) {
      const inverses = Array.from({ length: q }, (_, b) => field.mul(a, b)).filter((v) => v === 1);
      expect(inverses).toHaveLength(1);
    }
  });

  test.each([
    { q: 5, participants: 15, withModerators: false },
    { q: 7, participants: 36, withModerators: false },
    { q: 8, participants: 48, withModerators: false },
    { q: 9, participants: 54, withModerators: true },
    { q: 11, participants: 60, withModerators: true },
    { q: 16, participants: 96, withModerators: true },
    { q: 17, participants: 102, withModerators: true },
  ])('[M4] meets every pair of points at most once over q = $q rounds ($participants people)', ({ q, participants, withModerators }) => {
    const design = buildTransversalDesign(createField(q)!, participants, q, withModerators);
    expect(design.rounds).toBe(q);
    for (let u = 0; u < design.points; u++)
      for (let v = u + 1; v < design.points; v++) {
        const expected = design.groupOf[u] === design.groupOf[v] ? 0 : 1;
        expect(countMeetings(design, u, v, q)).toBe(expected);
      }
  });

  test.each([3, 4, 5, 7])('[M4] completes the affine plane AG(2, %i): q + 1 rounds, every pair exactly once', (q) => {
    const design = buildTransversalDesign(createField(q)!, q * q, q + 1, false, true);
    expect(design.rounds).toBe(q + 1);
    for (let u = 0; u < design.points; u++)
      for (let v = u + 1; v < design.points; v++) {
        expect(countMeetings(design, u, v, q + 1)).toBe(1);
      }
  });

  test('[M2] leaves at most one hole per table, so sizes are groups or groups - 1', () => {
    const design = buildTransversalDesign(createField(17)!, 97, 17, false);
    for (let r = 0; r < 17; r++) {
      const sizes = new Array<number>(17).fill(0);
      for (let p = 0; p < 97; p++) sizes[design.tableAt[r * design.points + p]!]!++;
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
      expect(Math.max(...sizes)).toBe(6);
    }
  });

  test('[M9] gives a moderator point the same table in every round, meeting each participant once', () => {
    // Group 0 is the moderators': (x * 0 + c) = y, so moderator y sits at table y; with
    // participant group slopes 1..k, a participant (i, y') shares table y with moderator y once.
    const design = buildTransversalDesign(createField(7)!, 28, 7, true);
    for (let p = 0; p < design.points; p++) {
      const tables = new Set(Array.from({ length: 7 }, (_, r) => design.tableAt[r * design.points + p]));
      expect(tables.size).toBe(7);
    }
  });
});
