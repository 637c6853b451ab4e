import type { LiveFlag, LiveHelpRequest, LiveLateJoiner, LiveMuteBy, LivePresence, LiveSnapshot, LiveTimer } from '@tablehop/protocol';

/**
 * What the control room shows, derived from a host's live snapshot (with every event folded in):
 * one row per table with its alerts, the tables that need attention first, who has not arrived,
 * who dropped out, the help queue and the numbers at a glance. Pure: `now` is an argument.
 */

/** Someone who was connected and is gone less than this long is probably reconnecting (the server's seating grace). */
export const reconnectGraceMs = 60_000;

/**
 * - `connected`: has the page open now.
 * - `reconnecting`: was connected, gone less than {@link reconnectGraceMs}.
 * - `offline`: was connected, gone longer.
 * - `not_arrived`: never connected (since the server last started).
 * - `removed`: removed from the event by a host.
 */
export type PersonStatus = 'connected' | 'reconnecting' | 'offline' | 'not_arrived' | 'removed';

export interface PersonRow {
  personId: string;
  name: string;
  company: string;
  role: 'participant' | 'moderator';
  status: PersonStatus;
  /** Connected since, or gone since (epoch ms); null when never seen. */
  since: number | null;
  /** The table in the current round, or null. */
  table: number | null;
  /** Who turned its microphone off in this round (itself, its moderator, a host), or null when on. */
  muted: LiveMuteBy | null;
}

/** Why a table needs attention, most urgent first. */
export type TableAlert = 'help' | 'no_moderator' | 'moderator_away' | 'missing' | 'problem' | 'alone' | 'empty';

const alertOrder: readonly TableAlert[] = ['help', 'no_moderator', 'moderator_away', 'empty', 'alone', 'missing', 'problem'];
/** These make a table a problem (red); the others ask for a look (amber). */
const problemAlerts: ReadonlySet<TableAlert> = new Set(['help', 'no_moderator', 'moderator_away', 'empty']);

export interface TableRow {
  table: number;
  moderator: PersonRow | null;
  participants: PersonRow[];
  /** Participants with the page open. */
  connected: number;
  /** Participants seated but not connected. */
  missing: PersonRow[];
  /** Open or answered help requests of this table in this round. */
  help: LiveHelpRequest[];
  /** Flags raised by the table's moderator in this round. */
  flags: LiveFlag[];
  alerts: TableAlert[];
  level: 'ok' | 'attention' | 'problem';
}

export interface ControlRoomSummary {
  tables: number;
  seated: number;
  connectedSeated: number;
  /** Participants expected (confirmed, not removed). */
  participants: number;
  connectedParticipants: number;
  notArrived: number;
  openHelp: number;
  problemTables: number;
  attentionTables: number;
}

export interface ControlRoomView {
  /** The round whose tables the grid shows; null when no round is seated. */
  round: number | null;
  tables: TableRow[];
  /** Tables with an alert: problems first, then by table number. */
  attention: TableRow[];
  summary: ControlRoomSummary;
  /** Participants who never connected; after a round was seated they are no-shows. */
  notArrived: PersonRow[];
  /** Whether a round has been seated already (then `notArrived` are no-shows). */
  roundsStarted: boolean;
  /** Seated people (participants and moderators) whose page is closed now. */
  away: PersonRow[];
  /** Connected participants without a table while a round is seated. */
  unseated: PersonRow[];
  /** Moderators without a table (to put at a table without one). */
  freeModerators: PersonRow[];
  moderators: PersonRow[];
  lateJoiners: LiveLateJoiner[];
  /** Help requests still open (oldest first), then answered ones not closed. */
  openHelp: LiveHelpRequest[];
  answeredHelp: LiveHelpRequest[];
  /** Participants and moderators by name (the people list). */
  people: PersonRow[];
}

export function statusOf(presence: LivePresence | undefined, now: number): PersonStatus {
  if (!presence) return 'not_arrived';
  if (presence.removed) return 'removed';
  if (presence.connected) return 'connected';
  if (presence.since <= 0) return 'not_arrived';
  return now - presence.since < reconnectGraceMs ? 'reconnecting' : 'offline';
}

