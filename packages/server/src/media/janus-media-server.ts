import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomError, type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { MediaParticipant, MediaRoomSpec, MediaServer, MediaServerStatus } from './media-server.port.js';

// janode logs every request at info level to stdout; ours go through pino.
Janode.Logger.setLevel('none');

export interface JanusMediaServerOptions {
  /** For logs and health. */
  name: string;
  /** Janus' WebSocket API as this server reaches it, e.g. `ws://127.0.0.1:8188`. */
  url: string;
  apiSecret?: string;
  /** The VideoRoom `admin_key` (needed to create rooms when the instance sets one). */
  adminKey?: string;
  /** What browsers connect to (see `MediaRoomAccess.janusUrl`). */
  browserUrl: string;
  /** Wait between reconnection attempts. Default 1 s. */
  reconnectMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

export interface JanusMediaServer extends MediaServer {
  /** Resolves once connected (rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
}

/** Janus VideoRoom error codes we treat as "already done". */
const NO_SUCH_ROOM = 426;
const ROOM_EXISTS = 427;
const NO_SUCH_FEED = 428;
/** The m-line of the microphone: `web/src/lib/media/table-media.ts` publishes audio before video. */
const AUDIO_MID = '0';

function codeOf(error: unknown): number | undefined {
  return (error as VideoRoomError | undefined)?._code;
}

/**
 * A Janus instance behind the {@link MediaServer} port, through janode (one connection, one session,
 * one VideoRoom handle used as the room manager). When the connection drops it reconnects; once
 * back, `onReset` listeners recreate their rooms (a restarted Janus has none; on a Janus that kept
 * them, creating an existing room re-grants its tokens instead).
 */
export function createJanusMediaServer(options: JanusMediaServerOptions): JanusMediaServer {
  const reconnectMs = options.reconnectMs ?? 1_000;
  const listeners = new Set<() => void>();
  let connection: JanodeConnection | null = null;
  let session: JanodeSession | null = null;
  let manager: VideoRoomHandle | null = null;
  let state: MediaServerStatus = { status: 'down', detail: 'connecting' };
  let everConnected = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const waiters: { resolve(): void }[] = [];

  async function connect(): Promise<void> {
    timer = null;
    if (closed) return;
    try {
      const conn = await Janode.connect({
        address: { url: options.url, ...(options.apiSecret ? { apisecret: options.apiSecret } : {}) },
        retry_time_secs: 1,
        max_retries: 1,
      });
      conn.on('error', () => undefined);
      const sess = await conn.create(15);
      const handle = await sess.attach(VideoRoomPlugin);
      if (closed) {
        await conn.close().catch(() => undefined);
        return;
      }
      connection = conn;
      session = sess;
      manager = handle;
      const lost = (why: string) => {
        if (connection !== conn) return;
        connection = null;
        session = null;
        manager = null;
        state = { status: 'down', detail: why };
        options.log?.warn(`media server ${options.name}: ${why}; reconnecting`);
        scheduleReconnect();
      };
      conn.once(Janode.EVENT.CONNECTION_CLOSED, () => lost('connection closed'));
      conn.once(Janode.EVENT.CONNECTION_ERROR, (error: Error) => lost(`connection error: ${error.message}`));
      sess.once(Janode.EVENT.SESSION_DESTROYED, () => {
        if (connection === conn) {
          lost('session destroyed');
          void conn.close().catch(() => undefined);
        }
      });
      state = { status: 'up', detail: 'connected' };
      const wasConnected = everConnected;
      everConnected = true;
      options.log?.info(`media server ${options.name}: connected`);
      for (const w of waiters.splice(0)) w.resolve();
      if (wasConnected) for (const listener of listeners) listener();
    } catch (error) {
      state = { status: 'down', detail: `cannot connect: ${(error as Error).message}` };
      scheduleReconnect();
    }
  }

  function scheduleReconnect(): void {
    if (closed || timer) return;
    timer = setTimeout(() => void connect(), reconnectMs);
    timer.unref?.();
  }

  function handle(): VideoRoomHandle {
    if (!manager) throw new Error(`media server ${options.name} is not connected (${state.detail})`);
    return manager;
  }

  void connect();

  return {
    name: options.name,
    browserUrl: options.browserUrl,
    ready(timeoutMs = 10_000) {
      if (manager) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`media server ${options.name} not ready after ${timeoutMs} ms (${state.detail})`)), timeoutMs);
        waiters.push({
          resolve: () => {
            clearTimeout(t);
            resolve();
          },
        });
      });
    },
    async createRoom(spec: MediaRoomSpec) {
      const h = handle();
      try {
        await h.message({
          request: 'create',
          room: spec.roomId,
          description: spec.description,
          ...(options.adminKey ? { admin_key: options.adminKey } : {}),
          secret: spec.secret,
          pin: spec.pin,
          is_private: true,
          permanent: false,
          publishers: spec.maxPublishers,
          bitrate: spec.bitrate,
          bitrate_cap: true,
          fir_freq: 10,
          audiocodec: 'opus',
          videocodec: 'vp8',
          require_pvtid: true,
          notify_joining: false,
          // Only these tokens may join (check_allowed is on from the first moment).
          allowed: [...spec.allowed],
        });
      } catch (error) {
        if (codeOf(error) !== ROOM_EXISTS) throw error;
        // The instance kept the room (only our connection dropped): make sure the tokens are allowed.
        if (spec.allowed.length > 0) await h.allow({ room: spec.roomId, action: 'add', list: [...spec.allowed], secret: spec.secret });
      }
    },
    async destroyRoom(roomId, secret) {
      try {
        await handle().destroy({ room: roomId, secret, permanent: false });
      } catch (error) {
        if (codeOf(error) !== NO_SUCH_ROOM) throw error;
      }
    },
    async grant(roomId, secret, tokens) {
      if (tokens.length > 0) await handle().allow({ room: roomId, action: 'add', list: [...tokens], secret });
    },
    async revoke(roomId, secret, tokens) {
      if (tokens.length === 0) return;
      try {
        await handle().allow({ room: roomId, action: 'remove', list: [...tokens], secret });
      } catch (error) {
        if (codeOf(error) !== NO_SUCH_ROOM) throw error;
      }
    },
    async kick(roomId, secret, feedId) {
      try {
        await handle().kick({ room: roomId, feed: feedId, secret });
      } catch (error) {
        const code = codeOf(error);
        if (code !== NO_SUCH_FEED && code !== NO_SUCH_ROOM) throw error;
      }
    },
    async moderate(roomId, secret, feedId, mute) {
      try {
        // Janus 1.x mutes per m-line: our clients publish their microphone first, so audio is mid "0".
        await handle().message({ request: 'moderate', room: roomId, secret, id: feedId, mid: AUDIO_MID, mute });
        return true;
      } catch (error) {
        // 428: no such participant, or no stream with mid "0" (not published yet).
        const code = codeOf(error);
        if (code !== NO_SUCH_FEED && code !== NO_SUCH_ROOM) throw error;
        return false;
      }
    },
    async listRooms() {
      const { list } = await handle().list(options.adminKey ? { admin_key: options.adminKey } : {});
      return list.map((r) => r.room);
    },
    async listParticipants(roomId, secret): Promise<MediaParticipant[]> {
      const { participants } = await handle().listParticipants({ room: roomId, secret });
      return participants.map((p) => ({ id: p.feed, publisher: p.publisher }));
    },
    status: () => state,
    onReset(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const conn = connection;
      connection = null;
      manager = null;
      state = { status: 'down', detail: 'closed' };
      await session?.destroy().catch(() => undefined);
      await conn?.close().catch(() => undefined);
    },
  };
}
