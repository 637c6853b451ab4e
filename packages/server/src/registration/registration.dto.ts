import { z } from 'zod';
import { languageSchema, registrationStatusSchema } from '@tablehop/protocol';
import type { Registration } from './registration.store.js';

export const registrationResultDto = z.object({
  id: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().nullable(),
  manageToken: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
});

/** A registration as its owner (manage link) or an organizer sees it. */
export const registrationDto = z.object({
  id: z.string(),
  editionId: z.string(),
  name: z.string(),
  email: z.string(),
  company: z.string(),
  sector: z.string(),
  jobTitle: z.string(),
  offer: z.string(),
  lookingFor: z.string(),
  linkedinUrl: z.string(),
  language: languageSchema,
  shareContact: z.boolean(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().nullable(),
  offerExpiresAt: z.string().nullable(),
  source: z.enum(['self', 'organizer']),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

export function toRegistrationDto(r: Registration): z.infer<typeof registrationDto> {
  return {
    id: r.id,
    editionId: r.editionId,
    name: r.name,
    email: r.email,
    company: r.company,
    sector: r.sector,
    jobTitle: r.jobTitle,
    offer: r.offer,
    lookingFor: r.lookingFor,
    linkedinUrl: r.linkedinUrl,
    language: r.language,
    shareContact: r.shareContact,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  };
}