const isSeatedPhase = (timer: LiveTimer) => timer.phase === 'moving' || timer.phase === 'round';

/** Derives the control room from a host's snapshot. */
export function deriveControlRoom(snapshot: LiveSnapshot, now: number): ControlRoomView {
  const staff = snapshot.staff ?? { tables: [], presence: [], flags: [], lateJoiners: [] };
  const presence = new Map(staff.presence.map((p) => [p.personId, p]));
  const seated = isSeatedPhase(snapshot.timer) && staff.tables.length > 0;
  const tablesShown = seated ? staff.tables : [];
  const round = seated ? snapshot.timer.round : null;

  const tableOf = new Map<string, number>();
  const companyOf = new Map<string, string>();
  for (const t of tablesShown) {
    if (t.moderator) tableOf.set(t.moderator.personId, t.table);
    for (const p of t.participants) {
      tableOf.set(p.personId, t.table);
      companyOf.set(p.personId, p.company);
    }
  }
  const mutes = new Map(snapshot.mutes.map((mute) => [mute.personId, mute.by]));
  const rowOf = (personId: string, name: string, role: 'participant' | 'moderator'): PersonRow => {
    const p = presence.get(personId);
    const status = statusOf(p, now);
    return {
      personId,
      name: name || p?.name || '',
      company: companyOf.get(personId) ?? '',
      role,
      status,
      since: p && p.since > 0 ? p.since : null,
      table: tableOf.get(personId) ?? null,
      muted: seated ? (mutes.get(personId) ?? null) : null,
    };
  };

  const helpOfRound = snapshot.help.filter((h) => h.status !== 'closed');
  const tables: TableRow[] = tablesShown.map((t) => {
    const moderator = t.moderator
      ? {
          ...rowOf(t.moderator.personId, t.moderator.name, 'moderator'),
          status: tableStatus(t.moderator.connected, presence.get(t.moderator.personId), now),
        }
      : null;
    const participants = t.participants.map((p) => ({
      ...rowOf(p.personId, p.name, 'participant'),
      status: tableStatus(p.connected, presence.get(p.personId), now),
    }));
    const missing = participants.filter((p) => p.status !== 'connected');
    const connected = participants.length - missing.length;
    const help = helpOfRound.filter((h) => h.table === t.table && h.round === round);
    const flags = staff.flags.filter((f) => f.table === t.table && f.round === round);
    const alerts = new Set<TableAlert>();
    if (help.some((h) => h.status === 'open')) alerts.add('help');
    if (!moderator) alerts.add('no_moderator');
    else if (moderator.status !== 'connected') alerts.add('moderator_away');
    if (connected === 0) alerts.add('empty');
    else if (connected === 1) alerts.add('alone');
    if (missing.length > 0) alerts.add('missing');
    if (flags.some((f) => f.kind === 'problem')) alerts.add('problem');
    const sorted = alertOrder.filter((a) => alerts.has(a));
    const level = sorted.some((a) => problemAlerts.has(a)) ? 'problem' : sorted.length > 0 ? 'attention' : 'ok';
    return { table: t.table, moderator, participants, connected, missing, help, flags, alerts: sorted, level };
  });

  const attention = tables.filter((t) => t.level !== 'ok').sort((a, b) => (a.level === b.level ? a.table - b.table : a.level === 'problem' ? -1 : 1));

  const participants = staff.presence.filter((p) => p.role === 'participant');
  const moderatorsPresence = staff.presence.filter((p) => p.role === 'moderator');
  const people = [...participants, ...moderatorsPresence]
    .map((p) => rowOf(p.personId, p.name, p.role === 'moderator' ? 'moderator' : 'participant'))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || a.personId.localeCompare(b.personId));
  const expected = people.filter((p) => p.role === 'participant' && p.status !== 'removed');
  const moderators = people.filter((p) => p.role === 'moderator');
  const notArrived = expected.filter((p) => p.status === 'not_arrived' && p.table === null);
  const away = [
    ...tables.flatMap((t) => (t.moderator && t.moderator.status !== 'connected' ? [t.moderator] : [])),
    ...tables.flatMap((t) => t.missing),
  ];
  const open = snapshot.help.filter((h) => h.status === 'open').sort((a, b) => a.createdAt - b.createdAt);
  const answered = snapshot.help.filter((h) => h.status === 'answered').sort((a, b) => b.createdAt - a.createdAt);
  const seatedCount = tables.reduce((n, t) => n + t.participants.length, 0);

  return {
    round,
    tables,
    attention,
    summary: {
      tables: tables.length,
      seated: seatedCount,
      connectedSeated: tables.reduce((n, t) => n + t.connected, 0),
      participants: expected.length,
      connectedParticipants: expected.filter((p) => p.status === 'connected').length,
      notArrived: notArrived.length,
      openHelp: open.length,
      problemTables: tables.filter((t) => t.level === 'problem').length,
      attentionTables: tables.filter((t) => t.level === 'attention').length,
    },
    notArrived,
    roundsStarted: snapshot.timer.round > 0 || snapshot.timer.phase === 'closing' || snapshot.timer.phase === 'ended',
    away,
    unseated: seated ? expected.filter((p) => p.status === 'connected' && p.table === null) : [],
    freeModerators: seated ? moderators.filter((m) => m.table === null && m.status === 'connected') : [],
    moderators,
    lateJoiners: [...(staff.lateJoiners ?? [])].reverse(),
    openHelp: open,
    answeredHelp: answered,
    people,
  };
}

