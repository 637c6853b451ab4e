import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './sql.js';

/**
 * Embedded PostgreSQL (WASM) in a folder on disk, or in memory when `dataDir` is undefined.
 * PGlite has a single connection: its `transaction` queues every other query until it ends, which
 * serialises writers the way row locks do on a real PostgreSQL.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return wrapPglite(db);
}

/**
 * An in-memory copy of a database, for tests: cloning a migrated template is much faster than
 * starting and migrating a fresh PGlite for every test.
 */
export async function clonePgliteDatabase(template: Database): Promise<Database> {
  const source = pglites.get(template);
  if (!source) throw new Error('not a PGlite database');
  return wrapPglite((await source.clone()) as PGlite);
}

const pglites = new WeakMap<Database, PGlite>();

function wrapPglite(db: PGlite): Database {
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(text, params as unknown[]);
      return result.rows;
    },
  });
  const root = wrap(db);
  const database: Database = {
    kind: 'pglite',
    query: root.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
  pglites.set(database, db);
  return database;
}
