import type { HistoryPair } from '@tablehop/matching';
import type { EditionStatus } from '@tablehop/protocol';
import type { LiveState, LiveTable } from './live.logic.js';
import type { LiveEditionInfo, LiveParticipantRow, LiveStore, SeatingRow } from './live.store.js';

/** The state as stored: without plan, past rounds and tables, with the table count of the running round. */
type StoredState = Omit<LiveState, 'plan' | 'past' | 'tables'> & { tableCount: number | null };
type Json<T> = T | string;

/** A `live_seatings` row as read (shared with the follow-up and reports stores). */
export interface SeatingDbRow {
  round: number;
  table_no: number;
  registration_id: string | null;
  moderator_id: string | null;
  from_at: Date;
  to_at: Date | null;
}

export const toSeatingRow = (r: SeatingDbRow): SeatingRow => ({
  round: r.round,
  table: r.table_no,
  registrationId: r.registration_id,
  moderatorId: r.moderator_id,
  from: r.from_at,
  to: r.to_at,
});
// Drivers may hand jsonb back parsed or as text.
const parseJson = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const PARTICIPANT_SELECT = `SELECT id, name, company, sector, job_title AS "jobTitle", offer_text AS offer, looking_for AS "lookingFor" FROM registrations`;

/** The live store on PostgreSQL / PGlite (same SQL). */
export const pgLiveStore: LiveStore = {
  async findEdition(sql, editionId) {
    const [row] = await sql.query<{
      id: string;
      series_id: string;
      title: string;
      starts_at: Date;
      status: EditionStatus;
      group_size: number;
      rounds: number;
      round_minutes: number;
      plenary_minutes: number;
      moderator_mode: 'rotate' | 'fixed';
      icebreakers: Json<string[]>;
    }>(
      `SELECT e.id, e.series_id, s.name AS title, e.starts_at, e.status, e.group_size, e.rounds, e.round_minutes, e.plenary_minutes, e.moderator_mode,
         e.icebreakers
       FROM editions e JOIN series s ON s.id = e.series_id WHERE e.id = $1`,
      [editionId],
    );
    if (!row) return undefined;
    const info: LiveEditionInfo = {
      id: row.id,
      seriesId: row.series_id,
      title: row.title,
      startsAt: row.starts_at,
      status: row.status,
      format: {
        groupSize: row.group_size,
        rounds: row.rounds,
        roundMinutes: row.round_minutes,
        plenaryMinutes: row.plenary_minutes,
        moderatorMode: row.moderator_mode,
      },
      icebreakers: parseJson(row.icebreakers),
    };
    return info;
  },

  async setEditionStatus(sql, editionId, status) {
    await sql.query(`UPDATE editions SET status = $2 WHERE id = $1`, [editionId, status]);
  },

  async findByJoinToken(sql, token) {
    const [row] = await sql.query<{ id: string; edition_id: string; status: string; join_token: string }>(
      `SELECT id, edition_id, status, join_token FROM registrations WHERE join_token = $1`,
      [token],
    );
    return row && { id: row.id, editionId: row.edition_id, status: row.status, joinToken: row.join_token };
  },

  async listParticipants(sql, editionId) {
    return sql.query<LiveParticipantRow>(`${PARTICIPANT_SELECT} WHERE edition_id = $1 AND status = 'confirmed' ORDER BY seq`, [editionId]);
  },

  async findParticipant(sql, editionId, registrationId) {
    const [row] = await sql.query<LiveParticipantRow>(`${PARTICIPANT_SELECT} WHERE edition_id = $1 AND id = $2 AND status = 'confirmed'`, [
      editionId,
      registrationId,
    ]);
    return row;
  },

  async listModerators(sql, editionId) {
    return sql.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM edition_moderators m JOIN users u ON u.id = m.user_id WHERE m.edition_id = $1 ORDER BY u.created_at, u.id`,
      [editionId],
    );
  },

  async findStaff(sql, userId) {
    const [row] = await sql.query<{ id: string; name: string; role: 'organizer' | 'moderator' }>(`SELECT id, name, role FROM users WHERE id = $1`, [
      userId,
    ]);
    return row;
  },

  async loadHistory(sql, editionId, registrationIds) {
    if (registrationIds !== undefined && registrationIds.length === 0) return [];
    // Two seatings meet when they share edition, round and table at overlapping times. One row per
    // pair and earlier edition: the planner sums the recency weights over editions (SPEC M6).
    const only = registrationIds === undefined ? '' : 'AND (x.person = ANY($2::uuid[]) OR y.person = ANY($2::uuid[]))';
    const rows = await sql.query<{ a: string; b: string; date: string }>(
      `WITH cur AS (SELECT id, series_id, starts_at FROM editions WHERE id = $1),
       mine AS (SELECT r.id, lower(r.email) AS email FROM registrations r WHERE r.edition_id = $1 AND r.status = 'confirmed'),
       past AS (
         SELECT s.edition_id, s.round, s.table_no, s.from_at, COALESCE(s.to_at, 'infinity'::timestamptz) AS to_at, mine.id AS person, e.starts_at
         FROM live_seatings s
         JOIN editions e ON e.id = s.edition_id
         JOIN cur ON e.series_id = cur.series_id AND e.id <> cur.id AND e.starts_at < cur.starts_at
         JOIN registrations pr ON pr.id = s.registration_id
         JOIN mine ON mine.email = lower(pr.email)
       )
       SELECT x.person AS a, y.person AS b, to_char(x.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date
       FROM past x JOIN past y ON x.edition_id = y.edition_id AND x.round = y.round AND x.table_no = y.table_no
         AND x.person < y.person AND x.from_at < y.to_at AND y.from_at < x.to_at
       WHERE true ${only}
       GROUP BY x.person, y.person, x.edition_id, x.starts_at
       ORDER BY 1, 2, 3`,
      registrationIds === undefined ? [editionId] : [editionId, [...registrationIds]],
    );
    return rows.map((r): HistoryPair => ({ a: r.a, b: r.b, date: r.date }));
  },

  async loadState(sql, editionId) {
    const [row] = await sql.query<{ state: Json<StoredState>; plan: Json<LiveState['plan']>; past: Json<LiveState['past']> }>(
      `SELECT state, plan, past FROM live_editions WHERE edition_id = $1`,
      [editionId],
    );
    if (!row) return undefined;
    const { tableCount, ...core } = parseJson(row.state);
    let tables: LiveTable[] | null = null;
    if (tableCount !== null) {
      const open = await sql.query<{ round: number; table_no: number; registration_id: string | null; moderator_id: string | null }>(
        `SELECT round, table_no, registration_id, moderator_id FROM live_seatings WHERE edition_id = $1 AND to_at IS NULL ORDER BY id`,
        [editionId],
      );
      const built = Array.from({ length: tableCount }, () => ({ moderator: null as string | null, participants: [] as string[] }));
      for (const seat of open) {
        const table = built[seat.table_no - 1];
        if (seat.round !== core.round || !table) continue;
        if (seat.moderator_id !== null) table.moderator = seat.moderator_id;
        else if (seat.registration_id !== null) table.participants.push(seat.registration_id);
      }
      tables = built;
    }
    return { ...core, plan: parseJson(row.plan), past: parseJson(row.past), tables };
  },

  async listRunning(sql) {
    const rows = await sql.query<{ edition_id: string }>(`SELECT edition_id FROM live_editions WHERE phase <> 'ended' ORDER BY edition_id`);
    return rows.map((r) => r.edition_id);
  },

  async saveState(sql, state, version, now, changed = { plan: true, past: true }) {
    const { plan, past, tables, ...core } = state;
    const stored: StoredState = { ...core, tableCount: tables === null ? null : tables.length };
    await sql.query(
      `INSERT INTO live_editions (edition_id, phase, state, plan, past, version, updated_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, COALESCE($5::jsonb, '[]'), $6, $7)
       ON CONFLICT (edition_id) DO UPDATE SET phase = EXCLUDED.phase, state = EXCLUDED.state, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
         plan = CASE WHEN $8::boolean THEN EXCLUDED.plan ELSE live_editions.plan END,
         past = CASE WHEN $9::boolean THEN EXCLUDED.past ELSE live_editions.past END`,
      [
        state.editionId,
        state.phase,
        JSON.stringify(stored),
        changed.plan ? JSON.stringify(plan) : null,
        changed.past ? JSON.stringify(past) : null,
        version,
        now.toISOString(),
        changed.plan,
        changed.past,
      ],
    );
  },

  async writeSeatings(sql, editionId, ops) {
    // Consecutive ops of one kind go in one statement: a round switch is one UPDATE and one INSERT.
    let i = 0;
    while (i < ops.length) {
      const kind = ops[i]!.op;
      let j = i;
      while (j < ops.length && ops[j]!.op === kind) j++;
      const run = ops.slice(i, j);
      if (kind === 'close') {
        // One equality join per kind of person (an OR across both columns would be a nested loop).
        for (const who of ['participant', 'moderator'] as const) {
          const records = run.filter((o) => o.kind === who).map((o) => ({ person: o.personId, at: o.at.toISOString() }));
          if (records.length === 0) continue;
          const column = who === 'participant' ? 'registration_id' : 'moderator_id';
          await sql.query(
            `UPDATE live_seatings s SET to_at = x.at
             FROM jsonb_to_recordset($2::jsonb) AS x(person uuid, at timestamptz)
             WHERE s.edition_id = $1 AND s.to_at IS NULL AND s.${column} = x.person`,
            [editionId, JSON.stringify(records)],
          );
        }
      } else {
        const records = run.map((o) =>
          o.op === 'open'
            ? {
                ord: 0,
                round: o.round,
                table_no: o.table,
                reg: o.kind === 'participant' ? o.personId : null,
                mod: o.kind === 'moderator' ? o.personId : null,
                at: o.at.toISOString(),
              }
            : null,
        );
        records.forEach((r, k) => {
          if (r) r.ord = k;
        });
        await sql.query(
          `INSERT INTO live_seatings (edition_id, round, table_no, registration_id, moderator_id, from_at)
           SELECT $1, round, table_no, reg, mod, at FROM jsonb_to_recordset($2::jsonb) AS x(ord int, round int, table_no int, reg uuid, mod uuid, at timestamptz)
           ORDER BY ord`,
          [editionId, JSON.stringify(records)],
        );
      }
      i = j;
    }
  },

  async listSeatings(sql, editionId) {
    const rows = await sql.query<SeatingDbRow>(
      `SELECT round, table_no, registration_id, moderator_id, from_at, to_at FROM live_seatings WHERE edition_id = $1 ORDER BY id`,
      [editionId],
    );
    return rows.map(toSeatingRow);
  },
};
