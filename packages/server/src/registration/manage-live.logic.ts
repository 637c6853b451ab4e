import type { EditionStatus, ManageLive } from '@tablehop/protocol';
import { DEFAULT_DOORS_OPEN_MINUTES } from '../live/live.logic.js';

/**
 * Where the live event of an edition stands for a participant's manage link:
 * `scheduled` before the doors open, `open` while the join link leads into the event, `ended` after.
 *
 * The edition's status wins when the live engine set it (`live`, `ended`); an edition nobody connected
 * to yet follows the clock: open from `doorsOpenAt` until its planned end.
 * Example: start 09:30, 90 min, 15 min → scheduled until 09:15, open 09:15–11:00, ended after 11:00
 * (unless the host is still running it: status `live` keeps it open).
 */
export function manageLiveOf(
  edition: { status: EditionStatus; startsAt: Date; durationMinutes: number },
  now: Date,
  doorsOpenMinutes = DEFAULT_DOORS_OPEN_MINUTES,
): ManageLive {
  const doorsOpenAt = new Date(edition.startsAt.getTime() - doorsOpenMinutes * 60_000);
  const endsAt = edition.startsAt.getTime() + edition.durationMinutes * 60_000;
  const base = { doorsOpenAt: doorsOpenAt.toISOString(), doorsOpenMinutes };
  if (edition.status === 'ended') return { ...base, stage: 'ended' };
  if (edition.status === 'live') return { ...base, stage: 'open' };
  if (now.getTime() >= endsAt) return { ...base, stage: 'ended' };
  if (now.getTime() >= doorsOpenAt.getTime()) return { ...base, stage: 'open' };
  return { ...base, stage: 'scheduled' };
}
