import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real product as a child process, for the restart test and the live benchmark: `node --import
 * tsx packages/server/src/main.ts` (so the pid is the server itself, for /proc readings), and the
 * HTTP calls that set up a live edition through the public API.
 */

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
export const productAdmin = { email: 'live-admin@example.org', password: 'live admin password' };

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface Product {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** Starts the product on `port` with `dataDir` (and `env`, e.g. DATABASE_URL) and waits until /api/health answers. */
export async function startProduct(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** Extra node options for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  stderr?: 'inherit' | 'ignore';
}): Promise<Product> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(repoRoot, 'packages/server/src/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      TABLEHOP_DATA_DIR: options.dataDir,
      TABLEHOP_RATE_LIMIT: 'off',
      TABLEHOP_DEMO: 'off',
      TABLEHOP_ADMIN_EMAIL: productAdmin.email,
      TABLEHOP_ADMIN_PASSWORD: productAdmin.password,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', options.stderr ?? 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let alive = true;
  void exited.then(() => (alive = false));
  for (let i = 0; i < 600 && alive; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(alive ? 'the product did not become healthy within 30 s' : 'the product exited while starting');
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** A JSON request with node:http (lighter than fetch for thousands of calls). */
export function call<T>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Record<string, string | string[] | undefined> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          done({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T, headers: res.headers });
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}

export interface StaffSession {
  cookie: string;
  csrfToken: string;
}

const staffHeaders = (s: StaffSession) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const cookieOf = (headers: Record<string, string | string[] | undefined>) => String(headers['set-cookie']).split(';')[0] ?? '';

export async function loginOrganizer(url: string): Promise<StaffSession> {
  const response = await call<{ csrfToken: string }>(`${url}/api/login`, 'POST', productAdmin);
  if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
  return { cookie: cookieOf(response.headers), csrfToken: response.body.csrfToken };
}

export interface LiveSetup {
  editionId: string;
  participants: { id: string; token: string }[];
  moderators: ({ id: string } & StaffSession)[];
}

/**
 * A series and an edition (starting in a week, `rounds` rounds) with `participants` confirmed
 * registrations and `moderators` moderators (invited by mail, invitation accepted, assigned),
 * all through the API. Invitation links are read from the .eml files of the mail outbox.
 */
export async function setUpLiveEdition(
  url: string,
  dataDir: string,
  organizer: StaffSession,
  options: { participants: number; moderators: number; rounds?: number; roundMinutes?: number; concurrency?: number },
): Promise<LiveSetup> {
  const concurrency = options.concurrency ?? 64;
  const headers = staffHeaders(organizer);
  const series = await call<{ id: string }>(
    `${url}/api/series`,
    'POST',
    { name: 'Live Friday', timeZone: 'Europe/Brussels', weekday: 5, startTime: '09:30', durationMinutes: 120 },
    headers,
  );
  if (series.status !== 201) throw new Error(`series: ${JSON.stringify(series.body)}`);
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const edition = await call<{ id: string }>(
    `${url}/api/series/${series.body.id}/editions`,
    'POST',
    { startsAt, capacity: options.participants, format: { rounds: options.rounds ?? 4, roundMinutes: options.roundMinutes ?? 12 } },
    headers,
  );
  if (edition.status !== 201) throw new Error(`edition: ${JSON.stringify(edition.body)}`);
  const editionId = edition.body.id;

  // Moderators first: their invitation mails then leave the outbox before the registration mails.
  const stamp = Date.now().toString(36);
  const invited = await mapLimited(Array.from({ length: options.moderators }), concurrency, async (_, i) => {
    const response = await call<{ id: string; email: string }>(
      `${url}/api/moderators`,
      'POST',
      { email: `moderator${i}-${stamp}@example.org`, name: `Moderator ${i + 1}`, language: 'en' },
      headers,
    );
    if (response.status !== 201) throw new Error(`invite: ${JSON.stringify(response.body)}`);
    return response.body;
  });
  const inviteTokens = await waitForInviteTokens(join(dataDir, 'outbox'), new Set(invited.map((m) => m.email)));
  const moderators = await mapLimited(invited, Math.min(concurrency, 16), async (m) => {
    const accepted = await call<{ csrfToken: string }>(`${url}/api/invites/accept`, 'POST', {
      token: inviteTokens.get(m.email),
      password: 'moderator password',
    });
    if (accepted.status !== 200) throw new Error(`accept invite: ${JSON.stringify(accepted.body)}`);
    const assigned = await call(`${url}/api/editions/${editionId}/moderators`, 'POST', { moderatorId: m.id }, headers);
    if (assigned.status !== 200) throw new Error(`assign: ${JSON.stringify(assigned.body)}`);
    return { id: m.id, cookie: cookieOf(accepted.headers), csrfToken: accepted.body.csrfToken };
  });

  const registered = await mapLimited(Array.from({ length: options.participants }), concurrency, async (_, i) => {
    const response = await call<{ id: string; status: string; manageToken: string }>(`${url}/api/editions/${editionId}/registrations`, 'POST', {
      name: `Person ${i + 1}`,
      email: `person${i}-${stamp}@example.com`,
      company: `Company ${i % 997}`,
      consent: true,
    });
    if (response.status !== 201 || response.body.status !== 'confirmed') throw new Error(`registration: ${JSON.stringify(response.body)}`);
    return response.body;
  });
  const participants = await mapLimited(registered, concurrency, async (r) => {
    const manage = await call<{ joinUrl: string | null }>(`${url}/api/manage/${r.manageToken}`, 'GET');
    const token = manage.body.joinUrl?.split('/').pop();
    if (!token) throw new Error(`no join link for ${r.id}`);
    return { id: r.id, token };
  });
  return { editionId, participants, moderators };
}

/** Reads `invite?token=…` links for the given addresses from the .eml files the file transport writes. */
async function waitForInviteTokens(outbox: string, emails: Set<string>): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const seen = new Set<string>();
  const started = Date.now();
  while (tokens.size < emails.size) {
    if (Date.now() - started > 120_000) throw new Error(`only ${tokens.size} of ${emails.size} invitation mails arrived`);
    let files: string[] = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('moderator_invite.eml') && !seen.has(f));
    } catch {
      // no outbox yet
    }
    for (const file of files) {
      // Quoted-printable: undo soft line breaks and =3D before looking for the link.
      const text = readFileSync(join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const to = [...emails].find((e) => text.includes(e));
      const token = /invite\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
      // A file may still be half written: read it again next time unless it gave its token.
      if (to && token) {
        tokens.set(to, token);
        seen.add(file);
      }
    }
    if (tokens.size < emails.size) await new Promise((r) => setTimeout(r, 100));
  }
  return tokens;
}

/** The WebSocket URL of the live connection of a product at `url`. */
export const liveUrlOf = (url: string) => `${url.replace(/^http/, 'ws')}/api/live`;

/** Runs `run` with the URL of a new, empty database on the PostgreSQL at `adminUrl`; drops it afterwards. */
export async function withFreshPostgresDatabase<T>(adminUrl: string, prefix: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${Date.now()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}
