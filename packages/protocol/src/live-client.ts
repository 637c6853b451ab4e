import type { LiveCommand, LiveEvent, LiveSnapshot } from './live.js';
import { liveCloseCodes, PROTOCOL_VERSION, type LiveAuth, type LiveError, type ServerFrame } from './live-wire.js';

/**
 * The part of a WebSocket the client uses. The browser's `WebSocket` and the `ws` package's both
 * fit (the handlers take `never` so that either's event types are accepted). The socket is
 * injected — `createSocket: (url) => new WebSocket(url)` — so this file needs no runtime
 * dependency, Node bots pass `ws`, and tests pass a hand-flushed fake.
 */
export interface LiveSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/** Timers and clock of the client; tests pass fakes to run it step by step. */
export interface LiveClientTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export type LiveClientStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * The outcome of a command. Besides the server's codes (`errors.ts`) the client itself answers
 * `ERR_NOT_CONNECTED` (sent while not open), `ERR_CONNECTION_LOST` (the connection dropped before
 * the result: the command may or may not have run) and `ERR_TIMEOUT`.
 */
export type LiveCommandResult = { ok: true } | { ok: false; error: LiveError };

export interface LiveClientOptions {
  /** `ws://host/api/live` or `wss://…`. */
  url: string;
  editionId: string;
  auth: LiveAuth;
  createSocket(url: string): LiveSocket;
  timers?: LiveClientTimers;
  /** A number in [0, 1) for the backoff jitter. */
  random?: () => number;
  /** First reconnection delay bound and its cap; the delay is uniform in [0, min(cap, base * 2^attempt)) ("full jitter"). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  pingIntervalMs?: number;
  /** No frame at all for this long: the connection is dead, reconnect. */
  deadAfterMs?: number;
  /** No welcome or resumed this long after opening the socket: try again. */
  handshakeTimeoutMs?: number;
  commandTimeoutMs?: number;
}

type Frame<Snapshot, Event> = ServerFrame<Snapshot, Event>;

const OPEN = 1;

/**
 * A framework-free live connection that keeps itself up: hello, resume after a drop (reconnecting
 * with exponential backoff and full jitter, capped at 10 s), de-duplication by `seq`, and a fresh
 * snapshot when it finds a gap. Web hooks wrap it; benchmarks and tests drive it directly.
 *
 * @example
 * const client = createLiveClient({ url, editionId, auth: { kind: 'join', token }, createSocket: (u) => new WebSocket(u) });
 * client.onSnapshot((s) => render(s));
 * client.onEvent((e) => apply(e));
 * client.connect();
 * const result = await client.send({ type: 'request_help' });
 */
