import type { Database } from './sql.js';
import { migrations as allMigrations, type Migration } from './migrations.js';

/**
 * Applies the migrations not yet recorded, each in its own transaction. An advisory lock keeps two
 * servers starting at once on one PostgreSQL from racing (PGlite has one connection anyway).
 * Returns the ids it applied.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL)`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(727274)`);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE id = $1`, [migration.id]);
      if (done.length > 0) return false;
      await runStatements(tx, migration.sql);
      await tx.query(`INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)`, [migration.id, new Date()]);
      return true;
    });
    if (didApply) applied.push(migration.id);
  }
  return applied;
}

// The extended query protocol takes one statement at a time; our migrations keep ';' out of strings
// and comments so a plain split is safe.
async function runStatements(tx: { query(text: string): Promise<unknown> }, sql: string): Promise<void> {
  const statements = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await tx.query(statement);
}
