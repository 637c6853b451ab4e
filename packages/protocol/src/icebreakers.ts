import { z } from 'zod';

/** At most this many icebreaker prompts per series or edition. */
export const MAX_ICEBREAKERS = 20;
/** The longest icebreaker prompt, in characters. */
export const MAX_ICEBREAKER_TEXT = 300;

/**
 * The icebreaker prompts of a series (the default of its new editions) or of one edition: one per
 * round, in order; with fewer prompts than rounds they repeat (`icebreakerForRound` in live.ts).
 * Blank lines are dropped, so a form may send what its text boxes hold.
 */
export const icebreakersInputSchema = z
  .array(
    z
      .string()
      .trim()
      .max(MAX_ICEBREAKER_TEXT, `at most ${MAX_ICEBREAKER_TEXT} characters`)
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .refine((s) => !/[<>\u0000-\u001f\u007f]/.test(s), 'must not contain <, > or control characters'),
  )
  .max(MAX_ICEBREAKERS, `at most ${MAX_ICEBREAKERS} prompts`)
  .transform((prompts) => prompts.filter((p) => p !== ''));
