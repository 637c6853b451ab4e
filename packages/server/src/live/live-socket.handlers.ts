import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { LIVE_MAX_FRAME_BYTES } from '@tablehop/protocol';
import type { AuthService } from '../auth/auth.service.js';
import { SESSION_COOKIE } from '../http/guards.js';
import type { LiveEngine } from './live-engine.port.js';
import { createLiveTransport, type LiveTransportLimits } from './live-transport.js';

export interface LiveSocketRoutesOptions {
  engine: LiveEngine;
  auth: AuthService;
  /** Staff connections (cookie) must come from a page of this origin. */
  publicUrl: string;
  now?: () => number;
  limits?: Partial<LiveTransportLimits>;
  /** How often silent connections and expired sessions are swept. */
  sweepIntervalMs?: number;
}

/**
 * `GET /api/live`: the live connection (WebSocket). The protocol is in `protocol/src/live-wire.ts`;
 * this file only adapts `ws` sockets to the transport (`live-transport.ts`) and checks the upgrade
 * request (cookie, Origin).
 */
export const liveSocketRoutes: FastifyPluginAsync<LiveSocketRoutesOptions> = async (app, options) => {
  const publicOrigin = new URL(options.publicUrl).origin;
  const transport = createLiveTransport({
    engine: options.engine,
    authenticateStaff: async (cookie) => (await options.auth.authenticate(cookie))?.user.id,
    now: options.now ?? Date.now,
    newSessionId: randomUUID,
    ...(options.limits ? { limits: options.limits } : {}),
    logError: (error, message) => app.log.error({ err: error }, message),
  });

  // Frames over the limit close the socket with 1009. No per-message compression: its zlib state
  // costs hundreds of KB per connection and CPU on every frame, to save bytes of small JSON frames.
  await app.register(websocket, { options: { maxPayload: LIVE_MAX_FRAME_BYTES, perMessageDeflate: false } });

  const sweep = setInterval(() => transport.sweep(), options.sweepIntervalMs ?? 2_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    transport.close();
  });

  app.get('/api/live', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const origin = request.headers.origin;
    // Browsers always send Origin on a WebSocket upgrade; a cookie-bearing upgrade from another
    // origin is a foreign page trying to use the organizer's session. Non-browser clients send no
    // Origin and cannot carry a victim's cookie.
    const originAllowed = origin === undefined || origin === publicOrigin;
    // Frames written to one connection in the same tick (a round switch sends a seat and a timer)
    // leave in one write: on a busy server the system call per write costs more than the framing.
    const raw = request.socket;
    let corked = false;
    const uncork = () => {
      corked = false;
      raw.uncork();
    };
    const handle = transport.open(
      {
        send: (text) => {
          if (!corked) {
            corked = true;
            raw.cork();
            process.nextTick(uncork);
          }
          socket.send(text);
        },
        close: (code, reason) => socket.close(code, reason),
        bufferedAmount: () => socket.bufferedAmount,
      },
      { sessionCookie: request.cookies[SESSION_COOKIE], originAllowed },
    );
    socket.on('message', (data, isBinary) => {
      // A binary frame is no JSON text: it gets the same non-fatal ERR_BAD_JSON as garbage.
      if (isBinary) {
        handle.receive('\u0000');
        return;
      }
      handle.receive(Array.isArray(data) ? Buffer.concat(data).toString() : data.toString());
    });
    socket.on('close', (code) => handle.closed(code));
    socket.on('error', () => socket.terminate());
  });
};
