import type { EditionReport, FeedbackFigures, RoundOccupancy, SeriesEditionFigures, SeriesReport } from '@tablehop/protocol';
import type {
  ReportContactRequest,
  ReportEdition,
  ReportFeedback,
  ReportLive,
  ReportRegistration,
  ReportSeating,
  ReportStaff,
} from './report.types.js';

/**
 * The figures of the organizer's reports, from loaded rows only (no clock, no I/O).
 *
 * Definitions (the same words as ARCHITECTURE.md):
 * - attended: a registration with at least one seating; no-show: confirmed at the end, never seated
 *   (only once the edition was held, i.e. someone sat at a table).
 * - late arrival: a person whose first seating started after its round was seated, or whose first
 *   seating is in a later round than the edition's first (missed round 1).
 * - met: two participants at one table of one round at overlapping times (as `loadHistory` counts).
 * - new connection: a pair of identities (`lower(email)`) meeting in this edition that never met in
 *   an earlier edition of the series; otherwise a repeat.
 * - NPS: % promoters (recommend 9-10) minus % detractors (0-6), rounded, over the answers given.
 */

/** A pair of ids in a fixed order. */
export function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
const keyOf = (a: string, b: string): string => pairOf(a, b).join('\n');

/** Two participants who sat together in one edition, with the rounds in which they did. */
export interface Meeting {
  a: string;
  b: string;
  rounds: number[];
}

/** Participant pairs (registration ids) at one table of one round at overlapping times, one entry per pair. */
export function meetingsOf(seatings: readonly ReportSeating[]): Meeting[] {
  const byTable = new Map<string, ReportSeating[]>();
  for (const s of seatings) {
    if (s.registrationId === null) continue;
    const key = `${s.editionId}|${s.round}|${s.table}`;
    const list = byTable.get(key);
    if (list) list.push(s);
    else byTable.set(key, [s]);
  }
  const pairs = new Map<string, Meeting>();
  const end = (s: ReportSeating) => (s.to === null ? Number.POSITIVE_INFINITY : s.to.getTime());
  for (const list of byTable.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.registrationId === y.registrationId) continue;
        if (!(x.from.getTime() < end(y) && y.from.getTime() < end(x))) continue;
        const [a, b] = pairOf(x.registrationId!, y.registrationId!);
        const key = keyOf(a, b);
        const meeting = pairs.get(key) ?? { a, b, rounds: [] };
        if (!meeting.rounds.includes(x.round)) meeting.rounds.push(x.round);
        pairs.set(key, meeting);
      }
  }
  return [...pairs.values()].sort((p, q) => (p.a === q.a ? (p.b < q.b ? -1 : 1) : p.a < q.a ? -1 : 1));
}

/** One participant's attendance in one edition. */
export interface Attendance {
  registrationId: string;
  firstSeatedAt: Date;
  late: boolean;
  rounds: number[];
}

/** Attendance per registration id, from an edition's seatings. */
export function attendanceOf(seatings: readonly ReportSeating[]): Map<string, Attendance> {
  const roundSeatedAt = new Map<number, number>();
  let firstRound = Number.POSITIVE_INFINITY;
  for (const s of seatings) {
    const t = s.from.getTime();
    roundSeatedAt.set(s.round, Math.min(roundSeatedAt.get(s.round) ?? t, t));
    firstRound = Math.min(firstRound, s.round);
  }
  const out = new Map<string, Attendance>();
  const ordered = [...seatings].sort((x, y) => x.from.getTime() - y.from.getTime() || x.round - y.round);
  for (const s of ordered) {
    if (s.registrationId === null) continue;
    const seen = out.get(s.registrationId);
    if (seen) {
      if (!seen.rounds.includes(s.round)) seen.rounds.push(s.round);
      continue;
    }
    const late = s.round > firstRound || s.from.getTime() > roundSeatedAt.get(s.round)!;
    out.set(s.registrationId, { registrationId: s.registrationId, firstSeatedAt: s.from, late, rounds: [s.round] });
  }
  return out;
}

