import { describe, expect, test } from 'vitest';
import { allMailKinds, sampleLinks, sampleMailMessage, sampleRegistrationId } from '../../test/mail-fixtures.js';
import { inviteMethodByKind, renderMail } from './mail.logic.js';
import type { MailKind } from './mail.types.js';

const languages = ['nl', 'en'] as const;
const table = allMailKinds.flatMap((kind) => languages.map((language) => ({ kind, language })));
const registrationKinds = allMailKinds.filter((kind) => kind !== 'magic_login' && kind !== 'moderator_invite');

/** The links each kind must carry, in both bodies. */
const requiredLinks: Record<MailKind, string[]> = {
  registration_confirmed: [sampleLinks.joinUrl, sampleLinks.manageUrl],
  registration_promoted: [sampleLinks.joinUrl, sampleLinks.manageUrl],
  reminder_24h: [sampleLinks.joinUrl, sampleLinks.manageUrl],
  reminder_1h: [sampleLinks.joinUrl, sampleLinks.manageUrl],
  registration_waitlisted: [sampleLinks.manageUrl],
  seat_offered: [sampleLinks.acceptUrl, sampleLinks.manageUrl],
  registration_cancelled: [sampleLinks.manageUrl],
  offer_expired: [sampleLinks.manageUrl],
  manage_link: [sampleLinks.manageUrl, sampleLinks.joinUrl],
  magic_login: [sampleLinks.loginUrl],
  moderator_invite: [sampleLinks.inviteUrl],
  follow_up: [sampleLinks.metUrl, sampleLinks.feedbackUrl, sampleLinks.nextUrl, sampleLinks.manageUrl],
};

describe('renderMail', () => {
  test.each(table)('renders $kind in $language with a subject, both bodies and its links', ({ kind, language }) => {
    const mail = renderMail(sampleMailMessage(kind, { language }));
    expect(mail.kind).toBe(kind);
    expect(mail.subject.trim()).not.toBe('');
    expect(mail.subject).not.toMatch(/\n/);
    expect(mail.to).toEqual({ address: 'ann.peeters@example.com', name: 'Ann Peeters' });
    for (const url of requiredLinks[kind]) {
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url}"`);
    }
  });

  test.each(table)('escapes a scripted name and series name in the HTML of $kind in $language', ({ kind, language }) => {
    const hostile = '<script>alert("x")</script>';
    const mail = renderMail(sampleMailMessage(kind, { language, name: `Ann ${hostile}`, seriesName: `Friday ${hostile} & co` }));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).not.toMatch(/& co/);
  });

  test.each(table)('attaches an invite to $kind in $language exactly when the kind promises one', ({ kind, language }) => {
    const mail = renderMail(sampleMailMessage(kind, { language }));
    const method = inviteMethodByKind[kind];
    if (method === null) {
      expect(mail.ics).toBeUndefined();
    } else {
      expect(mail.ics?.method).toBe(method);
      expect(mail.ics?.content).toContain(`UID:registration-${sampleRegistrationId}@tablehop`);
    }
  });

  test.each(registrationKinds)('links %s to its registration', (kind) => {
    expect(renderMail(sampleMailMessage(kind)).registrationId).toBe(sampleRegistrationId);
  });

  test('invites on confirmation, promotion and both reminders, and cancels on cancellation', () => {
    const withInvite = allMailKinds.filter((kind) => inviteMethodByKind[kind] === 'REQUEST');
    expect(withInvite.sort()).toEqual(['registration_confirmed', 'registration_promoted', 'reminder_1h', 'reminder_24h']);
    expect(inviteMethodByKind.registration_cancelled).toBe('CANCEL');
  });

  test.each([
    { language: 'nl' as const, expected: 'vrijdag 4 december 2026, 09:30–11:00 CET' },
    { language: 'en' as const, expected: 'Friday, 4 December 2026, 09:30–11:00 CET' },
  ])('shows the slot in the edition time zone and in $language', ({ language, expected }) => {
    const mail = renderMail(sampleMailMessage('registration_confirmed', { language }));
    expect(mail.text).toContain(expected);
    expect(mail.html).toContain(expected);
  });

  test('shows the waiting-list position and explains moving up automatically', () => {
    const en = renderMail(sampleMailMessage('registration_waitlisted', { language: 'en' }));
    expect(en.subject).toContain('position 7');
    expect(en.text).toMatch(/moves up automatically/);
    const nl = renderMail(sampleMailMessage('registration_waitlisted', { language: 'nl' }));
    expect(nl.subject).toContain('plaats 7');
    expect(nl.text).toMatch(/automatisch door/);
  });

  test('shows the offer deadline in the edition time zone', () => {
    const mail = renderMail(sampleMailMessage('seat_offered', { language: 'en' }));
    expect(mail.text).toContain('Thursday, 3 December 2026 at 09:30 CET');
  });

  test('writes the same output for the same message', () => {
    const message = sampleMailMessage('reminder_24h', { language: 'nl' });
    const now = new Date('2026-12-03T08:30:00Z');
    expect(renderMail(message, { now })).toEqual(renderMail(message, { now }));
  });

  test('keeps the subject on one line when the series name has a line break', () => {
    const mail = renderMail(sampleMailMessage('registration_confirmed', { seriesName: 'Virtual\r\nBcc: x@evil.example' }));
    expect(mail.subject).toBe("You're registered: Virtual Bcc: x@evil.example on Friday, 4 December 2026");
  });

  test('leaves the plain text free of HTML', () => {
    for (const kind of allMailKinds) expect(renderMail(sampleMailMessage(kind)).text).not.toMatch(/<\/?(p|a|br|table)\b/);
  });
});
