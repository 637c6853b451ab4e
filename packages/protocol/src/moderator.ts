import { z } from 'zod';
import { livePhaseSchema } from './live.js';
import { editionStatusSchema } from './registration.js';

/** One edition a moderator is assigned to, as `GET /api/moderator/editions` lists it. */
export const moderatorEditionSchema = z.object({
  id: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: editionStatusSchema,
  /** Where the live event is now; null when nobody has connected yet. */
  livePhase: livePhaseSchema.nullable(),
  /** Where the moderator opens the live event. */
  liveUrl: z.string(),
});
export type ModeratorEdition = z.infer<typeof moderatorEditionSchema>;

/** The moderator's upcoming and running editions (live first, then by start), without drafts and ended ones. */
export const moderatorEditionsSchema = z.object({ editions: z.array(moderatorEditionSchema) });
export type ModeratorEditions = z.infer<typeof moderatorEditionsSchema>;
