import { join } from 'node:path';
import type { Database } from './sql.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

/** A real PostgreSQL when a URL is given, else the embedded PGlite under `<dataDir>/pgdata`. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgresDatabase(options.databaseUrl);
  return openPgliteDatabase(join(options.dataDir, 'pgdata'));
}
