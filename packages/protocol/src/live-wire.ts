import { z } from 'zod';

/**
 * The envelope of the live connection (`GET /api/live`, WebSocket, JSON text frames of at most
 * {@link LIVE_MAX_FRAME_BYTES}). The domain messages it carries — `LiveCommand` (client -> server)
 * and `LiveEvent` / `LiveSnapshot` (server -> client) — are defined in `live.ts`; this file is only
 * about connecting, numbering, resuming and heartbeats.
 *
 * 1. The client's first frame is `hello` (protocol version, edition, auth, optional `resume`).
 *    Staff authenticate with the session cookie sent on the upgrade request (`auth.kind: 'staff'`;
 *    the server then also checks the Origin header), participants with their join token.
 * 2. The server answers `welcome` (a new session: its id, the snapshot and the `seq` the snapshot is
 *    at) or `resumed` (the old session goes on; the events the client missed follow at once). A
 *    refused hello gets an `error` frame with `fatal: true`, then the server closes the socket: the
 *    client must not retry with the same credentials.
 * 3. Numbering: the server numbers the events of one session `seq` 1, 2, 3, … after the welcome's
 *    `seq`. The client keeps the highest `seq` it has applied, drops any `seq` <= it (duplicates after a
 *    resume) and treats a jump (`seq` > last + 1) as a gap: it reconnects without `resume` and gets a
 *    fresh snapshot.
 * 4. A client that loses its connection reconnects with `resume: { sessionId, lastSeq }`. The server
 *    keeps a session's last events (bounded: {@link LIVE_REPLAY_LIMITS}) and the session itself for a
 *    grace period after an abnormal close; when it still has everything after `lastSeq` it replays
 *    it (`resumed`), otherwise — too old, unknown session, a restarted server — it starts a new
 *    session with a fresh snapshot (`welcome`). Either way the client never needs a page reload.
 * 5. Commands: `{ type: 'command', id, command }`; the server answers each with a `command_result`
 *    carrying the same id, after the events the command caused. Commands are not replayed on
 *    reconnection: a client whose connection drops before the result does not know the outcome.
 * 6. Heartbeats: the client sends `ping` (every 10 s); the server answers `pong` with its clock
 *    (`serverTime`, epoch ms) so clients can correct timer offsets. The server closes a connection
 *    that stays silent for 30 s and counts its person as gone (presence).
 * 7. A frame the server cannot use (bad JSON, unknown type, a second hello) gets a non-fatal `error`
 *    frame; the connection stays usable. Frames over the size limit close the connection (1009).
 */

/** Version of the real-time protocol; bumped on every incompatible change to its messages. */
export const PROTOCOL_VERSION = 1;

/** Largest frame either side sends; the server closes the connection (code 1009) on bigger ones. */
export const LIVE_MAX_FRAME_BYTES = 16 * 1024;

/** How much a session keeps for a resume: its last 1,000 events, none older than 5 minutes. */
export const LIVE_REPLAY_LIMITS = { events: 1000, ageMs: 5 * 60_000 } as const;

/** WebSocket close codes of the live connection besides the standard ones (1000, 1001, 1008, 1009). */
export const liveCloseCodes = {
  /**
   * From the client: it wants a fresh session (it found a gap); the server ends the old one at once.
   * From the server: a newer socket of the same session took over.
   */
  replaced: 4000,
  /** The hello was refused (see the `error` frame before it); do not retry with the same credentials. */
  refused: 4001,
  /** No frame for too long (no hello, or no ping); the client also uses it when it gives up on a dead-looking socket (its session stays resumable). */
  silent: 4002,
  /** The client did not read its frames fast enough. */
  slow: 4003,
} as const;

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

/** The envelope of a command; the server validates `command` itself with `liveCommandSchema`. */
export const clientCommandFrameSchema = z.object({ type: z.literal('command'), id: z.string().min(1).max(64), command: z.unknown() });

/** The error of a refused command or frame: a code of the registry (`errors.ts`) and a message for people. */
export interface LiveError {
  code: string;
  message: string;
}

/** What the server sends on the live connection, around the domain payloads. */
export type ServerFrame<Snapshot, Event> =
  | { type: 'welcome'; sessionId: string; protocolVersion: number; seq: number; serverTime: number; snapshot: Snapshot }
  | { type: 'resumed'; sessionId: string; replayed: number; serverTime: number }
  | { type: 'event'; seq: number; event: Event }
  | { type: 'command_result'; id: string; ok: true }
  | { type: 'command_result'; id: string; ok: false; error: LiveError }
  | { type: 'pong'; serverTime: number }
  | { type: 'error'; code: string; message: string; fatal: boolean };

/** What the client sends after its hello: commands (each with an id for its result) and pings. */
export type ClientFrame<Command> = ClientHello | { type: 'command'; id: string; command: Command } | { type: 'ping' };