export function createLiveClient<Snapshot = LiveSnapshot, Event = LiveEvent, Command = LiveCommand>(options: LiveClientOptions) {
  const timers: LiveClientTimers = options.timers ?? {
    setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    now: () => Date.now(),
  };
  const random = options.random ?? Math.random;
  const backoffBaseMs = options.backoffBaseMs ?? 250;
  const backoffCapMs = options.backoffCapMs ?? 10_000;
  const pingIntervalMs = options.pingIntervalMs ?? 10_000;
  const deadAfterMs = options.deadAfterMs ?? 25_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 15_000;

  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const eventListeners = new Set<(event: Event, seq: number) => void>();
  const statusListeners = new Set<(status: LiveClientStatus) => void>();
  const errorListeners = new Set<(error: LiveError & { fatal: boolean }) => void>();

  let status: LiveClientStatus = 'closed';
  let started = false;
  let socket: LiveSocket | undefined;
  let sessionId: string | undefined;
  let lastSeq = 0;
  let attempt = 0;
  let refused: LiveError | undefined;
  let lastReceivedAt = 0;
  let pingSentAt: number | undefined;
  let serverOffsetMs = 0;
  let nextCommandId = 0;
  let timer: unknown;
  const pending = new Map<string, { resolve(result: LiveCommandResult): void; timer: unknown }>();
  const stats = { connects: 0, welcomes: 0, resumes: 0, duplicates: 0, gaps: 0, events: 0 };

  function setStatus(next: LiveClientStatus): void {
    if (status === next) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  }

  function schedule(run: () => void, ms: number): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  }

  function settleAll(code: string, message: string): void {
    for (const [id, entry] of pending) {
      timers.clearTimeout(entry.timer);
      pending.delete(id);
      entry.resolve({ ok: false, error: { code, message } });
    }
  }

  function openSocket(): void {
    stats.connects++;
    const current = options.createSocket(options.url);
    socket = current;
    lastReceivedAt = timers.now();
    current.onopen = () => {
      if (socket !== current) return;
      const hello = {
        type: 'hello',
        protocolVersion: PROTOCOL_VERSION,
        editionId: options.editionId,
        auth: options.auth,
        ...(sessionId ? { resume: { sessionId, lastSeq } } : {}),
      };
      current.send(JSON.stringify(hello));
    };
    current.onmessage = (event: { data: unknown }) => {
      if (socket !== current) return;
      lastReceivedAt = timers.now();
      let frame: Frame<Snapshot, Event>;
      try {
        frame = JSON.parse(String(event.data)) as Frame<Snapshot, Event>;
      } catch {
        return;
      }
      receive(frame);
    };
    current.onclose = (event: { code?: number }) => {
      if (socket !== current) return;
      lost(event.code ?? 1006);
    };
    current.onerror = () => undefined;
    // Until the handshake completes, the timer guards it; afterwards it drives the pings.
    schedule(() => {
      if (socket === current && status !== 'open') abandon(current, liveCloseCodes.silent);
    }, handshakeTimeoutMs);
  }

  /**
   * Gives up on a socket without waiting for its close handshake (it may never come) and
   * reconnects at once. `replaced` tells the server to end the session (the client wants a fresh
   * snapshot); `silent` (a dead-looking connection) leaves it for a resume.
   */
  function abandon(current: LiveSocket, code: number): void {
    current.onopen = current.onmessage = current.onclose = current.onerror = null;
    try {
      current.close(code);
    } catch {
      // already closed
    }
    if (socket === current) lost(1006, true);
  }

  function lost(code: number, immediately = false): void {
    socket = undefined;
    pingSentAt = undefined;
    settleAll('ERR_CONNECTION_LOST', 'The connection dropped before the result arrived.');
    if (!started || refused || code === liveCloseCodes.refused) {
      started = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      setStatus('closed');
      return;
    }
    setStatus('reconnecting');
    const delay = immediately ? 0 : Math.floor(random() * Math.min(backoffCapMs, backoffBaseMs * 2 ** attempt));
    attempt++;
    schedule(openSocket, delay);
  }

  function heartbeat(): void {
    const current = socket;
    if (!current || status !== 'open') return;
    if (timers.now() - lastReceivedAt > deadAfterMs) {
      abandon(current, liveCloseCodes.silent);
      return;
    }
    if (current.readyState === OPEN) {
      pingSentAt = timers.now();
      current.send('{"type":"ping"}');
    }
    schedule(heartbeat, pingIntervalMs);
  }

  function opened(serverTime: number): void {
    attempt = 0;
    serverOffsetMs = serverTime - timers.now();
    setStatus('open');
    schedule(heartbeat, pingIntervalMs);
  }

  function receive(frame: Frame<Snapshot, Event>): void {
    switch (frame.type) {
      case 'welcome':
        stats.welcomes++;
        sessionId = frame.sessionId;
        lastSeq = frame.seq;
        opened(frame.serverTime);
        for (const listener of snapshotListeners) listener(frame.snapshot);
        return;
      case 'resumed':
        stats.resumes++;
        opened(frame.serverTime);
        return;
      case 'event':
        if (frame.seq <= lastSeq) {
          stats.duplicates++;
          return;
        }
        if (frame.seq > lastSeq + 1) {
          // Something is missing: start over with a fresh snapshot rather than show a wrong state.
          stats.gaps++;
          sessionId = undefined;
          lastSeq = 0;
          if (socket) abandon(socket, liveCloseCodes.replaced);
          return;
        }
        lastSeq = frame.seq;
        stats.events++;
        for (const listener of eventListeners) listener(frame.event, frame.seq);
        return;
      case 'command_result': {
        const entry = pending.get(frame.id);
        if (!entry) return;
        pending.delete(frame.id);
        timers.clearTimeout(entry.timer);
        entry.resolve(frame.ok ? { ok: true } : { ok: false, error: frame.error });
        return;
      }
      case 'pong':
        if (pingSentAt !== undefined) {
          // The server read its clock about half-way through the round trip.
          const at = timers.now();
          serverOffsetMs = frame.serverTime - (pingSentAt + at) / 2;
          pingSentAt = undefined;
        }
        return;
      case 'error':
        if (frame.fatal) refused = { code: frame.code, message: frame.message };
        for (const listener of errorListeners) listener({ code: frame.code, message: frame.message, fatal: frame.fatal });
        return;
    }
  }

  function listen<T>(set: Set<T>, listener: T): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  return {
    /** Opens the connection; it then stays up (reconnecting) until `close()` or a refused hello. */
    connect(): void {
      if (started) return;
      started = true;
      refused = undefined;
      attempt = 0;
      setStatus('connecting');
      openSocket();
    },
    /** Closes for good (code 1000: the server counts the person as gone at once). */
    close(): void {
      started = false;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      const current = socket;
      socket = undefined;
      if (current) {
        current.onopen = current.onmessage = current.onclose = current.onerror = null;
        try {
          current.close(1000);
        } catch {
          // already closed
        }
      }
      settleAll('ERR_CONNECTION_LOST', 'The connection was closed.');
      setStatus('closed');
    },
    /** Sends a command; resolves with its result (never rejects). */
    send(command: Command): Promise<LiveCommandResult> {
      const current = socket;
      if (status !== 'open' || !current || current.readyState !== OPEN)
        return Promise.resolve({ ok: false, error: { code: 'ERR_NOT_CONNECTED', message: 'Not connected; try again in a moment.' } });
      const id = String(++nextCommandId);
      return new Promise((resolve) => {
        const expire = timers.setTimeout(() => {
          if (pending.delete(id)) resolve({ ok: false, error: { code: 'ERR_TIMEOUT', message: 'No answer from the server.' } });
        }, commandTimeoutMs);
        pending.set(id, { resolve, timer: expire });
        current.send(JSON.stringify({ type: 'command', id, command }));
      });
    },
    onSnapshot: (listener: (snapshot: Snapshot) => void) => listen(snapshotListeners, listener),
    onEvent: (listener: (event: Event, seq: number) => void) => listen(eventListeners, listener),
    onStatus: (listener: (status: LiveClientStatus) => void) => listen(statusListeners, listener),
    onError: (listener: (error: LiveError & { fatal: boolean }) => void) => listen(errorListeners, listener),
    get status(): LiveClientStatus {
      return status;
    },
    get sessionId(): string | undefined {
      return sessionId;
    },
    get lastSeq(): number {
      return lastSeq;
    },
    /** Why the server refused the hello, when it did (the client then stays closed). */
    get refused(): LiveError | undefined {
      return refused;
    },
    /** The server's clock as this client estimates it: use it for countdowns. */
    serverNow(): number {
      return timers.now() + serverOffsetMs;
    },
    /** Counters for tests and benchmarks. */
    stats,
  };
}

export type LiveClient<Snapshot = LiveSnapshot, Event = LiveEvent, Command = LiveCommand> = ReturnType<
  typeof createLiveClient<Snapshot, Event, Command>
>;
