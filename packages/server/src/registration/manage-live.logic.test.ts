import { describe, expect, test } from 'vitest';
import { manageLiveOf } from './manage-live.logic.js';

const edition = { status: 'open' as const, startsAt: new Date('2026-12-04T08:30:00Z'), durationMinutes: 90 };

describe('manageLiveOf', () => {
  test.each([
    ['a day before', '2026-12-03T08:30:00Z', 'open', 'scheduled'],
    ['one minute before the doors open', '2026-12-04T08:14:00Z', 'open', 'scheduled'],
    ['when the doors open', '2026-12-04T08:15:00Z', 'open', 'open'],
    ['during the event (nobody connected yet)', '2026-12-04T09:00:00Z', 'closed', 'open'],
    ['after the planned end', '2026-12-04T10:00:00Z', 'closed', 'ended'],
    ['after the planned end while the host still runs it', '2026-12-04T10:20:00Z', 'live', 'open'],
    ['early, once the live engine ended it', '2026-12-04T09:50:00Z', 'ended', 'ended'],
    ['before the doors open, when the host opened the lobby early', '2026-12-04T08:00:00Z', 'live', 'open'],
  ] as const)('%s is %s', (_label, now, status, stage) => {
    expect(manageLiveOf({ ...edition, status }, new Date(now)).stage).toBe(stage);
  });

  test('says when the doors open: 15 minutes before the start by default', () => {
    expect(manageLiveOf(edition, new Date('2026-12-01T00:00:00Z'))).toEqual({
      stage: 'scheduled',
      doorsOpenAt: '2026-12-04T08:15:00.000Z',
      doorsOpenMinutes: 15,
    });
  });
});
