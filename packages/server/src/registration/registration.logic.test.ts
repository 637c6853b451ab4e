import { describe, expect, test } from 'vitest';
import { decideArrivals, decideNewRegistration, dueReminder, offerDeadline, planPromotions } from './registration.logic.js';

const at = (iso: string) => new Date(iso);

describe('decideNewRegistration', () => {
  test.each([
    [{ capacity: 102, taken: 0, waiting: 0 }, 'confirmed'],
    [{ capacity: 102, taken: 101, waiting: 0 }, 'confirmed'],
    [{ capacity: 102, taken: 102, waiting: 0 }, 'waitlisted'],
    [{ capacity: 10, taken: 12, waiting: 0 }, 'waitlisted'],
    [{ capacity: 102, taken: 50, waiting: 3 }, 'waitlisted'],
    [{ capacity: 0, taken: 0, waiting: 0 }, 'waitlisted'],
  ] as const)('%o gives %s', (seats, expected) => {
    expect(decideNewRegistration(seats)).toBe(expected);
  });
});

describe('offerDeadline', () => {
  const start = at('2026-12-04T08:30:00Z');
  test.each([
    ['offerHours from now when the start is far', '2026-12-01T08:00:00Z', 24, '2026-12-02T08:00:00.000Z'],
    ['one hour before the start when that comes first', '2026-12-03T20:00:00Z', 24, '2026-12-04T07:30:00.000Z'],
    ['nothing when less than an hour is left', '2026-12-04T07:45:00Z', 24, null],
  ])('is %s', (_label, now, hours, expected) => {
    expect(offerDeadline(at(now), start, hours)?.toISOString() ?? null).toBe(expected);
  });
});

describe('planPromotions', () => {
  const base = { waitingInOrder: ['a', 'b', 'c'], now: at('2026-12-01T08:00:00Z'), startsAt: at('2026-12-04T08:30:00Z'), offerHours: 24 };

  test('confirms the first waiting people in auto mode', () => {
    expect(planPromotions({ ...base, free: 2, mode: 'auto' })).toEqual([
      { registrationId: 'a', status: 'confirmed', offerExpiresAt: null },
      { registrationId: 'b', status: 'confirmed', offerExpiresAt: null },
    ]);
  });

  test('offers seats with a deadline in offer mode', () => {
    const promotions = planPromotions({ ...base, free: 1, mode: 'offer' });
    expect(promotions).toEqual([{ registrationId: 'a', status: 'offered', offerExpiresAt: at('2026-12-02T08:00:00Z') }]);
  });

  test('confirms instead of offering when no time is left for an offer', () => {
    expect(planPromotions({ ...base, free: 1, mode: 'offer', now: at('2026-12-04T08:00:00Z') })[0]?.status).toBe('confirmed');
  });

  test.each([0, -3])('promotes nobody with %i free seats', (free) => {
    expect(planPromotions({ ...base, free, mode: 'auto' })).toEqual([]);
  });

  test('promotes everyone when more seats are free than people wait', () => {
    expect(planPromotions({ ...base, free: 10, mode: 'auto' })).toHaveLength(3);
  });
});

describe('dueReminder', () => {
  const startsAt = at('2026-12-04T08:30:00Z');
  const early = at('2026-11-20T10:00:00Z');
  test.each([
    ['nothing two days ahead', '2026-12-02T08:30:00Z', early, false, false, null],
    ['the 24 h reminder within the last day', '2026-12-03T09:00:00Z', early, false, false, '24h'],
    ['nothing once the 24 h reminder went', '2026-12-03T09:00:00Z', early, true, false, null],
    ['a skip for someone confirmed within the last day', '2026-12-03T12:00:00Z', at('2026-12-03T11:00:00Z'), false, false, 'skip_24h'],
    ['the 1 h reminder within the last hour', '2026-12-04T07:45:00Z', early, true, false, '1h'],
    ['nothing after the 1 h reminder', '2026-12-04T07:45:00Z', early, true, true, null],
    ['nothing once the edition started', '2026-12-04T08:31:00Z', early, false, false, null],
  ])('gives %s', (_label, now, confirmedAt, sent24h, sent1h, expected) => {
    expect(dueReminder({ now: at(now), startsAt, confirmedAt, sent24h, sent1h })).toBe(expected);
  });
});

describe('decideArrivals', () => {
  const arrive = (key: string, hasActiveRegistration = false) => ({ key, hasActiveRegistration });

  test('fills free seats in arrival order, then the waiting list behind those already on it', () => {
    expect(decideArrivals({ capacity: 3, taken: 2, waiting: 0 }, [arrive('a'), arrive('b'), arrive('c')])).toEqual([
      { kind: 'new', status: 'confirmed', waitlistPosition: null },
      { kind: 'new', status: 'waitlisted', waitlistPosition: 1 },
      { kind: 'new', status: 'waitlisted', waitlistPosition: 2 },
    ]);
  });

  test('keeps people waiting ahead of newcomers even when a seat is free', () => {
    expect(decideArrivals({ capacity: 3, taken: 2, waiting: 2 }, [arrive('a')])).toEqual([
      { kind: 'new', status: 'waitlisted', waitlistPosition: 3 },
    ]);
  });

  test('recognises someone registered already and the same e-mail twice in one batch', () => {
    expect(decideArrivals({ capacity: 1, taken: 0, waiting: 2 }, [arrive('x', true), arrive('a'), arrive('a')])).toEqual([
      { kind: 'existing' },
      { kind: 'new', status: 'waitlisted', waitlistPosition: 3 },
      { kind: 'duplicate_of', index: 1 },
    ]);
  });

  test('confirms exactly capacity and numbers the rest 1..n for a large batch', () => {
    const decisions = decideArrivals(
      { capacity: 102, taken: 0, waiting: 0 },
      Array.from({ length: 1000 }, (_, i) => arrive(`p${i}`)),
    );
    expect(decisions.filter((d) => d.kind === 'new' && d.status === 'confirmed')).toHaveLength(102);
    expect(decisions.flatMap((d) => (d.kind === 'new' && d.waitlistPosition ? [d.waitlistPosition] : []))).toEqual(
      Array.from({ length: 898 }, (_, i) => i + 1),
    );
  });
});
