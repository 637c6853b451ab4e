import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { sampleLinks, sampleMailMessage } from '../../test/mail-fixtures.js';
import { parseMime } from '../../test/mail-mime.js';
import { createRecordingLogger } from '../../test/mail-test-logger.js';
import { createFakeClock } from '../clock.js';
import { createFileTransport } from './file-transport.js';
import { renderMail } from './mail.logic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tablehop-mail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('writes a mail as a parseable .eml with its invite and logs its links', async () => {
  const logger = createRecordingLogger();
  const outbox = join(dir, 'outbox');
  const transport = createFileTransport({ dir: outbox, logger, clock: createFakeClock('2026-11-27T10:00:00.123Z') });
  const mail = renderMail(sampleMailMessage('reminder_24h', { language: 'nl' }), { now: new Date('2026-11-27T10:00:00Z') });
  await transport.send({ ...mail, id: '42', attempts: 1 });

  expect(await readdir(outbox)).toEqual(['20261127T100000Z-42-reminder_24h.eml']);
  const raw = await readFile(join(outbox, '20261127T100000Z-42-reminder_24h.eml'), 'utf8');
  expect(raw).toContain('\r\n');
  const { headers, parts } = parseMime(raw);
  expect(headers.to).toContain('ann.peeters@example.com');
  expect(parts.find((part) => part.contentType.startsWith('text/plain'))?.body).toContain(sampleLinks.joinUrl);
  const inline = parts.find((part) => part.contentType.startsWith('text/calendar'));
  const vevent = new ICAL.Component(ICAL.parse(inline!.body)).getFirstSubcomponent('vevent');
  expect(vevent?.getFirstPropertyValue('url')).toBe(sampleLinks.joinUrl);

  const [entry] = logger.entries;
  expect(entry?.level).toBe('info');
  expect(entry?.obj).toMatchObject({ to: 'ann.peeters@example.com', subject: mail.subject, links: [sampleLinks.joinUrl, sampleLinks.manageUrl] });
});

test('takes a pino logger', async () => {
  const transport = createFileTransport({ dir, logger: pino({ level: 'silent' }) });
  await transport.send({ ...renderMail(sampleMailMessage('magic_login')), id: '7', attempts: 1 });
  expect((await readdir(dir)).filter((file) => file.endsWith('-7-magic_login.eml'))).toHaveLength(1);
});
