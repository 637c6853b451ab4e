import type { Language, RegistrationStatus } from '@tablehop/protocol';
import type { Registration, RegistrationProfile, RegistrationsStore } from './registration.store.js';

/** The columns of a registration that make its profile (shared with the follow-up store). */
export interface ProfileRow {
  id: string;
  edition_id: string;
  name: string;
  email: string;
  company: string;
  sector: string;
  job_title: string;
  offer_text: string;
  looking_for: string;
  linkedin_url: string;
  language: Language;
  consent_share_contact: boolean;
}

export const toProfile = (r: ProfileRow): RegistrationProfile => ({
  id: r.id,
  editionId: r.edition_id,
  name: r.name,
  email: r.email,
  company: r.company,
  sector: r.sector,
  jobTitle: r.job_title,
  offer: r.offer_text,
  lookingFor: r.looking_for,
  linkedinUrl: r.linkedin_url,
  language: r.language,
  shareContact: r.consent_share_contact,
});

interface RegistrationRow extends ProfileRow {
  status: RegistrationStatus;
  waitlist_position: number | null;
  offer_expires_at: Date | null;
  manage_token: string;
  join_token: string;
  source: 'self' | 'organizer';
  created_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  reminder_24h_at: Date | null;
  reminder_1h_at: Date | null;
  calendar_sequence: number;
}

const toRegistration = (r: RegistrationRow): Registration => ({
  ...toProfile(r),
  status: r.status,
  waitlistPosition: r.waitlist_position,
  offerExpiresAt: r.offer_expires_at,
  manageToken: r.manage_token,
  joinToken: r.join_token,
  source: r.source,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  cancelledAt: r.cancelled_at,
  reminder24hAt: r.reminder_24h_at,
  reminder1hAt: r.reminder_1h_at,
  calendarSequence: r.calendar_sequence,
});

// The position is computed, not stored: it is the rank among those still waiting, so it can
// never have gaps or duplicates however people leave the list.
const SELECT = `
  SELECT r.*, CASE WHEN r.status = 'waitlisted' THEN (
      SELECT count(*)::int FROM registrations w
      WHERE w.edition_id = r.edition_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)
    END AS waitlist_position
  FROM registrations r`;

