import { z } from 'zod';
import { editionStatusSchema, languageSchema, registrationStatusSchema } from './registration.js';

/**
 * The shapes of API responses, shared by the server (which builds them in its *.dto.ts mappers and
 * documents them in OpenAPI) and the web app (which reads them).
 */

export const formatSchema = z.object({
  groupSize: z.number(),
  rounds: z.number(),
  roundMinutes: z.number(),
  plenaryMinutes: z.number(),
  moderatorMode: z.enum(['rotate', 'fixed']),
});

export const registrationWindowSchema = z.enum(['open', 'not_open_yet', 'closed']);
export type RegistrationWindow = z.infer<typeof registrationWindowSchema>;

/** What anybody may see of an edition: enough to decide to register. */
export const publicEditionSchema = z.object({
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
  registrationWindow: registrationWindowSchema,
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string(),
  capacity: z.number(),
  seatsLeft: z.number(),
  waitlistCount: z.number(),
  format: formatSchema,
});
export type PublicEdition = z.infer<typeof publicEditionSchema>;

/** What organizers see of an edition. */
export const editionSchema = publicEditionSchema.extend({
  capacityIsAuto: z.boolean(),
  moderatorCount: z.number(),
  confirmedCount: z.number(),
  offeredCount: z.number(),
  cancelledCount: z.number(),
  promotionMode: z.enum(['auto', 'offer']),
  offerHours: z.number(),
  createdAt: z.string(),
  /** Icebreaker prompts, one per round (always sent by this server). */
  icebreakers: z.array(z.string()).optional(),
});
export type Edition = z.infer<typeof editionSchema>;

export const seriesSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  language: languageSchema,
  timeZone: z.string(),
  weekday: z.number(),
  startTime: z.string(),
  durationMinutes: z.number(),
  format: formatSchema,
  defaultCapacity: z.number().nullable(),
  promotionMode: z.enum(['auto', 'offer']),
  offerHours: z.number(),
  registrationOpensDays: z.number(),
  createdAt: z.string(),
  /** Icebreaker prompts, the default of new editions (always sent by this server). */
  icebreakers: z.array(z.string()).optional(),
});
export type Series = z.infer<typeof seriesSchema>;

/** The answer to a registration request. */
export const registrationResultSchema = z.object({
  id: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().nullable(),
  /** Only returned to the request that created the registration; later it travels by e-mail. */
  manageToken: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
});
export type RegistrationResult = z.infer<typeof registrationResultSchema>;

/** A registration as its owner (manage link) or an organizer sees it. */
export const registrationSchema = z.object({
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
export type RegistrationView = z.infer<typeof registrationSchema>;

/**
 * Where the edition's live event stands for the manage link: `scheduled` (doors not open yet),
 * `open` (the join link leads into the lobby or the running event), `ended`.
 */
export const manageLiveSchema = z.object({
  stage: z.enum(['scheduled', 'open', 'ended']),
  /** When the lobby opens (ISO), `doorsOpenMinutes` before the start. */
  doorsOpenAt: z.string(),
  doorsOpenMinutes: z.number(),
});
export type ManageLive = z.infer<typeof manageLiveSchema>;

/** What the manage link shows. */
export const manageViewSchema = z.object({
  registration: registrationSchema,
  edition: publicEditionSchema,
  joinUrl: z.string().nullable(),
  calendarUrl: z.string(),
  /** Added later: optional, so older answers still parse. */
  live: manageLiveSchema.optional(),
});
export type ManageView = z.infer<typeof manageViewSchema>;
