import type { ConnectionState } from '@tablehop/protocol';
import type { SeatingRow } from '../live/live.store.js';

/** One recorded seating (`live_seatings`): a participant or a moderator at a table, from when to when. */
export type Seating = SeatingRow;

/** Whom one person sat with in one round (at one table, or at two when moved during the round). */
export interface MetRoundIds {
  round: number;
  tables: number[];
  registrationIds: string[];
  moderatorIds: string[];
}

const end = (s: Seating) => s.to?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * The people `registrationId` actually sat with, per round: everyone who shared a table in the same
 * round at an overlapping time (a seating that opens when another closes does not overlap). The
 * same rule as the history of later editions (`pg-live.store.ts` loadHistory). People keep their
 * order of first seating; rounds are in order; a round without anyone else is left out.
 *
 * Example: Ann sits at table 2 in round 1 with Bob, is moved to table 3 after 5 minutes, where Cas
 * sits -> round 1: tables [2, 3], Bob and Cas.
 */
export function findTablemates(seatings: readonly Seating[], registrationId: string): MetRoundIds[] {
  const mine = seatings.filter((s) => s.registrationId === registrationId);
  const byRound = new Map<number, MetRoundIds>();
  for (const own of mine) {
    let entry = byRound.get(own.round);
    if (!entry) {
      entry = { round: own.round, tables: [], registrationIds: [], moderatorIds: [] };
      byRound.set(own.round, entry);
    }
    if (!entry.tables.includes(own.table)) entry.tables.push(own.table);
    for (const other of seatings) {
      if (other.round !== own.round || other.table !== own.table || other.registrationId === registrationId) continue;
      if (!(own.from.getTime() < end(other) && other.from.getTime() < end(own))) continue;
      if (other.registrationId && !entry.registrationIds.includes(other.registrationId)) entry.registrationIds.push(other.registrationId);
      if (other.moderatorId && !entry.moderatorIds.includes(other.moderatorId)) entry.moderatorIds.push(other.moderatorId);
    }
  }
  return [...byRound.values()]
    .filter((r) => r.registrationIds.length + r.moderatorIds.length > 0)
    .map((r) => ({ ...r, tables: [...r.tables].sort((a, b) => a - b) }))
    .sort((a, b) => a.round - b.round);
}

/** What decides whether two people see each other's contact details. */
export interface ContactFacts {
  /** I asked to connect. */
  iAsked: boolean;
  /** They asked to connect. */
  theyAsked: boolean;
  /** Both agreed at registration to share with everyone who agrees too. */
  iShare: boolean;
  theyShare: boolean;
}

/**
 * Contact details are revealed only with both sides' agreement: both asked to connect, or both
 * opted in to sharing at registration. One side alone never reveals anything.
 */
export function contactRevealed(f: ContactFacts): boolean {
  return (f.iAsked && f.theyAsked) || (f.iShare && f.theyShare);
}

export function connectionState(f: ContactFacts): ConnectionState {
  if (contactRevealed(f)) return 'connected';
  if (f.iAsked) return 'requested';
  if (f.theyAsked) return 'incoming';
  return 'none';
}

/** The e-mail stored in place of an anonymized person's address: not an address, unique per row. */
export function anonymizedEmail(registrationId: string): string {
  return `anonymized:${registrationId}`;
}

/** When the personal data of an edition ending at `endsAt` is due for removal under a retention of `days`. */
export function retentionDueAt(endsAt: Date, days: number): Date {
  return new Date(endsAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** A file name for a vCard: the person's name in safe characters ("ann-peeters.vcf"). */
export function vcardFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'contact'}.vcf`;
}
