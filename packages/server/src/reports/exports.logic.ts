import { planEvent, type HistoryPair } from '@tablehop/matching';
import type { ExportKind } from '@tablehop/protocol';
import { seatingGroupSize } from '../live/live.logic.js';
import { attendanceOf, hasMutualConsent, requestSetOf, type EditionConnections } from './report.logic.js';
import type { ReportContactRequest, ReportFeedback, ReportRegistration, ReportSeating, ReportStaff } from './report.types.js';

/** The rows of the CSV exports (pure); `report-csv.ts` turns them into text. */

export type Cell = string | number | boolean | Date | null;
export interface CsvTable {
  header: string[];
  rows: Cell[][];
}

export interface ExportInput {
  registrations: readonly ReportRegistration[];
  seatings: readonly ReportSeating[];
  feedback: readonly ReportFeedback[];
  contactRequests: readonly ReportContactRequest[];
  connections: EditionConnections;
  staff: readonly ReportStaff[];
}

export function buildExport(kind: ExportKind, input: ExportInput): CsvTable {
  switch (kind) {
    case 'registrations':
      return registrationsTable(input);
    case 'attendance':
      return attendanceTable(input);
    case 'seatings':
      return seatingsTable(input);
    case 'connections':
      return connectionsTable(input);
    case 'feedback':
      return feedbackTable(input);
  }
}

function registrationsTable({ registrations, seatings }: ExportInput): CsvTable {
  const attendance = attendanceOf(seatings);
  return {
    header: [
      'id',
      'status',
      'name',
      'email',
      'company',
      'sector',
      'job_title',
      'linkedin_url',
      'language',
      'share_contact',
      'source',
      'registered_at',
      'confirmed_at',
      'cancelled_at',
      'was_waitlisted',
      'promoted',
      'attended',
      'late_arrival',
    ],
    rows: registrations.map((r) => {
      const seen = attendance.get(r.id);
      return [
        r.id,
        r.status,
        r.name,
        r.email,
        r.company,
        r.sector,
        r.jobTitle,
        r.linkedinUrl,
        r.language,
        r.shareContact,
        r.source,
        r.createdAt,
        r.confirmedAt,
        r.cancelledAt,
        r.waitlisted,
        r.waitlisted && r.confirmedAt !== null,
        seen !== undefined,
        seen?.late ?? false,
      ];
    }),
  };
}

/** Everyone expected (confirmed) or seated: attended, no-show, or (before the event) expected. */
function attendanceTable({ registrations, seatings }: ExportInput): CsvTable {
  const attendance = attendanceOf(seatings);
  const held = attendance.size > 0;
  const rows = registrations
    .filter((r) => r.status === 'confirmed' || attendance.has(r.id))
    .map((r): Cell[] => {
      const seen = attendance.get(r.id);
      const status = seen ? 'attended' : held ? 'no_show' : 'expected';
      return [r.name, r.email, r.company, status, seen?.firstSeatedAt ?? null, seen?.late ?? false, seen ? [...seen.rounds].sort().join(' ') : ''];
    });
  return { header: ['name', 'email', 'company', 'attendance', 'first_seated_at', 'late_arrival', 'rounds'], rows };
}

function seatingsTable({ registrations, seatings, staff }: ExportInput): CsvTable {
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const rows = [...seatings]
    .sort((x, y) => x.round - y.round || x.table - y.table || x.from.getTime() - y.from.getTime())
    .map((s): Cell[] => {
      const person = s.registrationId !== null ? byId.get(s.registrationId) : undefined;
      const name = person?.name ?? (s.moderatorId !== null ? (staffById.get(s.moderatorId)?.name ?? '') : '');
      return [s.round, s.table, s.registrationId !== null ? 'participant' : 'moderator', name, person?.company ?? '', s.from, s.to];
    });
  return { header: ['round', 'table', 'role', 'name', 'company', 'seated_from', 'seated_until'], rows };
}

/**
 * Who met whom. Contact details (e-mail, LinkedIn) appear only for pairs with mutual consent: both
 * asked to connect, or both agreed to share at registration. Nobody else's address ever leaves.
 */
