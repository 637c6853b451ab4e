import type { Clock } from '../clock.js';
import type { MailOrganizer } from './ics.js';
import { renderMail } from './mail.logic.js';
import type { MailTransport, QueuedMail } from './mail.types.js';
import type { OutboxStore } from './outbox.store.js';

/** The part of a pino logger the mail code uses. */
export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MailWorkerOptions {
  store: OutboxStore;
  transport: MailTransport;
  clock: Clock;
  logger: MailLogger;
  /** How often the outbox is polled when nobody calls `wake()`. Default 5 s. */
  pollIntervalMs?: number;
  /** Attempts before a mail is given up (failed_at set). Default 10 (about 3 hours of retries). */
  maxAttempts?: number;
  /** Mails claimed (and sent concurrently) per batch. Default 20. */
  batchSize?: number;
  /** How long a claim holds; a longer send is assumed crashed and its mail claimed again. Default 5 min. */
  lockMs?: number;
  /** The invites' ORGANIZER; use the same address as the mail's From. See `buildRegistrationIcs`. */
  organizer?: MailOrganizer;
  /**
   * How long `wake()` waits before looking at the outbox. Every wake within that time joins the
   * same run, so a burst of commits costs one batch instead of one per commit. Default 200 ms.
   */
  wakeDelayMs?: number;
}

export interface MailWorker {
  /** Starts polling. */
  start(): void;
  /** Stops polling and waits for the batch in flight, if any. */
  stop(): Promise<void>;
  /** Claims and sends one batch of due mails now. */
  runOnce(): Promise<{ sent: number; failed: number }>;
  /**
   * Asks the running worker to look at the outbox soon (after `wakeDelayMs`); call it after
   * committing a transaction that enqueued mail. Calls in between are folded into one run.
   */
  wake(): void;
}

const retryBaseMs = 30_000;
const retryCapMs = 60 * 60_000;

/**
 * The wait before retry number `attempt` (1 = after the first failure): 30 s, 1 min, 2 min, 4 min,
 * … doubling, capped at 1 hour.
 */
export function computeRetryDelayMs(attempt: number): number {
  return Math.min(retryBaseMs * 2 ** Math.max(0, attempt - 1), retryCapMs);
}

/**
 * Sends what the outbox holds, with retries and exponential backoff. Each mail is rendered here,
 * at send time, from the message the outbox stores (DTSTAMP = when it was enqueued, so a retry
 * renders the same invite); a message that fails to render counts as a failed attempt.
 *
 * Delivery is at least once: a crash (or a lost database connection) after the transport
 * accepted a mail but before `markSent` leaves the row claimed; when its lock expires the mail is
 * sent again. The SMTP transport gives each mail a Message-ID derived from the outbox id, so
 * most mailbox providers fold such a duplicate into the first.
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { store, transport, clock, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const batchSize = options.batchSize ?? 20;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const wakeDelayMs = options.wakeDelayMs ?? 200;
  const renderOptions = options.organizer ? { organizer: options.organizer } : {};

  let running = false;
  let loop: Promise<void> | null = null;
  let wakeRequested = false;
  let interruptSleep: (() => void) | null = null;
  let wakeTimer: ReturnType<typeof setTimeout> | null = null;

  async function deliver(queued: QueuedMail): Promise<boolean> {
    const { id, attempts, message } = queued;
    let stage: 'render' | 'send' = 'render';
    try {
      const mail = { ...renderMail(message, { now: queued.createdAt, ...renderOptions }), id, attempts };
      stage = 'send';
      await transport.send(mail);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const now = clock.now();
      // A message that does not render is malformed: `to` may be missing too.
      const context = { mailId: id, kind: message.kind, to: message.to?.email, attempts, stage, error: reason };
      if (attempts >= maxAttempts) {
        await store.markFailed(id, reason, null, now);
        logger.error(context, 'mail given up after the last attempt');
      } else {
        const nextAttemptAt = new Date(now.getTime() + computeRetryDelayMs(attempts));
        await store.markFailed(id, reason, nextAttemptAt, now);
        logger.warn({ ...context, nextAttemptAt }, `mail ${stage} failed; will retry`);
      }
      return false;
    }
    await store.markSent(id, clock.now());
    return true;
  }

  async function runBatch(): Promise<{ sent: number; failed: number; claimed: number }> {
    const mails = await store.claimDue(clock.now(), batchSize, lockMs);
    // Settled at once (not left to a later Promise.all): a delivery that rejects while the loop
    // still awaits must not count as an unhandled rejection. And a database error in one delivery
    // must not leave the others running unawaited.
    const deliveries: Promise<PromiseSettledResult<boolean>>[] = [];
    for (const mail of mails) {
      // Rendering is synchronous CPU work (~1 ms with an invite): let HTTP requests in between
      // mails. Sends still overlap: each delivery runs on while the next one is rendered.
      await new Promise<void>((resolve) => setImmediate(resolve));
      deliveries.push(
        deliver(mail).then(
          (value) => ({ status: 'fulfilled', value }),
          (reason: unknown) => ({ status: 'rejected', reason }),
        ),
      );
    }
    const settled = await Promise.all(deliveries);
    const rejected = settled.find((result) => result.status === 'rejected');
    if (rejected) throw rejected.reason;
    const sent = settled.filter((result) => result.status === 'fulfilled' && result.value).length;
    return { sent, failed: settled.length - sent, claimed: mails.length };
  }

  async function sleep(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        interruptSleep = null;
        resolve();
      }
      interruptSleep = done;
    });
  }

  async function poll(): Promise<void> {
    while (running) {
      wakeRequested = false;
      try {
        // A full batch means more may be due: drain before sleeping.
        while (running && (await runBatch()).claimed === batchSize);
      } catch (error) {
        // The database being away must not kill the worker; the next poll tries again.
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'mail worker batch failed');
      }
      if (running && !wakeRequested) await sleep();
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = poll();
    },
    async stop() {
      running = false;
      if (wakeTimer) clearTimeout(wakeTimer);
      wakeTimer = null;
      interruptSleep?.();
      await loop;
      loop = null;
    },
    async runOnce() {
      const { sent, failed } = await runBatch();
      return { sent, failed };
    },
    wake() {
      if (!running || wakeTimer) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = null;
        // Mid-batch, this makes the loop run again instead of sleeping.
        wakeRequested = true;
        interruptSleep?.();
      }, wakeDelayMs);
    },
  };
}
