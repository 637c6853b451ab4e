import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { editionReportSchema, exportKindSchema, seriesReportSchema, type ExportKind } from '@tablehop/protocol';
import type { Guards } from '../http/guards.js';
import { toCsv } from './report-csv.js';
import type { ReportsService } from './reports.service.js';

const uuid = z.uuid('must be an id (uuid)');
const exportFiles = exportKindSchema.options.map((kind) => `${kind}.csv` as const);
const ROOM_NAME = { nl: (n: number) => `Tafel ${n}`, en: (n: number) => `Table ${n}` };

export interface ReportsRoutesOptions {
  reports: ReportsService;
  guards: Guards;
}

/** The organizer's edition and series reports and the CSV exports (organizer session required). */
export const reportsRoutes: FastifyPluginAsyncZod<ReportsRoutesOptions> = async (app, options) => {
  const { reports, guards } = options;
  const organizer = { preHandler: guards.organizer };

  app.get(
    '/api/editions/:editionId/report',
    {
      ...organizer,
      schema: {
        tags: ['reports'],
        summary: 'After the event: registrations, attendance, tables per round, new connections, feedback, notes and help requests',
        params: z.object({ editionId: uuid }),
        response: { 200: editionReportSchema },
      },
    },
    async (request) => reports.editionReport(request.params.editionId),
  );

  app.get(
    '/api/series/:seriesId/report',
    {
      ...organizer,
      schema: {
        tags: ['reports'],
        summary: 'The figures of every published edition of a series, oldest first, with totals',
        params: z.object({ seriesId: uuid }),
        response: { 200: seriesReportSchema },
      },
    },
    async (request) => reports.seriesReport(request.params.seriesId),
  );

  // Static, so it wins over the `:file` route below.
  app.get(
    '/api/editions/:editionId/exports/zoom.csv',
    {
      ...organizer,
      schema: {
        tags: ['reports'],
        summary: 'Zoom breakout pre-assignment (Pre-assign Room Name, Email Address) for one round',
        params: z.object({ editionId: uuid }),
        querystring: z.object({ round: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(1000) }),
      },
    },
    async (request, reply) => {
      const { round } = request.query;
      const { edition, table } = await reports.zoomTable(request.params.editionId, round, (n, language) => ROOM_NAME[language](n));
      return sendCsv(reply, toCsv(table), `zoom-round-${round}-${edition.startsAt.toISOString().slice(0, 10)}.csv`);
    },
  );

  app.get(
    '/api/editions/:editionId/exports/:file',
    {
      ...organizer,
      schema: {
        tags: ['reports'],
        summary: `One export of an edition as CSV: ${exportFiles.join(', ')} (contact details only for pairs who both agreed)`,
        params: z.object({ editionId: uuid, file: z.enum(exportFiles, `must be one of ${exportFiles.join(', ')}`) }),
      },
    },
    async (request, reply) => {
      const kind = request.params.file.replace(/\.csv$/, '') as ExportKind;
      const { edition, table } = await reports.exportTable(request.params.editionId, kind);
      return sendCsv(reply, toCsv(table), `${kind}-${edition.startsAt.toISOString().slice(0, 10)}.csv`);
    },
  );
};

function sendCsv(reply: FastifyReply, csv: string, filename: string) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}
