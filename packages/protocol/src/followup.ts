import { z } from 'zod';
import { publicEditionSchema, registrationResultSchema } from './api.js';

/**
 * After the event: the people a participant sat with, contact exchange, feedback, privacy and the
 * one-click registration for the next edition. All reached with the personal manage token.
 */

/**
 * Where a contact exchange with one person stands, seen from me:
 * - `none`: nobody asked yet;
 * - `requested`: I asked, they did not (yet);
 * - `incoming`: they asked, I did not (yet);
 * - `connected`: both asked, or both agreed to share at registration; the contact details are shown.
 */
export const connectionStateSchema = z.enum(['none', 'requested', 'incoming', 'connected']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Contact details: present only when both sides agreed. */
export const metContactSchema = z.object({
  email: z.string(),
  linkedinUrl: z.string(),
});
export type MetContact = z.infer<typeof metContactSchema>;

/** A person met at a table: a participant (card, connection) or a moderator (name only). */
export const metPersonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('participant'),
    registrationId: z.string(),
    name: z.string(),
    company: z.string(),
    jobTitle: z.string(),
    sector: z.string(),
    offer: z.string(),
    lookingFor: z.string(),
    connection: connectionStateSchema,
    /** true when the details are shown because both opted in at registration (no request needed). */
    sharedByConsent: z.boolean(),
    contact: metContactSchema.nullable(),
  }),
  z.object({ kind: z.literal('moderator'), moderatorId: z.string(), name: z.string() }),
]);
export type MetPerson = z.infer<typeof metPersonSchema>;

export const metRoundSchema = z.object({
  round: z.number(),
  tables: z.array(z.number()),
  people: z.array(metPersonSchema),
});
export type MetRound = z.infer<typeof metRoundSchema>;

/** `GET /api/manage/:token/met`. */
export const metViewSchema = z.object({
  edition: publicEditionSchema,
  /** Whether I agreed at registration to share my details with everyone who agreed too. */
  shareContact: z.boolean(),
  attended: z.boolean(),
  rounds: z.array(metRoundSchema),
});
export type MetView = z.infer<typeof metViewSchema>;

export const feedbackInputSchema = z.object({
  rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  recommend: z.number().int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10').nullable().optional(),
  comment: z
    .string()
    .trim()
    .max(2000, 'at most 2000 characters')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
    .optional(),
});
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

export const feedbackSchema = z.object({
  rating: z.number(),
  recommend: z.number().nullable(),
  comment: z.string(),
  updatedAt: z.string(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

/** `GET /api/manage/:token/feedback` (and the moderator's per edition). */
export const feedbackViewSchema = z.object({
  edition: publicEditionSchema,
  /** Feedback opens when the edition goes live. */
  open: z.boolean(),
  feedback: feedbackSchema.nullable(),
});
export type FeedbackView = z.infer<typeof feedbackViewSchema>;

/** `GET /api/moderator/feedback`: the moderator's editions that have started, newest first, with their feedback. */
export const moderatorFeedbackListSchema = z.object({
  editions: z.array(z.object({ edition: publicEditionSchema, feedback: feedbackSchema.nullable() })),
});
export type ModeratorFeedbackList = z.infer<typeof moderatorFeedbackListSchema>;

/** `GET /api/manage/:token/next`: the next edition of the series a person can register for. */
export const nextEditionViewSchema = z.object({
  edition: publicEditionSchema.nullable(),
  /** The details the registration would use (the person's own, from this registration). */
  name: z.string(),
  email: z.string(),
  company: z.string(),
  /** Set when this e-mail is registered for that edition already. */
  existing: registrationResultSchema.nullable(),
});
export type NextEditionView = z.infer<typeof nextEditionViewSchema>;

/** `POST /api/manage/:token/next`: the registration made (or found) and the link to manage it. */
export const nextRegistrationSchema = z.object({
  created: z.boolean(),
  result: registrationResultSchema,
  manageUrl: z.string(),
});
export type NextRegistration = z.infer<typeof nextRegistrationSchema>;

/** `PUT /api/series/:seriesId/retention`: days after an edition when its personal data is removed; null keeps it. */
export const retentionInputSchema = z.object({
  retentionDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'at most 3650 days (10 years)').nullable(),
});
export type RetentionInput = z.infer<typeof retentionInputSchema>;
