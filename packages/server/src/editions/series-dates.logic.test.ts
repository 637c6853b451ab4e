import { expect, test } from 'vitest';
import { pickSeriesDates } from './series-dates.logic.js';

const at = (iso: string) => new Date(iso);
const e = (id: string, startsAt: string, status: 'draft' | 'open' | 'closed' | 'live' | 'ended' = 'open') => ({
  id,
  status,
  startsAt: at(startsAt),
  durationMinutes: 90,
});

test('keeps the other published editions that have not ended, soonest first, up to the limit', () => {
  const all = [
    e('later', '2026-12-18T08:30:00Z'),
    e('self', '2026-12-04T08:30:00Z'),
    e('draft', '2026-12-08T08:30:00Z', 'draft'),
    e('past', '2026-11-20T08:30:00Z'),
    e('running', '2026-11-27T09:00:00Z', 'live'),
    e('ended-early', '2026-11-27T09:30:00Z', 'ended'),
    e('next', '2026-12-11T08:30:00Z', 'closed'),
  ];
  expect(pickSeriesDates(all, 'self', at('2026-11-27T10:00:00Z'), 3).map((x) => x.id)).toEqual(['running', 'next', 'later']);
  expect(pickSeriesDates(all, 'self', at('2026-11-27T10:00:00Z'), 0)).toEqual([]);
});
