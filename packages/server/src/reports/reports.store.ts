import type { HistoryPair } from '@tablehop/matching';
import type { Sql } from '../db/sql.js';
import type { ReportContactRequest, ReportEdition, ReportLive, ReportStaff } from './report.types.js';
import type { SeriesRows } from './report.logic.js';

/** Which editions of a series to load: every published one up to a date, plus one named edition (even a draft). */
export interface SeriesScope {
  seriesId: string;
  /** Only editions starting at or before this; null: all. */
  until: Date | null;
  include: string | null;
}

/** Reads for the reports (read-only; `feedback` and `contact_requests` are written by the follow-up slice). */
export interface ReportsStore {
  findEdition(sql: Sql, editionId: string): Promise<ReportEdition | undefined>;
  findSeries(sql: Sql, seriesId: string): Promise<{ id: string; name: string; timeZone: string } | undefined>;
  /** Editions (not drafts unless `include`), registrations, seatings and feedback of a series. */
  loadSeriesRows(sql: Sql, scope: SeriesScope): Promise<SeriesRows>;
  listContactRequests(sql: Sql, editionId: string): Promise<ReportContactRequest[]>;
  /** Rounds, moderator notes, help requests and flags from the live state; null when the event never ran. */
  loadLive(sql: Sql, editionId: string): Promise<ReportLive | null>;
  /** Staff who moderated or are assigned to the edition (names for notes, e-mails for Zoom). */
  listStaff(sql: Sql, editionId: string): Promise<ReportStaff[]>;
  listModeratorIds(sql: Sql, editionId: string): Promise<string[]>;
  /** The pairs of this edition's confirmed participants who met at earlier editions (as the live engine loads them). */
  loadHistory(sql: Sql, editionId: string): Promise<HistoryPair[]>;
}
