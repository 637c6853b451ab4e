import type { Language } from '@tablehop/protocol';
import type { MailKind, MailMessage } from '../src/mail/mail.types.js';

/** Every mail kind, for `test.each` tables. */
export const allMailKinds: readonly MailKind[] = [
  'registration_confirmed',
  'registration_waitlisted',
  'seat_offered',
  'registration_promoted',
  'registration_cancelled',
  'offer_expired',
  'reminder_24h',
  'reminder_1h',
  'manage_link',
  'magic_login',
  'moderator_invite',
  'follow_up',
];

export const sampleRegistrationId = '6f1c3c1e-8a7b-4c1d-9a55-2f3b7d0e4a11';
export const sampleLinks = {
  manageUrl: 'https://events.example.org/r/manage-token-abc',
  joinUrl: 'https://events.example.org/join/join-token-xyz',
  calendarUrl: 'https://events.example.org/r/manage-token-abc/calendar.ics',
  acceptUrl: 'https://events.example.org/r/manage-token-abc/accept',
  loginUrl: 'https://events.example.org/login/magic-token',
  inviteUrl: 'https://events.example.org/invite/invite-token',
  metUrl: 'https://events.example.org/manage/manage-token-abc/met',
  feedbackUrl: 'https://events.example.org/manage/manage-token-abc/feedback',
  nextUrl: 'https://events.example.org/manage/manage-token-abc/next',
};

/**
 * A sample message of each kind: an edition on Friday 4 December 2026 at 09:30 in Brussels
 * (08:30 UTC), 90 minutes.
 */
export function sampleMailMessage(
  kind: MailKind,
  options: { language?: Language; name?: string; seriesName?: string; calendarSequence?: number } = {},
): MailMessage {
  const to = { email: 'ann.peeters@example.com', name: options.name ?? 'Ann Peeters', language: options.language ?? 'en' };
  const about = {
    to,
    edition: {
      editionId: 'a3e1c1a0-0000-4000-8000-000000000001',
      seriesName: options.seriesName ?? 'Virtual Friday',
      description: 'A networking morning for entrepreneurs.',
      startsAt: new Date('2026-12-04T08:30:00Z'),
      durationMinutes: 90,
      timeZone: 'Europe/Brussels',
    },
    registration: {
      id: sampleRegistrationId,
      manageUrl: sampleLinks.manageUrl,
      joinUrl: sampleLinks.joinUrl,
      calendarUrl: sampleLinks.calendarUrl,
      calendarSequence: options.calendarSequence ?? 0,
    },
  };
  const expiresAt = new Date('2026-12-03T08:30:00Z');
  switch (kind) {
    case 'registration_waitlisted':
      return { kind, position: 7, ...about };
    case 'seat_offered':
      return { kind, offerExpiresAt: expiresAt, acceptUrl: sampleLinks.acceptUrl, ...about };
    case 'manage_link':
      return { kind, status: 'confirmed', position: null, ...about };
    case 'magic_login':
      return { kind, to, loginUrl: sampleLinks.loginUrl, expiresAt };
    case 'moderator_invite':
      return { kind, to, inviteUrl: sampleLinks.inviteUrl, invitedBy: 'Els Janssens', expiresAt };
    case 'follow_up':
      return {
        kind,
        metUrl: sampleLinks.metUrl,
        feedbackUrl: sampleLinks.feedbackUrl,
        next: { startsAt: '2026-12-11T08:30:00.000Z', registerUrl: sampleLinks.nextUrl },
        ...about,
      };
    default:
      return { kind, ...about };
  }
}
