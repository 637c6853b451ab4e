import {
  clientCommandFrameSchema,
  clientHelloSchema,
  LIVE_REPLAY_LIMITS,
  liveCloseCodes,
  liveCommandSchema,
  PROTOCOL_VERSION,
  type ClientHello,
  type LiveError,
} from '@tablehop/protocol';
import { AppError } from '../http/app-error.js';
import type { LiveEngine } from './live-engine.port.js';
import type { LiveActor, LiveEvent } from './live.types.js';

/**
 * One live connection as the transport sees it: a way to send text frames and to close. The
 * WebSocket route adapts a `ws` socket to it; tests use a hand-flushed fake.
 */
export interface LiveConnection {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued on the socket but not yet written; a reader this far behind is dropped. */
  bufferedAmount(): number;
}

/** What the upgrade request told us, checked before any hello. */
export interface LiveConnectionContext {
  /** The session cookie, when the browser sent one. */
  sessionCookie: string | undefined;
  /** false when the request came from a page of another origin (cross-site WebSocket hijacking). */
  originAllowed: boolean;
}

export interface LiveTransportLimits {
  /** Events kept per session for a resume, and their maximum age. */
  replayEvents: number;
  replayMs: number;
  /** How long a session outlives an abnormally closed connection, waiting for a resume. */
  graceMs: number;
  /** A connection that sends nothing (no ping) for this long is closed and its person counted gone. */
  silenceMs: number;
  /** Time to send the hello after connecting. */
  helloTimeoutMs: number;
  /** Commands per connection: a burst, then this many per second. */
  commandBurst: number;
  commandsPerSecond: number;
  /** All frames per connection (pings, garbage): a burst, then this many per second; beyond it the connection is closed. */
  frameBurst: number;
  framesPerSecond: number;
  /** A connection with more than this many bytes waiting to be written is closed (the client resumes). */
  maxBufferedBytes: number;
}

export const defaultLiveTransportLimits: LiveTransportLimits = {
  replayEvents: LIVE_REPLAY_LIMITS.events,
  replayMs: LIVE_REPLAY_LIMITS.ageMs,
  graceMs: 30_000,
  silenceMs: 30_000,
  helloTimeoutMs: 10_000,
  commandBurst: 20,
  commandsPerSecond: 10,
  frameBurst: 100,
  framesPerSecond: 50,
  maxBufferedBytes: 4 * 1024 * 1024,
};

export interface LiveTransportOptions {
  engine: LiveEngine;
  /** The staff user id of a session cookie, or undefined (the auth service's `authenticate`). */
  authenticateStaff(sessionCookie: string): Promise<string | undefined>;
  /** Epoch milliseconds; tests pass a fake. */
  now(): number;
  newSessionId(): string;
  limits?: Partial<LiveTransportLimits>;
  logError?(error: unknown, message: string): void;
}

interface BufferedEvent {
  seq: number;
  at: number;
  event: LiveEvent;
}

interface Session {
  id: string;
  actor: LiveActor;
  /** The seq of the last event numbered. */
  seq: number;
  /** The last events, oldest first; `buffer[0].seq` is the oldest a resume can start after minus one. */
  buffer: BufferedEvent[];
  /** Tells the engine the person left, with the moment its connection really went (see `LiveEngine.attach`). */
  detach: ((goneAt: number) => void) | undefined;
  conn: Conn | undefined;
  /** When the last connection closed abnormally; the session ends `graceMs` later unless resumed. */
  disconnectedAt: number | undefined;
  ended: boolean;
}

interface Conn {
  socket: LiveConnection;
  context: LiveConnectionContext;
  state: 'awaiting_hello' | 'authenticating' | 'open' | 'closed';
  openedAt: number;
  lastSeen: number;
  session: Session | undefined;
  /** Events are written only once the welcome or resumed frame is out. */
  ready: boolean;
  commandTokens: number;
  frameTokens: number;
  tokensAt: number;
  /** The tail of this connection's command queue. */
  commands: Promise<void>;
}

/** What the route feeds in for one connection. */
export interface LiveConnectionHandle {
  receive(text: string): void;
  /** The socket closed (by either side) with this code. */
  closed(code: number): void;
}

/**
 * The live transport: WebSocket framing aside, everything between a socket and the engine —
 * hello and authentication, per-session event numbering, the replay buffer and resume, heartbeats
 * and presence, rate limits. Framework-free and clock-injected, so tests drive it by hand.
 *
 * Sessions live in memory: a restarted server knows none, and every client gets a fresh snapshot.
 */
