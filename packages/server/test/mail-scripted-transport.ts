import type { MailTransport, OutboxMail } from '../src/mail/mail.types.js';

/**
 * A transport for worker tests: fails the first `failures` sends with an error, then accepts;
 * records every attempt and every accepted mail.
 */
export function createScriptedTransport(failures = 0): MailTransport & {
  attempts: OutboxMail[];
  delivered: OutboxMail[];
  failNext(count: number): void;
  /** Resolves once `count` mails have been accepted. */
  waitForDelivered(count: number): Promise<OutboxMail[]>;
} {
  let toFail = failures;
  const attempts: OutboxMail[] = [];
  const delivered: OutboxMail[] = [];
  const waiters: { count: number; resolve: (mails: OutboxMail[]) => void }[] = [];
  return {
    attempts,
    delivered,
    failNext(count) {
      toFail = count;
    },
    waitForDelivered: (count) =>
      delivered.length >= count ? Promise.resolve(delivered.slice()) : new Promise((resolve) => waiters.push({ count, resolve })),
    async send(mail) {
      attempts.push(mail);
      if (toFail > 0) {
        toFail -= 1;
        throw new Error('451 temporary failure (scripted)');
      }
      delivered.push(mail);
      for (const waiter of waiters.filter((w) => delivered.length >= w.count)) waiter.resolve(delivered.slice());
    },
  };
}
