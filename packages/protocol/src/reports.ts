import { z } from 'zod';
import { editionStatusSchema } from './registration.js';

/**
 * The organizer's reports after an edition (and over a series), and the CSV exports. Figures are
 * computed by the server (`server/src/reports/report.logic.ts`); `null` means "not known yet"
 * (e.g. a no-show rate before the edition was held, an average without answers).
 */

export const exportKindSchema = z.enum(['registrations', 'attendance', 'seatings', 'connections', 'feedback']);
export type ExportKind = z.infer<typeof exportKindSchema>;

const rate = z.number().nullable();

export const roundOccupancySchema = z.object({
  round: z.number(),
  tables: z.number(),
  /** Participants who sat at a table in this round (late joiners included). */
  seated: z.number(),
  minTable: z.number(),
  maxTable: z.number(),
  averageTable: z.number(),
  moderatedTables: z.number(),
});
export type RoundOccupancy = z.infer<typeof roundOccupancySchema>;

export const feedbackFiguresSchema = z.object({
  responses: z.number(),
  averageRating: rate,
  /** Answers per rating 1..5 (index 0 = rating 1). */
  distribution: z.array(z.number()),
  recommendResponses: z.number(),
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
  /** Net promoter score: % promoters (9-10) minus % detractors (0-6), -100..100. */
  nps: rate,
  moderatorResponses: z.number(),
  moderatorAverageRating: rate,
});
export type FeedbackFigures = z.infer<typeof feedbackFiguresSchema>;

export const editionReportSchema = z.object({
  edition: z.object({
    id: z.string(),
    seriesId: z.string(),
    seriesName: z.string(),
    startsAt: z.string(),
    timeZone: z.string(),
    status: editionStatusSchema,
    capacity: z.number(),
    rounds: z.number(),
  }),
  /** Whether anyone sat at a table: attendance figures mean something only then. */
  held: z.boolean(),
  registrations: z.object({
    total: z.number(),
    confirmed: z.number(),
    offered: z.number(),
    waiting: z.number(),
    cancelled: z.number(),
    expired: z.number(),
    /** Ever on the waiting list. */
    waitlisted: z.number(),
    /** From the waiting list to a confirmed seat. */
    promoted: z.number(),
    waitlistConversion: rate,
  }),
  attendance: z.object({
    expected: z.number(),
    attended: z.number(),
    noShows: z.number().nullable(),
    noShowRate: rate,
    lateArrivals: z.number(),
  }),
  rounds: z.array(roundOccupancySchema),
  connections: z.object({
    /** Distinct participant pairs who sat together in this edition. */
    total: z.number(),
    /** Pairs who had never met in an earlier edition of the series. */
    new: z.number(),
    repeat: z.number(),
    perAttendee: rate,
    mutualContacts: z.number(),
  }),
  feedback: feedbackFiguresSchema,
  comments: z.array(
    z.object({ role: z.enum(['participant', 'moderator']), rating: z.number(), recommend: z.number().nullable(), text: z.string(), at: z.string() }),
  ),
  live: z.object({
    notes: z.array(z.object({ moderatorName: z.string(), text: z.string() })),
    help: z.array(
      z.object({
        round: z.number(),
        table: z.number().nullable(),
        moderatorName: z.string(),
        text: z.string(),
        status: z.enum(['open', 'answered', 'closed']),
        answer: z.string().nullable(),
        at: z.string(),
      }),
    ),
    flags: z.array(
      z.object({
        kind: z.enum(['no_show', 'problem']),
        round: z.number(),
        table: z.number().nullable(),
        moderatorName: z.string(),
        personName: z.string().nullable(),
        text: z.string(),
        at: z.string(),
      }),
    ),
  }),
});
export type EditionReport = z.infer<typeof editionReportSchema>;

export const seriesEditionFiguresSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  status: editionStatusSchema,
  held: z.boolean(),
  registered: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  promoted: z.number(),
  attended: z.number(),
  noShows: z.number().nullable(),
  noShowRate: rate,
  lateArrivals: z.number(),
  /** Attendees who had not attended an earlier edition of the series / who had. */
  newParticipants: z.number(),
  returningParticipants: z.number(),
  connections: z.number(),
  newConnections: z.number(),
  repeatConnections: z.number(),
  feedbackResponses: z.number(),
  averageRating: rate,
  nps: rate,
});
export type SeriesEditionFigures = z.infer<typeof seriesEditionFiguresSchema>;

export const seriesReportSchema = z.object({
  series: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** Every edition that is not a draft, oldest first. */
  editions: z.array(seriesEditionFiguresSchema),
  totals: z.object({
    editionsHeld: z.number(),
    attended: z.number(),
    uniqueParticipants: z.number(),
    averageAttendance: rate,
    noShowRate: rate,
    newConnections: z.number(),
    repeatConnections: z.number(),
    averageRating: rate,
    nps: rate,
  }),
});
export type SeriesReport = z.infer<typeof seriesReportSchema>;
