import { describe, expect, test } from 'vitest';
import { findStoredDesigns, listStoredDesigns } from './stored-designs.js';

describe('stored designs', () => {
  test.each(listStoredDesigns().map((d) => [d.name, d] as const))('[M4] %s seats every point once per round and no pair twice', (_name, design) => {
    const points = design.rounds[0]!.flat().length;
    const met = new Set<number>();
    for (const round of design.rounds) {
      expect(round.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: points }, (_, i) => i));
      for (const table of round)
        for (const a of table)
          for (const b of table) {
            if (a >= b) continue;
            expect(met.has(a * points + b)).toBe(false);
            met.add(a * points + b);
          }
    }
  });

  test.each([
    { name: 'kirkman-triple-system(15)', rounds: 7, tables: 5 },
    { name: 'social-golfer(8-4-10)', rounds: 10, tables: 8 },
  ])('[M8] provides $name with $rounds rounds of $tables tables', ({ name, rounds, tables }) => {
    const design = listStoredDesigns().find((d) => d.name === name)!;
    expect(design.rounds).toHaveLength(rounds);
    expect(design.rounds.every((r) => r.length === tables)).toBe(true);
  });

  test('[M2] offers a stored design for fewer people only when every table stays within bounds', () => {
    expect(findStoredDesigns(31, 10, 3, 4).map((d) => d.name)).toContain('social-golfer(8-4-10)');
    expect(findStoredDesigns(31, 10, 4, 4)).toEqual([]);
  });
});
