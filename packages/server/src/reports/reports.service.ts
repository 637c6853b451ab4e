import type { EditionReport, ExportKind, Language, SeriesReport } from '@tablehop/protocol';
import type { Database } from '../db/sql.js';
import { AppError } from '../http/app-error.js';
import { buildExport, roomsFromPlan, roomsFromSeatings, zoomTable, type CsvTable } from './exports.logic.js';
import { buildEditionReport, buildSeriesReport, connectionsBySeries, type SeriesRows } from './report.logic.js';
import type { ReportEdition } from './report.types.js';
import type { ReportsStore } from './reports.store.js';

/** Load -> compute: the organizer's reports and CSV exports (read-only). */
export function createReportsService(deps: { db: Database }, store: ReportsStore) {
  const { db } = deps;

  async function mustFindEdition(editionId: string): Promise<ReportEdition> {
    const edition = await store.findEdition(db, editionId);
    if (!edition) throw new AppError('ERR_EDITION_NOT_FOUND');
    return edition;
  }

  /** The series up to this edition: earlier editions decide which meetings are new. */
  function rowsUpTo(edition: ReportEdition): Promise<SeriesRows> {
    return store.loadSeriesRows(db, { seriesId: edition.seriesId, until: edition.startsAt, include: edition.id });
  }

  return {
    async editionReport(editionId: string): Promise<EditionReport> {
      const edition = await mustFindEdition(editionId);
      const [series, contactRequests, live, staff] = await Promise.all([
        rowsUpTo(edition),
        store.listContactRequests(db, edition.id),
        store.loadLive(db, edition.id),
        store.listStaff(db, edition.id),
      ]);
      return buildEditionReport({ edition, series, contactRequests, live, staff });
    },

    async seriesReport(seriesId: string): Promise<SeriesReport> {
      const series = await store.findSeries(db, seriesId);
      if (!series) throw new AppError('ERR_SERIES_NOT_FOUND');
      const rows = await store.loadSeriesRows(db, { seriesId, until: null, include: null });
      return buildSeriesReport(series, rows);
    },

    async exportTable(editionId: string, kind: ExportKind): Promise<{ edition: ReportEdition; table: CsvTable }> {
      const edition = await mustFindEdition(editionId);
      const [series, contactRequests, staff] = await Promise.all([
        rowsUpTo(edition),
        store.listContactRequests(db, edition.id),
        store.listStaff(db, edition.id),
      ]);
      const connections = connectionsBySeries(series).get(edition.id)!;
      const table = buildExport(kind, {
        registrations: series.registrations.filter((r) => r.editionId === edition.id),
        seatings: series.seatings.filter((s) => s.editionId === edition.id),
        feedback: series.feedback.filter((f) => f.editionId === edition.id),
        contactRequests,
        connections,
        staff,
      });
      return { edition, table };
    },

    /**
     * Zoom breakout pre-assignment for one round: the tables as they were seated, or (before the
     * event, for an edition run in Zoom) a plan of the confirmed participants with the series' history.
     */
    async zoomTable(
      editionId: string,
      round: number,
      roomName: (table: number, language: Language) => string,
    ): Promise<{ edition: ReportEdition; table: CsvTable }> {
      const edition = await mustFindEdition(editionId);
      const live = await store.loadLive(db, edition.id);
      // The live state knows rounds the host added or dropped.
      const rounds = live?.rounds ?? edition.rounds;
      if (round < 1 || round > rounds) throw new AppError('ERR_ROUND_NOT_FOUND', `This edition has rounds 1 to ${rounds}.`);
      const [series, staff] = await Promise.all([rowsUpTo(edition), store.listStaff(db, edition.id)]);
      const registrations = series.registrations.filter((r) => r.editionId === edition.id);
      const emails = new Map<string, string>([...registrations.map((r) => [r.id, r.email] as const), ...staff.map((s) => [s.id, s.email] as const)]);
      let rooms = roomsFromSeatings(
        series.seatings.filter((s) => s.editionId === edition.id),
        round,
      );
      if (rooms === null) {
        const [moderators, history] = await Promise.all([store.listModeratorIds(db, edition.id), store.loadHistory(db, edition.id)]);
        rooms = roomsFromPlan({
          editionId: edition.id,
          participants: registrations.filter((r) => r.status === 'confirmed'),
          moderators,
          groupSize: edition.groupSize,
          rounds,
          moderatorMode: edition.moderatorMode,
          history,
          round,
        });
      }
      return {
        edition,
        table: zoomTable(
          rooms,
          (id) => emails.get(id),
          (n) => roomName(n, edition.language),
        ),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
