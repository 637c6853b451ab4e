import type { Language } from '@tablehop/protocol';

/** Who a mail goes to. */
export interface Recipient {
  email: string;
  name: string;
  language: Language;
}

/** What a mail about an edition needs to know of it. */
export interface EditionFacts {
  editionId: string;
  seriesName: string;
  description: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
}

/** What a mail about a registration needs to know of it. */
export interface RegistrationFacts {
  id: string;
  /** The personal page to see status and position, cancel, download the calendar file. */
  manageUrl: string;
  /** The personal link to join the live event. */
  joinUrl: string;
  /** The .ics download on the manage page. */
  calendarUrl: string;
  /**
   * Bumped on every change of the calendar event (e.g. cancellation) so calendar clients replace
   * the earlier copy with the same UID.
   */
  calendarSequence: number;
}

interface AboutRegistration {
  to: Recipient;
  edition: EditionFacts;
  registration: RegistrationFacts;
}

/** Every mail Tablehop sends, as data. `renderMail` turns one into subject, bodies and invite. */
export type MailMessage =
  | ({ kind: 'registration_confirmed' } & AboutRegistration)
  | ({
      kind: 'registration_waitlisted';
      position: number;
      /** How a freed seat reaches the list: confirmed at once (default) or offered with a deadline. */
      promotionMode?: 'auto' | 'offer';
    } & AboutRegistration)
  | ({ kind: 'seat_offered'; offerExpiresAt: Date; acceptUrl: string } & AboutRegistration)
  | ({ kind: 'registration_promoted' } & AboutRegistration)
  | ({ kind: 'registration_cancelled' } & AboutRegistration)
  | ({ kind: 'offer_expired' } & AboutRegistration)
  | ({ kind: 'reminder_24h' } & AboutRegistration)
  | ({ kind: 'reminder_1h' } & AboutRegistration)
  /** Sent when someone registers again with the same e-mail: their existing link, by mail only. */
  | ({ kind: 'manage_link'; status: 'confirmed' | 'waitlisted' | 'offered'; position: number | null } & AboutRegistration)
  /**
   * After an edition, to each participant who was seated (`followup/`): thanks, whom they met, the
   * feedback form, and the next edition with its one-click registration when there is one.
   * `next.startsAt` is an ISO string (the outbox stores messages as JSON).
   */
  | ({ kind: 'follow_up'; metUrl: string; feedbackUrl: string; next: { startsAt: string; registerUrl: string } | null } & AboutRegistration)
  /** `timeZone` (default Europe/Brussels) is the zone the expiry time is shown in. */
  | { kind: 'magic_login'; to: Recipient; loginUrl: string; expiresAt: Date; timeZone?: string }
  | { kind: 'moderator_invite'; to: Recipient; inviteUrl: string; invitedBy: string; expiresAt: Date; timeZone?: string };

export type MailKind = MailMessage['kind'];

/** A mail ready to be sent: what `renderMail` makes of a `MailMessage`. */
export interface RenderedMail {
  kind: MailKind;
  to: { address: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** An RFC 5545 calendar object, sent as an inline invite (text/calendar) and as an .ics attachment. */
  ics?: { content: string; method: 'PUBLISH' | 'REQUEST' | 'CANCEL' };
  registrationId?: string;
}

/**
 * A mail the outbox hands to the worker: the message as stored (dates revived), to be rendered at
 * send time. `createdAt` is when the change that caused it happened (the invite's DTSTAMP);
 * `attempts` counts this one.
 */
export interface QueuedMail {
  id: string;
  attempts: number;
  createdAt: Date;
  message: MailMessage;
}

/** A rendered outbox mail as the worker hands it to a transport. */
export interface OutboxMail extends RenderedMail {
  id: string;
  attempts: number;
}

/** Delivers one mail; throws to ask for a retry. */
export interface MailTransport {
  send(mail: OutboxMail): Promise<void>;
  close?(): Promise<void>;
}
