import { z } from 'zod';
import type { MediaAssignment } from './media.js';

/**
 * The domain messages of the live event, carried by the envelope in `live-wire.ts`.
 *
 * - `LiveCommand` (client -> server): validated with {@link liveCommandSchema} on the server. Each
 *   command names who may send it (host = organizer, moderator, participant); the engine refuses
 *   the rest with `ERR_FORBIDDEN`.
 * - `LiveEvent` (server -> client): already filtered for the receiving actor. A participant only
 *   ever learns about the table it sits at; staff see everything.
 * - `LiveSnapshot`: the whole state one actor may see, sent on (re)connection.
 *
 * Times are epoch milliseconds (like `pong.serverTime`). Tables are numbered from 1, rounds from 1.
 */

/** Where the edition is in its run. `moving` is the short interval before a round in which people change rooms. */
export const livePhaseSchema = z.enum(['scheduled', 'doors_open', 'plenary', 'moving', 'round', 'closing', 'ended']);
export type LivePhase = z.infer<typeof livePhaseSchema>;

export type LiveRole = 'host' | 'moderator' | 'participant';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');
const personId = z.string().min(1).max(100);
const tableNumber = z.number().int().min(1).max(10_000);

/** The longest table-chat message, in characters. */
export const MAX_CHAT_TEXT = 500;
/** How many chat messages a table keeps (the newest) for a snapshot. */
export const MAX_CHAT_MESSAGES = 100;

// ---------------------------------------------------------------------------------------------
// Commands (client -> server)
// ---------------------------------------------------------------------------------------------

