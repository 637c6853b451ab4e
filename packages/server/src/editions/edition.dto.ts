import type { Edition, PublicEdition } from '@tablehop/protocol';
import type { EditionView } from './editions.service.js';

export { editionSchema as editionDto, publicEditionSchema as publicEditionDto } from '@tablehop/protocol';

export function toPublicEditionDto(e: EditionView): PublicEdition {
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

export function toEditionDto(e: EditionView): Edition {
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
    icebreakers: e.icebreakers,
  };
}
