import type { Sql } from '../db/sql.js';
import type { MailKind, MailMessage, QueuedMail } from './mail.types.js';

/** Where an outbox row is in its life. */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

/** One outbox row as ops and tests see it. */
export interface OutboxEntry {
  id: string;
  kind: MailKind;
  toAddress: string;
  registrationId: string | null;
  state: OutboxState;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

/**
 * The part of the outbox that writes, in the caller's transaction. It needs no connection of its
 * own, so a `Mailer` can be built on it alone.
 */
export interface OutboxWriter {
  /**
   * Adds a mail, as data, in the caller's transaction, due at once: when that transaction rolls
   * back, the mail was never there. `now` is when the change happened; the worker uses it as the
   * invite's DTSTAMP. Returns its id.
   */
  enqueue(tx: Sql, message: MailMessage, now: Date): Promise<string>;
  /**
   * Adds many mails in one statement (none for an empty list), in the caller's transaction; their
   * ids follow the order of `messages`, so they are claimed in that order.
   */
  enqueueMany(tx: Sql, messages: readonly MailMessage[], now: Date): Promise<void>;
}

/**
 * The mail outbox: mails are written in the transaction of the change that causes them and
 * handed out to the mail worker afterwards.
 */
export interface OutboxStore extends OutboxWriter {
  /**
   * Claims up to `limit` due mails (not sent, not failed, `next_attempt_at <= now`, not locked or
   * the lock expired), oldest first, locking each until `now + lockMs` and counting the attempt.
   * Two workers never claim the same row while its lock holds; a worker that crashed mid-send
   * leaves a lock that expires, after which the mail is claimed again.
   */
  claimDue(now: Date, limit: number, lockMs: number): Promise<QueuedMail[]>;
  /** Records a successful delivery. */
  markSent(id: string, now: Date): Promise<void>;
  /**
   * Records a failed attempt: retried at `nextAttemptAt`, or given up (`failed_at = now`) when it
   * is null.
   */
  markFailed(id: string, error: string, nextAttemptAt: Date | null, now: Date): Promise<void>;
  /** How many mails are in each state; `sending` means claimed with a lock still holding at `now`. */
  countByState(now: Date): Promise<Record<OutboxState, number>>;
  /** The most recent mails, newest first, for ops pages and tests. */
  listRecent(limit: number, now: Date): Promise<OutboxEntry[]>;
}
