import { z } from 'zod';

/**
 * The domain messages of the live event. STUB: the live-engine work replaces these with the real
 * discriminated unions (commands validated with zod on the server, events and snapshots typed).
 */
export const liveCommandSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('noop') })]);
export type LiveCommand = z.infer<typeof liveCommandSchema>;

export type LiveEvent = { type: 'noop' };

export interface LiveSnapshot {
  editionId: string;
}
