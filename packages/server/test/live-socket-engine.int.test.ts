import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createLiveClient, type LiveClient, type LiveEvent, type LiveSnapshot } from '@tablehop/protocol';
import { createLiveFixture, type LiveFixture } from './live-fixture.js';
import { createTestApp, ORGANIZER, type TestApp } from './test-app.js';

/** The transport through the real engine: the whole app in-process, a real WebSocket on 127.0.0.1. */
let t: TestApp;
let url: string;
let fixture: LiveFixture;
let cookie: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/live`;
  fixture = await createLiveFixture(t, 12, 2);
  const login = await t.app.inject({ method: 'POST', url: '/api/login', payload: ORGANIZER });
  cookie = String(login.headers['set-cookie']).split(';')[0]!;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await t?.close();
});

const until = async (what: string, check: () => boolean, ms = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

function connect(auth: { kind: 'join'; token: string } | { kind: 'staff' }, headers: Record<string, string> = {}) {
  const sockets: WebSocket[] = [];
  const client = createLiveClient({
    url,
    editionId: fixture.editionId,
    auth,
    createSocket: (u) => {
      const socket = new WebSocket(u, { headers });
      sockets.push(socket);
      return socket;
    },
    backoffBaseMs: 20,
  });
  clients.push(client);
  const state = { snapshot: null as LiveSnapshot | null, seat: null as LiveSnapshot['seat'], events: [] as LiveEvent[] };
  client.onSnapshot((snapshot) => {
    state.snapshot = snapshot;
    state.seat = snapshot.seat;
  });
  client.onEvent((event) => {
    state.events.push(event);
    if (event.type === 'seat_assigned') state.seat = event.seat;
  });
  client.connect();
  return { client, state, sockets };
}

test('participants and the host run a round over the live connection; a dropped participant resumes at its table', { timeout: 60_000 }, async () => {
  const host = connect({ kind: 'staff' }, { cookie, origin: 'http://tablehop.test' });
  const people = fixture.participants.map((p) => connect({ kind: 'join', token: p.token }));
  await until('everyone connected', () => [host, ...people].every((c) => c.client.status === 'open'));
  expect(people[0]!.state.snapshot?.you.role).toBe('participant');
  expect(host.state.snapshot?.you.role).toBe('host');

  // A participant may not steer the event.
  expect(await people[0]!.client.send({ type: 'end_round_now' })).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN' } });
  for (const type of ['open_doors', 'start_now', 'start_now'] as const) expect(await host.client.send({ type })).toEqual({ ok: true });
  await until('round 1 seated', () => people.every((p) => p.state.seat?.round === 1));

  // The network of one participant drops; it comes back to the same table without a fresh snapshot.
  const dropped = people[3]!;
  const table = dropped.state.seat!.table;
  // Statuses are recorded as they happen: a poll could miss a reconnection that takes a few ms.
  const statuses: string[] = [];
  dropped.client.onStatus((status) => statuses.push(status));
  dropped.sockets[0]!.terminate();
  await until('the drop noticed', () => statuses.includes('reconnecting'));
  expect(await host.client.send({ type: 'broadcast', text: 'Round 1 is about to start' })).toEqual({ ok: true });
  await until('the resume', () => dropped.client.status === 'open' && dropped.state.events.some((e) => e.type === 'broadcast'));
  expect(dropped.client.stats).toMatchObject({ welcomes: 1, resumes: 1, gaps: 0, duplicates: 0 });
  expect(dropped.state.seat?.table).toBe(table);

  // A participant learns only about its own table.
  for (const p of people) expect(p.state.seat!.cards.map((c) => c.personId)).toContain(p.state.snapshot!.you.personId);
});