export const liveCommandSchema = z.discriminatedUnion('type', [
  // Host: the run of the edition.
  /** scheduled -> doors_open (the lobby). */
  z.object({ type: z.literal('open_doors') }),
  /** Starts what comes next now: the plenary (from scheduled / doors_open), or the next round (from plenary / moving). */
  z.object({ type: z.literal('start_now') }),
  /** Ends the running phase now and goes to the next one, whatever it is (the host's "next"). */
  z.object({ type: z.literal('advance') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** Adds minutes to the running round (or plenary). */
  z.object({ type: z.literal('extend_round'), minutes: z.union([z.literal(1), z.literal(2), z.literal(5)]) }),
  /** Ends the running round now: moving to the next round, or the closing plenary after the last. */
  z.object({ type: z.literal('end_round_now') }),
  z.object({ type: z.literal('add_round') }),
  /** Drops the last round not yet started. */
  z.object({ type: z.literal('drop_round') }),
  z.object({ type: z.literal('end_event') }),
  /** To everyone, or to the people of one table (`table`) in the current round. */
  z.object({ type: z.literal('broadcast'), text: text(1000), table: tableNumber.optional() }),
  /** Moves a participant to another table of the current round (and the rest of the round). */
  z.object({ type: z.literal('move_person'), personId, table: tableNumber }),
  z.object({ type: z.literal('swap_people'), a: personId, b: personId }),
  /** Removes a participant from the event: it is unseated and its connections are refused. */
  z.object({ type: z.literal('remove_person'), personId }),
  /** Puts `moderatorId` (a moderator of the edition) at `table` in the current round; the table's old moderator is freed. */
  z.object({ type: z.literal('reassign_moderator'), table: tableNumber, moderatorId: personId }),
  z.object({ type: z.literal('answer_help'), requestId: z.string().min(1).max(100), text: text(1000) }),
  z.object({ type: z.literal('close_help'), requestId: z.string().min(1).max(100) }),
  // Moderator.
  /** Lands in the host's queue with the moderator's table. */
  z.object({ type: z.literal('request_help'), text: text(1000).optional() }),
  /** A no-show or a problem at the moderator's table (`personId` optional for problems). */
  z.object({ type: z.literal('flag'), kind: z.enum(['no_show', 'problem']), personId: personId.optional(), text: text(1000).optional() }),
  /** Replaces the moderator's own notes for this edition. */
  z.object({ type: z.literal('save_note'), text: z.string().max(10_000) }),
  /**
   * Mutes a person's microphone in its table room (enforced in Janus). Moderators: only people at their own
   * table; hosts: anyone seated. The person stays muted until it unmutes itself (`set_muted` false).
   */
  z.object({ type: z.literal('mute_participant'), personId }),
  // Participant (and moderator): its own microphone.
  /** Tells the table that one's own microphone is off (true) or on again (false; this also lifts a mute by the moderator or host). */
  z.object({ type: z.literal('set_muted'), muted: z.boolean() }),
  // Participant and moderator: the table chat.
  /** A message to the people at one's own table in the running round (moderator included). See {@link LiveChatMessage}. */
  z.object({ type: z.literal('send_chat'), text: text(MAX_CHAT_TEXT) }),
]);
export type LiveCommand = z.infer<typeof liveCommandSchema>;
export type LiveCommandType = LiveCommand['type'];

/** Which role may send which command; the engine checks it before anything else. */
export const liveCommandRoles: Record<LiveCommandType, readonly LiveRole[]> = {
  open_doors: ['host'],
  start_now: ['host'],
  advance: ['host'],
  pause: ['host'],
  resume: ['host'],
  extend_round: ['host'],
  end_round_now: ['host'],
  add_round: ['host'],
  drop_round: ['host'],
  end_event: ['host'],
  broadcast: ['host'],
  move_person: ['host'],
  swap_people: ['host'],
  remove_person: ['host'],
  reassign_moderator: ['host'],
  answer_help: ['host'],
  close_help: ['host'],
  request_help: ['moderator'],
  flag: ['moderator'],
  save_note: ['moderator'],
  mute_participant: ['host', 'moderator'],
  set_muted: ['participant', 'moderator'],
  send_chat: ['participant', 'moderator'],
};

// ---------------------------------------------------------------------------------------------
// Shapes shared by events and snapshots (server -> client)
// ---------------------------------------------------------------------------------------------

/** The clock everyone shows. While paused `endsAt` is null and `pausedRemainingMs` holds the time left. */
export interface LiveTimer {
  phase: LivePhase;
  /** The current (or, while moving, the upcoming) round, 1-based; 0 before the first. */
  round: number;
  /** Rounds planned now (add/drop round change it). */
  rounds: number;
  /** When the phase began. */
  startedAt: number | null;
  /** When the phase ends by itself; null when it does not (scheduled without a start, ended, paused). */
  endsAt: number | null;
  pausedRemainingMs: number | null;
}

/** What a table shows of a participant. Never an e-mail address. */
export interface LiveCard {
  personId: string;
  name: string;
  company: string;
  sector: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
}

export interface LiveModeratorCard {
  personId: string;
  name: string;
}

/** One actor's seat in one round: its table, who leads it, who else sits there. */
export interface LiveSeat {
  round: number;
  table: number;
  moderator: LiveModeratorCard | null;
  /** Participants at the table (the actor included, when it is a participant). */
  cards: LiveCard[];
}

/** A table as staff see it. */
export interface LiveTableView {
  table: number;
  moderator: (LiveModeratorCard & { connected: boolean }) | null;
  participants: (LiveCard & { connected: boolean })[];
}

export interface LivePresence {
  personId: string;
  role: LiveRole;
  name: string;
  connected: boolean;
  /** Since when connected (first open connection), or when last seen, epoch ms. */
  since: number;
  /** Open connections (tabs). */
  connections: number;
  /** True once the host removed this participant from the event (its connections are refused). */
  removed?: boolean;
}

/**
 * Hosts: someone who connected while a round was seated (moving or running) and was seated at once:
 * a participant at the table `seatLateJoiner` chose, a moderator at a table without one. Kept in
 * memory for the control room (like presence), so the list starts empty again after a restart.
 */
export interface LiveLateJoiner {
  personId: string;
  role: 'participant' | 'moderator';
  name: string;
  round: number;
  table: number;
  at: number;
}

export interface LiveHelpRequest {
  id: string;
  moderatorId: string;
  moderatorName: string;
  round: number;
  table: number | null;
  text: string;
  status: 'open' | 'answered' | 'closed';
  answer: string | null;
  createdAt: number;
}

export interface LiveFlag {
  id: string;
  kind: 'no_show' | 'problem';
  moderatorId: string;
  personId: string | null;
  round: number;
  table: number | null;
  text: string;
  createdAt: number;
}

export interface LiveBroadcast {
  id: string;
  text: string;
  /** null: to everyone. */
  table: number | null;
  round: number;
  at: number;
}

/** Who turned a microphone off: the person itself, the table's moderator, or a host. */
export type LiveMuteBy = 'self' | 'moderator' | 'host';

/** A muted person of the current round. */
export interface LiveMute {
  personId: string;
  by: LiveMuteBy;
}

/**
 * One message of a table chat. A table's chat belongs to the running round: it is kept (the last
 * {@link MAX_CHAT_MESSAGES}) while the round runs and starts empty at the next round. Only the
 * people seated at that table (moderator included) ever receive it.
 */
export interface LiveChatMessage {
  id: string;
  round: number;
  table: number;
  personId: string;
  name: string;
  role: 'participant' | 'moderator';
  text: string;
  at: number;
}

// ---------------------------------------------------------------------------------------------
// Events (server -> client)
// ---------------------------------------------------------------------------------------------

export type LiveEvent =
  /** The phase, round or clock changed (start, pause, resume, extend, add/drop round, end). To everyone. */
  | { type: 'timer_changed'; timer: LiveTimer }
  /**
   * Your seat changed: a new round was seated (sent at the start of the moving interval), you were
   * moved, or someone joined or left your table. `seat` null: you have no table (e.g. in plenary).
   * `next` is where the plan puts you in the round after (it may still change at that round's start).
   */
  | {
      type: 'seat_assigned';
      seat: LiveSeat | null;
      next: { round: number; table: number } | null;
      reason: LiveSeatReason;
      /** The chat of your new table, when you changed table within a running round (moved, late joiner). */
      chat?: LiveChatMessage[];
    }
  /**
   * Hosts only: tables of the current round that changed. `full`: these are all the tables (a new
   * round was seated); otherwise replace just the tables with these numbers.
   */
  | { type: 'tables_changed'; round: number; full: boolean; tables: LiveTableView[] }
  | { type: 'broadcast'; broadcast: LiveBroadcast }
  /** Staff only. */
  | { type: 'presence_changed'; presence: LivePresence }
  /** Staff, and the moderator who asked. */
  | { type: 'help_updated'; request: LiveHelpRequest }
  /** Staff only. */
  | { type: 'flag_raised'; flag: LiveFlag }
  /** Hosts only: someone arrived during a seated round and was seated at once (see {@link LiveLateJoiner}). */
  | { type: 'late_joiner'; arrival: LiveLateJoiner }
  /** The moderator itself. */
  | { type: 'note_saved'; text: string }
  /** You were removed from the event by the host; the connection should be closed. */
  | { type: 'removed' }
  /** Someone at your table (hosts: at any table) was muted or unmuted. To that table and hosts. */
  | { type: 'mute_changed'; personId: string; muted: boolean; by: LiveMuteBy }
  /** Your video room changed (or video became (un)available): replaces the previous assignment. See `media.ts`. */
  | { type: 'media_assigned'; assignment: MediaAssignment }
  /** A message in the chat of your table (the moderator's table, for a moderator). To that table only. */
  | { type: 'chat_message'; message: LiveChatMessage }
  /** The organizer changed the edition's icebreaker prompts (replaces the snapshot's `icebreakers`). To everyone. */
  | { type: 'icebreakers_changed'; icebreakers: string[] };

export type LiveSeatReason = 'round_seated' | 'late_joiner' | 'moved' | 'table_changed' | 'unseated';

/** The whole state one actor may see. */
export interface LiveSnapshot {
  editionId: string;
  title: string;
  you: { personId: string; role: LiveRole; name: string };
  timer: LiveTimer;
  /** Participants and moderators: their seat now (null when none). Null for hosts. */
  seat: LiveSeat | null;
  next: { round: number; table: number } | null;
  /** The latest broadcasts meant for this actor, oldest first. */
  broadcasts: LiveBroadcast[];
  /** Moderators: their notes. */
  notes: string | null;
  /** Moderators: their own help requests. Hosts: every request. */
  help: LiveHelpRequest[];
  /** Video: the room to join now, or why there is none. See `media.ts`. */
  media: MediaAssignment;
  /** Muted people of the current round: those at the actor's table (hosts: everyone). */
  mutes: LiveMute[];
  /** Hosts only. */
  staff: {
    tables: LiveTableView[];
    presence: LivePresence[];
    flags: LiveFlag[];
    /** The late joiners since the engine loaded the edition, oldest first (optional: older servers send none). */
    lateJoiners?: LiveLateJoiner[];
  } | null;
  /** Participants and moderators: the chat of their table in the running round, oldest first (empty without a table). */
  chat?: LiveChatMessage[];
  /**
   * The edition's icebreaker prompts, set by the organizer. Round k shows prompt (k - 1) mod n: see
   * `icebreakerForRound`. Empty when the organizer set none.
   */
  icebreakers?: string[];
}

/** The icebreaker prompt of a round (1-based): the prompts repeat when there are fewer than rounds; null without prompts or before round 1. */
export function icebreakerForRound(prompts: readonly string[] | undefined, round: number): string | null {
  if (!prompts || prompts.length === 0 || round < 1) return null;
  return prompts[(round - 1) % prompts.length] ?? null;
}
