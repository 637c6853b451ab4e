import type { EditionStatus, Language, LiveFlag, LiveHelpRequest, RegistrationStatus } from '@tablehop/protocol';
import { pgLiveStore, type SeatingDbRow, toSeatingRow } from '../live/pg-live.store.js';
import type { ReportEdition, ReportFeedback, ReportRegistration, ReportSeating } from './report.types.js';
import type { ReportsStore } from './reports.store.js';

type Json<T> = T | string;
const parseJson = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const EDITION_SELECT = `SELECT e.id, e.series_id, s.name AS series_name, s.time_zone, s.language, e.starts_at, e.status, e.rounds, e.group_size, e.moderator_mode,
  COALESCE(e.capacity_override, (SELECT count(*) FROM edition_moderators m WHERE m.edition_id = e.id)::int * e.group_size) AS capacity
  FROM editions e JOIN series s ON s.id = e.series_id`;

interface EditionRow {
  id: string;
  series_id: string;
  series_name: string;
  time_zone: string;
  language: Language;
  starts_at: Date;
  status: EditionStatus;
  rounds: number;
  group_size: number;
  moderator_mode: 'rotate' | 'fixed';
  capacity: number;
}

const toEdition = (r: EditionRow): ReportEdition => ({
  id: r.id,
  seriesId: r.series_id,
  seriesName: r.series_name,
  timeZone: r.time_zone,
  language: r.language,
  startsAt: r.starts_at,
  status: r.status,
  capacity: Number(r.capacity),
  rounds: r.rounds,
  groupSize: r.group_size,
  moderatorMode: r.moderator_mode,
});

// The editions in scope: $1 series, $2 until (or null), $3 an edition to include even as a draft.
const SCOPE = `SELECT id FROM editions WHERE series_id = $1 AND ((status <> 'draft' AND ($2::timestamptz IS NULL OR starts_at <= $2::timestamptz)) OR id = $3::uuid)`;

/** The reports' reads on PostgreSQL / PGlite (same SQL). */
export const pgReportsStore: ReportsStore = {
  async findEdition(sql, editionId) {
    const [row] = await sql.query<EditionRow>(`${EDITION_SELECT} WHERE e.id = $1`, [editionId]);
    return row && toEdition(row);
  },

  async findSeries(sql, seriesId) {
    const [row] = await sql.query<{ id: string; name: string; time_zone: string }>(`SELECT id, name, time_zone FROM series WHERE id = $1`, [
      seriesId,
    ]);
    return row && { id: row.id, name: row.name, timeZone: row.time_zone };
  },

  async loadSeriesRows(sql, scope) {
    const params = [scope.seriesId, scope.until?.toISOString() ?? null, scope.include];
    const [editions, registrations, seatings, feedback] = await Promise.all([
      sql.query<EditionRow>(`${EDITION_SELECT} WHERE e.id IN (${SCOPE}) ORDER BY e.starts_at, e.id`, params),
      sql.query<{
        id: string;
        edition_id: string;
        identity: string;
        name: string;
        email: string;
        company: string;
        sector: string;
        job_title: string;
        linkedin_url: string;
        language: Language;
        status: RegistrationStatus;
        consent_share_contact: boolean;
        waitlisted: boolean;
        source: 'self' | 'organizer';
        created_at: Date;
        confirmed_at: Date | null;
        cancelled_at: Date | null;
      }>(
        `SELECT id, edition_id, CASE WHEN anonymized_at IS NULL THEN lower(email) ELSE 'removed:' || id::text END AS identity,
           name, email, company, sector, job_title, linkedin_url, language, status, consent_share_contact,
           waitlist_seq IS NOT NULL AS waitlisted, source, created_at, confirmed_at, cancelled_at
         FROM registrations WHERE edition_id IN (${SCOPE}) ORDER BY seq`,
        params,
      ),
      sql.query<SeatingDbRow & { edition_id: string }>(
        `SELECT edition_id, round, table_no, registration_id, moderator_id, from_at, to_at FROM live_seatings WHERE edition_id IN (${SCOPE}) ORDER BY id`,
        params,
      ),
      sql.query<{
        edition_id: string;
        registration_id: string | null;
        moderator_id: string | null;
        rating: number;
        recommend: number | null;
        comment: string;
        created_at: Date;
      }>(
        `SELECT edition_id, registration_id, moderator_id, rating, recommend, comment, created_at FROM feedback WHERE edition_id IN (${SCOPE}) ORDER BY created_at, id`,
        params,
      ),
    ]);
    return {
      editions: editions.map(toEdition),
      registrations: registrations.map((r): ReportRegistration => ({
        id: r.id,
        editionId: r.edition_id,
        identity: r.identity,
        name: r.name,
        email: r.email,
        company: r.company,
        sector: r.sector,
        jobTitle: r.job_title,
        linkedinUrl: r.linkedin_url,
        language: r.language,
        status: r.status,
        shareContact: r.consent_share_contact,
        waitlisted: r.waitlisted,
        source: r.source,
        createdAt: r.created_at,
        confirmedAt: r.confirmed_at,
        cancelledAt: r.cancelled_at,
      })),
      seatings: seatings.map((s): ReportSeating => ({ editionId: s.edition_id, ...toSeatingRow(s) })),
      feedback: feedback.map((f): ReportFeedback => ({
        editionId: f.edition_id,
        registrationId: f.registration_id,
        moderatorId: f.moderator_id,
        rating: f.rating,
        recommend: f.recommend,
        comment: f.comment,
        createdAt: f.created_at,
      })),
    };
  },

  async listContactRequests(sql, editionId) {
    const rows = await sql.query<{ from_id: string; to_id: string }>(
      `SELECT from_registration_id AS from_id, to_registration_id AS to_id FROM contact_requests WHERE edition_id = $1`,
      [editionId],
    );
    return rows.map((r) => ({ from: r.from_id, to: r.to_id }));
  },

  async loadLive(sql, editionId) {
    const [row] = await sql.query<{
      state: Json<{ rounds?: number; notes?: Record<string, string>; help?: LiveHelpRequest[]; flags?: LiveFlag[] }>;
    }>(`SELECT state FROM live_editions WHERE edition_id = $1`, [editionId]);
    if (!row) return null;
    const state = parseJson(row.state);
    return { rounds: state.rounds ?? 0, notes: state.notes ?? {}, help: state.help ?? [], flags: state.flags ?? [] };
  },

  async listStaff(sql, editionId) {
    return sql.query<{ id: string; name: string; email: string }>(
      `SELECT u.id, u.name, u.email FROM users u
       WHERE u.id IN (SELECT user_id FROM edition_moderators WHERE edition_id = $1)
          OR u.id IN (SELECT moderator_id FROM live_seatings WHERE edition_id = $1 AND moderator_id IS NOT NULL)
          OR u.id IN (SELECT moderator_id FROM feedback WHERE edition_id = $1 AND moderator_id IS NOT NULL)
          OR u.id::text IN (SELECT jsonb_object_keys(COALESCE(state->'notes', '{}'::jsonb)) FROM live_editions WHERE edition_id = $1)
       ORDER BY u.name, u.id`,
      [editionId],
    );
  },

  async listModeratorIds(sql, editionId) {
    const rows = await sql.query<{ user_id: string }>(
      `SELECT m.user_id FROM edition_moderators m JOIN users u ON u.id = m.user_id WHERE m.edition_id = $1 ORDER BY u.created_at, u.id`,
      [editionId],
    );
    return rows.map((r) => r.user_id);
  },

  loadHistory(sql, editionId) {
    return pgLiveStore.loadHistory(sql, editionId);
  },
};
