import type { Language } from '@tablehop/protocol';
import { renderMail } from './mail.logic.js';
import type { EditionFacts, MailKind, MailMessage } from './mail.types.js';

/**
 * Sample mails for the organizer's preview: each kind of mail about a real edition, to a made-up
 * person with example links, rendered by the same `renderMail` the mail worker uses. Pure.
 */

/** The kinds an organizer can preview, in the order a participant meets them. */
export const previewKinds = [
  'registration_confirmed',
  'registration_waitlisted',
  'seat_offered',
  'registration_promoted',
  'offer_expired',
  'manage_link',
  'reminder_24h',
  'reminder_1h',
  'registration_cancelled',
  'moderator_invite',
  'magic_login',
] as const satisfies readonly MailKind[];
export type PreviewKind = (typeof previewKinds)[number];

export const isPreviewKind = (kind: string): kind is PreviewKind => (previewKinds as readonly string[]).includes(kind);

const sampleNames: Record<Language, { name: string; email: string; organizer: string }> = {
  nl: { name: 'Anna Peeters', email: 'anna.peeters@example.com', organizer: 'Het organisatieteam' },
  en: { name: 'Anna Peters', email: 'anna.peters@example.com', organizer: 'The organizing team' },
};

const HOUR_MS = 60 * 60 * 1000;

export interface PreviewEdition extends EditionFacts {
  offerHours: number;
  promotionMode: 'auto' | 'offer';
}

/** A sample message of `kind` about `edition`, in `language`; `publicUrl` makes the example links look real. */
export function sampleMessage(kind: PreviewKind, edition: PreviewEdition, language: Language, publicUrl: string): MailMessage {
  const person = sampleNames[language];
  const to = { email: person.email, name: person.name, language };
  const token = 'example';
  const registration = {
    id: '00000000-0000-4000-8000-000000000000',
    manageUrl: `${publicUrl}/manage/${token}`,
    joinUrl: `${publicUrl}/join/${token}`,
    calendarUrl: `${publicUrl}/api/manage/${token}/calendar.ics`,
    calendarSequence: 0,
  };
  const facts: EditionFacts = {
    editionId: edition.editionId,
    seriesName: edition.seriesName,
    description: edition.description,
    startsAt: edition.startsAt,
    durationMinutes: edition.durationMinutes,
    timeZone: edition.timeZone,
  };
  const about = { to, edition: facts, registration };
  const offerEnds = new Date(Math.max(edition.startsAt.getTime() - edition.offerHours * HOUR_MS, edition.startsAt.getTime() - 24 * HOUR_MS));
  switch (kind) {
    case 'registration_waitlisted':
      return { kind, position: 3, promotionMode: edition.promotionMode, ...about };
    case 'seat_offered':
      return { kind, offerExpiresAt: offerEnds, acceptUrl: `${registration.manageUrl}?action=accept`, ...about };
    case 'manage_link':
      return { kind, status: 'confirmed', position: null, ...about };
    case 'moderator_invite':
      return {
        kind,
        to,
        inviteUrl: `${publicUrl}/invite?token=${token}`,
        invitedBy: person.organizer,
        expiresAt: new Date(edition.startsAt.getTime() - 7 * 24 * HOUR_MS),
        timeZone: edition.timeZone,
      };
    case 'magic_login':
      return {
        kind,
        to,
        loginUrl: `${publicUrl}/login/magic?token=${token}`,
        expiresAt: new Date(edition.startsAt.getTime() - 48 * HOUR_MS),
        timeZone: edition.timeZone,
      };
    default:
      return { kind, ...about };
  }
}

/** Subject, HTML and plain text of a sample mail, exactly as the mail worker would render it. */
export function renderPreview(kind: PreviewKind, edition: PreviewEdition, language: Language, publicUrl: string, now: Date) {
  const mail = renderMail(sampleMessage(kind, edition, language, publicUrl), { now });
  return {
    kind,
    language,
    to: `${mail.to.name} <${mail.to.address}>`,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    hasCalendarInvite: Boolean(mail.ics),
  };
}
