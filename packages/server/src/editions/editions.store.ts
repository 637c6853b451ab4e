import type { Sql } from '../db/sql.js';
import type { Series } from '../series/series.types.js';
import type { Edition, EditionCounts } from './edition.types.js';

export interface NewEdition {
  id: string;
  seriesId: string;
  startsAt: Date;
  durationMinutes: number;
  status: 'draft' | 'open';
  capacityOverride: number | null;
  format: Edition['format'];
  promotionMode: Edition['promotionMode'];
  offerHours: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  now: Date;
  /** Icebreaker prompts; omitted: the series' prompts are copied. */
  icebreakers?: string[];
}

export type EditionChanges = Partial<
  Pick<
    Edition,
    | 'capacityOverride'
    | 'status'
    | 'startsAt'
    | 'durationMinutes'
    | 'registrationOpensAt'
    | 'registrationClosesAt'
    | 'promotionMode'
    | 'offerHours'
    | 'format'
    | 'icebreakers'
  >
>;

/** What a series update may change (name, schedule and the defaults of its new editions). */
export type SeriesChanges = Partial<Omit<Series, 'id' | 'createdAt'>>;

/** A moderator assigned to an edition, as organizers see it. */
export interface AssignedModerator {
  id: string;
  name: string;
  email: string;
}

/** Series, editions and moderator assignments. */
export interface EditionsStore {
  insertSeries(sql: Sql, series: Series): Promise<void>;
  findSeries(sql: Sql, id: string): Promise<Series | undefined>;
  listSeries(sql: Sql): Promise<Series[]>;
  insertEdition(sql: Sql, edition: NewEdition): Promise<void>;
  /** With `lock`, holds the edition's row lock until the transaction ends: every seat decision takes it. */
  findEdition(sql: Sql, id: string, options?: { lock?: boolean }): Promise<Edition | undefined>;
  listEditions(sql: Sql, seriesId: string): Promise<Edition[]>;
  /** Published editions (not draft, not ended) that have not started yet, soonest first. */
  listUpcomingEditions(sql: Sql, now: Date, limit: number): Promise<Edition[]>;
  updateEdition(sql: Sql, id: string, changes: EditionChanges): Promise<void>;
  countRegistrations(sql: Sql, editionId: string): Promise<EditionCounts>;
  assignModerator(sql: Sql, editionId: string, userId: string): Promise<boolean>;
  unassignModerator(sql: Sql, editionId: string, userId: string): Promise<boolean>;
  listModeratorIds(sql: Sql, editionId: string): Promise<string[]>;
  listAssignedModerators(sql: Sql, editionId: string): Promise<AssignedModerator[]>;
  updateSeries(sql: Sql, id: string, changes: SeriesChanges): Promise<void>;
  /** Deletes the series with its editions (and their registrations, by cascade). */
  deleteSeries(sql: Sql, id: string): Promise<void>;
  deleteEdition(sql: Sql, id: string): Promise<void>;
}
