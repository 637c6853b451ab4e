import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createLiveClient, PROTOCOL_VERSION, type LiveClient } from '@tablehop/protocol';
import { buildApp } from '../src/app.js';
import { broadcastEvent, createFakeLiveEngine } from './live-fake-engine.js';
import { createRecordingMailer } from './recording-mailer.js';
import { freshPgliteDatabase, ORGANIZER } from './test-app.js';

const EDITION = '00000000-0000-4000-8000-000000000001';
const PUBLIC_URL = 'http://tablehop.test';
const ANNA = { personId: 'anna', role: 'participant' as const, name: 'Anna', token: 'anna-join-token-0123456789' };

/** The real app and `GET /api/live` on 127.0.0.1, with the fake engine behind the port. */
describe('GET /api/live over a real WebSocket (fake engine)', () => {
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  let url: string;
  let fake: ReturnType<typeof createFakeLiveEngine>;
  let cookie: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const db = await freshPgliteDatabase();
    const built = await buildApp({
      db,
      clock: { now: () => new Date() },
      mailer: createRecordingMailer(),
      publicUrl: PUBLIC_URL,
      rateLimit: false,
      logger: false,
      liveEngine: undefined,
    });
    const organizer = await built.services.auth.ensureOrganizer(ORGANIZER.email, ORGANIZER.password);
    await built.app.close();
    fake = createFakeLiveEngine(EDITION, [ANNA, { personId: organizer.id, role: 'host', name: 'Host' }]);
    // Built again on the same database, now with the fake engine behind the live route.
    ({ app } = await buildApp({
      db,
      clock: { now: () => new Date() },
      mailer: createRecordingMailer(),
      publicUrl: PUBLIC_URL,
      rateLimit: false,
      logger: false,
      liveEngine: fake.engine,
    }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/live`;
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: ORGANIZER });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await app?.close();
  });

  function connectClient(auth: { kind: 'join'; token: string } | { kind: 'staff' }, headers: Record<string, string> = {}) {
    const sockets: WebSocket[] = [];
    const client = createLiveClient({
      url,
      editionId: EDITION,
      auth,
      createSocket: (u) => {
        const socket = new WebSocket(u, { headers });
        sockets.push(socket);
        return socket;
      },
      backoffBaseMs: 20,
    });
    clients.push(client);
    const events: number[] = [];
    client.onEvent((_event, seq) => events.push(seq));
    client.connect();
    return { client, events, sockets };
  }

  const until = async (check: () => boolean, ms = 5_000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  test('a participant connects, receives numbered events, and after its socket is cut resumes without losing or repeating one', async () => {
    const { client, events, sockets } = connectClient({ kind: 'join', token: ANNA.token });
    await until(() => client.status === 'open');
    // Statuses are recorded as they happen: a poll could miss a reconnection that takes a few ms.
    const statuses: string[] = [];
    client.onStatus((status) => statuses.push(status));
    fake.emit(broadcastEvent('1'));
    fake.emit(broadcastEvent('2'));
    await until(() => events.length === 2);
    // The network drops: the socket dies without a close handshake (the server sees 1006).
    sockets[0]!.terminate();
    fake.emit(broadcastEvent('3 (while away)'));
    await until(() => statuses.includes('reconnecting'));
    fake.emit(broadcastEvent('4 (while away)'));
    await until(() => client.status === 'open' && events.length === 4);
    fake.emit(broadcastEvent('5'));
    await until(() => events.length === 5);
    expect(events).toEqual([1, 2, 3, 4, 5]);
    expect(client.stats).toMatchObject({ welcomes: 1, resumes: 1, duplicates: 0, gaps: 0 });
    client.close();
  });

  test('a host connects with the session cookie from the right origin and runs a command', async () => {
    const { client, events } = connectClient({ kind: 'staff' }, { cookie, origin: PUBLIC_URL });
    await until(() => client.status === 'open');
    expect(await client.send({ type: 'broadcast', text: 'Welcome all' })).toEqual({ ok: true });
    expect(events).toEqual([1]);
    expect(await client.send({ type: 'end_event' })).toMatchObject({ ok: false, error: { code: 'ERR_CONFLICT' } });
    client.close();
  });

  test('refuses the session cookie from a page of another origin (cross-site WebSocket hijacking)', async () => {
    const { client } = connectClient({ kind: 'staff' }, { cookie, origin: 'https://evil.example' });
    await until(() => client.status === 'closed');
    expect(client.refused?.code).toBe('ERR_FORBIDDEN');
  });

  test('refuses a wrong join token and does not retry', async () => {
    const { client } = connectClient({ kind: 'join', token: 'w'.repeat(32) });
    await until(() => client.status === 'closed');
    expect(client.refused?.code).toBe('ERR_INVALID_TOKEN');
    expect(client.stats.connects).toBe(1);
  });

  test('closes the connection on a frame over 16 KB (1009)', async () => {
    const socket = new WebSocket(url);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(
      JSON.stringify({
        type: 'hello',
        protocolVersion: PROTOCOL_VERSION,
        editionId: EDITION,
        auth: { kind: 'join', token: ANNA.token },
        pad: 'x'.repeat(17_000),
      }),
    );
    expect(await closed).toBe(1009);
  });
});
