import type { Language, RegistrationStatus } from '@tablehop/protocol';
import type { Sql } from '../db/sql.js';

/** What a person gave when registering for one edition: the part every registration shape shares. */
export interface RegistrationProfile {
  id: string;
  editionId: string;
  name: string;
  email: string;
  company: string;
  sector: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
  linkedinUrl: string;
  language: Language;
  shareContact: boolean;
}

/** A person's registration for one edition. */
export interface Registration extends RegistrationProfile {
  status: RegistrationStatus;
  /** Rank among those still waiting (1 = next); null when not waiting. */
  waitlistPosition: number | null;
  offerExpiresAt: Date | null;
  manageToken: string;
  joinToken: string;
  source: 'self' | 'organizer';
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  reminder24hAt: Date | null;
  reminder1hAt: Date | null;
  calendarSequence: number;
}

export interface SavedRegistration {
  id: string;
  email: string;
  manageToken: string;
  joinToken: string;
  calendarSequence: number;
}

export type NewRegistration = Omit<Registration, 'waitlistPosition' | 'cancelledAt' | 'reminder24hAt' | 'reminder1hAt' | 'calendarSequence'>;

export interface RegistrationsStore {
  findById(sql: Sql, id: string): Promise<Registration | undefined>;
  findByManageToken(sql: Sql, token: string): Promise<Registration | undefined>;
  findByJoinToken(sql: Sql, token: string): Promise<Registration | undefined>;
  /** Registrations of an edition with any of these e-mails (case-insensitive). */
  findByEmails(sql: Sql, editionId: string, emails: readonly string[]): Promise<Registration[]>;
  /**
   * Inserts many in one statement, in order, each re-using the row of a cancelled/expired
   * registration with the same e-mail when there is one. Returns, per input, the row written
   * (its id and links may be the re-used row's). Throws when any row could not be written.
   */
  saveMany(sql: Sql, registrations: ReadonlyArray<NewRegistration & { waitlistSeq: number | null }>): Promise<SavedRegistration[]>;
  /** Reserves `count` consecutive waiting-list numbers of an edition; returns the first (call under the edition lock). */
  reserveWaitlistSeqs(sql: Sql, editionId: string, count: number): Promise<number>;
  setStatus(
    sql: Sql,
    id: string,
    change: { status: RegistrationStatus; now: Date; offerExpiresAt?: Date | null; waitlistSeq?: number | null },
  ): Promise<void>;
  waitingInOrder(sql: Sql, editionId: string, limit: number): Promise<string[]>;
  listByEdition(sql: Sql, editionId: string): Promise<Registration[]>;
  /** Open offers whose deadline has passed, oldest first, with their edition. */
  expiredOffers(sql: Sql, now: Date): Promise<Array<{ id: string; editionId: string }>>;
  /** Confirmed registrations of editions starting within the next day, for reminders. */
  reminderCandidates(sql: Sql, now: Date): Promise<Registration[]>;
  markReminder(sql: Sql, id: string, which: '24h' | '1h', now: Date): Promise<void>;
}
