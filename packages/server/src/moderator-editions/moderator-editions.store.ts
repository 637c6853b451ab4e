import type { Sql } from '../db/sql.js';
import type { AssignedEditionRow } from './moderator-editions.logic.js';

/** The editions a staff user is assigned to as moderator. */
export interface ModeratorEditionsStore {
  listAssigned(sql: Sql, userId: string): Promise<AssignedEditionRow[]>;
}

/** On PostgreSQL / PGlite. The live phase comes from the engine's stored state (none before anyone connected). */
export const pgModeratorEditionsStore: ModeratorEditionsStore = {
  async listAssigned(sql, userId) {
    return sql.query<AssignedEditionRow>(
      `SELECT e.id, e.series_id AS "seriesId", s.name AS "seriesName", e.starts_at AS "startsAt", e.duration_minutes AS "durationMinutes",
         s.time_zone AS "timeZone", e.status, l.phase AS "livePhase"
       FROM edition_moderators m
       JOIN editions e ON e.id = m.edition_id
       JOIN series s ON s.id = e.series_id
       LEFT JOIN live_editions l ON l.edition_id = e.id
       WHERE m.user_id = $1 AND e.status IN ('open', 'closed', 'live')
       ORDER BY e.starts_at`,
      [userId],
    );
  },
};
