import type { Sql } from '../db/sql.js';
import type { RegistrationProfile } from '../registration/registration.store.js';
import type { Seating } from './followup.logic.js';

/** A person as the follow-up shows them: the card, and the contact details (shown only when revealed). */
export interface PersonCard extends RegistrationProfile {
  status: string;
  anonymizedAt: Date | null;
}

export interface ContactRequestRow {
  editionId: string;
  from: string;
  to: string;
  createdAt: Date;
}

export interface FeedbackRow {
  rating: number;
  recommend: number | null;
  comment: string;
  updatedAt: Date;
}

export interface FeedbackWrite {
  id: string;
  editionId: string;
  rating: number;
  recommend: number | null;
  comment: string;
  now: Date;
}

/** What a person's data export holds, read in one go. */
export interface PersonalData {
  registrations: Array<PersonCard & { seriesName: string; startsAt: Date; createdAt: Date; confirmedAt: Date | null; cancelledAt: Date | null }>;
  seatings: Array<Seating & { editionId: string }>;
  contactRequests: Array<ContactRequestRow & { otherName: string; direction: 'sent' | 'received' }>;
  feedback: Array<FeedbackRow & { editionId: string; createdAt: Date }>;
}

/** Persistence of the follow-up: seatings read, contact requests, feedback, follow-up mails, anonymization. */
export interface FollowupStore {
  listSeatings(sql: Sql, editionId: string): Promise<Seating[]>;
  /** Registrations of one edition by id (any status). */
  findPeople(sql: Sql, editionId: string, ids: readonly string[]): Promise<PersonCard[]>;
  moderatorNames(sql: Sql, ids: readonly string[]): Promise<Map<string, string>>;
  /** Contact requests of an edition from or to this registration. */
  contactRequestsOf(sql: Sql, registrationId: string): Promise<ContactRequestRow[]>;
  insertContactRequest(sql: Sql, row: ContactRequestRow): Promise<void>;
  deleteContactRequest(sql: Sql, from: string, to: string): Promise<boolean>;

  findRegistrationFeedback(sql: Sql, registrationId: string): Promise<FeedbackRow | undefined>;
  upsertRegistrationFeedback(sql: Sql, registrationId: string, write: FeedbackWrite): Promise<void>;
  findModeratorFeedback(sql: Sql, editionId: string, moderatorId: string): Promise<FeedbackRow | undefined>;
  upsertModeratorFeedback(sql: Sql, moderatorId: string, write: FeedbackWrite): Promise<void>;
  isModeratorAssigned(sql: Sql, editionId: string, moderatorId: string): Promise<boolean>;
  /** Editions this moderator is assigned to that have started (live, ended, or past their start), newest first. */
  startedEditionsOfModerator(sql: Sql, moderatorId: string, now: Date, limit: number): Promise<string[]>;

  /** Ended editions (started after `since`) whose follow-up mails were not queued yet. */
  editionsAwaitingFollowUp(sql: Sql, since: Date): Promise<string[]>;
  /** Locks the edition row and marks its follow-up queued; false when it was queued already (or is not ended). */
  claimFollowUp(sql: Sql, editionId: string, now: Date): Promise<boolean>;
  /** Registrations of an edition that were seated at least once, not anonymized. */
  attendedRegistrations(sql: Sql, editionId: string): Promise<string[]>;
  /** The first edition of the series after `after` (and after now) that is open, soonest first. */
  nextOpenEditionId(sql: Sql, seriesId: string, after: Date, now: Date): Promise<string | undefined>;

  personalData(sql: Sql, email: string): Promise<PersonalData>;
  /** Ids of every registration with this e-mail (any case), not yet anonymized. */
  registrationIdsByEmail(sql: Sql, email: string): Promise<string[]>;
  /**
   * Empties the personal data of these registrations (the rows stay for the figures), replaces
   * their tokens by the fresh ones given (never handed out), removes their contact requests and
   * feedback comments, blanks the mails sent to them and drops their unsent mails but a cancellation.
   */
  anonymize(sql: Sql, rows: ReadonlyArray<{ id: string; manageToken: string; joinToken: string }>, now: Date): Promise<number>;
  /** Registrations of past editions whose series' retention period has passed, not yet anonymized. */
  dueForRetention(sql: Sql, now: Date, limit: number): Promise<string[]>;
  /** Blanks sent or failed mails of anonymized registrations (a cancellation queued before the deletion goes out first). */
  scrubSentMailOfAnonymized(sql: Sql): Promise<number>;

  getRetention(sql: Sql, seriesId: string): Promise<{ retentionDays: number | null } | undefined>;
  setRetention(sql: Sql, seriesId: string, retentionDays: number | null): Promise<boolean>;
}