function connectionsTable({ registrations, connections, contactRequests }: ExportInput): CsvTable {
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const requests = requestSetOf(contactRequests);
  const rows: Cell[][] = [];
  for (const m of connections.meetings) {
    const a = byId.get(m.a);
    const b = byId.get(m.b);
    if (!a || !b) continue;
    const shared = hasMutualConsent(a, b, requests);
    rows.push([
      a.name,
      a.company,
      b.name,
      b.company,
      [...m.rounds].sort().join(' '),
      m.isNew,
      shared,
      shared ? a.email : '',
      shared ? a.linkedinUrl : '',
      shared ? b.email : '',
      shared ? b.linkedinUrl : '',
    ]);
  }
  return {
    header: [
      'person_a',
      'company_a',
      'person_b',
      'company_b',
      'rounds',
      'first_meeting',
      'contact_shared',
      'email_a',
      'linkedin_a',
      'email_b',
      'linkedin_b',
    ],
    rows,
  };
}

/** Feedback without names: people answered about the event, not to be singled out. */
function feedbackTable({ feedback }: ExportInput): CsvTable {
  const rows = [...feedback]
    .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
    .map((f): Cell[] => [f.registrationId !== null ? 'participant' : 'moderator', f.rating, f.recommend, f.comment, f.createdAt]);
  return { header: ['role', 'rating', 'recommend', 'comment', 'submitted_at'], rows };
}

/** One table of a round for a Zoom breakout pre-assignment: the e-mail addresses of who sits there. */
export interface ZoomRoom {
  moderator: string | null;
  participants: string[];
}

/**
 * Rooms of `round` from the seatings when the round was seated (each person's last table in that
 * round), or null when it was not.
 */
export function roomsFromSeatings(seatings: readonly ReportSeating[], round: number): ZoomRoom[] | null {
  const mine = seatings.filter((s) => s.round === round).sort((x, y) => x.from.getTime() - y.from.getTime());
  if (mine.length === 0) return null;
  const tableOf = new Map<string, { table: number; moderator: boolean }>();
  for (const s of mine) tableOf.set(s.registrationId ?? s.moderatorId!, { table: s.table, moderator: s.registrationId === null });
  const count = Math.max(...mine.map((s) => s.table));
  const rooms: ZoomRoom[] = Array.from({ length: count }, () => ({ moderator: null, participants: [] }));
  for (const [id, seat] of tableOf) {
    const room = rooms[seat.table - 1]!;
    if (seat.moderator) room.moderator = id;
    else room.participants.push(id);
  }
  return rooms;
}

/**
 * Rooms of `round` (1-based) from a fresh plan of the confirmed participants, with the history of
 * the series: for organizers who run the event in Zoom. Deterministic (seed from the edition id), so
 * the files of rounds 1..N downloaded one by one belong to one plan.
 */
export function roomsFromPlan(input: {
  editionId: string;
  participants: readonly { id: string; company: string; sector: string }[];
  moderators: readonly string[];
  groupSize: number;
  rounds: number;
  moderatorMode: 'rotate' | 'fixed';
  history: readonly HistoryPair[];
  round: number;
}): ZoomRoom[] {
  if (input.participants.length === 0) return [];
  const planned = planEvent({
    participants: input.participants.map((p) => ({
      id: p.id,
      ...(p.company ? { company: p.company } : {}),
      ...(p.sector ? { sector: p.sector } : {}),
    })),
    moderators: input.moderators.map((id) => ({ id })),
    groupSize: seatingGroupSize(input.groupSize),
    rounds: input.rounds,
    moderatorMode: input.moderatorMode,
    history: [...input.history],
    seed: seedOf(input.editionId),
  });
  if (!planned.ok) {
    // Too few people for the table bounds: one room.
    return [{ moderator: input.moderators[0] ?? null, participants: input.participants.map((p) => p.id) }];
  }
  const round = planned.plan.rounds[input.round - 1] ?? planned.plan.rounds[0]!;
  return round.tables.map((t) => ({ moderator: t.moderator, participants: [...t.participants] }));
}

/** `Pre-assign Room Name,Email Address`, one line per person, rooms named "Table 1", "Table 2", … */
export function zoomTable(rooms: readonly ZoomRoom[], emailOf: (id: string) => string | undefined, roomName: (table: number) => string): CsvTable {
  const rows: Cell[][] = [];
  rooms.forEach((room, i) => {
    for (const id of room.moderator === null ? room.participants : [room.moderator, ...room.participants]) {
      const email = emailOf(id);
      if (email) rows.push([roomName(i + 1), email]);
    }
  });
  return { header: ['Pre-assign Room Name', 'Email Address'], rows };
}

/** A 32-bit seed from an id (FNV-1a). */
export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