export const pgRegistrationsStore: RegistrationsStore = {
  async findById(sql, id) {
    const [row] = await sql.query<RegistrationRow>(`${SELECT} WHERE r.id = $1`, [id]);
    return row && toRegistration(row);
  },
  async findByJoinToken(sql, token) {
    const [row] = await sql.query<RegistrationRow>(`${SELECT} WHERE r.join_token = $1`, [token]);
    return row && toRegistration(row);
  },
  async findByManageToken(sql, token) {
    const [row] = await sql.query<RegistrationRow>(`${SELECT} WHERE r.manage_token = $1`, [token]);
    return row && toRegistration(row);
  },
  async findByEmails(sql, editionId, emails) {
    if (emails.length === 0) return [];
    const rows = await sql.query<RegistrationRow>(
      `${SELECT} WHERE r.edition_id = $1 AND lower(r.email) IN (SELECT lower(value) FROM jsonb_array_elements_text($2::jsonb))`,
      [editionId, JSON.stringify(emails)],
    );
    return rows.map(toRegistration);
  },
  async saveMany(sql, registrations) {
    if (registrations.length === 0) return [];
    // One JSON parameter instead of thousands of positional ones: the same on pg and PGlite.
    const records = registrations.map((r, ord) => ({
      ord,
      id: r.id,
      edition_id: r.editionId,
      name: r.name,
      email: r.email,
      company: r.company,
      sector: r.sector,
      job_title: r.jobTitle,
      offer_text: r.offer,
      looking_for: r.lookingFor,
      linkedin_url: r.linkedinUrl,
      language: r.language,
      consent_share_contact: r.shareContact,
      status: r.status,
      waitlist_seq: r.waitlistSeq,
      offer_expires_at: r.offerExpiresAt?.toISOString() ?? null,
      manage_token: r.manageToken,
      join_token: r.joinToken,
      source: r.source,
      created_at: r.createdAt.toISOString(),
      confirmed_at: r.confirmedAt?.toISOString() ?? null,
    }));
    const rows = await sql.query<{ id: string; email: string; manage_token: string; join_token: string; calendar_sequence: number }>(
      `INSERT INTO registrations (id, edition_id, name, email, company, sector, job_title, offer_text, looking_for, linkedin_url, language,
         consent_privacy, consent_share_contact, status, waitlist_seq, offer_expires_at, manage_token, join_token, source, created_at, confirmed_at)
       SELECT id, edition_id, name, email, company, sector, job_title, offer_text, looking_for, linkedin_url, language,
         true, consent_share_contact, status, waitlist_seq, offer_expires_at, manage_token, join_token, source, created_at, confirmed_at
       FROM jsonb_to_recordset($1::jsonb) AS x(ord int, id uuid, edition_id uuid, name text, email text, company text, sector text,
         job_title text, offer_text text, looking_for text, linkedin_url text, language text, consent_share_contact boolean,
         status text, waitlist_seq int, offer_expires_at timestamptz, manage_token text, join_token text, source text,
         created_at timestamptz, confirmed_at timestamptz)
       ORDER BY ord
       ON CONFLICT (edition_id, lower(email)) DO UPDATE SET
         name = EXCLUDED.name, company = EXCLUDED.company, sector = EXCLUDED.sector, job_title = EXCLUDED.job_title,
         offer_text = EXCLUDED.offer_text, looking_for = EXCLUDED.looking_for, linkedin_url = EXCLUDED.linkedin_url,
         language = EXCLUDED.language, consent_share_contact = EXCLUDED.consent_share_contact, status = EXCLUDED.status,
         waitlist_seq = EXCLUDED.waitlist_seq, offer_expires_at = EXCLUDED.offer_expires_at, source = EXCLUDED.source,
         confirmed_at = EXCLUDED.confirmed_at, cancelled_at = NULL, reminder_24h_at = NULL, reminder_1h_at = NULL,
         calendar_sequence = registrations.calendar_sequence + 1
       WHERE registrations.status IN ('cancelled', 'expired')
       RETURNING id, email, manage_token, join_token, calendar_sequence`,
      [JSON.stringify(records)],
    );
    const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row]));
    return registrations.map((r) => {
      const row = byEmail.get(r.email.toLowerCase());
      if (!row) throw new Error(`registration for ${r.email} was not saved: an active one exists`);
      return { id: row.id, email: row.email, manageToken: row.manage_token, joinToken: row.join_token, calendarSequence: row.calendar_sequence };
    });
  },
  async reserveWaitlistSeqs(sql, editionId, count) {
    const [row] = await sql.query<{ first: number }>(
      `UPDATE editions SET waitlist_seq = waitlist_seq + $2 WHERE id = $1 RETURNING waitlist_seq - $2 + 1 AS first`,
      [editionId, count],
    );
    if (!row) throw new Error(`edition ${editionId} vanished`);
    return row.first;
  },
  async setStatus(sql, id, change) {
    await sql.query(
      `UPDATE registrations SET status = $2,
         offer_expires_at = $3,
         waitlist_seq = CASE WHEN $4::boolean THEN $5::int ELSE waitlist_seq END,
         confirmed_at = CASE WHEN $2 = 'confirmed' THEN $6 ELSE confirmed_at END,
         cancelled_at = CASE WHEN $2 IN ('cancelled', 'expired') THEN $6 ELSE cancelled_at END,
         calendar_sequence = CASE WHEN $2 = 'cancelled' THEN calendar_sequence + 1 ELSE calendar_sequence END
       WHERE id = $1`,
      [id, change.status, change.offerExpiresAt ?? null, change.waitlistSeq !== undefined, change.waitlistSeq ?? null, change.now],
    );
  },
  async waitingInOrder(sql, editionId, limit) {
    const rows = await sql.query<{ id: string }>(
      `SELECT id FROM registrations WHERE edition_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT $2`,
      [editionId, limit],
    );
    return rows.map((r) => r.id);
  },
  async listByEdition(sql, editionId) {
    const rows = await sql.query<RegistrationRow>(
      `SELECT r.*, CASE WHEN r.status = 'waitlisted'
           THEN (row_number() OVER (PARTITION BY r.status = 'waitlisted' ORDER BY r.waitlist_seq))::int END AS waitlist_position
       FROM registrations r WHERE r.edition_id = $1 ORDER BY r.seq`,
      [editionId],
    );
    return rows.map(toRegistration);
  },
  async expiredOffers(sql, now) {
    const rows = await sql.query<{ id: string; edition_id: string }>(
      `SELECT id, edition_id FROM registrations WHERE status = 'offered' AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT 200`,
      [now],
    );
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id }));
  },
  async reminderCandidates(sql, now) {
    const rows = await sql.query<RegistrationRow>(
      `${SELECT} JOIN editions e ON e.id = r.edition_id
       WHERE r.status = 'confirmed' AND e.status IN ('open', 'closed', 'live') AND e.starts_at > $1 AND e.starts_at <= $2
         AND (r.reminder_24h_at IS NULL OR (r.reminder_1h_at IS NULL AND e.starts_at <= $3))
       ORDER BY e.starts_at LIMIT 500`,
      [now, new Date(now.getTime() + 24 * 60 * 60 * 1000), new Date(now.getTime() + 60 * 60 * 1000)],
    );
    return rows.map(toRegistration);
  },
  async markReminder(sql, id, which, now) {
    await sql.query(`UPDATE registrations SET ${which === '24h' ? 'reminder_24h_at' : 'reminder_1h_at'} = $2 WHERE id = $1`, [id, now]);
  },
};
