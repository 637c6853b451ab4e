import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sampleLinks, sampleMailMessage, sampleRegistrationId } from '../../test/mail-fixtures.js';
import { parseMime } from '../../test/mail-mime.js';
import { createRecordingLogger } from '../../test/mail-test-logger.js';
import { startSmtpTestServer } from '../../test/smtp-test-server.js';
import { createFakeClock } from '../clock.js';
import { migrate } from '../db/migrate.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import type { Database } from '../db/sql.js';
import type { MailMessage } from './mail.types.js';
import { createMailWorker } from './mail-worker.js';
import { createPgOutboxStore } from './pg-outbox.store.js';
import { createSmtpTransport } from './smtp-transport.js';

// The whole path a mail takes in production: outbox on PGlite -> worker -> nodemailer SMTP -> a
// real SMTP server; then the received MIME message and its invite are read back.
describe('SMTP transport through the mail worker', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let db: Database;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    db = await openPgliteDatabase(undefined);
    await migrate(db);
  });
  afterAll(async () => {
    await smtp.close();
    await db.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM outbox');
    smtp.received.length = 0;
  });

  async function sendThroughSmtp(message: MailMessage) {
    const clock = createFakeClock('2026-11-27T10:00:00Z');
    const store = createPgOutboxStore(db);
    const transport = createSmtpTransport(`${smtp.url}?from=${encodeURIComponent('"Virtual Friday" <events@example.org>')}`);
    const organizer = { name: 'Virtual Friday', email: 'events@example.org' };
    const worker = createMailWorker({ store, transport, clock, logger: createRecordingLogger(), organizer });
    try {
      await db.transaction((tx) => store.enqueue(tx, message, clock.now()));
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    } finally {
      await transport.close?.();
    }
    const [received] = await smtp.waitForMail(1);
    return received!;
  }

  test('delivers a confirmation with both bodies and a parseable invite', async () => {
    const received = await sendThroughSmtp(sampleMailMessage('registration_confirmed', { language: 'en' }));
    expect(received.from).toBe('events@example.org');
    expect(received.to).toEqual(['ann.peeters@example.com']);

    const { headers, parts } = parseMime(received.raw);
    expect(headers.subject).toBe("You're registered: Virtual Friday on Friday, 4 December 2026");
    expect(headers['message-id']).toMatch(/^<outbox-\d+\.registration-confirmed@example\.org>$/);
    const text = parts.find((part) => part.contentType.startsWith('text/plain'));
    const html = parts.find((part) => part.contentType.startsWith('text/html'));
    expect(text?.body).toContain(sampleLinks.joinUrl);
    expect(html?.body).toContain(`href="${sampleLinks.manageUrl}"`);

    const inline = parts.find((part) => part.contentType.startsWith('text/calendar'));
    expect(inline?.contentType).toMatch(/method=REQUEST/);
    const attachment = parts.find((part) => part.contentType.startsWith('application/ics'));
    expect(attachment?.headers['content-disposition']).toMatch(/attachment/);

    const calendar = new ICAL.Component(ICAL.parse(inline!.body));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('uid')).toBe(`registration-${sampleRegistrationId}@tablehop`);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Brussels');
    expect(vevent.getFirstPropertyValue('url')).toBe(sampleLinks.joinUrl);
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:events@example.org');
    // Same calendar object in both places (the MIME reader normalises line ends of the inline part only).
    const lines = (body: string | undefined) => body?.replace(/\r\n/g, '\n').trim();
    expect(lines(attachment?.body)).toBe(lines(inline?.body));
  });

  test('delivers a cancellation as a CANCEL invite', async () => {
    const received = await sendThroughSmtp(sampleMailMessage('registration_cancelled', { language: 'nl', calendarSequence: 1 }));
    const inline = parseMime(received.raw).parts.find((part) => part.contentType.startsWith('text/calendar'));
    expect(inline?.contentType).toMatch(/method=CANCEL/);
    const vevent = new ICAL.Component(ICAL.parse(inline!.body)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
  });

  test('delivers a waitlist mail without an invite', async () => {
    const received = await sendThroughSmtp(sampleMailMessage('registration_waitlisted'));
    const types = parseMime(received.raw).parts.map((part) => part.contentType.split(';')[0]);
    expect(types.sort()).toEqual(['text/html', 'text/plain']);
  });
});

describe('createSmtpTransport', () => {
  test('rejects a URL that is not smtp:// or smtps://', () => {
    expect(() => createSmtpTransport('http://mail.example.org')).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
