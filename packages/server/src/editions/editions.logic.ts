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