/** Tables per round: how many, how full, how many with a moderator. */
export function occupancyOf(seatings: readonly ReportSeating[]): RoundOccupancy[] {
  const rounds = new Map<number, Map<number, { people: Set<string>; moderated: boolean }>>();
  for (const s of seatings) {
    const tables = rounds.get(s.round) ?? new Map<number, { people: Set<string>; moderated: boolean }>();
    rounds.set(s.round, tables);
    const table = tables.get(s.table) ?? { people: new Set<string>(), moderated: false };
    tables.set(s.table, table);
    if (s.registrationId !== null) table.people.add(s.registrationId);
    else table.moderated = true;
  }
  return [...rounds.entries()]
    .sort(([a], [b]) => a - b)
    .map(([round, tables]) => {
      const sizes = [...tables.values()].map((t) => t.people.size);
      const seated = new Set([...tables.values()].flatMap((t) => [...t.people])).size;
      return {
        round,
        tables: tables.size,
        seated,
        minTable: Math.min(...sizes),
        maxTable: Math.max(...sizes),
        averageTable: round2(sizes.reduce((x, y) => x + y, 0) / sizes.length),
        moderatedTables: [...tables.values()].filter((t) => t.moderated).length,
      };
    });
}

/** Net promoter score of 0-10 answers, or null without answers. */
export function npsOf(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  const promoters = answers.filter((a) => a >= 9).length;
  const detractors = answers.filter((a) => a <= 6).length;
  return Math.round((100 * (promoters - detractors)) / answers.length);
}

export function feedbackFiguresOf(rows: readonly ReportFeedback[]): FeedbackFigures {
  const participants = rows.filter((r) => r.registrationId !== null);
  const moderators = rows.filter((r) => r.moderatorId !== null);
  const recommend = participants.map((r) => r.recommend).filter((r): r is number => r !== null);
  const distribution = [0, 0, 0, 0, 0];
  for (const r of participants) distribution[r.rating - 1]! += 1;
  return {
    responses: participants.length,
    averageRating: averageOf(participants.map((r) => r.rating)),
    distribution,
    recommendResponses: recommend.length,
    promoters: recommend.filter((a) => a >= 9).length,
    passives: recommend.filter((a) => a === 7 || a === 8).length,
    detractors: recommend.filter((a) => a <= 6).length,
    nps: npsOf(recommend),
    moderatorResponses: moderators.length,
    moderatorAverageRating: averageOf(moderators.map((r) => r.rating)),
  };
}

/** Contact details may be shared for a pair only when both asked (both directions) or both agreed at registration. */
export function hasMutualConsent(a: ReportRegistration, b: ReportRegistration, requests: ReadonlySet<string>): boolean {
  if (a.shareContact && b.shareContact) return true;
  return requests.has(`${a.id}>${b.id}`) && requests.has(`${b.id}>${a.id}`);
}

export function requestSetOf(requests: readonly ReportContactRequest[]): Set<string> {
  return new Set(requests.map((r) => `${r.from}>${r.to}`));
}

/** The series as loaded: every non-draft edition with its rows. */
export interface SeriesRows {
  editions: readonly ReportEdition[];
  registrations: readonly ReportRegistration[];
  seatings: readonly ReportSeating[];
  feedback: readonly ReportFeedback[];
}

/** Per edition: its meetings, each marked new (never met at an earlier edition of the series) or not, and who attended. */
export interface EditionConnections {
  meetings: (Meeting & { isNew: boolean })[];
  attended: Map<string, Attendance>;
  /** Attendees (registration ids) who had attended an earlier edition. */
  returning: Set<string>;
}

