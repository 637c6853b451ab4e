import type { Sql } from '../db/sql.js';
import type { MailMessage } from './mail.types.js';

/**
 * The port services use to send mail. `enqueue`/`enqueueMany` write into the outbox inside the
 * caller's transaction; `wake` (after the commit) lets the worker send soon instead of at its
 * next poll.
 */
export interface Mailer {
  enqueue(tx: Sql, message: MailMessage, now: Date): Promise<void>;
  /** Many messages in one statement: a batch of registrations must not pay a round trip per mail. */
  enqueueMany(tx: Sql, messages: readonly MailMessage[], now: Date): Promise<void>;
  wake(): void;
}
