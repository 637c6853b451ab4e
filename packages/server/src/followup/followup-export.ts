import { profileOf } from '../registration/registration.dto.js';
import type { RegistrationProfile } from '../registration/registration.store.js';
import type { PersonalData } from './followup.store.js';

/** The JSON a person downloads: everything stored about them, without tokens or other people's details. */
export interface PersonalExport {
  exportedAt: string;
  email: string;
  registrations: Array<
    RegistrationProfile & {
      series: string;
      startsAt: string;
      status: string;
      createdAt: string;
      confirmedAt: string | null;
      cancelledAt: string | null;
    }
  >;
  seatings: Array<{ editionId: string; round: number; table: number; from: string; to: string | null }>;
  contactRequests: Array<{ editionId: string; direction: 'sent' | 'received'; otherPerson: string; createdAt: string }>;
  feedback: Array<{ editionId: string; rating: number; recommend: number | null; comment: string; createdAt: string; updatedAt: string }>;
}

export function buildPersonalExport(email: string, data: PersonalData, now: Date): PersonalExport {
  return {
    exportedAt: now.toISOString(),
    email,
    registrations: data.registrations.map((r) => {
      const { id, editionId, ...profile } = profileOf(r);
      return {
        id,
        editionId,
        series: r.seriesName,
        startsAt: r.startsAt.toISOString(),
        status: r.status,
        ...profile,
        createdAt: r.createdAt.toISOString(),
        confirmedAt: r.confirmedAt?.toISOString() ?? null,
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
      };
    }),
    seatings: data.seatings.map((s) => ({
      editionId: s.editionId,
      round: s.round,
      table: s.table,
      from: s.from.toISOString(),
      to: s.to?.toISOString() ?? null,
    })),
    contactRequests: data.contactRequests.map((c) => ({
      editionId: c.editionId,
      direction: c.direction,
      otherPerson: c.otherName,
      createdAt: c.createdAt.toISOString(),
    })),
    feedback: data.feedback.map((f) => ({
      editionId: f.editionId,
      rating: f.rating,
      recommend: f.recommend,
      comment: f.comment,
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    })),
  };
}
