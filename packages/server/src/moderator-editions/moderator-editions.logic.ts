import type { EditionStatus, LivePhase, ModeratorEdition } from '@tablehop/protocol';

/** An edition a moderator is assigned to, as the store reads it. */
export interface AssignedEditionRow {
  id: string;
  seriesId: string;
  seriesName: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  status: EditionStatus;
  livePhase: LivePhase | null;
}

const running = (row: AssignedEditionRow): boolean =>
  row.status === 'live' || (row.livePhase !== null && row.livePhase !== 'scheduled' && row.livePhase !== 'ended');

/**
 * What the moderator's home lists: editions running now first, then those still to come by start;
 * drafts (not published), ended editions and ones whose time has passed are left out.
 * Worked example: at 10:00, a live edition (started 09:30), one tomorrow and one that ended
 * yesterday give [live, tomorrow].
 */
export function pickModeratorEditions(rows: readonly AssignedEditionRow[], now: number): ModeratorEdition[] {
  return rows
    .filter((row) => {
      if (row.status === 'draft' || row.status === 'ended' || row.livePhase === 'ended') return false;
      return running(row) || row.startsAt.getTime() + row.durationMinutes * 60_000 > now;
    })
    .sort((a, b) => Number(running(b)) - Number(running(a)) || a.startsAt.getTime() - b.startsAt.getTime())
    .map((row) => ({
      id: row.id,
      seriesId: row.seriesId,
      seriesName: row.seriesName,
      startsAt: row.startsAt.toISOString(),
      endsAt: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
      timeZone: row.timeZone,
      status: row.status,
      livePhase: row.livePhase,
      liveUrl: `/live/${row.id}`,
    }));
}
