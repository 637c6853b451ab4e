import type { PublicEdition } from '../../lib/api-types';

export type Availability = 'seats' | 'waitlist' | 'not_open_yet' | 'closed';

/** What a visitor can do now: take a seat, join the waiting list, wait for opening, or nothing. */
export function availabilityOf(edition: Pick<PublicEdition, 'registrationWindow' | 'seatsLeft'>): Availability {
  if (edition.registrationWindow === 'closed') return 'closed';
  if (edition.registrationWindow === 'not_open_yet') return 'not_open_yet';
  return edition.seatsLeft > 0 ? 'seats' : 'waitlist';
}
