import { type ProfileRow, toProfile } from '../registration/pg-registrations.store.js';
import { type SeatingDbRow, toSeatingRow } from '../live/pg-live.store.js';
import type { FeedbackRow, FollowupStore, PersonCard } from './followup.store.js';

interface PersonRow extends ProfileRow {
  status: string;
  anonymized_at: Date | null;
}

const toPerson = (r: PersonRow): PersonCard => ({ ...toProfile(r), status: r.status, anonymizedAt: r.anonymized_at });

interface FeedbackDbRow {
  rating: number;
  recommend: number | null;
  comment: string;
  updated_at: Date;
}
const toFeedback = (r: FeedbackDbRow): FeedbackRow => ({ rating: r.rating, recommend: r.recommend, comment: r.comment, updatedAt: r.updated_at });

// Lists of ids travel as one JSON parameter: the same SQL on pg and PGlite.
const ids = (list: readonly string[]) => JSON.stringify(list);
const IN_IDS = (param: string) => `(SELECT value::uuid FROM jsonb_array_elements_text(${param}::jsonb))`;

const PERSON_COLUMNS = `id, edition_id, name, email, company, sector, job_title, offer_text, looking_for, linkedin_url, language,
  consent_share_contact, status, anonymized_at`;

export const pgFollowupStore: FollowupStore = {
  async listSeatings(sql, editionId) {
    const rows = await sql.query<SeatingDbRow>(
      `SELECT round, table_no, registration_id, moderator_id, from_at, to_at FROM live_seatings WHERE edition_id = $1 ORDER BY id`,
      [editionId],
    );
    return rows.map(toSeatingRow);
  },

  async findPeople(sql, editionId, list) {
    if (list.length === 0) return [];
    const rows = await sql.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM registrations WHERE edition_id = $1 AND id IN ${IN_IDS('$2')}`, [
      editionId,
      ids(list),
    ]);
    return rows.map(toPerson);
  },

  async moderatorNames(sql, list) {
    if (list.length === 0) return new Map();
    const rows = await sql.query<{ id: string; name: string; email: string }>(`SELECT id, name, email FROM users WHERE id IN ${IN_IDS('$1')}`, [
      ids(list),
    ]);
    return new Map(rows.map((r) => [r.id, r.name || r.email.split('@')[0] || '']));
  },

  async contactRequestsOf(sql, registrationId) {
    const rows = await sql.query<{ edition_id: string; from_registration_id: string; to_registration_id: string; created_at: Date }>(
      `SELECT edition_id, from_registration_id, to_registration_id, created_at FROM contact_requests
       WHERE from_registration_id = $1 OR to_registration_id = $1`,
      [registrationId],
    );
    return rows.map((r) => ({ editionId: r.edition_id, from: r.from_registration_id, to: r.to_registration_id, createdAt: r.created_at }));
  },

  async insertContactRequest(sql, row) {
    await sql.query(
      `INSERT INTO contact_requests (edition_id, from_registration_id, to_registration_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [row.editionId, row.from, row.to, row.createdAt],
    );
  },

  async deleteContactRequest(sql, from, to) {
    const rows = await sql.query(`DELETE FROM contact_requests WHERE from_registration_id = $1 AND to_registration_id = $2 RETURNING 1`, [from, to]);
    return rows.length > 0;
  },

  async findRegistrationFeedback(sql, registrationId) {
    const [row] = await sql.query<FeedbackDbRow>(`SELECT rating, recommend, comment, updated_at FROM feedback WHERE registration_id = $1`, [
      registrationId,
    ]);
    return row && toFeedback(row);
  },

  async upsertRegistrationFeedback(sql, registrationId, w) {
    await sql.query(
      `INSERT INTO feedback (id, edition_id, registration_id, rating, recommend, comment, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (registration_id) WHERE registration_id IS NOT NULL
       DO UPDATE SET rating = EXCLUDED.rating, recommend = EXCLUDED.recommend, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
      [w.id, w.editionId, registrationId, w.rating, w.recommend, w.comment, w.now],
    );
  },

  async findModeratorFeedback(sql, editionId, moderatorId) {
    const [row] = await sql.query<FeedbackDbRow>(
      `SELECT rating, recommend, comment, updated_at FROM feedback WHERE edition_id = $1 AND moderator_id = $2`,
      [editionId, moderatorId],
    );
    return row && toFeedback(row);
  },

  async upsertModeratorFeedback(sql, moderatorId, w) {
    await sql.query(
      `INSERT INTO feedback (id, edition_id, moderator_id, rating, recommend, comment, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (edition_id, moderator_id) WHERE moderator_id IS NOT NULL
       DO UPDATE SET rating = EXCLUDED.rating, recommend = EXCLUDED.recommend, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
      [w.id, w.editionId, moderatorId, w.rating, w.recommend, w.comment, w.now],
    );
  },

  async isModeratorAssigned(sql, editionId, moderatorId) {
    const rows = await sql.query(`SELECT 1 FROM edition_moderators WHERE edition_id = $1 AND user_id = $2`, [editionId, moderatorId]);
    return rows.length > 0;
  },

  async startedEditionsOfModerator(sql, moderatorId, now, limit) {
    const rows = await sql.query<{ id: string }>(
      `SELECT e.id FROM editions e JOIN edition_moderators m ON m.edition_id = e.id
       WHERE m.user_id = $1 AND (e.status IN ('live', 'ended') OR e.starts_at <= $2) AND e.status <> 'draft'
       ORDER BY e.starts_at DESC LIMIT $3`,
      [moderatorId, now, limit],
    );
    return rows.map((r) => r.id);
  },

  async editionsAwaitingFollowUp(sql, since) {
    const rows = await sql.query<{ id: string }>(
      `SELECT id FROM editions WHERE status = 'ended' AND follow_up_queued_at IS NULL AND starts_at >= $1 ORDER BY starts_at LIMIT 50`,
      [since],
    );
    return rows.map((r) => r.id);
  },

  async claimFollowUp(sql, editionId, now) {
    // The UPDATE takes the row lock; a second claimer waits, re-checks the condition and gets nothing.
    const rows = await sql.query(
      `UPDATE editions SET follow_up_queued_at = $2 WHERE id = $1 AND status = 'ended' AND follow_up_queued_at IS NULL RETURNING id`,
      [editionId, now],
    );
    return rows.length > 0;
  },

  async attendedRegistrations(sql, editionId) {
    const rows = await sql.query<{ id: string }>(
      `SELECT r.id FROM registrations r
       WHERE r.edition_id = $1 AND r.anonymized_at IS NULL AND EXISTS (SELECT 1 FROM live_seatings s WHERE s.registration_id = r.id)
       ORDER BY r.seq`,
      [editionId],
    );
    return rows.map((r) => r.id);
  },

  async nextOpenEditionId(sql, seriesId, after, now) {
    const [row] = await sql.query<{ id: string }>(
      `SELECT id FROM editions WHERE series_id = $1 AND status = 'open' AND starts_at > $2 AND starts_at > $3 ORDER BY starts_at LIMIT 1`,
      [seriesId, after, now],
    );
    return row?.id;
  },

  async personalData(sql, email) {
    const registrations = await sql.query<
      PersonRow & { series_name: string; starts_at: Date; created_at: Date; confirmed_at: Date | null; cancelled_at: Date | null }
    >(
      `SELECT r.id, r.edition_id, r.name, r.email, r.company, r.sector, r.job_title, r.offer_text, r.looking_for, r.linkedin_url, r.language,
         r.consent_share_contact, r.status, r.anonymized_at, r.created_at, r.confirmed_at, r.cancelled_at, s.name AS series_name, e.starts_at
       FROM registrations r JOIN editions e ON e.id = r.edition_id JOIN series s ON s.id = e.series_id
       WHERE lower(r.email) = lower($1) AND r.anonymized_at IS NULL ORDER BY e.starts_at, r.seq`,
      [email],
    );
    const mine = ids(registrations.map((r) => r.id));
    const seatings = await sql.query<SeatingDbRow & { edition_id: string }>(
      `SELECT edition_id, round, table_no, registration_id, moderator_id, from_at, to_at FROM live_seatings
       WHERE registration_id IN ${IN_IDS('$1')} ORDER BY id`,
      [mine],
    );
    const requests = await sql.query<{
      edition_id: string;
      from_registration_id: string;
      to_registration_id: string;
      created_at: Date;
      other_name: string;
      direction: 'sent' | 'received';
    }>(
      `SELECT c.edition_id, c.from_registration_id, c.to_registration_id, c.created_at, o.name AS other_name,
         CASE WHEN c.from_registration_id IN ${IN_IDS('$1')} THEN 'sent' ELSE 'received' END AS direction
       FROM contact_requests c
       JOIN registrations o ON o.id = CASE WHEN c.from_registration_id IN ${IN_IDS('$1')} THEN c.to_registration_id ELSE c.from_registration_id END
       WHERE c.from_registration_id IN ${IN_IDS('$1')} OR c.to_registration_id IN ${IN_IDS('$1')}
       ORDER BY c.created_at`,
      [mine],
    );
    const feedback = await sql.query<FeedbackDbRow & { edition_id: string; created_at: Date }>(
      `SELECT edition_id, rating, recommend, comment, created_at, updated_at FROM feedback WHERE registration_id IN ${IN_IDS('$1')} ORDER BY created_at`,
      [mine],
    );
    return {
      registrations: registrations.map((r) => ({
        ...toPerson(r),
        seriesName: r.series_name,
        startsAt: r.starts_at,
        createdAt: r.created_at,
        confirmedAt: r.confirmed_at,
        cancelledAt: r.cancelled_at,
      })),
      seatings: seatings.map((r) => ({ ...toSeatingRow(r), editionId: r.edition_id })),
      contactRequests: requests.map((r) => ({
        editionId: r.edition_id,
        from: r.from_registration_id,
        to: r.to_registration_id,
        createdAt: r.created_at,
        otherName: r.other_name,
        direction: r.direction,
      })),
      feedback: feedback.map((r) => ({ ...toFeedback(r), editionId: r.edition_id, createdAt: r.created_at })),
    };
  },

  async registrationIdsByEmail(sql, email) {
    const rows = await sql.query<{ id: string }>(
      `SELECT id FROM registrations WHERE lower(email) = lower($1) AND anonymized_at IS NULL ORDER BY seq`,
      [email],
    );
    return rows.map((r) => r.id);
  },

  async anonymize(sql, rows, now) {
    if (rows.length === 0) return 0;
    const list = ids(rows.map((r) => r.id));
    const updated = await sql.query(
      `UPDATE registrations r SET name = '', email = 'anonymized:' || r.id::text, company = '', sector = '', job_title = '', offer_text = '',
         looking_for = '', linkedin_url = '', consent_share_contact = false, manage_token = x.manage_token, join_token = x.join_token,
         anonymized_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, manage_token text, join_token text)
       WHERE r.id = x.id AND r.anonymized_at IS NULL
       RETURNING r.id`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, manage_token: r.manageToken, join_token: r.joinToken }))), now],
    );
    await sql.query(`DELETE FROM contact_requests WHERE from_registration_id IN ${IN_IDS('$1')} OR to_registration_id IN ${IN_IDS('$1')}`, [list]);
    await sql.query(`UPDATE feedback SET comment = '' WHERE registration_id IN ${IN_IDS('$1')}`, [list]);
    // Unsent mails would reach a person who asked to be forgotten; only a cancellation (which takes the
    // event out of their calendar) still goes out, and is blanked by the retention job once sent.
    await sql.query(
      `DELETE FROM outbox WHERE registration_id IN ${IN_IDS('$1')} AND sent_at IS NULL AND failed_at IS NULL AND kind <> 'registration_cancelled'`,
      [list],
    );
    await sql.query(
      `UPDATE outbox SET to_address = '', to_name = '', message = '{"scrubbed":true}'::jsonb
       WHERE registration_id IN ${IN_IDS('$1')} AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)`,
      [list],
    );
    return updated.length;
  },

  async dueForRetention(sql, now, limit) {
    const rows = await sql.query<{ id: string }>(
      `SELECT r.id FROM registrations r JOIN editions e ON e.id = r.edition_id JOIN series s ON s.id = e.series_id
       WHERE s.retention_days IS NOT NULL AND r.anonymized_at IS NULL
         AND e.starts_at + make_interval(mins => e.duration_minutes) + make_interval(days => s.retention_days) <= $1
       ORDER BY e.starts_at, r.seq LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  },

  async scrubSentMailOfAnonymized(sql) {
    const rows = await sql.query(
      `UPDATE outbox o SET to_address = '', to_name = '', message = '{"scrubbed":true}'::jsonb
       FROM registrations r
       WHERE r.id = o.registration_id AND r.anonymized_at IS NOT NULL AND (o.sent_at IS NOT NULL OR o.failed_at IS NOT NULL) AND o.to_address <> ''
       RETURNING o.id`,
    );
    return rows.length;
  },

  async getRetention(sql, seriesId) {
    const [row] = await sql.query<{ retention_days: number | null }>(`SELECT retention_days FROM series WHERE id = $1`, [seriesId]);
    return row && { retentionDays: row.retention_days };
  },

  async setRetention(sql, seriesId, retentionDays) {
    const rows = await sql.query(`UPDATE series SET retention_days = $2 WHERE id = $1 RETURNING id`, [seriesId, retentionDays]);
    return rows.length > 0;
  },
};
