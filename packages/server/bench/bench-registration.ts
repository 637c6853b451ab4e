/**
 * Benchmark (not a test): starts the real product on PostgreSQL and on PGlite, fires 1,000
 * concurrent registrations at an edition of 102 seats, then 50 concurrent cancellations, and
 * prints per store what came out and how fast.
 *
 *   npm run bench:registration        (starts its own throw-away PostgreSQL)
 *
 * Targets (issue 2): exactly 102 confirmed and 898 waitlisted at positions 1..898, 50 promotions
 * after the cancellations, zero errors, >= 500 registrations/s and p99 < 250 ms on PostgreSQL.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, productAdmin, startProduct, withFreshPostgresDatabase } from '../test/live-product.js';

const REGISTRATIONS = 1000;
const CAPACITY = 102;
const CANCELLATIONS = 50;

interface Timed<T> {
  ms: number;
  status: number;
  body: T;
}

async function startBenchProduct(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; exited: Promise<void>; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-bench-'));
  // Video off: this measures registration, not a Janus starting beside it.
  const product = await startProduct({ port: await freePort(), dataDir, env: { TABLEHOP_MEDIA: 'off', ...env } });
  return { ...product, dataDir };
}

// Plain node:http with one connection per request in flight: lighter on the client than fetch, so
// the figures measure the server rather than the benchmark.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function timed<T>(url: string, body: unknown): Promise<Timed<T>> {
  const start = performance.now();
  const payload = JSON.stringify(body);
  return new Promise((done) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ ms: performance.now() - start, status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as T }),
        );
      },
    );
    req.on('error', (error) => done({ ms: performance.now() - start, status: 0, body: { error: String(error) } as T }));
    req.end(payload);
  });
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

async function runAgainst(label: string, env: Record<string, string>) {
  const { url, child, exited, dataDir } = await startBenchProduct(env);
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

    // 1,000 registrations, all in flight at once.
    const started = performance.now();
    const registrations = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, i) =>
        timed<RegistrationResult>(`${url}/api/editions/${edition.id}/registrations`, {
          name: `Bench Person ${i}`,
          email: `bench${i}@example.com`,
          company: `Company ${i % 40}`,
          consent: true,
        }),
      ),
    );
    const registrationSeconds = (performance.now() - started) / 1000;
    const ok = registrations.filter((r) => r.status === 201).map((r) => r.body);
    const confirmed = ok.filter((r) => r.status === 'confirmed');
    const waitlisted = ok.filter((r) => r.status === 'waitlisted');
    const positions = waitlisted.map((r) => r.waitlistPosition ?? -1);
    const duplicates = positions.length - new Set(positions).size;
    const missing = Array.from({ length: waitlisted.length }, (_, i) => i + 1).filter((p) => !positions.includes(p)).length;

    // 50 cancellations of confirmed seats, all at once: each must promote the next on the list.
    const firstWaiting = new Set(waitlisted.filter((r) => (r.waitlistPosition ?? 0) <= CANCELLATIONS).map((r) => r.id));
    const cancelStarted = performance.now();
    const cancellations = await Promise.all(
      confirmed.slice(0, CANCELLATIONS).map((r) => timed(`${url}/api/registrations/${r.id}/cancel`, { manageToken: r.manageToken })),
    );
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
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows = [];
const adminUrl = process.env.TABLEHOP_BENCH_DATABASE_URL ?? process.env.TABLEHOP_TEST_DATABASE_URL;
if (adminUrl) rows.push(await withFreshPostgresDatabase(adminUrl, 'tablehop_bench', (url) => runAgainst('PostgreSQL', { DATABASE_URL: url })));
else console.error('no PostgreSQL URL (run through npm run bench:registration): PostgreSQL skipped');
rows.push(await runAgainst('PGlite', {}));

console.log(
  `\n${REGISTRATIONS} concurrent registrations for ${CAPACITY} seats, then ${CANCELLATIONS} concurrent cancellations (${new Date().toISOString()})`,
);
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
