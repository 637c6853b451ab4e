import type { EditionStatus, Language } from '@tablehop/protocol';
import type { PromotionMode } from '../registration/registration.logic.js';
import type { Series } from '../series/series.types.js';
import type { Edition } from './edition.types.js';
import type { EditionsStore } from './editions.store.js';

interface SeriesRow {
  id: string;
  name: string;
  description: string;
  language: Language;
  time_zone: string;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  group_size: number;
  rounds: number;
  round_minutes: number;
  plenary_minutes: number;
  moderator_mode: 'rotate' | 'fixed';
  default_capacity: number | null;
  promotion_mode: PromotionMode;
  offer_hours: number;
  registration_opens_days: number;
  created_at: Date;
  icebreakers: string[] | string;
}

interface EditionRow {
  id: string;
  series_id: string;
  series_name: string;
  description: string;
  language: Language;
  time_zone: string;
  starts_at: Date;
  duration_minutes: number;
  status: EditionStatus;
  capacity_override: number | null;
  group_size: number;
  rounds: number;
  round_minutes: number;
  plenary_minutes: number;
  moderator_mode: 'rotate' | 'fixed';
  promotion_mode: PromotionMode;
  offer_hours: number;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  moderator_count: number;
  created_at: Date;
  icebreakers: string[] | string;
}

// jsonb comes back parsed from pg and PGlite, as text from some drivers.
const jsonList = (value: string[] | string | null | undefined): string[] =>
  typeof value === 'string' ? (JSON.parse(value) as string[]) : (value ?? []);

/** The `SET` clause of the icebreakers (jsonb: a JS array must go as JSON text, not as a PostgreSQL array). */
function setIcebreakers(icebreakers: string[] | undefined, values: unknown[], sets: string[]): void {
  if (icebreakers === undefined) return;
  values.push(JSON.stringify(icebreakers));
  sets.push(`icebreakers = $${values.length}::jsonb`);
}

// Series and editions store their format in the same five columns.
const formatOf = (r: Pick<SeriesRow, 'group_size' | 'rounds' | 'round_minutes' | 'plenary_minutes' | 'moderator_mode'>): Series['format'] => ({
  groupSize: r.group_size,
  rounds: r.rounds,
  roundMinutes: r.round_minutes,
  plenaryMinutes: r.plenary_minutes,
  moderatorMode: r.moderator_mode,
});

const toSeries = (r: SeriesRow): Series => ({
  id: r.id,
  name: r.name,
  description: r.description,
  language: r.language,
  timeZone: r.time_zone,
  weekday: r.weekday,
  startTime: r.start_time,
  durationMinutes: r.duration_minutes,
  format: formatOf(r),
  defaultCapacity: r.default_capacity,
  promotionMode: r.promotion_mode,
  offerHours: r.offer_hours,
  registrationOpensDays: r.registration_opens_days,
  createdAt: r.created_at,
  icebreakers: jsonList(r.icebreakers),
});

const toEdition = (r: EditionRow): Edition => ({
  id: r.id,
  seriesId: r.series_id,
  seriesName: r.series_name,
  description: r.description,
  language: r.language,
  timeZone: r.time_zone,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  status: r.status,
  capacityOverride: r.capacity_override,
  format: formatOf(r),
  promotionMode: r.promotion_mode,
  offerHours: r.offer_hours,
  registrationOpensAt: r.registration_opens_at,
  registrationClosesAt: r.registration_closes_at,
  moderatorCount: r.moderator_count,
  createdAt: r.created_at,
  icebreakers: jsonList(r.icebreakers),
});

const EDITION_SELECT = `
  SELECT e.*, s.name AS series_name, s.description, s.language, s.time_zone,
    (SELECT count(*)::int FROM edition_moderators m WHERE m.edition_id = e.id) AS moderator_count
  FROM editions e JOIN series s ON s.id = e.series_id`;

// Column names of the fields an edition update may change.
const EDITION_COLUMNS = {
  capacityOverride: 'capacity_override',
  status: 'status',
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  registrationOpensAt: 'registration_opens_at',
  registrationClosesAt: 'registration_closes_at',
  promotionMode: 'promotion_mode',
  offerHours: 'offer_hours',
} as const;

// Column names of the fields a series update may change (the format has its own five).
const SERIES_COLUMNS = {
  name: 'name',
  description: 'description',
  language: 'language',
  timeZone: 'time_zone',
  weekday: 'weekday',
  startTime: 'start_time',
  durationMinutes: 'duration_minutes',
  defaultCapacity: 'default_capacity',
  promotionMode: 'promotion_mode',
  offerHours: 'offer_hours',
  registrationOpensDays: 'registration_opens_days',
} as const;

