/**
 * The one seam between our services and the database. PGlite (embedded) and PostgreSQL (pg.Pool)
 * both implement it, so every store runs the same SQL on both.
 *
 * Rules the stores follow so both drivers agree on types:
 * - counts are cast in SQL (`count(*)::int`); ids are uuid strings; timestamps are `timestamptz`
 *   and come back as `Date`;
 * - the current time is passed in as a parameter from the injected clock, never `now()` in SQL.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
