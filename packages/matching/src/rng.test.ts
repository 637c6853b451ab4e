import { describe, expect, test } from 'vitest';
import { createRng, shuffleInPlace } from './rng.js';

describe('seeded rng', () => {
  test('[M11] repeats its sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 20 }, a)).toEqual(Array.from({ length: 20 }, b));
  });

  test('[M11] differs between seeds and stays in [0, 1)', () => {
    const values = Array.from({ length: 1000 }, createRng(7));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(values.slice(0, 5)).not.toEqual(Array.from({ length: 5 }, createRng(8)));
  });

  test('shuffles into a permutation', () => {
    const items = shuffleInPlace(
      createRng(1),
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect([...items].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
