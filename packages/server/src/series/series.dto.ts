import { z } from 'zod';
import { languageSchema } from '@tablehop/protocol';
import type { Series } from './series.types.js';

export const seriesDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  language: languageSchema,
  timeZone: z.string(),
  weekday: z.number(),
  startTime: z.string(),
  durationMinutes: z.number(),
  format: z.object({ groupSize: z.number(), rounds: z.number(), roundMinutes: z.number(), plenaryMinutes: z.number(), moderatorMode: z.enum(['rotate', 'fixed']) }),
  defaultCapacity: z.number().nullable(),
  promotionMode: z.enum(['auto', 'offer']),
  offerHours: z.number(),
  registrationOpensDays: z.number(),
  createdAt: z.string(),
});

export const toSeriesDto = (s: Series): z.infer<typeof seriesDto> => ({ ...s, createdAt: s.createdAt.toISOString() });