/** Walks the editions in date order, remembering which identities met and who attended before. */
export function connectionsBySeries(rows: SeriesRows): Map<string, EditionConnections> {
  const identityOf = new Map(rows.registrations.map((r) => [r.id, r.identity]));
  const seatingsOf = groupBy(rows.seatings, (s) => s.editionId);
  const metBefore = new Set<string>();
  const attendedBefore = new Set<string>();
  const out = new Map<string, EditionConnections>();
  const ordered = [...rows.editions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const edition of ordered) {
    const seatings = seatingsOf.get(edition.id) ?? [];
    const meetings = meetingsOf(seatings).map((m) => {
      const key = keyOf(identityOf.get(m.a) ?? m.a, identityOf.get(m.b) ?? m.b);
      return { ...m, isNew: !metBefore.has(key), key };
    });
    const attended = attendanceOf(seatings);
    const returning = new Set([...attended.keys()].filter((id) => attendedBefore.has(identityOf.get(id) ?? id)));
    for (const m of meetings) metBefore.add(m.key);
    for (const id of attended.keys()) attendedBefore.add(identityOf.get(id) ?? id);
    out.set(edition.id, { meetings: meetings.map(({ key: _key, ...m }) => m), attended, returning });
  }
  return out;
}

export interface EditionReportInput {
  edition: ReportEdition;
  /** The rows of the whole series up to and including this edition (identity across editions). */
  series: SeriesRows;
  contactRequests: readonly ReportContactRequest[];
  live: ReportLive | null;
  staff: readonly ReportStaff[];
}

export function buildEditionReport(input: EditionReportInput): EditionReport {
  const { edition, series } = input;
  const registrations = series.registrations.filter((r) => r.editionId === edition.id);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const seatings = series.seatings.filter((s) => s.editionId === edition.id);
  const connections = connectionsBySeries(series).get(edition.id) ?? { meetings: [], attended: new Map(), returning: new Set<string>() };
  const figures = editionFigures(edition, registrations, connections, series.feedback);
  const requests = requestSetOf(input.contactRequests);
  const staffName = new Map(input.staff.map((s) => [s.id, s.name]));
  const nameOf = (id: string | null): string | null => (id === null ? null : (byId.get(id)?.name ?? staffName.get(id) ?? null));
  const feedback = series.feedback.filter((f) => f.editionId === edition.id);
  const count = (status: string) => registrations.filter((r) => r.status === status).length;
  const live = input.live;
  return {
    edition: {
      id: edition.id,
      seriesId: edition.seriesId,
      seriesName: edition.seriesName,
      startsAt: edition.startsAt.toISOString(),
      timeZone: edition.timeZone,
      status: edition.status,
      capacity: edition.capacity,
      rounds: live?.rounds ?? edition.rounds,
    },
    held: figures.held,
    registrations: {
      total: registrations.length,
      confirmed: figures.confirmed,
      offered: count('offered'),
      waiting: count('waitlisted'),
      cancelled: count('cancelled'),
      expired: count('expired'),
      waitlisted: figures.waitlisted,
      promoted: figures.promoted,
      waitlistConversion: ratio(figures.promoted, figures.waitlisted),
    },
    attendance: {
      expected: figures.confirmed,
      attended: figures.attended,
      noShows: figures.noShows,
      noShowRate: figures.noShowRate,
      lateArrivals: figures.lateArrivals,
    },
    rounds: occupancyOf(seatings),
    connections: {
      total: figures.connections,
      new: figures.newConnections,
      repeat: figures.repeatConnections,
      perAttendee: figures.attended === 0 ? null : round2((2 * figures.connections) / figures.attended),
      mutualContacts: connections.meetings.filter((m) => byId.has(m.a) && byId.has(m.b) && hasMutualConsent(byId.get(m.a)!, byId.get(m.b)!, requests))
        .length,
    },
    feedback: feedbackFiguresOf(feedback),
    comments: feedback
      .filter((f) => f.comment.trim() !== '')
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
      .map((f) => ({
        role: f.registrationId !== null ? ('participant' as const) : ('moderator' as const),
        rating: f.rating,
        recommend: f.recommend,
        text: f.comment.trim(),
        at: f.createdAt.toISOString(),
      })),
    live: {
      notes: Object.entries(live?.notes ?? {})
        .filter(([, text]) => text.trim() !== '')
        .map(([id, text]) => ({ moderatorName: staffName.get(id) ?? '', text: text.trim() }))
        .sort((x, y) => x.moderatorName.localeCompare(y.moderatorName)),
      help: (live?.help ?? []).map((h) => ({
        round: h.round,
        table: h.table,
        moderatorName: h.moderatorName || (staffName.get(h.moderatorId) ?? ''),
        text: h.text,
        status: h.status,
        answer: h.answer,
        at: new Date(h.createdAt).toISOString(),
      })),
      flags: (live?.flags ?? []).map((f) => ({
        kind: f.kind,
        round: f.round,
        table: f.table,
        moderatorName: staffName.get(f.moderatorId) ?? '',
        personName: nameOf(f.personId),
        text: f.text,
        at: new Date(f.createdAt).toISOString(),
      })),
    },
  };
}

