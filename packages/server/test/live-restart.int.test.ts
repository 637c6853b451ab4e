import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createLiveClient, type LiveClient, type LiveCommand, type LiveEvent, type LiveSnapshot } from '@tablehop/protocol';
import { testDatabaseUrlVar } from './test-databases.js';
import { freePort, liveUrlOf, loginOrganizer, setUpLiveEdition, startProduct, type Product } from './live-product.js';

/**
 * Issue 4, Proof: the real product in a child process is killed (SIGKILL) during a round and
 * started again on the same data. The clients, left alone, reconnect; everyone is back at the same
 * table, the remaining time is right within 1 s, and nothing recorded is lost.
 */

interface Watched {
  name: string;
  client: LiveClient;
  /** The state as this client knows it: the snapshot with every event applied that matters here. */
  view: { seat: LiveSnapshot['seat']; timer: LiveSnapshot['timer'] | null; snapshot: LiveSnapshot | null };
}

function watch(name: string, client: LiveClient): Watched {
  const watched: Watched = { name, client, view: { seat: null, timer: null, snapshot: null } };
  client.onSnapshot((snapshot) => {
    watched.view = { seat: snapshot.seat, timer: snapshot.timer, snapshot };
  });
  client.onEvent((event: LiveEvent) => {
    if (event.type === 'seat_assigned') watched.view.seat = event.seat;
    if (event.type === 'timer_changed') watched.view.timer = event.timer;
  });
  return watched;
}

const until = async (what: string, check: () => boolean, ms = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

interface Run {
  dataDir: string;
  env: Record<string, string>;
  clients: LiveClient[];
  product: Product | undefined;
  cleanUp(): Promise<void>;
}

/** The data folder (PGlite lives there) and, for PostgreSQL, a fresh database on the test server. */
async function prepare(backend: 'PGlite' | 'PostgreSQL'): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-restart-'));
  const run: Run = { dataDir, env: {}, clients: [], product: undefined, cleanUp: async () => undefined };
  const adminUrl = process.env[testDatabaseUrlVar];
  if (backend === 'PostgreSQL' && adminUrl) {
    const name = `tablehop_restart_${randomBytes(6).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    run.env = { DATABASE_URL: url.toString() };
    run.cleanUp = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return run;
}

async function finish(run: Run | undefined): Promise<void> {
  if (!run) return;
  for (const client of run.clients) client.close();
  if (run.product) {
    run.product.child.kill('SIGKILL');
    await run.product.exited;
  }
  rmSync(run.dataDir, { recursive: true, force: true });
  await run.cleanUp();
}

const backends = process.env[testDatabaseUrlVar] ? (['PGlite', 'PostgreSQL'] as const) : (['PGlite'] as const);

describe.each(backends)('restart on %s', (backend) => {
  let current: Run | undefined;
  afterAll(() => finish(current));

  test(
    'a SIGKILLed server comes back with everyone at the same table, the same remaining time and nothing recorded lost',
    { timeout: 60_000 },
    async () => {
      const prepared = (current = await prepare(backend));
      const { dataDir, clients } = prepared;
      let product: Product;
      const port = await freePort();
      product = prepared.product = await startProduct({ port, dataDir, env: prepared.env });
      const organizer = await loginOrganizer(product.url);
      const setup = await setUpLiveEdition(product.url, dataDir, organizer, { participants: 18, moderators: 3, rounds: 3, roundMinutes: 12 });

      const connect = (name: string, auth: { kind: 'join'; token: string } | { kind: 'staff' }, cookie?: string) => {
        const client = createLiveClient({
          url: liveUrlOf(product.url),
          editionId: setup.editionId,
          auth,
          createSocket: (u) => new WebSocket(u, cookie ? { headers: { cookie } } : {}),
        });
        clients.push(client);
        const watched = watch(name, client);
        client.connect();
        return watched;
      };
      const host = connect('host', { kind: 'staff' }, organizer.cookie);
      const moderators = setup.moderators.map((m, i) => connect(`moderator ${i + 1}`, { kind: 'staff' }, m.cookie));
      const participants = setup.participants.map((p, i) => connect(`participant ${i + 1}`, { kind: 'join', token: p.token }));
      const everyone = [host, ...moderators, ...participants];
      await until('everyone connected', () => everyone.every((w) => w.client.status === 'open'));

      const run = async (command: LiveCommand, by: Watched = host) => expect(await by.client.send(command)).toEqual({ ok: true });
      await run({ type: 'open_doors' });
      await run({ type: 'start_now' }); // plenary
      await run({ type: 'start_now' }); // round 1 seated, people moving
      await run({ type: 'start_now' }); // round 1 running
      const seated = [...moderators, ...participants];
      await until(
        'round 1 running everywhere',
        () => everyone.every((w) => w.view.timer?.phase === 'round') && seated.every((w) => w.view.seat?.round === 1),
      );

      // Things the engine records, each confirmed (command_result ok = committed).
      await run({ type: 'broadcast', text: 'Welcome to round 1' });
      await run({ type: 'save_note', text: 'Table is lively' }, moderators[0]);
      await run({ type: 'request_help', text: 'My camera is off' }, moderators[1]);
      await run({ type: 'extend_round', minutes: 2 });
      await until('the extended timer everywhere', () => everyone.every((w) => w.view.timer?.endsAt === host.view.timer?.endsAt));

      const before = new Map(seated.map((w) => [w.name, w.view.seat?.table]));
      const endsAt = host.view.timer!.endsAt!;
      const welcomesBefore = everyone.map((w) => w.client.stats.welcomes);

      product.child.kill('SIGKILL');
      await product.exited;
      await until('every client noticing', () => everyone.every((w) => w.client.status === 'reconnecting'), 10_000);
      product = prepared.product = await startProduct({ port, dataDir, env: prepared.env });

      // Nobody is told to reconnect: the clients do it by themselves and get a fresh snapshot.
      await until(
        'everyone back',
        () => everyone.every((w, i) => w.client.status === 'open' && w.client.stats.welcomes === welcomesBefore[i]! + 1),
        30_000,
      );

      for (const w of seated)
        expect({ who: w.name, table: w.view.seat?.table, round: w.view.seat?.round }).toEqual({ who: w.name, table: before.get(w.name), round: 1 });
      for (const w of everyone) {
        expect(w.view.timer?.phase).toBe('round');
        // The deadline survived (same instant), and so the remaining time each client shows on the server's clock.
        expect(Math.abs(w.view.timer!.endsAt! - endsAt)).toBeLessThan(1000);
        const remaining = w.view.timer!.endsAt! - w.client.serverNow();
        expect(Math.abs(remaining - (endsAt - Date.now()))).toBeLessThan(1000);
      }
      const hostSnapshot = host.view.snapshot!;
      expect(hostSnapshot.broadcasts.map((b) => b.text)).toContain('Welcome to round 1');
      expect(hostSnapshot.help.map((h) => h.text)).toContain('My camera is off');
      expect(moderators[0]!.view.snapshot!.notes).toBe('Table is lively');
      expect(hostSnapshot.staff!.tables.flatMap((t) => t.participants.map((p) => p.personId)).sort()).toEqual(
        setup.participants.map((p) => p.id).sort(),
      );

      // And the event goes on: the next round can be started.
      await run({ type: 'end_round_now' });
      await until('round 2 seated', () => seated.every((w) => w.view.seat?.round === 2));
    },
  );
});
