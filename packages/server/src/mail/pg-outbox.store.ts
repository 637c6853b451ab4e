import type { Database, Sql } from '../db/sql.js';
import { reviveMailMessage } from './mail-message.logic.js';
import type { MailKind, MailMessage, QueuedMail } from './mail.types.js';
import type { OutboxEntry, OutboxState, OutboxStore, OutboxWriter } from './outbox.store.js';

interface QueuedRow {
  id: string;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  message: unknown;
}

interface EntryRow {
  id: string;
  kind: MailKind;
  to_address: string;
  registration_id: string | null;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  locked_until: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
}

// One statement for any number of mails: the messages travel as ONE text parameter holding a JSON
// array, which pg and PGlite both send unchanged (a JS array parameter, by contrast, becomes a
// PostgreSQL array literal in pg and needs a declared element type in PGlite).
// jsonb_array_elements WITH ORDINALITY keeps the list's order, so ids (bigserial, assigned as the
// sorted rows are inserted) follow it. kind, recipient and registration are copied out of the
// message for ops queries.
const insertMessagesSql = `INSERT INTO outbox (kind, to_address, to_name, message, registration_id, created_at, next_attempt_at)
  SELECT m.message->>'kind', m.message->'to'->>'email', COALESCE(m.message->'to'->>'name', ''), m.message,
    (m.message->'registration'->>'id')::uuid, $2::timestamptz, $2::timestamptz
  FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS m(message, position)
  ORDER BY m.position`;

/**
 * The writing half of the outbox on PostgreSQL or PGlite. It uses only the transaction it is
 * given, so it also serves where no `Database` is at hand (the recording mailer of tests).
 */
export const pgOutboxWriter: OutboxWriter = {
  async enqueue(tx: Sql, message: MailMessage, now: Date) {
    const rows = await tx.query<{ id: string }>(`${insertMessagesSql} RETURNING id::text AS id`, [JSON.stringify([message]), now]);
    return rows[0]!.id;
  },

  async enqueueMany(tx: Sql, messages: readonly MailMessage[], now: Date) {
    if (messages.length === 0) return;
    await tx.query(insertMessagesSql, [JSON.stringify(messages), now]);
  },
};

/** The outbox on PostgreSQL or PGlite (same SQL). */
export function createPgOutboxStore(db: Database): OutboxStore {
  return {
    ...pgOutboxWriter,

    async claimDue(now: Date, limit: number, lockMs: number) {
      // SKIP LOCKED lets concurrent workers each take different rows without waiting; the
      // locked_until column carries the claim past this statement's transaction, so a row being
      // sent is not claimed again until the lock expires (a crashed worker's lock does).
      // bigserial comes back as a string from pg and as a bigint from PGlite: cast to text in SQL.
      const rows = await db.query<QueuedRow>(
        `UPDATE outbox SET locked_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
             AND (locked_until IS NULL OR locked_until <= $1)
           ORDER BY next_attempt_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         RETURNING id::text AS id, attempts, created_at, next_attempt_at, message`,
        [now, new Date(now.getTime() + lockMs), limit],
      );
      // RETURNING has no order; hand mails out in the order they were due.
      rows.sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime() || compareIds(a.id, b.id));
      return rows.map((row): QueuedMail => ({
        id: row.id,
        attempts: row.attempts,
        createdAt: row.created_at,
        message: reviveMailMessage(row.message),
      }));
    },

    async markSent(id: string, now: Date) {
      await db.query(`UPDATE outbox SET sent_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1`, [id, now]);
    },

    async markFailed(id: string, error: string, nextAttemptAt: Date | null, now: Date) {
      await db.query(
        `UPDATE outbox SET locked_until = NULL, last_error = $2,
           next_attempt_at = COALESCE($3::timestamptz, next_attempt_at),
           failed_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz ELSE NULL END
         WHERE id = $1`,
        [id, error.slice(0, 2000), nextAttemptAt, now],
      );
    },

    async countByState(now: Date) {
      const rows = await db.query<{ state: OutboxState; count: number }>(
        `SELECT ${stateSql} AS state, count(*)::int AS count FROM outbox GROUP BY 1`,
        [now],
      );
      const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of rows) counts[row.state] = row.count;
      return counts;
    },

    async listRecent(limit: number, now: Date) {
      const rows = await db.query<EntryRow & { state: OutboxState }>(
        `SELECT id::text AS id, kind, to_address, registration_id::text AS registration_id, attempts,
           created_at, next_attempt_at, locked_until, sent_at, failed_at, last_error, ${stateSql} AS state
         FROM outbox ORDER BY id DESC LIMIT $2`,
        [now, limit],
      );
      return rows.map((row): OutboxEntry => ({
        id: row.id,
        kind: row.kind,
        toAddress: row.to_address,
        registrationId: row.registration_id,
        state: row.state,
        attempts: row.attempts,
        createdAt: row.created_at,
        nextAttemptAt: row.next_attempt_at,
        sentAt: row.sent_at,
        failedAt: row.failed_at,
        lastError: row.last_error,
      }));
    },
  };
}

const stateSql = `CASE WHEN sent_at IS NOT NULL THEN 'sent' WHEN failed_at IS NOT NULL THEN 'failed'
  WHEN locked_until > $1 THEN 'sending' ELSE 'pending' END`;

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