/** The figures one edition contributes to the series report (and the edition report reuses). */
export function editionFigures(
  edition: ReportEdition,
  registrations: readonly ReportRegistration[],
  connections: EditionConnections,
  allFeedback: readonly ReportFeedback[],
): SeriesEditionFigures {
  const mine = registrations.filter((r) => r.editionId === edition.id);
  const confirmed = mine.filter((r) => r.status === 'confirmed');
  const held = connections.attended.size > 0;
  const noShows = held ? confirmed.filter((r) => !connections.attended.has(r.id)).length : null;
  const feedback = feedbackFiguresOf(allFeedback.filter((f) => f.editionId === edition.id));
  const newConnections = connections.meetings.filter((m) => m.isNew).length;
  return {
    id: edition.id,
    startsAt: edition.startsAt.toISOString(),
    status: edition.status,
    held,
    registered: mine.length,
    confirmed: confirmed.length,
    waitlisted: mine.filter((r) => r.waitlisted).length,
    promoted: mine.filter((r) => r.waitlisted && r.confirmedAt !== null).length,
    attended: connections.attended.size,
    noShows,
    noShowRate: noShows === null ? null : ratio(noShows, confirmed.length),
    lateArrivals: [...connections.attended.values()].filter((a) => a.late).length,
    newParticipants: connections.attended.size - connections.returning.size,
    returningParticipants: connections.returning.size,
    connections: connections.meetings.length,
    newConnections,
    repeatConnections: connections.meetings.length - newConnections,
    feedbackResponses: feedback.responses,
    averageRating: feedback.averageRating,
    nps: feedback.nps,
  };
}

export function buildSeriesReport(series: { id: string; name: string; timeZone: string }, rows: SeriesRows): SeriesReport {
  const connections = connectionsBySeries(rows);
  const editions = [...rows.editions]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((e) => editionFigures(e, rows.registrations, connections.get(e.id)!, rows.feedback));
  const held = editions.filter((e) => e.held);
  const identityOf = new Map(rows.registrations.map((r) => [r.id, r.identity]));
  const unique = new Set([...connections.values()].flatMap((c) => [...c.attended.keys()].map((id) => identityOf.get(id) ?? id)));
  const feedback = feedbackFiguresOf(rows.feedback);
  const sum = (pick: (e: SeriesEditionFigures) => number) => held.reduce((total, e) => total + pick(e), 0);
  const expected = sum((e) => e.confirmed);
  return {
    series,
    editions,
    totals: {
      editionsHeld: held.length,
      attended: sum((e) => e.attended),
      uniqueParticipants: unique.size,
      averageAttendance: held.length === 0 ? null : round2(sum((e) => e.attended) / held.length),
      noShowRate:
        held.length === 0
          ? null
          : ratio(
              sum((e) => e.noShows ?? 0),
              expected,
            ),
      newConnections: sum((e) => e.newConnections),
      repeatConnections: sum((e) => e.repeatConnections),
      averageRating: feedback.averageRating,
      nps: feedback.nps,
    },
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function averageOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((x, y) => x + y, 0) / values.length);
}

/** part / whole rounded to 4 decimals (a fraction 0..1), null when whole is 0. */
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
