import { z } from 'zod';
import { isTimeZone, seriesInputSchema, TIME_ZONE_MESSAGE } from '@tablehop/protocol';

const input = seriesInputSchema.shape;
const unwrapDefault = <T extends z.ZodType>(schema: z.ZodDefault<T> | T): T => (schema instanceof z.ZodDefault ? (schema.unwrap() as T) : schema);

/**
 * PATCH /api/series/:id: any field of a new series, none required, no defaults (an omitted field
 * stays as it is). The format is changed through `format` (only the parts named). Name, schedule
 * and language show on every edition; format, capacity and waiting-list settings are the defaults
 * of editions created from now on: existing editions keep their own.
 */
export const seriesPatchSchema = z
  .object({
    name: input.name.optional(),
    description: input.description,
    language: unwrapDefault(input.language).optional(),
    timeZone: z.string().refine(isTimeZone, TIME_ZONE_MESSAGE).optional(),
    weekday: input.weekday.optional(),
    startTime: input.startTime.optional(),
    durationMinutes: input.durationMinutes.optional(),
    format: input.format,
    defaultCapacity: input.defaultCapacity,
    promotionMode: unwrapDefault(input.promotionMode).optional(),
    offerHours: unwrapDefault(input.offerHours).optional(),
    registrationOpensDays: unwrapDefault(input.registrationOpensDays).optional(),
  })
  .strict();
export type SeriesPatch = z.output<typeof seriesPatchSchema>;
