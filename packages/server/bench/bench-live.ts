/**
 * Benchmark (not a test): N live clients — participants and moderators, in worker processes apart
 * from the server — join one edition of the real product (a child process, on PostgreSQL), go
 * through 3 round switches started by the host, and the script prints how long it took until the
 * last client knew its new table, what the server spent per connection, and lost or duplicated
 * events.
 *
 *   npm run bench:live -- --clients 10000 [--workers 4] [--moderators M]
 *   (BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server process.)
 *
 * Targets (issue 4): 10,000 clients, round switch p99 < 1,000 ms, zero lost events, server memory
 * < 100 KB per connection. Its last line is `round_switch_p99_ms=<number>`.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createLiveClient, type LiveClient, type LiveCommand, type LiveEvent } from '@tablehop/protocol';
import { freePort, liveUrlOf, loginOrganizer, setUpLiveEdition, startProduct, withFreshPostgresDatabase } from '../test/live-product.js';

const thisFile = fileURLToPath(import.meta.url);
const wallNow = () => performance.timeOrigin + performance.now();

interface ClientSpec {
  auth: { kind: 'join'; token: string } | { kind: 'staff' };
  cookie?: string;
  role: 'participant' | 'moderator';
}

type ToWorker =
  | { type: 'start'; url: string; editionId: string; clients: ClientSpec[]; concurrency: number }
  | { type: 'await_round'; round: number; timeoutMs: number }
  | { type: 'await_broadcast'; text: string; timeoutMs: number };

type FromWorker =
  | { type: 'connected'; open: number; failed: number }
  | { type: 'round'; round: number; times: number[]; missing: { participant: number; moderator: number } }
  | { type: 'final'; received: number; gaps: number; duplicates: number; rewelcomes: number; resumes: number; connects: number; open: number };

// ------------------------------------------------------------------------------------------ worker

function runWorker(): void {
  interface Tracked {
    spec: ClientSpec;
    client: LiveClient;
    /** When this client learned its table of each round (wall clock, ms). */
    seatedAt: Map<number, number>;
    broadcasts: Set<string>;
  }
  const tracked: Tracked[] = [];

  const waitFor = async (check: () => boolean, timeoutMs: number) => {
    const started = Date.now();
    while (!check() && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  };

  process.on('message', (message: ToWorker) => {
    void (async () => {
      if (message.type === 'start') {
        let next = 0;
        const openOne = async () => {
          while (next < message.clients.length) {
            const spec = message.clients[next++]!;
            const client = createLiveClient({
              url: liveUrlOf(message.url),
              editionId: message.editionId,
              auth: spec.auth,
              createSocket: (u) => new WebSocket(u, { perMessageDeflate: false, ...(spec.cookie ? { headers: { cookie: spec.cookie } } : {}) }),
            });
            const entry: Tracked = { spec, client, seatedAt: new Map(), broadcasts: new Set() };
            client.onEvent((event: LiveEvent) => {
              if (event.type === 'seat_assigned' && event.seat && event.reason === 'round_seated' && !entry.seatedAt.has(event.seat.round))
                entry.seatedAt.set(event.seat.round, wallNow());
              if (event.type === 'broadcast') entry.broadcasts.add(event.broadcast.text);
            });
            tracked.push(entry);
            client.connect();
            await waitFor(() => client.status === 'open' || client.status === 'closed', 60_000);
          }
        };
        await Promise.all(Array.from({ length: message.concurrency }, openOne));
        const open = tracked.filter((t) => t.client.status === 'open').length;
        process.send!({ type: 'connected', open, failed: tracked.length - open } satisfies FromWorker);
      } else if (message.type === 'await_round') {
        // Participants must all be seated; moderators only as many as there are tables (the rest wait).
        const participants = tracked.filter((t) => t.spec.role === 'participant');
        await waitFor(() => participants.every((t) => t.seatedAt.has(message.round)), message.timeoutMs);
        await new Promise((r) => setTimeout(r, 200));
        const times = tracked.filter((t) => t.seatedAt.has(message.round)).map((t) => t.seatedAt.get(message.round)!);
        const missing = {
          participant: participants.filter((t) => !t.seatedAt.has(message.round)).length,
          moderator: tracked.filter((t) => t.spec.role === 'moderator' && !t.seatedAt.has(message.round)).length,
        };
        process.send!({ type: 'round', round: message.round, times, missing } satisfies FromWorker);
      } else if (message.type === 'await_broadcast') {
        await waitFor(() => tracked.every((t) => t.broadcasts.has(message.text)), message.timeoutMs);
        const sum = (f: (t: Tracked) => number) => tracked.reduce((n, t) => n + f(t), 0);
        process.send!({
          type: 'final',
          received: tracked.filter((t) => t.broadcasts.has(message.text)).length,
          gaps: sum((t) => t.client.stats.gaps),
          duplicates: sum((t) => t.client.stats.duplicates),
          rewelcomes: sum((t) => Math.max(0, t.client.stats.welcomes - 1)),
          resumes: sum((t) => t.client.stats.resumes),
          connects: sum((t) => t.client.stats.connects),
          open: tracked.filter((t) => t.client.status === 'open').length,
        } satisfies FromWorker);
        for (const t of tracked) t.client.close();
        setTimeout(() => process.exit(0), 500);
      }
    })();
  });
}

