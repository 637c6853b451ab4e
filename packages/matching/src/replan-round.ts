import { SIZE_WEIGHT, costAt, improve, move, type Live } from './live-seating.js';
import { buildProblem, pairKey, tableCountRange } from './problem.js';
import type { Failure, GroupSize, HistoryPair, Participant, PlannedRound } from './types.js';

/** Input of {@link replanRound}: plain, serialisable data the live-event engine already holds. */
export interface ReplanRequest {
  /** The edition's plan (or just its rounds). */
  readonly plan: { readonly rounds: readonly PlannedRound[] };
  /** The round about to start (0-based). */
  readonly roundIndex: number;
  /** Participant ids present now, late arrivals included; anyone else is a no-show. */
  readonly present: readonly string[];
  /** Moderator ids present now; default every moderator named in the plan. */
  readonly presentModerators?: readonly string[];
  /** Company and sector of participants (late arrivals too); ids not listed have neither. */
  readonly participants?: readonly Participant[];
  readonly groupSize: GroupSize;
  readonly neverTogether?: readonly (readonly [string, string])[];
  readonly history?: readonly HistoryPair[];
  readonly referenceDate?: string;
  /**
   * Pairs (participant or moderator ids) that really met so far in this edition. Default: every
   * pair seated together in the plan's rounds before `roundIndex`. Pass it when hosts moved people.
   */
  readonly met?: readonly (readonly [string, string])[];
}

/** The replanned round, how many planned participants changed table, and its remaining repeats. */
export type ReplanResult = { readonly ok: true; readonly round: PlannedRound; readonly moved: number; readonly repeatedPairs: number } | Failure;

/**
 * Re-seats the round about to start around who is actually there (M15): no-shows leave, late
 * arrivals are added, tables that fall below `min` are refilled or dissolved, and people move
 * only to satisfy the size bounds or to remove a repeat or never-together pair. Everyone else
 * keeps the planned table. Pure; about 10 ms for 1,000 people.
 */
