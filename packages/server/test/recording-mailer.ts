import type { Sql } from '../src/db/sql.js';
import { reviveMailMessage } from '../src/mail/mail-message.logic.js';
import type { MailMessage } from '../src/mail/mail.types.js';
import { createOutboxMailer } from '../src/mail/mail.service.js';
import type { Mailer } from '../src/mail/mailer.js';
import { pgOutboxWriter } from '../src/mail/pg-outbox.store.js';

/**
 * A Mailer for service tests: the production mailer on the real outbox (each message is written
 * in the caller's transaction, so rollbacks drop it), with the worker's `wake` replaced by a
 * counter. Read what was stored with `outboxMessages`.
 */
export function createRecordingMailer(): Mailer & { wakes: number } {
  const mailer = {
    ...createOutboxMailer({ outbox: pgOutboxWriter, wake: () => (mailer.wakes += 1) }),
    wakes: 0,
  };
  return mailer;
}

/** The messages in the outbox, oldest first, optionally only those to one address (any case). */
export async function outboxMessages(sql: Sql, to?: string): Promise<MailMessage[]> {
  const rows = await sql.query<{ message: unknown }>(
    `SELECT message FROM outbox WHERE $1::text IS NULL OR lower(to_address) = lower($1::text) ORDER BY id`,
    [to ?? null],
  );
  return rows.map((row) => reviveMailMessage(row.message));
}
