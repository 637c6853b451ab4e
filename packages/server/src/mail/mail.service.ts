import type { Mailer } from './mailer.js';
import type { OutboxWriter } from './outbox.store.js';

/**
 * The production `Mailer`: adds each message, as data, to the outbox in the service's
 * transaction; the mail worker renders it when it sends (so a transaction holding row locks never
 * spends time composing mail). `wake` is the mail worker's.
 *
 * ```ts
 * await db.transaction(async (tx) => { …; await mailer.enqueueMany(tx, messages, now); });
 * mailer.wake();
 * ```
 */
export function createOutboxMailer(options: { outbox: OutboxWriter; wake: () => void }): Mailer {
  const { outbox } = options;
  return {
    async enqueue(tx, message, now) {
      await outbox.enqueue(tx, message, now);
    },
    enqueueMany: (tx, messages, now) => outbox.enqueueMany(tx, messages, now),
    wake: options.wake,
  };
}
