import { describe, expect, test } from 'vitest';
import { buildProblem, evenTableSizes, resolveGroupSize, tableCountRange } from './problem.js';

describe('problem', () => {
  test.each([
    [{ target: 6 }, { target: 6, min: 5, max: 7 }],
    [{ target: 1 }, { target: 1, min: 1, max: 2 }],
    [
      { target: 4, min: 4, max: 4 },
      { target: 4, min: 4, max: 4 },
    ],
    [
      { target: 6, min: 4, max: 8 },
      { target: 6, min: 4, max: 8 },
    ],
  ])('[M2] resolves group size %o to %o', (size, expected) => {
    expect(resolveGroupSize(size)).toEqual(expected);
  });

  test.each([
    [97, 5, 7, { lo: 14, hi: 19 }],
    [102, 6, 6, { lo: 17, hi: 17 }],
    [10, 6, 6, { lo: 2, hi: 1 }],
  ])('[M2] allows table counts for %i people in tables of %i..%i: %o', (n, min, max, expected) => {
    expect(tableCountRange(n, min, max)).toEqual(expected);
  });

  test('[M7] spreads people over tables as evenly as possible', () => {
    expect(evenTableSizes(97, 16)).toEqual([...Array<number>(1).fill(7), ...Array<number>(15).fill(6)]);
  });

  test('[M6] weighs recent history more than old history', () => {
    const built = buildProblem({
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      history: [
        { a: 'a', b: 'b', date: '2026-11-20' },
        { a: 'a', b: 'c', date: '2026-01-09' },
      ],
      groupSize: { target: 3 },
      rounds: 1,
    });
    if (!built.ok) throw new Error(built.reason);
    const [ab, ac] = [...built.problem.historyWeight.values()];
    expect(ab).toBe(1);
    expect(ac!).toBeLessThan(0.25);
  });

  test('[M6] sums the weights of one pair over editions, capped at 1', () => {
    const built = buildProblem({
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      history: [
        { a: 'a', b: 'b', date: '2026-11-20' },
        { a: 'a', b: 'c', date: '2026-11-20' },
        { a: 'b', b: 'c', date: '2026-09-25' },
        { a: 'c', b: 'b', date: '2026-07-31' },
      ],
      groupSize: { target: 3 },
      rounds: 1,
    });
    if (!built.ok) throw new Error(built.reason);
    const weight = (x: number, y: number) => built.problem.historyWeight.get(x * 1_048_576 + y);
    // b-c met 8 and 16 weeks before the latest edition: 0.5 + 0.25.
    expect(weight(1, 2)).toBeCloseTo(0.75, 10);
    // a-b met at the latest edition: full weight.
    expect(weight(0, 1)).toBe(1);
    const twice = buildProblem({
      participants: [{ id: 'a' }, { id: 'b' }],
      history: [
        { a: 'a', b: 'b', date: '2026-11-20' },
        { a: 'b', b: 'a', date: '2026-11-20' },
      ],
      groupSize: { target: 2 },
      rounds: 1,
    });
    if (!twice.ok) throw new Error(twice.reason);
    // Two recent meetings would weigh 2: capped at 1.
    expect(twice.problem.historyWeight.get(1)).toBe(1);
  });

  test('[M3] turns companies and explicit pairs into hard pairs and ignores unknown ids', () => {
    const built = buildProblem({
      participants: [{ id: 'a', company: 'x' }, { id: 'b', company: 'x' }, { id: 'c' }],
      neverTogether: [
        ['a', 'c'],
        ['c', 'gone'],
      ],
      groupSize: { target: 3 },
      rounds: 1,
    });
    if (!built.ok) throw new Error(built.reason);
    expect(built.problem.hardPairs.size).toBe(2);
    expect(built.problem.largestCompany).toBe(2);
  });
});
