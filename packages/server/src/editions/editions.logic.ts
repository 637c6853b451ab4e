import type { EditionStatus } from '@tablehop/protocol';

/**
 * Seats of an edition: the number set by hand, or else one table per assigned moderator
 * (17 moderators x groups of 6 = 102 seats).
 */
export function effectiveCapacity(edition: { capacityOverride: number | null; moderatorCount: number; format: { groupSize: number } }): number {
  return edition.capacityOverride ?? edition.moderatorCount * edition.format.groupSize;
}

export type RegistrationWindow = 'open' | 'not_open_yet' | 'closed';

/**
 * Whether people can register now. Only an `open` edition takes registrations, from its opening
 * time (none: at once) until its closing time (none: the edition's start).
 */
export function registrationWindow(
  edition: { status: EditionStatus; registrationOpensAt: Date | null; registrationClosesAt: Date | null; startsAt: Date },
  now: Date,
): RegistrationWindow {
  if (edition.status !== 'open') return edition.status === 'draft' ? 'not_open_yet' : 'closed';
  if (edition.registrationOpensAt && now < edition.registrationOpensAt) return 'not_open_yet';
  const closesAt = edition.registrationClosesAt ?? edition.startsAt;
  return now < closesAt ? 'open' : 'closed';
}

/** Why a change or a deletion is refused, in the API's terms; `null` means it may go ahead. */
export type EditionRefusal =
  | { code: 'ERR_VALIDATION'; message: string; details: Array<{ path: string; message: string }> }
  | { code: 'ERR_CONFLICT' | 'ERR_HAS_REGISTRATIONS'; message: string };

interface EditionDates {
  status: EditionStatus;
  startsAt: Date;
  durationMinutes: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

/**
 * Checks an edition as it would be after a change. Organizers open, close and draft editions; it
 * goes live and ends through the live event, and an ended edition stays ended. The registration
 * window must open before it closes, and close before the edition ends.
 */
export function checkEditionChange(before: EditionDates, after: EditionDates): EditionRefusal | null {
  if (after.status !== before.status) {
    if (before.status === 'ended') return { code: 'ERR_CONFLICT', message: 'This edition has ended; its status can not change any more.' };
    if (after.status === 'live') return { code: 'ERR_CONFLICT', message: 'An edition goes live by itself when its live event starts.' };
  }
  const closesAt = after.registrationClosesAt ?? after.startsAt;
  const endsAt = new Date(after.startsAt.getTime() + after.durationMinutes * 60_000);
  if (after.registrationOpensAt && after.registrationOpensAt >= closesAt) {
    const path = after.registrationClosesAt ? 'body.registrationClosesAt' : 'body.registrationOpensAt';
    const message = after.registrationClosesAt ? 'must be after the opening time' : 'must be before the start of the edition';
    return { code: 'ERR_VALIDATION', message: `${path}: ${message}`, details: [{ path, message }] };
  }
  if (after.registrationClosesAt && after.registrationClosesAt > endsAt) {
    const path = 'body.registrationClosesAt';
    const message = 'must be before the end of the edition';
    return { code: 'ERR_VALIDATION', message: `${path}: ${message}`, details: [{ path, message }] };
  }
  return null;
}

/**
 * Whether an edition may be deleted: never once it has run (live, ended), and not while anybody
 * holds a seat, an offer or a place on the waiting list (they would lose it without a word).
 */
export function checkEditionDeletion(
  edition: { status: EditionStatus },
  counts: { confirmed: number; offered: number; waitlisted: number },
): EditionRefusal | null {
  if (edition.status === 'live' || edition.status === 'ended')
    return { code: 'ERR_CONFLICT', message: 'An edition that has taken place (or is running) stays for the records.' };
  const active = counts.confirmed + counts.offered + counts.waitlisted;
  if (active > 0)
    return {
      code: 'ERR_HAS_REGISTRATIONS',
      message: `${active} ${active === 1 ? 'person is' : 'people are'} still registered: cancel their registrations first, or close registration instead.`,
    };
  return null;
}
