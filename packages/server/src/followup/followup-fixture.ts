import type { Database } from '../db/sql.js';

/**
 * Test helpers of the follow-up: record seatings the way the live engine does (`live_seatings`)
 * and end an edition. Used by the follow-up tests only.
 */

const BASE = Date.parse('2026-12-04T08:40:00Z');
const MINUTE = 60_000;

/** Seats `registrationIds` (and a moderator) at `table` in `round`: 12 minutes per round, from 08:40Z on the edition's day. */
export async function recordSeating(
  db: Database,
  editionId: string,
  round: number,
  table: number,
  registrationIds: readonly string[],
  moderatorId?: string,
): Promise<void> {
  const from = new Date(BASE + (round - 1) * 13 * MINUTE);
  const to = new Date(from.getTime() + 12 * MINUTE);
  for (const id of registrationIds) {
    await db.query(`INSERT INTO live_seatings (edition_id, round, table_no, registration_id, from_at, to_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      editionId,
      round,
      table,
      id,
      from,
      to,
    ]);
  }
  if (moderatorId)
    await db.query(`INSERT INTO live_seatings (edition_id, round, table_no, moderator_id, from_at, to_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      editionId,
      round,
      table,
      moderatorId,
      from,
      to,
    ]);
}

export async function endEdition(db: Database, editionId: string): Promise<void> {
  await db.query(`UPDATE editions SET status = 'ended' WHERE id = $1`, [editionId]);
}

export async function addModerator(db: Database, editionId: string, name: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, name, role, language, created_at) VALUES (gen_random_uuid(), $1, $2, 'moderator', 'en', '2026-01-01T00:00:00Z') RETURNING id`,
    [`${name.toLowerCase().replace(/\s+/g, '.')}@staff.example.org`, name],
  );
  await db.query(`INSERT INTO edition_moderators (edition_id, user_id) VALUES ($1, $2)`, [editionId, row!.id]);
  return row!.id;
}
