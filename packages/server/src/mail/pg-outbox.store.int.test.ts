import { beforeEach, expect, test } from 'vitest';
import { allMailKinds, sampleMailMessage, sampleRegistrationId } from '../../test/mail-fixtures.js';
import { forEachTestDatabase, truncateTables } from '../../test/test-databases.js';
import type { MailMessage } from './mail.types.js';
import { createPgOutboxStore } from './pg-outbox.store.js';

const t0 = new Date('2026-11-27T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const lockMs = 60_000;

function mailTo(address: string): MailMessage {
  const message = sampleMailMessage('registration_confirmed');
  return { ...message, to: { ...message.to, email: address, name: address } };
}

forEachTestDatabase('outbox store', (getDb) => {
  beforeEach(async () => {
    await truncateTables(getDb());
  });

  async function enqueue(mail: MailMessage, now = t0): Promise<string> {
    const store = createPgOutboxStore(getDb());
    return getDb().transaction((tx) => store.enqueue(tx, mail, now));
  }

  test.each(allMailKinds)('hands out a committed %s message with every field intact', async (kind) => {
    const store = createPgOutboxStore(getDb());
    const message = sampleMailMessage(kind);
    const id = await enqueue(message, at(-5_000));
    const [claimed, ...rest] = await store.claimDue(t0, 10, lockMs);
    expect(rest).toEqual([]);
    expect(claimed).toEqual({ id, attempts: 1, createdAt: at(-5_000), message });
  });

  test('copies kind, recipient and registration out of the message for ops listings', async () => {
    const store = createPgOutboxStore(getDb());
    const id = await enqueue(sampleMailMessage('registration_confirmed'));
    const magic = await enqueue(sampleMailMessage('magic_login'));
    expect(await store.listRecent(10, t0)).toMatchObject([
      { id: magic, kind: 'magic_login', toAddress: 'ann.peeters@example.com', registrationId: null, state: 'pending' },
      { id, kind: 'registration_confirmed', toAddress: 'ann.peeters@example.com', registrationId: sampleRegistrationId, createdAt: t0 },
    ]);
  });

  test('adds 500 messages of one transaction in one go, complete and in order', async () => {
    const db = getDb();
    const store = createPgOutboxStore(db);
    const messages = Array.from({ length: 500 }, (_, i) => mailTo(`p${i}@example.com`));
    const statements: string[] = [];
    await db.transaction((tx) => store.enqueueMany({ query: (text, params) => (statements.push(text), tx.query(text, params)) }, messages, t0));
    expect(statements).toHaveLength(1);
    const claimed = await store.claimDue(t0, 1_000, lockMs);
    expect(claimed.map((mail) => mail.message)).toEqual(messages);
    const ids = claimed.map((mail) => Number(mail.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await store.countByState(t0)).toMatchObject({ sending: 500 });
  });

  test('keeps nothing of messages enqueued together in a transaction that rolls back', async () => {
    const db = getDb();
    const store = createPgOutboxStore(db);
    await expect(
      db.transaction(async (tx) => {
        await store.enqueueMany(tx, [mailTo('a@example.com'), mailTo('b@example.com'), mailTo('c@example.com')], t0);
        throw new Error('the batch failed');
      }),
    ).rejects.toThrow('the batch failed');
    expect(await store.countByState(t0)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0 });
  });

  test('runs no statement for an empty list', async () => {
    const store = createPgOutboxStore(getDb());
    const statements: string[] = [];
    await store.enqueueMany({ query: async (text) => (statements.push(text), []) }, [], t0);
    expect(statements).toEqual([]);
  });

  test('keeps nothing of a mail enqueued in a transaction that rolls back', async () => {
    const db = getDb();
    const store = createPgOutboxStore(db);
    await expect(
      db.transaction(async (tx) => {
        await store.enqueue(tx, mailTo('rolled-back@example.com'), t0);
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    expect(await store.claimDue(at(3_600_000), 10, lockMs)).toEqual([]);
    expect(await store.countByState(t0)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0 });
  });

  test('claims oldest first, up to the limit', async () => {
    const store = createPgOutboxStore(getDb());
    await enqueue(mailTo('second@example.com'), at(2_000));
    await enqueue(mailTo('first@example.com'), at(1_000));
    await enqueue(mailTo('third@example.com'), at(3_000));
    const claimed = await store.claimDue(at(5_000), 2, lockMs);
    expect(claimed.map((mail) => mail.message.to.email)).toEqual(['first@example.com', 'second@example.com']);
  });

  test('does not claim a mail again while its lock holds', async () => {
    const store = createPgOutboxStore(getDb());
    await enqueue(mailTo('a@example.com'));
    expect(await store.claimDue(t0, 10, lockMs)).toHaveLength(1);
    expect(await store.claimDue(at(lockMs - 1), 10, lockMs)).toEqual([]);
    expect(await store.countByState(at(1))).toMatchObject({ sending: 1, pending: 0 });
  });

  test('claims a mail again once the lock of a crashed worker expires', async () => {
    const store = createPgOutboxStore(getDb());
    const id = await enqueue(mailTo('a@example.com'));
    await store.claimDue(t0, 10, lockMs);
    const again = await store.claimDue(at(lockMs), 10, lockMs);
    expect(again.map((mail) => [mail.id, mail.attempts])).toEqual([[id, 2]]);
  });

  test('gives two concurrent claims disjoint mails', async () => {
    const store = createPgOutboxStore(getDb());
    for (let i = 0; i < 10; i += 1) await enqueue(mailTo(`p${i}@example.com`));
    const [a, b] = await Promise.all([store.claimDue(t0, 6, lockMs), store.claimDue(t0, 6, lockMs)]);
    const ids = [...a!, ...b!].map((mail) => mail.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(10);
  });

  test('never hands out a sent mail again', async () => {
    const store = createPgOutboxStore(getDb());
    const id = await enqueue(mailTo('a@example.com'));
    await store.claimDue(t0, 10, lockMs);
    await store.markSent(id, at(1_000));
    expect(await store.claimDue(at(10 * lockMs), 10, lockMs)).toEqual([]);
    const [entry] = await store.listRecent(10, at(1_000));
    expect(entry).toMatchObject({ id, state: 'sent', attempts: 1, sentAt: at(1_000), failedAt: null, lastError: null });
  });

  test('retries a failed mail at the time given, not before', async () => {
    const store = createPgOutboxStore(getDb());
    const id = await enqueue(mailTo('a@example.com'));
    await store.claimDue(t0, 10, lockMs);
    await store.markFailed(id, '451 try later', at(30_000), at(1_000));
    expect(await store.claimDue(at(29_999), 10, lockMs)).toEqual([]);
    expect((await store.claimDue(at(30_000), 10, lockMs)).map((mail) => mail.id)).toEqual([id]);
  });

  test('never hands out a mail given up on, and keeps its error', async () => {
    const store = createPgOutboxStore(getDb());
    const id = await enqueue(mailTo('a@example.com'));
    await store.claimDue(t0, 10, lockMs);
    await store.markFailed(id, '550 no such user', null, at(1_000));
    expect(await store.claimDue(at(10 * lockMs), 10, lockMs)).toEqual([]);
    expect(await store.countByState(at(1_000))).toEqual({ pending: 0, sending: 0, sent: 0, failed: 1 });
    const [entry] = await store.listRecent(10, at(1_000));
    expect(entry).toMatchObject({ state: 'failed', failedAt: at(1_000), lastError: '550 no such user' });
  });

  test('counts mails by state and lists the newest first', async () => {
    const store = createPgOutboxStore(getDb());
    const sent = await enqueue(mailTo('sent@example.com'));
    await store.claimDue(t0, 1, lockMs);
    await store.markSent(sent, t0);
    await enqueue(mailTo('sending@example.com'));
    await store.claimDue(t0, 1, lockMs);
    await enqueue(mailTo('pending@example.com'));
    expect(await store.countByState(t0)).toEqual({ pending: 1, sending: 1, sent: 1, failed: 0 });
    const recent = await store.listRecent(2, t0);
    expect(recent.map((entry) => entry.toAddress)).toEqual(['pending@example.com', 'sending@example.com']);
  });
});
