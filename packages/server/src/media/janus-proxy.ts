import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer, type RawData } from 'ws';

/** One Janus instance served to browsers under a path of the Tablehop server. */
export interface JanusProxyRoute {
  /** e.g. `/janus` (the local Janus) or `/janus/1` (the second of JANUS_URLS). */
  path: string;
  /** Janus' WebSocket API as this server reaches it, e.g. `ws://127.0.0.1:8188`. */
  target: string;
  /** Added to every request the browser sends, so the secret never reaches a browser. */
  apiSecret?: string;
}

export interface JanusProxyOptions {
  /** Browsers must come from a page of this origin (`Origin` header), like `/api/live`. */
  publicOrigin: string;
  /** Largest message accepted from a browser (an SDP offer is a few KB). Default 256 KB. */
  maxPayload?: number;
  log?: { warn(message: string): void };
}

/**
 * Serves Janus' WebSocket API through the Tablehop server: a browser opens `wss://<host>/janus`
 * (subprotocol `janus-protocol`) and each of its messages is piped to the Janus on 127.0.0.1 with
 * the instance's `apisecret` added; Janus' answers and events go back untouched. So one origin and
 * port suffice (no extra TLS certificate or firewall hole for signalling), and the Janus API itself
 * stays on loopback. Media (ICE/RTP) does not pass here: it flows between browser and Janus directly.
 *
 * Hooked in front of the HTTP server's `upgrade` listeners (those of `@fastify/websocket`), which
 * still get every other path; done this way because `@fastify/websocket` can be registered once and
 * its frame limit is the live protocol's (16 KB), too small for SDP.
 */
export function attachJanusProxy(server: Server, routes: readonly JanusProxyRoute[], options: JanusProxyOptions): { close(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 256 * 1024,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has('janus-protocol') ? 'janus-protocol' : false),
  });
  const byPath = new Map(routes.map((r) => [r.path, r]));
  const others = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('upgrade');

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = byPath.get(path);
    if (!route) {
      for (const listener of others) listener.call(server, req, socket, head);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== options.publicOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (client) => pipe(client, route));
  };
  server.on('upgrade', onUpgrade);

  function pipe(client: WebSocket, route: JanusProxyRoute): void {
    const upstream = new WebSocket(route.target, 'janus-protocol', { perMessageDeflate: false });
    const queued: string[] = [];
    const closeBoth = () => {
      if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close();
      if (upstream.readyState === WebSocket.OPEN) upstream.close();
      else if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
    };
    client.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) return;
      const text = JSON.stringify(route.apiSecret ? { ...message, apisecret: route.apiSecret } : message);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else if (queued.length < 100) queued.push(text);
    });
    upstream.on('open', () => {
      for (const text of queued.splice(0)) upstream.send(text);
    });
    upstream.on('message', (data: RawData, isBinary: boolean) => {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    });
    upstream.on('error', (error) => {
      options.log?.warn(`janus proxy ${route.path}: ${error.message}`);
      closeBoth();
    });
    client.on('error', closeBoth);
    upstream.on('close', closeBoth);
    client.on('close', closeBoth);
  }

  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const listener of others) if (!server.listeners('upgrade').includes(listener)) server.on('upgrade', listener);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
