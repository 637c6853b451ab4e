import { describe, expect, test } from 'vitest';
import { nextOccurrences } from './series.logic.js';

describe('nextOccurrences', () => {
  const friday0930 = { weekday: 5, startTime: '09:30', timeZone: 'Europe/Brussels' };

  test.each([
    ['a Friday after the start', '2026-11-27T10:00:00Z', ['2026-12-04T08:30:00.000Z', '2026-12-11T08:30:00.000Z']],
    ['a Friday before the start', '2026-11-27T08:00:00Z', ['2026-11-27T08:30:00.000Z', '2026-12-04T08:30:00.000Z']],
    ['a Monday', '2026-11-23T12:00:00Z', ['2026-11-27T08:30:00.000Z', '2026-12-04T08:30:00.000Z']],
    ['the week of the spring DST change', '2027-03-22T12:00:00Z', ['2027-03-26T08:30:00.000Z', '2027-04-02T07:30:00.000Z']],
  ])('keeps the wall-clock time from %s', (_label, after, expected) => {
    expect(nextOccurrences(friday0930, new Date(after), 2).map((d) => d.toISOString())).toEqual(expected);
  });

  test('returns nothing for a count of zero', () => {
    expect(nextOccurrences(friday0930, new Date('2026-11-27T10:00:00Z'), 0)).toEqual([]);
  });
});
