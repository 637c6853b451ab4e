/**
 * A minimal Janus client over WebSocket (subprotocol `janus-protocol`): one session, plugin
 * handles, transactions, keepalives. Only what the VideoRoom needs; no framework, no dependency.
 * `table-media.ts` builds the publish/subscribe flow on top of it.
 */

/** A message Janus sends (only the fields we read). */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
}

export interface JanusAuth {
  /** Janus' `api_secret`, when the server hands it out (it should rather use tokens). */
  apiSecret?: string;
  /** A Janus token (`token_auth`) for this person. */
  token?: string;
}

export class JanusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'JanusError';
  }
}

export interface JanusHandle {
  readonly id: number;
  /** A plugin request; resolves with the plugin's answer (the `event` after an `ack` for async requests). */
  message(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<JanusMessage>;
  trickle(candidate: RTCIceCandidateInit | null): void;
  detach(): Promise<void>;
  /** Asynchronous events of this handle: plugin events, `webrtcup`, `hangup`, `media`, … */
  onEvent: ((message: JanusMessage) => void) | null;
}

export interface JanusSession {
  attach(plugin: string): Promise<JanusHandle>;
  destroy(): void;
  /** Called once when the session is gone (socket closed, session timed out, destroyed by Janus). */
  onClosed: ((reason: string) => void) | null;
}

const KEEPALIVE_MS = 25_000;
const REQUEST_TIMEOUT_MS = 10_000;

let transactionCounter = 0;
const nextTransaction = () => `t${Date.now().toString(36)}${(transactionCounter++).toString(36)}`;

/** Opens a WebSocket to Janus and creates a session on it. */
export async function createJanusSession(url: string, auth: JanusAuth = {}): Promise<JanusSession> {
  const socket = new WebSocket(url, 'janus-protocol');
  const pending = new Map<string, { resolve(m: JanusMessage): void; reject(e: Error): void; async: boolean; timer: ReturnType<typeof setTimeout> }>();
  const handles = new Map<number, JanusHandle>();
  let sessionId = 0;
  let closed = false;
  const timers: { keepalive?: ReturnType<typeof setInterval> } = {};

  const session: JanusSession = {
    attach,
    destroy() {
      if (closed) return;
      send({ janus: 'destroy' });
      close('destroyed');
    },
    onClosed: null,
  };

  function close(reason: string): void {
    if (closed) return;
    closed = true;
    clearInterval(timers.keepalive);
    for (const entry of pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new JanusError(0, `Janus session closed: ${reason}`));
    }
    pending.clear();
    try {
      socket.close();
    } catch {
      // already closing
    }
    session.onClosed?.(reason);
  }

  function send(message: Record<string, unknown>): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    const full: Record<string, unknown> = { ...message, ...(sessionId ? { session_id: sessionId } : {}) };
    if (auth.apiSecret) full.apisecret = auth.apiSecret;
    if (auth.token) full.token = auth.token;
    socket.send(JSON.stringify(full));
  }

  /** Sends a request and waits for its answer; `async` requests (plugin messages) get an `ack` first and the answer as `event`. */
  function request(message: Record<string, unknown>, async = false): Promise<JanusMessage> {
    if (closed) return Promise.reject(new JanusError(0, 'Janus session closed'));
    const transaction = nextTransaction();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(transaction);
        reject(new JanusError(0, `Janus did not answer ${String(message.janus)} in time`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(transaction, { resolve, reject, async, timer });
      send({ ...message, transaction });
    });
  }

  socket.onmessage = (event: MessageEvent) => {
    let message: JanusMessage;
    try {
      message = JSON.parse(String(event.data)) as JanusMessage;
    } catch {
      return;
    }
    const entry = message.transaction ? pending.get(message.transaction) : undefined;
    if (entry) {
      if (message.janus === 'ack' && entry.async) return;
      pending.delete(message.transaction!);
      clearTimeout(entry.timer);
      if (message.janus === 'error') entry.reject(new JanusError(message.error?.code ?? 0, message.error?.reason ?? 'Janus error'));
      else {
        const pluginError = message.plugindata?.data.error;
        if (typeof pluginError === 'string') entry.reject(new JanusError(Number(message.plugindata?.data.error_code ?? 0), pluginError));
        else entry.resolve(message);
      }
      // The answer goes to its request only (its caller reads e.g. the publishers of `joined`).
      return;
    }
    if (message.janus === 'timeout') return close('session timed out');
    if (message.sender !== undefined) handles.get(message.sender)?.onEvent?.(message);
  };
  socket.onclose = () => close('connection closed');

  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new JanusError(0, `could not connect to ${url}`));
  });
  socket.onerror = null;
  const created = await request({ janus: 'create' });
  sessionId = created.data?.id ?? 0;
  timers.keepalive = setInterval(() => void request({ janus: 'keepalive' }).catch(() => undefined), KEEPALIVE_MS);

  async function attach(plugin: string): Promise<JanusHandle> {
    const attached = await request({ janus: 'attach', plugin });
    const handleId = attached.data?.id ?? 0;
    const handle: JanusHandle = {
      id: handleId,
      message: (body, jsep) => request({ janus: 'message', handle_id: handleId, body, ...(jsep ? { jsep } : {}) }, true),
      trickle(candidate) {
        send({ janus: 'trickle', handle_id: handleId, transaction: nextTransaction(), candidate: candidate ?? { completed: true } });
      },
      async detach() {
        handles.delete(handleId);
        if (!closed) await request({ janus: 'detach', handle_id: handleId }).catch(() => undefined);
      },
      onEvent: null,
    };
    handles.set(handleId, handle);
    return handle;
  }

  return session;
}
