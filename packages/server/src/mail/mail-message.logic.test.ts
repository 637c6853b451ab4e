import { expect, test } from 'vitest';
import { allMailKinds, sampleMailMessage } from '../../test/mail-fixtures.js';
import { reviveMailMessage } from './mail-message.logic.js';
import type { MailMessage } from './mail.types.js';

test.each(allMailKinds)('gives back an equal %s message after a JSON round trip', (kind) => {
  const message = sampleMailMessage(kind);
  const revived = reviveMailMessage(JSON.parse(JSON.stringify(message)));
  expect(revived).toEqual(message);
});

test('keeps the optional fields of a message', () => {
  const confirmed = sampleMailMessage('registration_confirmed');
  if (confirmed.kind !== 'registration_confirmed') throw new Error('fixture');
  const messages: MailMessage[] = [
    { ...confirmed, kind: 'registration_waitlisted', position: 3, promotionMode: 'offer' },
    { kind: 'magic_login', to: confirmed.to, loginUrl: 'https://x.example/l', expiresAt: new Date('2026-11-27T10:15:00Z'), timeZone: 'UTC' },
  ];
  for (const message of messages) expect(reviveMailMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
});

test('returns dates as Date objects', () => {
  const revived = reviveMailMessage(JSON.parse(JSON.stringify(sampleMailMessage('seat_offered'))));
  expect(revived.kind === 'seat_offered' && revived.offerExpiresAt).toBeInstanceOf(Date);
  expect('edition' in revived && revived.edition.startsAt).toBeInstanceOf(Date);
});
