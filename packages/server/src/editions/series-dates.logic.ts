import type { EditionStatus } from '@tablehop/protocol';

/** Editions of a series a visitor can still go to: published, not ended, ending after now. */
const UPCOMING: ReadonlySet<EditionStatus> = new Set(['open', 'closed', 'live']);

/**
 * The other upcoming dates of an edition's series, soonest first, at most `limit`: what the public
 * edition page shows as "next dates". Earlier dates that have not ended yet count too.
 */
export function pickSeriesDates<E extends { id: string; status: EditionStatus; startsAt: Date; durationMinutes: number }>(
  editions: readonly E[],
  selfId: string,
  now: Date,
  limit: number,
): E[] {
  return editions
    .filter((e) => e.id !== selfId && UPCOMING.has(e.status) && e.startsAt.getTime() + e.durationMinutes * 60_000 > now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, Math.max(0, limit));
}
