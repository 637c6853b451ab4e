/**
 * Benchmark (not a test): starts the real product on PostgreSQL and on PGlite, fires 1,000
 * concurrent registrations at an edition of 102 seats, then 50 concurrent cancellations, and
 * prints per store what came out and how fast.
 *
 *   npm run bench:registration        (starts its own throw-away PostgreSQL)
 *
 * Targets (issue 2): exactly 102 confirmed and 898 waitlisted at positions 1..898, 50 promotions
 * after the cancellations, zero errors, >= 500 registrations/s and p99 < 250 ms on PostgreSQL.
 *
 * How the 1,000 people arrive: each person has their own HTTP connection (one browser tab). They
 * first load the edition's public data (GET /api/public/editions/:id, as the registration page
 * does), 1,000 at once, and half a second later submit the form, all 1,000 at the same moment, over
 * the connection that loaded the page: a browser keeps that connection alive and reuses it for a
 * form on a page it just loaded from the same origin. Only the submissions are timed, each from the
 * moment the request is made until its whole response has arrived and is parsed; reg/s is 1,000
 * divided by the time from the first submission to the last response. The cancellations go over
 * the same people's connections. 'new conns' counts connections opened after the page loads (0 =
 * every submission and cancellation reused its page's connection).
 *
 * The load generator shares the machine's two cores with the product and PostgreSQL, so it is kept
 * light: a minimal HTTP/1.1 client (raw-http.ts) instead of node:http or fetch, which cost the
 * generator as much CPU as the product spent serving the requests. The 'cpu ms' column shows who
 * used the cores during the 1,000 submissions: this benchmark, the product, PostgreSQL.
 *
 *   TABLEHOP_BENCH_STORES=postgres         only PostgreSQL (or pglite); default both
 *   TABLEHOP_BENCH_COLD_CONNECTIONS=1      no page loads first: every submission opens a new TCP
 *                                          connection inside the timed window (a harsher case than
 *                                          a browser on the page; reported as such, same targets)
 *
 * The figures are wall-clock: on a machine busy with other work they are slower than the product.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, productAdmin, startProduct, withFreshPostgresDatabase } from '../test/live-product.js';
import { cpuMs, postgresPids } from './cpu-usage.js';
import { RawHttpConnection } from './raw-http.js';

const REGISTRATIONS = 1000;
const CAPACITY = 102;
const CANCELLATIONS = 50;
const COLD = process.env.TABLEHOP_BENCH_COLD_CONNECTIONS === '1';

async function startBenchProduct(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; exited: Promise<void>; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-bench-'));
  // Video off: this measures registration, not a Janus starting beside it.
  const product = await startProduct({ port: await freePort(), dataDir, env: { TABLEHOP_MEDIA: 'off', ...env } });
  return { ...product, dataDir };
}

const percentile = (values: number[], p: number) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

interface RegistrationResult {
  id: string;
  status: string;
  waitlistPosition: number | null;
  manageToken: string;
}

async function runAgainst(label: string, env: Record<string, string>, databasePort?: number) {
  const { url, child, exited, dataDir } = await startBenchProduct(env);
  const { hostname, port } = new URL(url);
  // One person, one browser tab: their own kept-alive connection.
  const people = Array.from({ length: REGISTRATIONS }, () => new RawHttpConnection(hostname, Number(port)));
  try {
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(productAdmin),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const organizer = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const series = (await (
      await fetch(`${url}/api/series`, {
        method: 'POST',
        headers: organizer,
        body: JSON.stringify({ name: 'Bench Friday', timeZone: 'Europe/Brussels', weekday: 5, startTime: '09:30', durationMinutes: 90 }),
      })
    ).json()) as { id: string };
    const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const edition = (await (
      await fetch(`${url}/api/series/${series.id}/editions`, {
        method: 'POST',
        headers: organizer,
        body: JSON.stringify({ startsAt, capacity: CAPACITY }),
      })
    ).json()) as { id: string };

    // 1,000 people open the registration page (not timed), each over their own connection ...
    if (!COLD) {
      const pages = await Promise.all(people.map((person) => person.request('GET', `/api/public/editions/${edition.id}`)));
      const pageErrors = pages.filter((p) => p.status !== 200).length;
      if (pageErrors > 0) throw new Error(`${pageErrors} page loads failed: ${JSON.stringify(pages.find((p) => p.status !== 200)?.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 500)); // reading the form
    }

    // ... and submit the form, all 1,000 at the same moment.
    const pids = { bench: process.pid, product: child.pid ?? 0, database: databasePort ? postgresPids(databasePort) : [] };
    const cpuBefore = cpuMs(pids);
    const started = performance.now();
    const registrations = await Promise.all(
      people.map((person, i) =>
        person.request<RegistrationResult>('POST', `/api/editions/${edition.id}/registrations`, {
          name: `Bench Person ${i}`,
          email: `bench${i}@example.com`,
          company: `Company ${i % 40}`,
          consent: true,
        }),
      ),
    );
    const registrationSeconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuMs(pids);
    const ok = registrations.filter((r) => r.status === 201).map((r) => r.body);
    const confirmed = ok.filter((r) => r.status === 'confirmed');
    const waitlisted = ok.filter((r) => r.status === 'waitlisted');
    const positions = waitlisted.map((r) => r.waitlistPosition ?? -1);
    const duplicates = positions.length - new Set(positions).size;
    const missing = Array.from({ length: waitlisted.length }, (_, i) => i + 1).filter((p) => !positions.includes(p)).length;

    // 50 cancellations of confirmed seats, all at once: each must promote the next on the list.
    const firstWaiting = new Set(waitlisted.filter((r) => (r.waitlistPosition ?? 0) <= CANCELLATIONS).map((r) => r.id));
    const cancelStarted = performance.now();
    const personOf = new Map(registrations.map((r, i) => [r.body.id, people[i]!]));
    const cancellations = await Promise.all(
      confirmed
        .slice(0, CANCELLATIONS)
        .map((r) => personOf.get(r.id)!.request('POST', `/api/registrations/${r.id}/cancel`, { manageToken: r.manageToken })),
    );
    const extraConnections = people.reduce((sum, person) => sum + person.opened - (COLD ? 0 : 1), 0);
    const cancelSeconds = (performance.now() - cancelStarted) / 1000;
    const list = (await (await fetch(`${url}/api/editions/${edition.id}/registrations`, { headers: organizer })).json()) as {
      registrations: RegistrationResult[];
    };
    const promoted = list.registrations.filter((r) => firstWaiting.has(r.id) && r.status === 'confirmed').length;
    const finalConfirmed = list.registrations.filter((r) => r.status === 'confirmed').length;
    const finalWaiting = list.registrations.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition ?? -1);
    const finalPositionsOk = finalWaiting.toSorted((a, b) => a - b).every((p, i) => p === i + 1);

    const latencies = registrations.map((r) => r.ms);
    const cancelLatencies = cancellations.map((r) => r.ms);
    return {
      store: label,
      connections: COLD ? 'new per person' : 'page kept alive',
      confirmed: confirmed.length,
      waitlisted: waitlisted.length,
      'dup positions': duplicates,
      'missing positions': missing,
      errors: registrations.filter((r) => r.status !== 201).length + cancellations.filter((r) => r.status !== 200).length,
      'reg/s': Math.round(REGISTRATIONS / registrationSeconds),
      'p50 ms': Math.round(percentile(latencies, 50)),
      'p99 ms': Math.round(percentile(latencies, 99)),
      promoted,
      'cancel p99 ms': Math.round(percentile(cancelLatencies, 99)),
      'cancel/s': Math.round(CANCELLATIONS / cancelSeconds),
      'after: confirmed': finalConfirmed,
      'after: positions 1..n': finalPositionsOk ? 'yes' : 'NO',
      'new conns': extraConnections,
      'cpu ms bench/product/db': `${cpuAfter.bench - cpuBefore.bench}/${cpuAfter.product - cpuBefore.product}/${databasePort ? cpuAfter.database - cpuBefore.database : '-'}`,
    };
  } finally {
    for (const person of people) person.close();
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const stores = (process.env.TABLEHOP_BENCH_STORES ?? 'postgres,pglite').split(',');
const rows = [];
const adminUrl = process.env.TABLEHOP_BENCH_DATABASE_URL ?? process.env.TABLEHOP_TEST_DATABASE_URL;
if (!stores.includes('postgres')) console.error('TABLEHOP_BENCH_STORES: PostgreSQL skipped');
else if (adminUrl)
  rows.push(
    await withFreshPostgresDatabase(adminUrl, 'tablehop_bench', (url) =>
      runAgainst('PostgreSQL', { DATABASE_URL: url }, Number(new URL(adminUrl).port)),
    ),
  );
else console.error('no PostgreSQL URL (run through npm run bench:registration): PostgreSQL skipped');
if (stores.includes('pglite')) rows.push(await runAgainst('PGlite', {}));

console.log(
  `\n${REGISTRATIONS} concurrent registrations for ${CAPACITY} seats, then ${CANCELLATIONS} concurrent cancellations (${new Date().toISOString()})`,
);
console.log(
  COLD
    ? 'Connections: none before the burst; every submission opens its own TCP connection inside the timed window.'
    : "Connections: each person's own, opened and kept alive when they loaded the edition page (page loads not timed).",
);
console.log('Latency: from making a submission to its whole response. reg/s: 1,000 / first submission to last response.');
console.log('cpu ms: CPU time used during the 1,000 submissions by this benchmark / the product / PostgreSQL (2 cores shared).');
console.table(rows);
const pgRow = rows.find((r) => r.store === 'PostgreSQL');
if (pgRow) {
  const targets = [
    ['102 confirmed', pgRow.confirmed === CAPACITY],
    ['898 waitlisted at 1..898', pgRow.waitlisted === REGISTRATIONS - CAPACITY && pgRow['dup positions'] === 0 && pgRow['missing positions'] === 0],
    ['50 promotions', pgRow.promoted === CANCELLATIONS],
    ['zero errors', pgRow.errors === 0],
    ['>= 500 registrations/s', pgRow['reg/s'] >= 500],
    ['p99 < 250 ms', pgRow['p99 ms'] < 250],
  ] as const;
  for (const [name, met] of targets) console.log(`${met ? 'met    ' : 'MISSED '} ${name} (PostgreSQL)`);
}
