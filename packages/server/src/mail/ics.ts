import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { EditionFacts, Recipient, RegistrationFacts } from './mail.types.js';

/** Who sends the invitation: the ORGANIZER of the event (RFC 5546 requires one for REQUEST and CANCEL). */
export interface MailOrganizer {
  name: string;
  email: string;
}

/** What one registration's calendar event is built from. */
export interface RegistrationIcsInput {
  to: Recipient;
  edition: EditionFacts;
  registration: RegistrationFacts;
  /**
   * `REQUEST` for a confirmed seat (mail and reminders), `CANCEL` when it is cancelled, `PUBLISH`
   * for the file downloaded from the manage page.
   */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** DTSTAMP: when this copy of the event was made. Passed in so the output is deterministic. */
  stamp: Date;
  /** Defaults to the series name at `noreply@<host of the manage link>`. */
  organizer?: MailOrganizer;
}

/**
 * The UID of a registration's event. Stable for the life of the registration, so a later copy
 * (a reminder, a cancellation, a download) replaces the earlier one in the calendar instead of
 * adding a second event.
 */
export function registrationEventUid(registrationId: string): string {
  return `registration-${registrationId}@tablehop`;
}

/**
 * Builds the RFC 5545 calendar object of one registration: one VEVENT with DTSTART/DTEND in the
 * edition's time zone (TZID plus a VTIMEZONE), SEQUENCE from `calendarSequence`, the personal join
 * link as URL and in the description, the manage link in the description.
 *
 * Why REQUEST rather than PUBLISH for mails: a cancellation must be able to remove the event, and
 * Outlook, Gmail and Apple Calendar only apply a METHOD:CANCEL to an event they received as an
 * iTIP REQUEST from the same ORGANIZER with the same UID. PUBLISH copies are imported as private
 * copies that a CANCEL does not reliably touch. The attendee is marked RSVP=FALSE and ACCEPTED
 * (they registered), so no client asks them to answer. The manage-page download uses PUBLISH:
 * a file opened by hand is an import, not an invitation.
 *
 * Deterministic: no clock (DTSTAMP is `stamp`); the VTIMEZONE comes from the static zone files of
 * `@touch4it/ical-timezones`.
 */
export function buildRegistrationIcs(input: RegistrationIcsInput): string {
  const { edition, registration, to, method } = input;
  const organizer = input.organizer ?? defaultOrganizer(edition, registration);
  // The calendar's own time zone stays unset on purpose: ical-generator then writes DTSTAMP in UTC
  // with a Z (as RFC 5545 requires) while the event's TZID still gets its VTIMEZONE.
  const calendar = ical({
    prodId: { company: 'Tablehop', product: 'Tablehop', language: to.language.toUpperCase() },
    method: ICalCalendarMethod[method],
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const zoned = (at: Date) => DateTime.fromJSDate(at, { zone: edition.timeZone });
  const cancelled = method === 'CANCEL';
  const event = calendar.createEvent({
    id: registrationEventUid(registration.id),
    sequence: registration.calendarSequence,
    stamp: DateTime.fromJSDate(input.stamp, { zone: 'utc' }),
    start: zoned(edition.startsAt),
    end: zoned(new Date(edition.startsAt.getTime() + edition.durationMinutes * 60_000)),
    timezone: edition.timeZone,
    summary: edition.seriesName,
    description: describe(input),
    url: registration.joinUrl,
    location: registration.joinUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (method !== 'PUBLISH') {
    event.organizer({ name: safeParam(organizer.name), email: organizer.email });
    event.createAttendee({
      email: to.email,
      name: safeParam(to.name),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    });
  }
  return calendar.toString();
}

/**
 * The calendar file offered for download on the manage page: the same event (same UID and
 * SEQUENCE) as in the mails, as METHOD:PUBLISH, or CANCEL once the registration is cancelled.
 */
export function buildRegistrationCalendarFile(input: Omit<RegistrationIcsInput, 'method'> & { cancelled?: boolean }): {
  filename: string;
  contentType: string;
  content: string;
} {
  const method = input.cancelled ? 'CANCEL' : 'PUBLISH';
  return {
    filename: `${slugify(input.edition.seriesName)}-${input.edition.startsAt.toISOString().slice(0, 10)}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: buildRegistrationIcs({ ...input, method }),
  };
}

function describe(input: RegistrationIcsInput): string {
  const { to, edition, registration, method } = input;
  const nl = to.language === 'nl';
  if (method === 'CANCEL') {
    return nl
      ? `Je inschrijving is geannuleerd.\n\nJe inschrijving bekijken: ${registration.manageUrl}`
      : `Your registration has been cancelled.\n\nView your registration: ${registration.manageUrl}`;
  }
  const lines = [
    edition.description.trim(),
    nl ? `Deelnemen (persoonlijke link): ${registration.joinUrl}` : `Join (personal link): ${registration.joinUrl}`,
    nl ? `Je inschrijving bekijken of annuleren: ${registration.manageUrl}` : `View or cancel your registration: ${registration.manageUrl}`,
  ];
  return lines.filter((line) => line.length > 0).join('\n\n');
}

function defaultOrganizer(edition: EditionFacts, registration: RegistrationFacts): MailOrganizer {
  return { name: edition.seriesName, email: `noreply@${new URL(registration.manageUrl).hostname}` };
}

// A parameter value (CN) may not hold a double quote, and ical-generator escapes it with a backslash,
// which RFC 5545 does not allow; control characters would break the line. Drop the quotes, turn
// control characters into spaces.
function safeParam(value: string): string {
  return (
    value
      .replace(/"/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'tablehop';
}