// ------------------------------------------------------------------------------------------ parent

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

/**
 * Re-runs this script under `ulimit -n 65536` when the descriptor limit is too low for N sockets.
 * Node raises its soft limit to the hard one at startup (and children inherit it), so the hard
 * limit is what counts; raising it needs root.
 */
function ensureFileDescriptors(needed: number): void {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const [, soft = '0', hard = '0'] = /Max open files\s+(\S+)\s+(\S+)/.exec(limits) ?? [];
  const limit = Math.max(Number(soft) || Infinity, Number(hard) || Infinity);
  if (limit >= needed) return;
  if (process.env.BENCH_LIVE_REEXEC) {
    console.error(`warning: at most ${limit} file descriptors for ${needed} needed; connections may fail`);
    return;
  }
  console.error(`file descriptor limit ${limit} < ${needed}: re-running under ulimit -n 65536`);
  const result = spawnSync(
    'bash',
    [
      '-c',
      'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"',
      'bench',
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, BENCH_LIVE_REEXEC: '1' } },
  );
  process.exit(result.status ?? 1);
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function readProcess(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssBytes: rssKb * 1024 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

async function waitForMailOutbox(url: string): Promise<void> {
  // The confirmation mails of N registrations are rendered by the server's mail worker; let it
  // finish first so that it does not run during the measurements.
  for (let i = 0; i < 1200; i++) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { components: Record<string, { detail?: string }> };
    const pending = Number(/pending (\d+)/.exec(health.components.mail?.detail ?? '')?.[1] ?? 0);
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runParent(): Promise<void> {
  const clients = argument('clients', 10_000);
  const workerCount = Math.max(1, argument('workers', 4));
  const moderatorCount = argument('moderators', Math.max(1, Math.round(clients / 7)));
  const participantCount = clients - moderatorCount;
  if (participantCount < 1) throw new Error('--moderators must be fewer than --clients');
  ensureFileDescriptors(clients + 2048);

  const adminUrl = process.env.TABLEHOP_BENCH_DATABASE_URL ?? process.env.TABLEHOP_TEST_DATABASE_URL;
  if (!adminUrl) console.error('no PostgreSQL URL (run through npm run bench:live): using PGlite');
  const run = async (databaseUrl: string | undefined) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-bench-live-'));
    const port = await freePort();
    const workers: ChildProcess[] = [];
    const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
    const product = await startProduct({
      port,
      dataDir,
      env: databaseUrl ? { DATABASE_URL: databaseUrl } : {},
      // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server alone.
      nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    });
    try {
      const organizer = await loginOrganizer(product.url);
      let started = performance.now();
      const setup = await setUpLiveEdition(product.url, dataDir, organizer, {
        participants: participantCount,
        moderators: moderatorCount,
        rounds: 4,
        concurrency: 128,
      });
      log(`${participantCount} registrations and ${moderatorCount} moderators set up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      await waitForMailOutbox(product.url);
      log(`mail outbox drained in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const specs: ClientSpec[] = [
        ...setup.participants.map((p): ClientSpec => ({ auth: { kind: 'join', token: p.token }, role: 'participant' })),
        ...setup.moderators.map((m): ClientSpec => ({ auth: { kind: 'staff' }, cookie: m.cookie, role: 'moderator' })),
      ];
      const slices: ClientSpec[][] = Array.from({ length: workerCount }, () => []);
      specs.forEach((spec, i) => slices[i % workerCount]!.push(spec));

      const pid = product.child.pid!;
      const base = readProcess(pid);
      // Every reply of a worker is queued; askAll sends a message to all and takes one reply of each.
      const replies = new Map<ChildProcess, FromWorker[]>();
      for (let i = 0; i < workerCount; i++) {
        const worker = fork(thisFile, ['--worker'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        replies.set(worker, []);
        worker.on('message', (message: FromWorker) => replies.get(worker)!.push(message));
        workers.push(worker);
      }
      const nextQueued = async (worker: ChildProcess): Promise<FromWorker> => {
        for (;;) {
          const queued = replies.get(worker)!;
          if (queued.length > 0) return queued.shift()!;
          if (worker.exitCode !== null) throw new Error('a benchmark worker exited');
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      const askAll = async <T extends FromWorker>(message: ToWorker): Promise<T[]> => {
        for (const w of workers) w.send(message);
        return (await Promise.all(workers.map(nextQueued))) as T[];
      };

      started = performance.now();
      const connecting = workers.map((w, i) => {
        w.send({ type: 'start', url: product.url, editionId: setup.editionId, clients: slices[i]!, concurrency: 64 } satisfies ToWorker);
        return nextQueued(w) as Promise<Extract<FromWorker, { type: 'connected' }>>;
      });
      const opened = await Promise.all(connecting);
      const connectSeconds = (performance.now() - started) / 1000;
      const open = opened.reduce((n, r) => n + r.open, 0);
      const failed = opened.reduce((n, r) => n + r.failed, 0);
      log(`${open} clients connected (${failed} failed) in ${connectSeconds.toFixed(1)} s`);

      // The host, in this process.
      const host = createLiveClient({
        url: liveUrlOf(product.url),
        editionId: setup.editionId,
        auth: { kind: 'staff' },
        createSocket: (u) => new WebSocket(u, { headers: { cookie: organizer.cookie } }),
      });
      host.connect();
      while (host.status !== 'open') await new Promise((r) => setTimeout(r, 10));
      const hostRun = async (command: LiveCommand) => {
        const result = await host.send(command);
        if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
      };
      await new Promise((r) => setTimeout(r, 1000));
      const afterConnect = readProcess(pid);

      await hostRun({ type: 'open_doors' });
      await hostRun({ type: 'start_now' }); // plenary
      const switches: {
        round: number;
        command: string;
        resultMs: number;
        latencies: number[];
        missing: number;
        moderatorsUnseated: number;
        cpuSeconds: number;
      }[] = [];
      for (let round = 1; round <= 3; round++) {
        const command: LiveCommand = round === 1 ? { type: 'start_now' } : { type: 'end_round_now' };
        const cpuBefore = readProcess(pid).cpuSeconds;
        const t0 = wallNow();
        await hostRun(command);
        const resultMs = wallNow() - t0;
        const answers = await askAll<Extract<FromWorker, { type: 'round' }>>({ type: 'await_round', round, timeoutMs: 30_000 });
        const latencies = answers.flatMap((a) => a.times.map((t) => t - t0)).sort((a, b) => a - b);
        switches.push({
          round,
          command: command.type,
          resultMs,
          latencies,
          missing: answers.reduce((n, a) => n + a.missing.participant, 0),
          moderatorsUnseated: answers.reduce((n, a) => n + a.missing.moderator, 0),
          cpuSeconds: readProcess(pid).cpuSeconds - cpuBefore,
        });
        log(`round ${round} seated (${command.type}): last client after ${latencies[latencies.length - 1]?.toFixed(0)} ms`);
        await hostRun({ type: 'start_now' }); // the round runs
      }
      const end = readProcess(pid);
      const finalText = `bench-end-${Date.now()}`;
      await hostRun({ type: 'broadcast', text: finalText });
      const finals = await askAll<Extract<FromWorker, { type: 'final' }>>({ type: 'await_broadcast', text: finalText, timeoutMs: 30_000 });
      host.close();
      const sum = (f: (r: Extract<FromWorker, { type: 'final' }>) => number) => finals.reduce((n, r) => n + f(r), 0);

      const all = switches.flatMap((s) => s.latencies).sort((a, b) => a - b);
      const perConnection = (afterConnect.rssBytes - base.rssBytes) / Math.max(1, open);
      const ms = (v: number) => Math.round(v);
      console.log(
        `\nlive benchmark: ${clients} clients (${participantCount} participants, ${moderatorCount} moderators) in ${workerCount} worker processes, ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (${new Date().toISOString()})`,
      );
      console.table(
        switches.map((s) => ({
          switch: `round ${s.round} (${s.command})`,
          'clients seated': s.latencies.length,
          'participants missing': s.missing,
          'host result ms': ms(s.resultMs),
          'p50 ms': ms(percentile(s.latencies, 50)),
          'p95 ms': ms(percentile(s.latencies, 95)),
          'p99 ms': ms(percentile(s.latencies, 99)),
          'max ms': ms(s.latencies[s.latencies.length - 1] ?? NaN),
          'server CPU s': s.cpuSeconds.toFixed(2),
        })),
      );
      const rows: [string, string][] = [
        ['connected clients', `${open} of ${clients} (${failed} failed; connected in ${connectSeconds.toFixed(1)} s)`],
        [
          'round switch (all 3) p50 / p95 / p99 / max',
          `${ms(percentile(all, 50))} / ${ms(percentile(all, 95))} / ${ms(percentile(all, 99))} / ${ms(all[all.length - 1] ?? NaN)} ms`,
        ],
        ['moderators without a table (per switch)', switches.map((s) => s.moderatorsUnseated).join(' / ')],
        [
          'server RSS before / after connecting',
          `${(base.rssBytes / 2 ** 20).toFixed(0)} MB / ${(afterConnect.rssBytes / 2 ** 20).toFixed(0)} MB (end ${(end.rssBytes / 2 ** 20).toFixed(0)} MB)`,
        ],
        [
          'server memory per connection (after connecting / at the end)',
          `${(perConnection / 1024).toFixed(1)} KB / ${((end.rssBytes - base.rssBytes) / Math.max(1, open) / 1024).toFixed(1)} KB`,
        ],
        [
          'server CPU: connecting / per connection',
          `${(afterConnect.cpuSeconds - base.cpuSeconds).toFixed(2)} s / ${(((afterConnect.cpuSeconds - base.cpuSeconds) / Math.max(1, open)) * 1e6).toFixed(0)} µs`,
        ],
        ['server CPU: 3 round switches', `${switches.reduce((n, s) => n + s.cpuSeconds, 0).toFixed(2)} s`],
        ['final broadcast received', `${sum((r) => r.received)} of ${open}`],
        ['lost events (seq gaps) / duplicates', `${sum((r) => r.gaps)} / ${sum((r) => r.duplicates)}`],
        [
          'fresh snapshots after the first / resumes / sockets opened',
          `${sum((r) => r.rewelcomes)} / ${sum((r) => r.resumes)} / ${sum((r) => r.connects)}`,
        ],
      ];
      for (const [name, value] of rows) console.log(`${name.padEnd(58)} ${value}`);
      const p99 = percentile(all, 99);
      const targets: [string, boolean][] = [
        [`${clients} clients connected`, open === clients],
        ['p99 < 1,000 ms', p99 < 1000],
        [
          'zero lost events',
          sum((r) => r.gaps) === 0 && sum((r) => r.rewelcomes) === 0 && sum((r) => r.received) === open && switches.every((s) => s.missing === 0),
        ],
        ['< 100 KB per connection', perConnection < 100 * 1024],
      ];
      for (const [name, met] of targets) console.log(`${met ? 'met    ' : 'MISSED '} ${name}`);
      console.log(`round_switch_p99_ms=${Number.isFinite(p99) ? Math.round(p99) : -1}`);
    } finally {
      for (const w of workers) w.kill('SIGKILL');
      product.child.kill('SIGTERM');
      await product.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  if (adminUrl) await withFreshPostgresDatabase(adminUrl, 'tablehop_bench_live', run);
  else await run(undefined);
}

if (process.argv.includes('--worker')) runWorker();
else await runParent();