/** A seated person's status: the table view's flag, refined by presence (how long gone). */
function tableStatus(connected: boolean, presence: LivePresence | undefined, now: number): PersonStatus {
  if (connected) return 'connected';
  const status = statusOf(presence, now);
  return status === 'connected' ? 'reconnecting' : status;
}

/** The tables a person can be moved to (all but its own). */
export function moveTargets(view: Pick<ControlRoomView, 'tables'>, personId: string): { table: number; size: number }[] {
  return view.tables
    .filter((t) => !t.participants.some((p) => p.personId === personId))
    .map((t) => ({ table: t.table, size: t.participants.length }));
}

/** Whom a seated participant can swap places with: the participants of every other table, by table. */
export function swapTargets(view: Pick<ControlRoomView, 'tables'>, personId: string): { table: number; people: PersonRow[] }[] {
  const own = view.tables.find((t) => t.participants.some((p) => p.personId === personId));
  if (!own) return [];
  return view.tables.filter((t) => t !== own && t.participants.length > 0).map((t) => ({ table: t.table, people: t.participants }));
}

/** The host's run controls that make sense in the timer's state; the engine refuses the rest anyway. */
export type TimerAction =
  | 'open_doors'
  | 'start_plenary'
  | 'start_round'
  | 'start_closing'
  | 'pause'
  | 'resume'
  | 'extend'
  | 'end_round_now'
  | 'add_round'
  | 'drop_round'
  | 'end_event';

export function timerActions(timer: LiveTimer): TimerAction[] {
  const actions: TimerAction[] = [];
  const paused = timer.pausedRemainingMs !== null;
  switch (timer.phase) {
    case 'scheduled':
      actions.push('open_doors', 'start_plenary');
      break;
    case 'doors_open':
      actions.push('start_plenary');
      break;
    case 'plenary':
      actions.push(timer.rounds > 0 ? 'start_round' : 'start_closing', 'extend');
      break;
    case 'moving':
      actions.push('start_round');
      break;
    case 'round':
      actions.push('extend', 'end_round_now');
      break;
    case 'closing':
      actions.push('extend');
      break;
    case 'ended':
      return [];
  }
  if (paused) actions.push('resume');
  else if (timer.phase !== 'scheduled' && timer.endsAt !== null) actions.push('pause');
  if (timer.phase !== 'closing') actions.push('add_round');
  if (timer.phase !== 'closing' && timer.rounds > timer.round) actions.push('drop_round');
  actions.push('end_event');
  return actions;
}

/** The round that `start_round` starts: the next one from the plenary, the upcoming one while moving. */
export function roundToStart(timer: LiveTimer): number {
  return timer.phase === 'moving' ? timer.round : timer.round + 1;
}
