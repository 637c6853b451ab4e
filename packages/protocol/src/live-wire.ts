import { z } from 'zod';

/**
 * The envelope of the live connection (WebSocket, JSON text frames). The domain messages it
 * carries — `LiveCommand` (client -> server) and `LiveEvent` / `LiveSnapshot` (server -> client) —
 * are defined in `live.ts`; this file is only about connecting, numbering and resuming.
 *
 * Numbering: the server numbers the events of one session 1, 2, 3, …. A client that loses its
 * connection reconnects with `resume: { sessionId, lastSeq }`; the server replays what it missed
 * (`resumed`) or, when it no longer has those events, starts over with a fresh snapshot
 * (`welcome`). Either way the client never needs a page reload.
 */

export const liveAuthSchema = z.discriminatedUnion('kind', [
  /** A participant, with the personal join token from the mail. */
  z.object({ kind: z.literal('join'), token: z.string().min(20).max(200) }),
  /** An organizer (host) or moderator, with the session cookie sent on the upgrade request. */
  z.object({ kind: z.literal('staff') }),
]);
export type LiveAuth = z.infer<typeof liveAuthSchema>;

export const clientHelloSchema = z.object({
  type: z.literal('hello'),
  protocolVersion: z.number().int(),
  editionId: z.uuid(),
  auth: liveAuthSchema,
  resume: z.object({ sessionId: z.string().min(1).max(100), lastSeq: z.number().int().min(0) }).optional(),
});
export type ClientHello = z.infer<typeof clientHelloSchema>;

/** What the server sends on the live connection, around the domain payloads. */
export type ServerFrame<Snapshot, Event> =
  | { type: 'welcome'; sessionId: string; protocolVersion: number; seq: number; snapshot: Snapshot }
  | { type: 'resumed'; sessionId: string; replayed: number }
  | { type: 'event'; seq: number; event: Event }
  | { type: 'command_result'; id: string; ok: true }
  | { type: 'command_result'; id: string; ok: false; error: { code: string; message: string } }
  | { type: 'pong'; serverTime: number }
  | { type: 'error'; code: string; message: string };

/** What the client sends after its hello: commands (each with an id for its result) and pings. */
export type ClientFrame<Command> = ClientHello | { type: 'command'; id: string; command: Command } | { type: 'ping' };
