import pg from 'pg';
import type { Database, Sql } from './sql.js';

/** A real PostgreSQL through a connection pool. */
export async function openPostgresDatabase(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection that the server drops (restart, failover, admin) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  // Fail fast with a clear error when the server is unreachable or the URL is wrong.
  const probe = await pool.connect();
  probe.release();
  const query: Sql['query'] = async <Row>(text: string, params: readonly unknown[] = []) =>
    (await pool.query(text, params as unknown[])).rows as Row[];
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Sql = {
          query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as Row[],
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
