import { DateTime } from 'luxon';

/** A weekly slot in a time zone: ISO weekday (1 = Monday) and a wall-clock start time "HH:MM". */
export interface WeeklyRule {
  weekday: number;
  startTime: string;
  timeZone: string;
}

/**
 * The next `count` starts of a weekly rule strictly after `after`, as instants. The wall-clock
 * time holds across daylight-saving changes: every Friday 09:30 in Brussels is 08:30Z in winter
 * and 07:30Z in summer.
 *
 * Example: rule Friday 09:30 Europe/Brussels, after Fri 2026-11-27 10:00+01:00
 * -> 2026-12-04T08:30Z, 2026-12-11T08:30Z, …
 */
export function nextOccurrences(rule: WeeklyRule, after: Date, count: number): Date[] {
  const [hour, minute] = rule.startTime.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(after, { zone: rule.timeZone });
  let candidate = local.set({ hour, minute, second: 0, millisecond: 0 }).plus({ days: (rule.weekday - local.weekday + 7) % 7 });
  if (candidate.toMillis() <= after.getTime()) candidate = candidate.plus({ weeks: 1 });
  const result: Date[] = [];
  for (let i = 0; i < count; i++) result.push(candidate.plus({ weeks: i }).set({ hour, minute }).toJSDate());
  return result;
}
