import type { Clock } from './clock.js';
import type { Database } from './db/sql.js';
import type { Mailer } from './mail/mailer.js';

/** What every service is built from; `buildApp` receives real or fake ones. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  /** Base of every link in mails and calendar files, without a trailing slash. */
  publicUrl: string;
  /** Makes new ids; tests may inject a deterministic one. */
  newId(): string;
}