export function replanRound(request: ReplanRequest): ReplanResult {
  const planned = request.plan.rounds[request.roundIndex];
  if (!Number.isInteger(request.roundIndex) || planned === undefined) {
    return { ok: false, reason: `round ${request.roundIndex} is not in the plan` };
  }
  const info = new Map((request.participants ?? []).map((p) => [p.id, p]));
  const plannedModerators = planned.tables.map((t) => t.moderator).filter((m): m is string => m !== null);
  const allModerators = new Set(request.plan.rounds.flatMap((r) => r.tables.map((t) => t.moderator)).filter((m): m is string => m !== null));
  const built = buildProblem({
    participants: [...new Set(request.present)].map((id) => info.get(id) ?? { id }),
    moderators: [...new Set(request.presentModerators ?? [...allModerators])].map((id) => ({ id })),
    groupSize: request.groupSize,
    rounds: 1,
    history: request.history,
    neverTogether: request.neverTogether,
    referenceDate: request.referenceDate,
  });
  if (!built.ok) return built;
  const problem = built.problem;
  const { n, min, max, index } = problem;
  const entityOf = (id: string): number | undefined => {
    const p = index.get(id);
    if (p !== undefined) return p;
    const m = problem.moderatorIds.indexOf(id);
    return m >= 0 ? n + m : undefined;
  };

  const met = new Map<number, number>();
  const addMet = (a: string, b: string): void => {
    const x = entityOf(a);
    const y = entityOf(b);
    if (x === undefined || y === undefined || x === y) return;
    const key = pairKey(x, y);
    met.set(key, (met.get(key) ?? 0) + 1);
  };
  if (request.met !== undefined) for (const [a, b] of request.met) addMet(a, b);
  else {
    for (const round of request.plan.rounds.slice(0, request.roundIndex)) {
      for (const table of round.tables) {
        const ids = table.moderator === null ? table.participants : [table.moderator, ...table.participants];
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) addMet(ids[i]!, ids[j]!);
      }
    }
  }

  // Table count: keep the planned one when the bounds allow it, else the nearest that works.
  const range = tableCountRange(n, min, max);
  if (range.lo > range.hi) return { ok: false, reason: `${n} present participants cannot be split into tables of ${min} to ${max}` };
  const plannedCount = planned.tables.length;
  const tables = Math.min(range.hi, Math.max(range.lo, plannedCount));
  const plannedTable = new Int32Array(n).fill(-1);
  planned.tables.forEach((table, t) => {
    for (const id of table.participants) {
      const p = index.get(id);
      if (p !== undefined) plannedTable[p] = t;
    }
  });
  // Dissolve the emptiest planned tables when there are too few people for all of them.
  const order = Array.from({ length: plannedCount }, (_, t) => t);
  const countAt = (t: number): number => planned.tables[t]!.participants.filter((id) => index.has(id)).length;
  order.sort((x, y) => countAt(y) - countAt(x) || x - y);
  const kept = new Set(order.slice(0, Math.min(tables, plannedCount)));
  // New table t keeps planned table slot[t]; extra tables (more people than planned) have none.
  const slot: number[] = [];
  for (let t = 0; t < plannedCount; t++) if (kept.has(t)) slot.push(t);
  while (slot.length < tables) slot.push(-1);
  const newIndexOf = new Map(slot.map((s, t) => [s, t]));

  const live: Live = { problem, met, members: Array.from({ length: tables }, () => []), tableOf: new Int32Array(n).fill(-1) };
  const unseated: number[] = [];
  for (let p = 0; p < n; p++) {
    const t = plannedTable[p]! >= 0 ? newIndexOf.get(plannedTable[p]!) : undefined;
    if (t === undefined) unseated.push(p);
    else move(live, p, t);
  }
  // Moderators stay with their planned table when present; spare moderators fill the gaps.
  const moderators = slot.map((s) => {
    const id = s >= 0 ? planned.tables[s]!.moderator : null;
    const m = id === null ? -1 : problem.moderatorIds.indexOf(id);
    return m >= 0 ? n + m : -1;
  });
  const spare = problem.moderatorIds.map((_, m) => n + m).filter((m) => !moderators.includes(m));
  // Prefer moderators planned for this round, then the others, in a stable order.
  spare.sort(
    (a, b) =>
      Number(plannedModerators.includes(problem.moderatorIds[b - n]!)) - Number(plannedModerators.includes(problem.moderatorIds[a - n]!)) || a - b,
  );
  for (let t = 0; t < tables; t++) if (moderators[t] === -1 && spare.length > 0) moderators[t] = spare.shift()!;

  // Late arrivals and people of dissolved tables go where they cost least, overfull tables shed.
  for (let t = 0; t < tables; t++) {
    while (live.members[t]!.length > max) {
      const p = live.members[t]!.reduce((best, q) => (costAt(live, moderators, q, t) > costAt(live, moderators, best, t) ? q : best));
      live.members[t]!.splice(live.members[t]!.indexOf(p), 1);
      live.tableOf[p] = -1;
      unseated.push(p);
    }
  }
  for (const p of unseated) {
    let best = -1;
    let bestCost = Infinity;
    for (let t = 0; t < tables; t++) {
      if (live.members[t]!.length >= max) continue;
      const c = costAt(live, moderators, p, t) + SIZE_WEIGHT * live.members[t]!.length;
      if (c < bestCost) {
        bestCost = c;
        best = t;
      }
    }
    move(live, p, best);
  }
  // Tables below min take the cheapest person from the fullest table (M2 outranks M4).
  for (let t = 0; t < tables; t++) {
    while (live.members[t]!.length < min) {
      let donor = -1;
      for (let d = 0; d < tables; d++)
        if (live.members[d]!.length > min && (donor < 0 || live.members[d]!.length > live.members[donor]!.length)) donor = d;
      if (donor < 0) return { ok: false, reason: 'table sizes cannot be kept within bounds' };
      const p = live.members[donor]!.reduce((best, q) =>
        costAt(live, moderators, q, t) - costAt(live, moderators, q, donor) <
        costAt(live, moderators, best, t) - costAt(live, moderators, best, donor)
          ? q
          : best,
      );
      move(live, p, t);
    }
  }
  improve(live, moderators, min, max);

  for (const members of live.members) {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        if (problem.hardPairs.has(pairKey(members[i]!, members[j]!))) {
          const [a, b] = [problem.participantIds[members[i]!]!, problem.participantIds[members[j]!]!];
          return { ok: false, reason: `no re-seating keeps ${a} and ${b} apart within the size bounds` };
        }
      }
  }
  let moved = 0;
  for (let p = 0; p < n; p++) if (plannedTable[p]! >= 0 && slot[live.tableOf[p]!] !== plannedTable[p]) moved++;
  let repeatedPairs = 0;
  live.members.forEach((members, t) => {
    const ids = moderators[t]! >= 0 ? [...members, moderators[t]!] : members;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if ((met.get(pairKey(ids[i]!, ids[j]!)) ?? 0) > 0) repeatedPairs++;
  });
  return {
    ok: true,
    moved,
    repeatedPairs,
    round: {
      tables: live.members.map((members, t) => ({
        moderator: moderators[t]! >= 0 ? problem.moderatorIds[moderators[t]! - n]! : null,
        participants: [...members].sort((a, b) => a - b).map((p) => problem.participantIds[p]!),
      })),
    },
  };
}
