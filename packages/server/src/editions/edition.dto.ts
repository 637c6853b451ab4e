import { z } from 'zod';
import { editionStatusSchema, languageSchema } from '@tablehop/protocol';
import type { EditionView } from './editions.service.js';

const formatDto = z.object({
  groupSize: z.number(),
  rounds: z.number(),
  roundMinutes: z.number(),
  plenaryMinutes: z.number(),
  moderatorMode: z.enum(['rotate', 'fixed']),
});

const windowDto = z.enum(['open', 'not_open_yet', 'closed']);

/** What anybody may see of an edition: enough to decide to register. */
export const publicEditionDto = z.object({
  id: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  description: z.string(),
  language: languageSchema,
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  status: editionStatusSchema,
  registrationWindow: windowDto,
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  waitlistCount: z.number(),
  format: formatDto,
});

/** What organizers see of an edition. */
export const editionDto = publicEditionDto.extend({
  capacityIsAuto: z.boolean(),
  moderatorCount: z.number(),
  confirmedCount: z.number(),
  offeredCount: z.number(),
  cancelledCount: z.number(),
  promotionMode: z.enum(['auto', 'offer']),
  offerHours: z.number(),
  createdAt: z.string(),
});

export function toPublicEditionDto(e: EditionView): z.infer<typeof publicEditionDto> {
  return {
    id: e.id,
    seriesId: e.seriesId,
    seriesName: e.seriesName,
    description: e.description,
    language: e.language,
    timeZone: e.timeZone,
    startsAt: e.startsAt.toISOString(),
    endsAt: new Date(e.startsAt.getTime() + e.durationMinutes * 60_000).toISOString(),
    durationMinutes: e.durationMinutes,
    status: e.status,
    registrationWindow: e.registrationWindow,
    registrationOpensAt: e.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: (e.registrationClosesAt ?? e.startsAt).toISOString(),
    capacity: e.capacity,
    seatsLeft: e.seatsLeft,
    waitlistCount: e.counts.waitlisted,
    format: e.format,
  };
}

export function toEditionDto(e: EditionView): z.infer<typeof editionDto> {
  return {
    ...toPublicEditionDto(e),
    capacityIsAuto: e.capacityIsAuto,
    moderatorCount: e.moderatorCount,
    confirmedCount: e.counts.confirmed,
    offeredCount: e.counts.offered,
    cancelledCount: e.counts.cancelled,
    promotionMode: e.promotionMode,
    offerHours: e.offerHours,
    createdAt: e.createdAt.toISOString(),
  };
}