export function createLiveTransport(options: LiveTransportOptions) {
  const { engine, now } = options;
  const limits: LiveTransportLimits = { ...defaultLiveTransportLimits, ...options.limits };
  const sessions = new Map<string, Session>();
  const conns = new Set<Conn>();
  // One JSON text per event object: an event broadcast to thousands of sinks is serialised once.
  const eventJson = new WeakMap<object, string>();

  const logError = options.logError ?? (() => undefined);

  function write(conn: Conn, frame: object): void {
    writeText(conn, JSON.stringify(frame));
  }

  function writeText(conn: Conn, text: string): void {
    if (conn.state === 'closed') return;
    if (conn.socket.bufferedAmount() > limits.maxBufferedBytes) {
      closeConn(conn, liveCloseCodes.slow, 'too slow', 'grace');
      return;
    }
    conn.socket.send(text);
  }

  function writeEvent(conn: Conn, entry: BufferedEvent): void {
    let json = eventJson.get(entry.event);
    if (json === undefined) {
      json = JSON.stringify(entry.event);
      eventJson.set(entry.event, json);
    }
    writeText(conn, `{"type":"event","seq":${entry.seq},"event":${json}}`);
  }

  function sendError(conn: Conn, code: string, message: string, fatal: boolean): void {
    write(conn, { type: 'error', code, message, fatal });
    if (fatal) closeConn(conn, liveCloseCodes.refused, code, 'end');
  }

  /**
   * Ends a session: its person is gone (detach) and a later resume gets a fresh snapshot. `goneAt` is
   * when the connection really went (the drop, or the last frame of a silent one), not now: the
   * engine's presence grace counts from then, so a drop is "present" for its grace, not grace + ours.
   */
  function endSession(session: Session, goneAt: number = now()): void {
    if (session.ended) return;
    session.ended = true;
    sessions.delete(session.id);
    session.buffer = [];
    const detach = session.detach;
    session.detach = undefined;
    try {
      detach?.(goneAt);
    } catch (error) {
      logError(error, 'live: detach failed');
    }
  }

  /**
   * Closes a connection. `grace` keeps its session for a resume (an abnormal drop); `end` ends the
   * session now (the client left, or was silent for too long).
   */
  function closeConn(conn: Conn, code: number, reason: string, then: 'grace' | 'end', goneAt: number = now()): void {
    if (conn.state === 'closed') return;
    conn.state = 'closed';
    conns.delete(conn);
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = undefined;
      if (then === 'end') endSession(session, goneAt);
      else session.disconnectedAt = goneAt;
    }
    try {
      conn.socket.close(code, reason);
    } catch {
      // already gone
    }
  }

  function trimBuffer(session: Session, at: number): void {
    const { buffer } = session;
    let drop = Math.max(0, buffer.length - limits.replayEvents);
    while (drop < buffer.length && at - buffer[drop]!.at > limits.replayMs) drop++;
    if (drop > 0) buffer.splice(0, drop);
  }

  function sinkFor(session: Session) {
    return (event: LiveEvent) => {
      if (session.ended) return;
      const entry: BufferedEvent = { seq: ++session.seq, at: now(), event };
      session.buffer.push(entry);
      if (session.buffer.length > limits.replayEvents) trimBuffer(session, entry.at);
      const conn = session.conn;
      if (conn?.ready) writeEvent(conn, entry);
    };
  }

  /** Can `session` continue after `lastSeq`: every later event still buffered? */
  function canResume(session: Session, lastSeq: number): boolean {
    if (lastSeq > session.seq) return false;
    if (lastSeq === session.seq) return true;
    const oldest = session.buffer[0];
    return oldest !== undefined && oldest.seq <= lastSeq + 1;
  }

  const sameActor = (a: LiveActor, b: LiveActor) => a.editionId === b.editionId && a.personId === b.personId && a.role === b.role;

  async function authenticate(conn: Conn, hello: ClientHello): Promise<LiveActor | undefined> {
    let staffUserId: string | undefined;
    if (hello.auth.kind === 'staff') {
      if (!conn.context.sessionCookie) {
        sendError(conn, 'ERR_UNAUTHENTICATED', 'Log in first: staff connect with their session cookie.', true);
        return undefined;
      }
      if (!conn.context.originAllowed) {
        sendError(conn, 'ERR_FORBIDDEN', 'This page may not open a live connection with your session (wrong origin).', true);
        return undefined;
      }
      staffUserId = await options.authenticateStaff(conn.context.sessionCookie);
      if (!staffUserId) {
        sendError(conn, 'ERR_UNAUTHENTICATED', 'Your session has ended; log in again.', true);
        return undefined;
      }
    }
    const actor = await engine.authenticate(hello.editionId, hello.auth, staffUserId);
    if (!actor) {
      if (hello.auth.kind === 'join') sendError(conn, 'ERR_INVALID_TOKEN', 'This join link is not valid for this edition.', true);
      else sendError(conn, 'ERR_FORBIDDEN', 'You are not staff of this edition.', true);
    }
    return actor;
  }

  async function handleHello(conn: Conn, hello: ClientHello): Promise<void> {
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      sendError(conn, 'ERR_PROTOCOL_VERSION', `The server speaks protocol ${PROTOCOL_VERSION}, not ${hello.protocolVersion}: reload the page.`, true);
      return;
    }
    conn.state = 'authenticating';
    let actor: LiveActor | undefined;
    try {
      actor = await authenticate(conn, hello);
    } catch (error) {
      const refused = toLiveError(error, logError);
      sendError(conn, refused.code, refused.message, true);
      return;
    }
    if (!actor || isClosed(conn)) return;

    const previous = hello.resume ? sessions.get(hello.resume.sessionId) : undefined;
    if (previous && hello.resume && sameActor(previous.actor, actor) && canResume(previous, hello.resume.lastSeq)) {
      if (previous.conn) closeConn(previous.conn, liveCloseCodes.replaced, 'resumed elsewhere', 'grace');
      previous.conn = conn;
      previous.disconnectedAt = undefined;
      conn.session = previous;
      conn.state = 'open';
      const missed = previous.buffer.filter((entry) => entry.seq > hello.resume!.lastSeq);
      write(conn, { type: 'resumed', sessionId: previous.id, replayed: missed.length, serverTime: now() });
      for (const entry of missed) writeEvent(conn, entry);
      conn.ready = true;
      return;
    }
    // The old session (if it was this person's) cannot continue: end it before attaching anew, so
    // the engine never sees two attachments for one connection.
    if (previous && sameActor(previous.actor, actor)) {
      if (previous.conn) closeConn(previous.conn, liveCloseCodes.replaced, 'replaced', 'end');
      endSession(previous);
    }

    const session: Session = {
      id: options.newSessionId(),
      actor,
      seq: 0,
      buffer: [],
      detach: undefined,
      conn,
      disconnectedAt: undefined,
      ended: false,
    };
    let attached: Awaited<ReturnType<LiveEngine['attach']>>;
    try {
      attached = await engine.attach(actor, sinkFor(session));
    } catch (error) {
      session.ended = true;
      const refused = toLiveError(error, logError);
      sendError(conn, refused.code, refused.message, true);
      return;
    }
    session.detach = attached.detach;
    if (isClosed(conn)) {
      // The socket went away while the engine was attaching: nobody to resume this session.
      endSession(session);
      return;
    }
    sessions.set(session.id, session);
    conn.session = session;
    conn.state = 'open';
    // Events the engine handed over while attaching come after the snapshot: seq 1, 2, ….
    write(conn, {
      type: 'welcome',
      sessionId: session.id,
      protocolVersion: PROTOCOL_VERSION,
      seq: 0,
      serverTime: now(),
      snapshot: attached.snapshot,
    });
    for (const entry of session.buffer) writeEvent(conn, entry);
    conn.ready = true;
  }

  /** Commands of one connection run one after the other: results come back in the order sent. */
  function enqueueCommand(conn: Conn, id: string, raw: unknown): void {
    const session = conn.session;
    if (conn.state !== 'open' || !session) {
      write(conn, { type: 'command_result', id, ok: false, error: { code: 'ERR_UNAUTHENTICATED', message: 'Send hello first.' } });
      return;
    }
    const allowed = takeToken(conn, 'commandTokens');
    conn.commands = conn.commands
      .then(() =>
        allowed
          ? handleCommand(conn, session, id, raw)
          : write(conn, { type: 'command_result', id, ok: false, error: { code: 'ERR_RATE_LIMITED', message: 'Too many commands; slow down.' } }),
      )
      .catch((error: unknown) => logError(error, 'live: command failed'));
  }

  async function handleCommand(conn: Conn, session: Session, id: string, raw: unknown): Promise<void> {
    const parsed = liveCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue ? `command.${issue.path.map(String).join('.')}: ${issue.message}` : 'The command is not valid.';
      write(conn, { type: 'command_result', id, ok: false, error: { code: 'ERR_VALIDATION', message } });
      return;
    }
    try {
      await engine.execute(session.actor, parsed.data);
      write(conn, { type: 'command_result', id, ok: true });
    } catch (error) {
      write(conn, { type: 'command_result', id, ok: false, error: toLiveError(error, logError) });
    }
  }

  function refill(conn: Conn): void {
    const at = now();
    const elapsed = Math.max(0, at - conn.tokensAt) / 1000;
    conn.tokensAt = at;
    conn.commandTokens = Math.min(limits.commandBurst, conn.commandTokens + elapsed * limits.commandsPerSecond);
    conn.frameTokens = Math.min(limits.frameBurst, conn.frameTokens + elapsed * limits.framesPerSecond);
  }

  function takeToken(conn: Conn, bucket: 'commandTokens' | 'frameTokens'): boolean {
    refill(conn);
    if (conn[bucket] < 1) return false;
    conn[bucket] -= 1;
    return true;
  }

  function receive(conn: Conn, text: string): void {
    if (conn.state === 'closed') return;
    conn.lastSeen = now();
    if (!takeToken(conn, 'frameTokens')) {
      sendError(conn, 'ERR_RATE_LIMITED', 'Too many frames.', false);
      closeConn(conn, 1008, 'too many frames', 'grace');
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      sendError(conn, 'ERR_BAD_JSON', 'A frame is one JSON object.', false);
      return;
    }
    const type = typeof frame === 'object' && frame !== null ? (frame as { type?: unknown }).type : undefined;
    switch (type) {
      case 'ping':
        write(conn, { type: 'pong', serverTime: now() });
        return;
      case 'hello': {
        if (conn.state !== 'awaiting_hello') {
          sendError(conn, 'ERR_VALIDATION', 'hello was sent already.', false);
          return;
        }
        const parsed = clientHelloSchema.safeParse(frame);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          sendError(conn, 'ERR_VALIDATION', issue ? `hello.${issue.path.map(String).join('.')}: ${issue.message}` : 'hello is not valid.', true);
          return;
        }
        handleHello(conn, parsed.data).catch((error: unknown) => {
          logError(error, 'live: hello failed');
          sendError(conn, 'ERR_INTERNAL', 'Something went wrong on our side.', true);
        });
        return;
      }
      case 'command': {
        const parsed = clientCommandFrameSchema.safeParse(frame);
        if (!parsed.success) {
          sendError(conn, 'ERR_VALIDATION', 'A command frame is { type: "command", id, command }.', false);
          return;
        }
        enqueueCommand(conn, parsed.data.id, parsed.data.command);
        return;
      }
      default:
        if (conn.state === 'awaiting_hello') sendError(conn, 'ERR_VALIDATION', 'The first frame must be hello.', true);
        else sendError(conn, 'ERR_VALIDATION', `Unknown frame type ${JSON.stringify(type ?? null).slice(0, 40)}.`, false);
    }
  }

  return {
    /** A socket was accepted; feed it its frames and its close through the handle. */
    open(socket: LiveConnection, context: LiveConnectionContext): LiveConnectionHandle {
      const at = now();
      const conn: Conn = {
        socket,
        context,
        state: 'awaiting_hello',
        openedAt: at,
        lastSeen: at,
        session: undefined,
        ready: false,
        commandTokens: limits.commandBurst,
        frameTokens: limits.frameBurst,
        tokensAt: at,
        commands: Promise.resolve(),
      };
      conns.add(conn);
      return {
        receive: (text) => receive(conn, text),
        // 1000 (the client closed), 1001 (the page went away) and 4000 (the client wants a fresh
        // snapshot) end the session; anything else may be a network drop, and the session waits
        // for a resume.
        closed: (code) => closeConn(conn, code, '', code === 1000 || code === 1001 || code === liveCloseCodes.replaced ? 'end' : 'grace'),
      };
    },

    /**
     * Housekeeping, every few seconds: closes silent connections (their person is gone), ends
     * sessions whose grace period passed, drops replay events that are too old.
     */
    sweep(): void {
      const at = now();
      for (const conn of conns) {
        if (conn.state === 'awaiting_hello' && at - conn.openedAt > limits.helloTimeoutMs) {
          sendError(conn, 'ERR_VALIDATION', 'No hello in time.', false);
          closeConn(conn, liveCloseCodes.silent, 'no hello', 'end');
        } else if (at - conn.lastSeen > limits.silenceMs) {
          closeConn(conn, liveCloseCodes.silent, 'silent', 'end', conn.lastSeen);
        }
      }
      for (const session of sessions.values()) {
        if (!session.conn && session.disconnectedAt !== undefined && at - session.disconnectedAt > limits.graceMs)
          endSession(session, session.disconnectedAt);
        else trimBuffer(session, at);
      }
    },

    /** Closes every connection and ends every session (server shutdown). */
    close(): void {
      for (const conn of [...conns]) closeConn(conn, 1001, 'server shutting down', 'end');
      for (const session of [...sessions.values()]) endSession(session);
    },

    stats() {
      let buffered = 0;
      for (const session of sessions.values()) buffered += session.buffer.length;
      return { connections: conns.size, sessions: sessions.size, bufferedEvents: buffered };
    },
  };
}

export type LiveTransport = ReturnType<typeof createLiveTransport>;

/** Reads the state afresh (TypeScript would keep a narrowing across an await). */
const isClosed = (conn: { state: string }) => conn.state === 'closed';

function toLiveError(error: unknown, logError: (error: unknown, message: string) => void): LiveError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  logError(error, 'live: unexpected error');
  return { code: 'ERR_INTERNAL', message: 'Something went wrong on our side.' };
}
