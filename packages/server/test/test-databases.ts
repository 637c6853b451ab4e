import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { openPgliteDatabase } from '../src/db/pglite-database.js';
import { openPostgresDatabase } from '../src/db/postgres-database.js';
import type { Database } from '../src/db/sql.js';

/** The env var holding an admin URL of a PostgreSQL for tests (it must be allowed to CREATE DATABASE). */
export const testDatabaseUrlVar = 'TABLEHOP_TEST_DATABASE_URL';

/**
 * Defines the same tests once per database backend, the way a store contract suite runs against
 * every implementation:
 *
 * - `<name> on PGlite`: always, in memory.
 * - `<name> on PostgreSQL`: when `TABLEHOP_TEST_DATABASE_URL` is set. Each suite gets a fresh
 *   database (`CREATE DATABASE tablehop_test_<random>` on that URL, dropped in `afterAll`) rather
 *   than a schema: a pg.Pool opens connections lazily, and a `SET search_path` made on one would
 *   not apply to the next, while a database is part of the URL every connection uses. Test files
 *   run in parallel, each in its own database.
 * - With `CI=true` and no URL, the PostgreSQL suite fails instead of being skipped, so CI can not
 *   pass without having run it.
 *
 * Both databases are migrated. They live for the whole `describe`: tests that need an empty table
 * clear it in a `beforeEach` (see `truncateTables`).
 *
 * @example
 * forEachTestDatabase('outbox store', (getDb) => {
 *   test('…', async () => { const store = createPgOutboxStore(getDb()); … });
 * });
 */
export function forEachTestDatabase(name: string, defineTests: (getDb: () => Database) => void): void {
  describe(`${name} on PGlite`, () => {
    const db = useDatabase(async () => openPgliteDatabase(undefined));
    defineTests(db);
  });

  const adminUrl = process.env[testDatabaseUrlVar];
  if (adminUrl) {
    describe(`${name} on PostgreSQL`, () => {
      let dropDatabase: (() => Promise<void>) | null = null;
      const db = useDatabase(
        async () => {
          const created = await createFreshPostgresDatabase(adminUrl);
          dropDatabase = created.drop;
          return openPostgresDatabase(created.url);
        },
        async () => dropDatabase?.(),
      );
      defineTests(db);
    });
  } else if (process.env.CI === 'true') {
    describe(`${name} on PostgreSQL`, () => {
      test('has a PostgreSQL to run on', () => {
        throw new Error(
          `CI=true but ${testDatabaseUrlVar} is not set: the PostgreSQL store tests would be skipped. ` +
            `Start a PostgreSQL and set ${testDatabaseUrlVar}=postgres://user@host:port/postgres (a role that may CREATE DATABASE).`,
        );
      });
    });
  }
}

/** Empties every table but `schema_migrations`, resetting sequences: a clean slate between tests. */
export async function truncateTables(db: Database): Promise<void> {
  const rows = await db.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
  );
  if (rows.length === 0) return;
  await db.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
}

function useDatabase(open: () => Promise<Database>, cleanUp: () => Promise<void> = async () => undefined): () => Database {
  let db: Database | null = null;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    db = null;
    await cleanUp();
  });
  return () => {
    if (!db) throw new Error('The test database is only open inside tests (after beforeAll).');
    return db;
  };
}

async function createFreshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tablehop_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // WITH (FORCE) (PostgreSQL 13+) ends connections a failed test may have left open.
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
