import { z } from 'zod';
import { icebreakersInputSchema } from './icebreakers.js';

/** Interface languages; Dutch and English from the start (the first users are Flemish). */
export const languageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** True for an IANA time zone name the platform knows, such as Europe/Brussels. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Brussels';

// Angle brackets and control characters have no place in a person's name or company; refusing
// them up front keeps markup out of mails, calendars and exports (output is escaped as well).
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((s) => !/[<>\u0000-\u001f\u007f]/.test(s), 'must not contain <, > or control characters');

const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');

export const emailSchema = z.string().trim().max(254).pipe(z.email('must be a valid e-mail address'));

const linkedInUrl = z
  .string()
  .trim()
  .max(300)
  .refine((s) => {
    if (s === '') return true;
    try {
      const url = new URL(s);
      return url.protocol === 'https:' && /(^|\.)linkedin\.com$/i.test(url.hostname);
    } catch {
      return false;
    }
  }, 'must be an https://linkedin.com/… address');

/** What a participant sends to register for an edition. */
export const registrationInputSchema = z.object({
  name: plainText(200).pipe(z.string().min(1, 'is required')),
  email: emailSchema,
  consent: z.literal(true, { message: 'consent to the privacy terms is required' }),
  company: plainText(200).optional(),
  sector: plainText(100).optional(),
  jobTitle: plainText(200).optional(),
  offer: longText(1000).optional(),
  lookingFor: longText(1000).optional(),
  linkedinUrl: linkedInUrl.optional(),
  language: languageSchema.optional(),
  shareContact: z.boolean().optional(),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const registrationStatusSchema = z.enum(['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired']);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** ISO weekday 1 (Monday) .. 7 (Sunday); accepts 0 for Sunday and English names or 2-3 letter abbreviations. */
export const weekdaySchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 7) return value === 0 ? 7 : value;
  } else {
    const text = value.trim().toLowerCase();
    if (/^[0-7]$/.test(text)) return Number(text) === 0 ? 7 : Number(text);
    const index = weekdayNames.findIndex((name) => text.length >= 2 && name.startsWith(text));
    if (index >= 0) return index + 1;
  }
  ctx.addIssue({ code: 'custom', message: 'must be a weekday: 1 (Monday) .. 7 (Sunday) or a name such as "friday"' });
  return z.NEVER;
});

/**
 * The format of a series or edition. No defaults here: a partial format in a request changes only
 * what it names (the series' format, or the built-in 6 x 4 x 12 min + 10 min plenary, fill the rest).
 */
export const formatInputSchema = z.object({
  groupSize: z.number().int().min(2).max(50),
  rounds: z.number().int().min(1).max(50),
  roundMinutes: z.number().int().min(1).max(240),
  plenaryMinutes: z.number().int().min(0).max(240),
  moderatorMode: z.enum(['rotate', 'fixed']),
});

export const promotionModeSchema = z.enum(['auto', 'offer']);

export const seriesInputSchema = z.object({
  name: plainText(200).pipe(z.string().min(1, 'is required')),
  description: longText(5000).optional(),
  language: languageSchema.default('nl'),
  timeZone: z.string().default('Europe/Brussels').refine(isTimeZone, TIME_ZONE_MESSAGE),
  weekday: weekdaySchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  format: formatInputSchema.partial().optional(),
  groupSize: z.number().int().min(2).max(50).optional(),
  rounds: z.number().int().min(1).max(50).optional(),
  roundMinutes: z.number().int().min(1).max(240).optional(),
  plenaryMinutes: z.number().int().min(0).max(240).optional(),
  moderatorMode: z.enum(['rotate', 'fixed']).optional(),
  /** Capacity of new editions; omitted means "assigned moderators x group size". */
  defaultCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
  promotionMode: promotionModeSchema.default('auto'),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  /** How many days before an edition its registration opens (when editions are generated ahead). */
  registrationOpensDays: z.number().int().min(0).max(365).default(28),
  /** Icebreaker prompts, one per round; new editions copy them. */
  icebreakers: icebreakersInputSchema.optional(),
});
export type SeriesInput = z.input<typeof seriesInputSchema>;

export const editionStatusSchema = z.enum(['draft', 'open', 'closed', 'live', 'ended']);
export type EditionStatus = z.infer<typeof editionStatusSchema>;

export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-04T09:30:00+01:00' });

/** The settings of an edition that can be given when it is created and changed later. */
const editionSettings = {
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  registrationOpensAt: isoDateTimeSchema.nullable().optional(),
  registrationClosesAt: isoDateTimeSchema.nullable().optional(),
  promotionMode: promotionModeSchema.optional(),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .optional(),
  format: formatInputSchema.partial().optional(),
  /** Icebreaker prompts of this edition (one per round); omitted at creation: the series' prompts. */
  icebreakers: icebreakersInputSchema.optional(),
};

export const editionInputSchema = z.object({
  ...editionSettings,
  startsAt: isoDateTimeSchema,
  status: z.enum(['draft', 'open']).default('open'),
});

export const editionPatchSchema = z.object({
  ...editionSettings,
  startsAt: isoDateTimeSchema.optional(),
  status: editionStatusSchema.optional(),
});
