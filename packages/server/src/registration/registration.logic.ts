/**
 * Pure decisions about seats and the waiting list. The service calls these with counts it read
 * while holding the edition's row lock, so two requests never decide on the same free seat.
 */

export type PromotionMode = 'auto' | 'offer';

/** Seats held: confirmed people and open offers. */
export interface SeatCount {
  capacity: number;
  taken: number;
  waiting: number;
}

export function freeSeats({ capacity, taken }: SeatCount): number {
  return Math.max(0, capacity - taken);
}

/**
 * A new registration gets a seat only when one is free and nobody is waiting for it already:
 * the waiting list is first come, first served.
 */
export function decideNewRegistration(seats: SeatCount): 'confirmed' | 'waitlisted' {
  return freeSeats(seats) > 0 && seats.waiting === 0 ? 'confirmed' : 'waitlisted';
}

/** One registration request in a batch: who (the e-mail, lower-cased) and whether they hold a place already. */
export interface Arrival {
  key: string;
  hasActiveRegistration: boolean;
}

export type ArrivalDecision =
  | { kind: 'existing' }
  | { kind: 'duplicate_of'; index: number }
  | { kind: 'new'; status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null };

/**
 * Seats for a batch of registrations, taken in arrival order as if they came one by one: the
 * first get the free seats, the rest join the waiting list behind those already on it. Someone
 * already registered keeps their registration; the same e-mail twice in a batch is one person.
 *
 * Example: 1 seat free, 2 waiting, arrivals [a, b, a] -> a confirmed, b waitlisted at 3,
 * the second a is a duplicate of the first.
 */
export function decideArrivals(seats: SeatCount, arrivals: readonly Arrival[]): ArrivalDecision[] {
  let { taken, waiting } = seats;
  const firstIndex = new Map<string, number>();
  return arrivals.map((arrival, index): ArrivalDecision => {
    if (arrival.hasActiveRegistration) return { kind: 'existing' };
    const first = firstIndex.get(arrival.key);
    if (first !== undefined) return { kind: 'duplicate_of', index: first };
    firstIndex.set(arrival.key, index);
    if (decideNewRegistration({ capacity: seats.capacity, taken, waiting }) === 'confirmed') {
      taken++;
      return { kind: 'new', status: 'confirmed', waitlistPosition: null };
    }
    waiting++;
    return { kind: 'new', status: 'waitlisted', waitlistPosition: waiting };
  });
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When an offered seat must be claimed: `offerHours` from now, but never later than one hour
 * before the edition starts. `null` when that leaves no time at all, in which case the seat is
 * simply confirmed (nobody can act on an offer that is already over).
 */
export function offerDeadline(now: Date, startsAt: Date, offerHours: number): Date | null {
  const deadline = Math.min(now.getTime() + offerHours * HOUR_MS, startsAt.getTime() - HOUR_MS);
  return deadline > now.getTime() ? new Date(deadline) : null;
}

export interface Promotion {
  registrationId: string;
  status: 'confirmed' | 'offered';
  offerExpiresAt: Date | null;
}

/**
 * Who moves up from the waiting list: the first `free` people in waiting order. In `auto` mode
 * they are confirmed; in `offer` mode they get a seat held for them until the deadline.
 *
 * Example: 2 free seats, waiting [a, b, c], mode offer, 30 h before the start, 24 h offers
 * -> a and b offered until now + 24 h; c keeps waiting.
 */
export function planPromotions(input: {
  free: number;
  waitingInOrder: readonly string[];
  mode: PromotionMode;
  now: Date;
  startsAt: Date;
  offerHours: number;
}): Promotion[] {
  const deadline = input.mode === 'offer' ? offerDeadline(input.now, input.startsAt, input.offerHours) : null;
  return input.waitingInOrder
    .slice(0, Math.max(0, input.free))
    .map((registrationId) =>
      deadline ? { registrationId, status: 'offered', offerExpiresAt: deadline } : { registrationId, status: 'confirmed', offerExpiresAt: null },
    );
}

/** Which reminder is due for a confirmed registration now, if any. */
export function dueReminder(input: {
  now: Date;
  startsAt: Date;
  confirmedAt: Date;
  sent24h: boolean;
  sent1h: boolean;
}): '24h' | '1h' | 'skip_24h' | null {
  const untilStart = input.startsAt.getTime() - input.now.getTime();
  if (untilStart <= 0) return null;
  if (untilStart <= HOUR_MS) return input.sent1h ? null : '1h';
  if (untilStart <= 24 * HOUR_MS && !input.sent24h) {
    // Someone confirmed within the last day has just had the confirmation with the same invite.
    const confirmedLate = input.startsAt.getTime() - input.confirmedAt.getTime() < 24 * HOUR_MS;
    return confirmedLate ? 'skip_24h' : '24h';
  }
  return null;
}
