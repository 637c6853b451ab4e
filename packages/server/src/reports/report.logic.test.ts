import { describe, expect, test } from 'vitest';
import { attendanceOf, hasMutualConsent, meetingsOf, npsOf, requestSetOf } from './report.logic.js';
import type { ReportRegistration, ReportSeating } from './report.types.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 8, minute));
const seat = (person: string, round: number, table: number, from: number, to: number | null): ReportSeating => ({
  editionId: 'e',
  round,
  table,
  registrationId: person,
  moderatorId: null,
  from: at(from),
  to: to === null ? null : at(to),
});

describe('report figures', () => {
  test('two people meet only when their seatings at one table overlap in time', () => {
    const seatings = [seat('a', 1, 1, 0, 5), seat('b', 1, 1, 5, 12), seat('c', 1, 1, 0, null), seat('d', 1, 2, 0, 12)];
    // a left table 1 when b arrived: they never met; c stayed all along (still open).
    expect(meetingsOf(seatings).map((m) => `${m.a}-${m.b}`)).toEqual(['a-c', 'b-c']);
  });

  test('a pair that met in two rounds counts once, with both rounds', () => {
    expect(meetingsOf([seat('a', 1, 1, 0, 12), seat('b', 1, 1, 0, 12), seat('a', 2, 3, 13, 25), seat('b', 2, 3, 13, 25)])).toEqual([
      { a: 'a', b: 'b', rounds: [1, 2] },
    ]);
  });

  test.each([
    ['seated with the round', [seat('x', 1, 1, 0, 12)], false],
    ['seated into the running round', [seat('x', 1, 1, 3, 12)], true],
    ['first seated in round 2 (missed round 1)', [seat('x', 2, 1, 13, 25)], true],
  ])('late arrival: %s', (_name, own, late) => {
    const others = [seat('y', 1, 2, 0, 12), seat('y', 2, 2, 13, 25)];
    expect(attendanceOf([...others, ...own]).get('x')?.late).toBe(late);
  });

  test('a move within a round does not make someone late', () => {
    const attendance = attendanceOf([seat('x', 1, 1, 0, 4), seat('x', 1, 2, 4, 12), seat('y', 1, 2, 0, 12)]);
    expect(attendance.get('x')).toMatchObject({ late: false, rounds: [1] });
  });

  test.each([
    [[], null],
    [[10, 9, 8, 0], 25],
    [[6, 6], -100],
    [[7, 8], 0],
    [[9, 10, 10], 100],
  ])('NPS of %j is %s', (answers, nps) => {
    expect(npsOf(answers)).toBe(nps);
  });

  test('contact consent needs both sides: both opted in, or both asked', () => {
    const person = (id: string, shareContact: boolean) => ({ id, shareContact }) as ReportRegistration;
    const requests = requestSetOf([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
      { from: 'a', to: 'c' },
    ]);
    expect(hasMutualConsent(person('a', false), person('b', false), requests)).toBe(true);
    expect(hasMutualConsent(person('a', true), person('c', false), requests)).toBe(false);
    expect(hasMutualConsent(person('c', true), person('d', true), requests)).toBe(true);
    expect(hasMutualConsent(person('c', true), person('d', false), new Set())).toBe(false);
  });
});
