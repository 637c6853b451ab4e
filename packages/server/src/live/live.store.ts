import type { HistoryPair } from '@tablehop/matching';
import type { EditionStatus } from '@tablehop/protocol';
import type { Sql } from '../db/sql.js';
import type { LiveFormat, LiveState } from './live.logic.js';

/** What the engine needs to know of an edition. */
export interface LiveEditionInfo {
  id: string;
  seriesId: string;
  title: string;
  startsAt: Date;
  status: EditionStatus;
  format: Omit<LiveFormat, 'movingSeconds' | 'doorsOpenMinutes'>;
  /** The edition's icebreaker prompts (one per round); optional for stores that do not know them. */
  icebreakers?: string[];
}

/** A confirmed registration as the tables show it (never the e-mail address). */
export interface LiveParticipantRow {
  id: string;
  name: string;
  company: string;
  sector: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
}

export interface LiveStaffRow {
  id: string;
  name: string;
  role: 'organizer' | 'moderator';
}

/** One change to the seating record, in order: `open` starts a seating, `close` ends a person's open one. */
export type SeatingOp =
  | { op: 'open'; personId: string; kind: 'participant' | 'moderator'; round: number; table: number; at: Date }
  | { op: 'close'; personId: string; kind: 'participant' | 'moderator'; at: Date };

/** One recorded seating (`live_seatings`): a participant or a moderator at a table, from when to when. */
export interface SeatingRow {
  round: number;
  table: number;
  registrationId: string | null;
  moderatorId: string | null;
  from: Date;
  /** null: never closed (counts as lasting to the end). */
  to: Date | null;
}

/** Persistence of the live event: its state, the seating record, and the reads that feed it. */
export interface LiveStore {
  findEdition(sql: Sql, editionId: string): Promise<LiveEditionInfo | undefined>;
  setEditionStatus(sql: Sql, editionId: string, status: EditionStatus): Promise<void>;
  /** The registration holding this join token, if any (any edition, any status). */
  findByJoinToken(sql: Sql, token: string): Promise<{ id: string; editionId: string; status: string; joinToken: string } | undefined>;
  listParticipants(sql: Sql, editionId: string): Promise<LiveParticipantRow[]>;
  findParticipant(sql: Sql, editionId: string, registrationId: string): Promise<LiveParticipantRow | undefined>;
  listModerators(sql: Sql, editionId: string): Promise<{ id: string; name: string }[]>;
  findStaff(sql: Sql, userId: string): Promise<LiveStaffRow | undefined>;
  /**
   * Pairs of this edition's confirmed participants (by registration id) who sat at one table in an
   * earlier edition of the same series (matched by e-mail): one entry per pair and earlier edition,
   * with that edition's date, so the planner sums them (SPEC M6). With `registrationIds`, only the
   * pairs of which one of them is part (for people confirmed after the edition was loaded).
   */
  loadHistory(sql: Sql, editionId: string, registrationIds?: readonly string[]): Promise<HistoryPair[]>;
  /** The saved state; the tables of the running round are rebuilt from the open seatings. */
  loadState(sql: Sql, editionId: string): Promise<LiveState | undefined>;
  /** Editions whose live state is not `ended`: the engine re-arms their timers on startup. */
  listRunning(sql: Sql): Promise<string[]>;
  /**
   * Writes the state. The plan and the past rounds are written only when `changed` says so (or on
   * the first save); the running round's tables are never written here: write its seatings.
   */
  saveState(sql: Sql, state: LiveState, version: number, now: Date, changed?: { plan: boolean; past: boolean }): Promise<void>;
  writeSeatings(sql: Sql, editionId: string, ops: readonly SeatingOp[]): Promise<void>;
  listSeatings(sql: Sql, editionId: string): Promise<SeatingRow[]>;
}
