import type { Sql } from '../db/sql.js';

/** The list of sectors participants pick from; the organizer edits it. */
export interface SectorsStore {
  list(sql: Sql): Promise<string[]>;
  replace(sql: Sql, sectors: readonly string[]): Promise<void>;
}

export const pgSectorsStore: SectorsStore = {
  async list(sql) {
    return (await sql.query<{ name: string }>(`SELECT name FROM sectors ORDER BY position`)).map((r) => r.name);
  },
  async replace(sql, sectors) {
    await sql.query(`DELETE FROM sectors`);
    for (const [position, name] of sectors.entries()) await sql.query(`INSERT INTO sectors (name, position) VALUES ($1, $2)`, [name, position]);
  },
};