/** `SET` clauses for the named columns plus the five format columns. */
function setClauses(columns: Record<string, string>, changes: Record<string, unknown>, format: Series['format'] | undefined, values: unknown[]) {
  const sets: string[] = [];
  for (const [key, column] of Object.entries(columns)) {
    const value = changes[key];
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  }
  if (format) {
    for (const [column, value] of [
      ['group_size', format.groupSize],
      ['rounds', format.rounds],
      ['round_minutes', format.roundMinutes],
      ['plenary_minutes', format.plenaryMinutes],
      ['moderator_mode', format.moderatorMode],
    ] as const) {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
  }
  return sets;
}

export const pgEditionsStore: EditionsStore = {
  async insertSeries(sql, s) {
    await sql.query(
      `INSERT INTO series (id, name, description, language, time_zone, weekday, start_time, duration_minutes, group_size, rounds,
         round_minutes, plenary_minutes, moderator_mode, default_capacity, promotion_mode, offer_hours, registration_opens_days, created_at, icebreakers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)`,
      [
        s.id,
        s.name,
        s.description,
        s.language,
        s.timeZone,
        s.weekday,
        s.startTime,
        s.durationMinutes,
        s.format.groupSize,
        s.format.rounds,
        s.format.roundMinutes,
        s.format.plenaryMinutes,
        s.format.moderatorMode,
        s.defaultCapacity,
        s.promotionMode,
        s.offerHours,
        s.registrationOpensDays,
        s.createdAt,
        JSON.stringify(s.icebreakers),
      ],
    );
  },
  async findSeries(sql, id) {
    const [row] = await sql.query<SeriesRow>(`SELECT * FROM series WHERE id = $1`, [id]);
    return row && toSeries(row);
  },
  async listSeries(sql) {
    return (await sql.query<SeriesRow>(`SELECT * FROM series ORDER BY created_at, name`)).map(toSeries);
  },
  async insertEdition(sql, e) {
    await sql.query(
      `INSERT INTO editions (id, series_id, starts_at, duration_minutes, status, capacity_override, group_size, rounds, round_minutes,
         plenary_minutes, moderator_mode, promotion_mode, offer_hours, registration_opens_at, registration_closes_at, created_at, icebreakers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
         COALESCE($17::jsonb, (SELECT icebreakers FROM series WHERE id = $2)))`,
      [
        e.id,
        e.seriesId,
        e.startsAt,
        e.durationMinutes,
        e.status,
        e.capacityOverride,
        e.format.groupSize,
        e.format.rounds,
        e.format.roundMinutes,
        e.format.plenaryMinutes,
        e.format.moderatorMode,
        e.promotionMode,
        e.offerHours,
        e.registrationOpensAt,
        e.registrationClosesAt,
        e.now,
        e.icebreakers === undefined ? null : JSON.stringify(e.icebreakers),
      ],
    );
  },
  async findEdition(sql, id, options) {
    // The lock is taken first, on the edition row alone, so the figures read after it are current.
    if (options?.lock) {
      const locked = await sql.query(`SELECT id FROM editions WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.length === 0) return undefined;
    }
    const [row] = await sql.query<EditionRow>(`${EDITION_SELECT} WHERE e.id = $1`, [id]);
    return row && toEdition(row);
  },
  async listEditions(sql, seriesId) {
    return (await sql.query<EditionRow>(`${EDITION_SELECT} WHERE e.series_id = $1 ORDER BY e.starts_at`, [seriesId])).map(toEdition);
  },
  async listUpcomingEditions(sql, now, limit) {
    const rows = await sql.query<EditionRow>(
      `${EDITION_SELECT} WHERE e.status IN ('open', 'closed', 'live') AND e.starts_at + make_interval(mins => e.duration_minutes) > $1 ORDER BY e.starts_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toEdition);
  },
  async updateEdition(sql, id, changes) {
    const values: unknown[] = [id];
    const sets = setClauses(EDITION_COLUMNS, changes, changes.format, values);
    setIcebreakers(changes.icebreakers, values, sets);
    if (sets.length > 0) await sql.query(`UPDATE editions SET ${sets.join(', ')} WHERE id = $1`, values);
  },
  async updateSeries(sql, id, changes) {
    const values: unknown[] = [id];
    const sets = setClauses(SERIES_COLUMNS, changes, changes.format, values);
    setIcebreakers(changes.icebreakers, values, sets);
    if (sets.length > 0) await sql.query(`UPDATE series SET ${sets.join(', ')} WHERE id = $1`, values);
  },
  async deleteSeries(sql, id) {
    await sql.query(`DELETE FROM series WHERE id = $1`, [id]);
  },
  async deleteEdition(sql, id) {
    await sql.query(`DELETE FROM editions WHERE id = $1`, [id]);
  },
  async listAssignedModerators(sql, editionId) {
    return sql.query<{ id: string; name: string; email: string }>(
      `SELECT u.id, u.name, u.email FROM edition_moderators m JOIN users u ON u.id = m.user_id WHERE m.edition_id = $1 ORDER BY lower(u.name), u.email`,
      [editionId],
    );
  },
  async countRegistrations(sql, editionId) {
    const [row] = await sql.query<{ confirmed: number; offered: number; waitlisted: number; cancelled: number }>(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'offered')::int AS offered,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              count(*) FILTER (WHERE status IN ('cancelled', 'expired'))::int AS cancelled
       FROM registrations WHERE edition_id = $1`,
      [editionId],
    );
    return row ?? { confirmed: 0, offered: 0, waitlisted: 0, cancelled: 0 };
  },
  async assignModerator(sql, editionId, userId) {
    const rows = await sql.query(`INSERT INTO edition_moderators (edition_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [
      editionId,
      userId,
    ]);
    return rows.length > 0;
  },
  async unassignModerator(sql, editionId, userId) {
    const rows = await sql.query(`DELETE FROM edition_moderators WHERE edition_id = $1 AND user_id = $2 RETURNING user_id`, [editionId, userId]);
    return rows.length > 0;
  },
  async listModeratorIds(sql, editionId) {
    return (await sql.query<{ user_id: string }>(`SELECT user_id FROM edition_moderators WHERE edition_id = $1 ORDER BY user_id`, [editionId])).map(
      (r) => r.user_id,
    );
  },
};
