import type { LiveAuth } from '@tablehop/protocol';
import type { LiveActor, LiveCommand, LiveEvent, LiveSnapshot } from './live.types.js';

/**
 * The seam between the live-event engine (rounds, seats, timers, presence, permissions) and the
 * transport that carries it (WebSocket framing, numbering, replay, heartbeats).
 *
 * The engine decides what each actor may see: the events it hands to an actor's sink are already
 * filtered for that actor, and `attach` returns that actor's own snapshot. The transport never
 * looks inside them; it numbers what it receives per session and delivers it in order.
 */
export interface LiveEngine {
  /**
   * Who is connecting: a participant by join token (only for its own edition), or a staff user
   * (the transport resolves the session cookie to `staffUserId`). `undefined` when not allowed.
   */
  authenticate(editionId: string, auth: LiveAuth, staffUserId: string | undefined): Promise<LiveActor | undefined>;
  /**
   * A connection of `actor` is open: it counts as present from now on. `sink` receives every later
   * event meant for this actor, in order. `detach` marks that connection gone (presence); `goneAt`
   * (epoch ms, default now) is when it really went: a transport that waited for a resume passes the
   * moment of the drop, so "gone less than 60 s" counts from the drop (ARCHITECTURE.md, presence).
   */
  attach(actor: LiveActor, sink: (event: LiveEvent) => void): Promise<{ snapshot: LiveSnapshot; detach(goneAt?: number): void }>;
  /** Runs a command of `actor`; rejects with an AppError (`ERR_FORBIDDEN`, `ERR_VALIDATION`, `ERR_CONFLICT`, …) when refused. */
  execute(actor: LiveActor, command: LiveCommand): Promise<void>;
}
