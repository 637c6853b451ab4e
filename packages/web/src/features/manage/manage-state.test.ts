import { describe, expect, test } from 'vitest';
import { manageView } from '../editions/public-fixture';
import { manageStateOf } from './manage-state';

const at = (iso: string) => Date.parse(iso);

describe('manageStateOf', () => {
  test.each([
    ['before the doors open', '2026-12-01T10:00:00Z', 'scheduled', false, true, true],
    ['doors open (clock passed the server answer)', '2026-12-04T08:15:00Z', 'open', true, true, true],
    ['after the planned end', '2026-12-04T10:00:00Z', 'ended', false, false, false],
  ] as const)('a confirmed seat %s: stage %s, join %s, calendar %s, cancel %s', (_label, now, stage, join, calendar, cancel) => {
    const state = manageStateOf(manageView(), at(now));
    expect([state.stage, state.showJoin, state.showCalendar, state.canCancel]).toEqual([stage, join, calendar, cancel]);
  });

  test('a running event (status live) stays open past its planned end', () => {
    const view = manageView({ edition: { status: 'live' }, live: { stage: 'open', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 } });
    expect(manageStateOf(view, at('2026-12-04T10:30:00Z'))).toMatchObject({ stage: 'open', showJoin: true, nextChangeAt: null });
  });

  test('an answer without `live` (older server) falls back to the edition and 15 minutes', () => {
    const view = { ...manageView(), live: undefined };
    expect(manageStateOf(view, at('2026-12-04T08:14:00Z'))).toMatchObject({ stage: 'scheduled', doorsOpenAt: '2026-12-04T08:15:00.000Z' });
    expect(manageStateOf({ ...view, edition: { ...view.edition, status: 'ended' } }, at('2026-12-04T08:14:00Z')).stage).toBe('ended');
  });

  test('the next moment to look again: the doors, then the end, or an earlier offer deadline', () => {
    expect(manageStateOf(manageView(), at('2026-12-01T10:00:00Z')).nextChangeAt).toBe(at('2026-12-04T08:15:00Z'));
    expect(manageStateOf(manageView(), at('2026-12-04T09:00:00Z')).nextChangeAt).toBe(at('2026-12-04T10:00:00Z'));
    const offered = manageView({ registration: { status: 'offered', offerExpiresAt: '2026-12-02T08:00:00.000Z' } });
    expect(manageStateOf(offered, at('2026-12-01T10:00:00Z'))).toMatchObject({
      canAccept: true,
      offerPassed: false,
      nextChangeAt: at('2026-12-02T08:00:00Z'),
    });
    expect(manageStateOf(offered, at('2026-12-02T08:00:00Z'))).toMatchObject({ canAccept: false, offerPassed: true, canCancel: true });
  });

  test('waiting, cancelled and expired registrations never get a join link or a calendar file', () => {
    for (const status of ['waitlisted', 'cancelled', 'expired'] as const) {
      const state = manageStateOf(manageView({ registration: { status } }), at('2026-12-04T08:20:00Z'));
      expect([state.showJoin, state.showCalendar, state.canCancel]).toEqual([false, false, status === 'waitlisted']);
    }
  });
});
