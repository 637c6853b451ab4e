import { beforeEach, expect, test } from 'vitest';
import { createScriptedTransport } from '../../test/mail-scripted-transport.js';
import { sampleMailMessage } from '../../test/mail-fixtures.js';
import { createRecordingLogger } from '../../test/mail-test-logger.js';
import { forEachTestDatabase, truncateTables } from '../../test/test-databases.js';
import { createFakeClock } from '../clock.js';
import { renderMail } from './mail.logic.js';
import type { MailTransport } from './mail.types.js';
import { computeRetryDelayMs, createMailWorker, type MailWorkerOptions } from './mail-worker.js';
import { createOutboxMailer } from './mail.service.js';
import { createPgOutboxStore } from './pg-outbox.store.js';

const start = '2026-11-27T10:00:00Z';
const lockMs = 5 * 60_000;

test.each([
  [1, 30_000],
  [2, 60_000],
  [3, 120_000],
  [4, 240_000],
  [8, 3_600_000],
  [20, 3_600_000],
])('waits %i failure(s) into the backoff %i ms', (attempt, delay) => {
  expect(computeRetryDelayMs(attempt)).toBe(delay);
});

forEachTestDatabase('mail worker', (getDb) => {
  beforeEach(async () => {
    await truncateTables(getDb());
  });

  function setUp(transport: MailTransport, maxAttempts = 5, more: Partial<MailWorkerOptions> = {}) {
    const clock = createFakeClock(start);
    const store = createPgOutboxStore(getDb());
    const logger = createRecordingLogger();
    const worker = createMailWorker({
      store,
      transport,
      clock,
      logger,
      maxAttempts,
      batchSize: 10,
      lockMs,
      pollIntervalMs: 3_600_000,
      wakeDelayMs: 10,
      ...more,
    });
    const enqueue = () => getDb().transaction((tx) => store.enqueue(tx, sampleMailMessage('registration_confirmed'), clock.now()));
    return { clock, store, logger, worker, enqueue };
  }

  test('sends a committed mail once', async () => {
    const transport = createScriptedTransport();
    const { worker, enqueue, store, clock } = setUp(transport);
    await enqueue();
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(transport.delivered).toHaveLength(1);
    expect(await store.countByState(clock.now())).toMatchObject({ sent: 1 });
  });

  test('never sends a mail whose transaction rolled back', async () => {
    const transport = createScriptedTransport();
    const { worker, store, clock } = setUp(transport);
    await getDb()
      .transaction(async (tx) => {
        await store.enqueue(tx, sampleMailMessage('registration_confirmed'), clock.now());
        throw new Error('capacity check failed');
      })
      .catch(() => undefined);
    clock.advance(24 * 3_600_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(transport.attempts).toEqual([]);
  });

  test('sends on the third attempt after two failures, respecting the backoff', async () => {
    const transport = createScriptedTransport(2);
    const { worker, enqueue, clock, store, logger } = setUp(transport);
    await enqueue();
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });

    clock.advance(29_999);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });

    clock.advance(59_999);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });

    expect(transport.attempts.map((mail) => mail.attempts)).toEqual([1, 2, 3]);
    const [entry] = await store.listRecent(1, clock.now());
    expect(entry).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(2);
  });

  test('sends again a mail claimed by a worker that crashed, once its lock expires', async () => {
    const transport = createScriptedTransport();
    const { worker, enqueue, clock, store } = setUp(transport);
    await enqueue();
    // The "crashed" worker claimed the mail and never reported back.
    expect(await store.claimDue(clock.now(), 10, lockMs)).toHaveLength(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    clock.advance(lockMs);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(transport.delivered[0]?.attempts).toBe(2);
  });

  test('gives up after maxAttempts, marks the mail failed and logs the error', async () => {
    const transport = createScriptedTransport(100);
    const { worker, enqueue, clock, store, logger } = setUp(transport, 3);
    await enqueue();
    for (let i = 0; i < 5; i += 1) {
      await worker.runOnce();
      clock.advance(3_600_000);
    }
    expect(transport.attempts).toHaveLength(3);
    expect(await store.countByState(clock.now())).toEqual({ pending: 0, sending: 0, sent: 0, failed: 1 });
    const [entry] = await store.listRecent(1, clock.now());
    expect(entry?.lastError).toContain('451 temporary failure');
    const errors = logger.entries.filter((entry) => entry.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj).toMatchObject({ attempts: 3, error: '451 temporary failure (scripted)' });
  });

  test('sends at once when woken after a commit, and stops cleanly', async () => {
    const transport = createScriptedTransport();
    const { worker, enqueue } = setUp(transport);
    worker.start();
    try {
      // The poll interval is an hour: only wake() can get this mail out while the test runs.
      await enqueue();
      worker.wake();
      expect(await transport.waitForDelivered(1)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  test('renders at send time with its organizer, stamping the invite with the time of the change', async () => {
    const transport = createScriptedTransport();
    const { worker, store, clock } = setUp(transport, 5, { organizer: { name: 'Voka', email: 'events@example.org' } });
    let woken = 0;
    const mailer = createOutboxMailer({ outbox: store, wake: () => (woken += 1) });
    const message = sampleMailMessage('reminder_1h');
    await getDb().transaction((tx) => mailer.enqueue(tx, message, clock.now()));
    mailer.wake();
    expect(woken).toBe(1);
    clock.advance(90_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    const [mail] = transport.delivered;
    expect(mail).toEqual({
      ...renderMail(message, { now: new Date(start), organizer: { name: 'Voka', email: 'events@example.org' } }),
      id: mail?.id,
      attempts: 1,
    });
    expect(mail?.ics?.content).toContain('mailto:events@example.org');
    expect(mail?.ics?.content).toContain('DTSTAMP:20261127T100000Z');
  });

  test('sends every message of an enqueueMany, in order', async () => {
    const transport = createScriptedTransport();
    const { worker, store, clock } = setUp(transport);
    const mailer = createOutboxMailer({ outbox: store, wake: () => undefined });
    const messages = (['registration_confirmed', 'registration_waitlisted', 'magic_login'] as const).map((kind) => sampleMailMessage(kind));
    await getDb().transaction((tx) => mailer.enqueueMany(tx, messages, clock.now()));
    expect(await worker.runOnce()).toEqual({ sent: 3, failed: 0 });
    expect(transport.delivered.map((mail) => mail.kind)).toEqual(['registration_confirmed', 'registration_waitlisted', 'magic_login']);
  });

  test('retries a message that fails to render, then gives it up, logging why', async () => {
    const transport = createScriptedTransport();
    const { worker, clock, store, logger, enqueue } = setUp(transport, 2);
    // As if a message of an older shape were in the outbox: no edition.
    await getDb().query(
      `INSERT INTO outbox (kind, to_address, message, created_at, next_attempt_at) VALUES ('registration_confirmed', 'x@example.com', $1::text::jsonb, $2, $2)`,
      [JSON.stringify({ kind: 'registration_confirmed', to: { email: 'x@example.com', name: 'X', language: 'en' } }), clock.now()],
    );
    await enqueue();
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 1 });
    clock.advance(computeRetryDelayMs(1));
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(transport.attempts).toHaveLength(1);
    expect(await store.countByState(clock.now())).toMatchObject({ sent: 1, failed: 1 });
    expect(logger.entries.map((entry) => [entry.level, entry.obj])).toEqual([
      ['warn', expect.objectContaining({ stage: 'render', attempts: 1, to: 'x@example.com' })],
      ['error', expect.objectContaining({ stage: 'render', attempts: 2 })],
    ]);
  });

  test('folds a burst of wakes into one run after the wake delay', async () => {
    const transport = createScriptedTransport();
    const { store, enqueue } = setUp(transport);
    let claims = 0;
    const worker = createMailWorker({
      store: { ...store, claimDue: (...args) => ((claims += 1), store.claimDue(...args)) },
      transport,
      clock: createFakeClock(start),
      logger: createRecordingLogger(),
      pollIntervalMs: 3_600_000,
      wakeDelayMs: 30,
    });
    worker.start();
    try {
      await waitUntil(() => claims === 1);
      await new Promise((resolve) => setTimeout(resolve, 20)); // the start-up run finds nothing and sleeps
      for (let i = 0; i < 3; i += 1) await enqueue();
      for (let i = 0; i < 1_000; i += 1) worker.wake();
      expect(claims).toBe(1);
      expect(await transport.waitForDelivered(3)).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.stop();
    }
    expect(claims).toBe(2);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
