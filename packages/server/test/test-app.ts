import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../src/app.js';
import { createFakeClock } from '../src/clock.js';
import { migrate } from '../src/db/migrate.js';
import { clonePgliteDatabase, openPgliteDatabase } from '../src/db/pglite-database.js';
import type { Database } from '../src/db/sql.js';
import type { MediaService } from '../src/media/media.service.js';
import { createRecordingMailer } from './recording-mailer.js';

export const ORGANIZER = { email: 'organizer@example.org', password: 'correct horse battery' };

let template: Promise<Database> | undefined;

/** A fresh, migrated in-memory database: a clone of one template migrated once per test file. */
export async function freshPgliteDatabase(): Promise<Database> {
  template ??= openPgliteDatabase(undefined).then(async (db) => {
    await migrate(db);
    return db;
  });
  return clonePgliteDatabase(await template);
}

/**
 * The whole app in-process on an in-memory PGlite (or the database given), a fake clock and a
 * recording mailer, with one organizer account. `as` runs requests with the organizer's session.
 */
export async function createTestApp(options: { db?: Database; now?: string; rateLimit?: boolean; webDistDir?: string; media?: MediaService } = {}) {
  const db = options.db ?? (await freshPgliteDatabase());
  await migrate(db);
  const clock = createFakeClock(options.now ?? '2026-11-27T10:00:00Z');
  const mailer = createRecordingMailer();
  const { app, services } = await buildApp({
    db,
    clock,
    mailer,
    publicUrl: 'http://tablehop.test',
    rateLimit: options.rateLimit ?? false,
    logger: false,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
    ...(options.media ? { media: options.media } : {}),
  });
  await services.auth.ensureOrganizer(ORGANIZER.email, ORGANIZER.password);
  await app.ready();

  let cookie = '';
  let csrfToken = '';
  const start = options.now ?? '2026-11-27T10:00:00Z';
  let counter = 0;

  /** Empties every table and restores the organizer and the clock: cheaper than a new app per test. */
  async function reset(): Promise<void> {
    const tables = await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    await db.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await services.auth.ensureOrganizer(ORGANIZER.email, ORGANIZER.password);
    clock.set(start);
    cookie = '';
    csrfToken = '';
    counter = 0;
  }
  async function login(): Promise<void> {
    const response = await app.inject({ method: 'POST', url: '/api/login', payload: ORGANIZER });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  }

  /** Requests as the logged-in organizer (cookie + CSRF header). */
  async function asOrganizer(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    if (!cookie) await login();
    return app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrfToken },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** Requests as anybody. */
  function anonymous(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  /** A series plus one open edition starting a week later, with the given capacity. */
  async function createEdition(capacity: number | null = 3, extra: Record<string, unknown> = {}): Promise<{ seriesId: string; editionId: string }> {
    const series = await asOrganizer('POST', '/api/series', {
      name: 'Virtual Friday',
      timeZone: 'Europe/Brussels',
      weekday: 5,
      startTime: '09:30',
      durationMinutes: 90,
    });
    if (series.statusCode !== 201) throw new Error(series.body);
    const seriesId = series.json<{ id: string }>().id;
    const edition = await asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-04T09:30:00+01:00', capacity, ...extra });
    if (edition.statusCode !== 201) throw new Error(edition.body);
    return { seriesId, editionId: edition.json<{ id: string }>().id };
  }

  /** Registers a new person (unique e-mail unless given). */
  async function register(editionId: string, fields: Record<string, unknown> = {}) {
    counter++;
    const response = await anonymous('POST', `/api/editions/${editionId}/registrations`, {
      name: `Person ${counter}`,
      email: `person${counter}@example.com`,
      consent: true,
      ...fields,
    });
    return response;
  }

  return {
    app,
    db,
    clock,
    mailer,
    services,
    reset,
    login,
    asOrganizer,
    anonymous,
    createEdition,
    register,
    close: async () => {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * One test app for a whole test file, emptied before each test: `const t = useTestApp();` then
 * `t.app`, `t.register(…)` inside tests.
 */
export function useTestApp(options: Omit<NonNullable<Parameters<typeof createTestApp>[0]>, 'db'> & { db?: () => Database } = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    const { db, ...rest } = options;
    current = await createTestApp({ ...rest, ...(db ? { db: db() } : {}) });
  });
  beforeEach(async () => {
    await current?.reset();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestApp, {
    get(_target, key) {
      if (!current) throw new Error('useTestApp: the app exists inside tests only');
      return current[key as keyof TestApp];
    },
  });
}
