// Shared test doubles: request builders and an invariant checker for plans.
import type { Participant, PlanRequest, PlannedRound } from '../src/index.js';

export const SECTORS = ['bouw', 'ict', 'zorg', 'retail', 'logistiek', 'finance', 'horeca', 'industrie'];

/** Participants p1..pN, optionally with companies (colleagues in groups of `perCompany`) and sectors. */
export function makeParticipants(n: number, options: { companies?: number; perCompany?: number; sectors?: number } = {}): Participant[] {
  const { companies = 0, perCompany = 2, sectors = 0 } = options;
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    ...(i < companies * perCompany ? { company: `c${Math.floor(i / perCompany) + 1}` } : {}),
    ...(sectors > 0 ? { sector: SECTORS[i % sectors]! } : {}),
  }));
}

export function makeModerators(m: number): { id: string }[] {
  return Array.from({ length: m }, (_, i) => ({ id: `m${i + 1}` }));
}

/** Pair key of two ids, order-free. */
export function idPair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Times each participant pair sits together over the rounds. */
export function countPairs(rounds: readonly PlannedRound[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const round of rounds)
    for (const table of round.tables) {
      const ids = table.participants;
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = idPair(ids[i]!, ids[j]!);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
  return counts;
}

/**
 * Checks the hard invariants of a plan against its request and returns the broken ones
 * (an empty list means the plan is valid): M1 seating, M2 sizes, M3 never-together, M9 moderators.
 */
export function findViolations(request: PlanRequest, rounds: readonly PlannedRound[]): string[] {
  const problems: string[] = [];
  const ids = request.participants.map((p) => p.id);
  const min = request.groupSize.min ?? Math.max(1, request.groupSize.target - 1);
  const max = request.groupSize.max ?? request.groupSize.target + 1;
  const moderators = (request.moderators ?? []).map((m) => m.id);
  const company = new Map(request.participants.map((p) => [p.id, p.company]));
  const never = new Set((request.neverTogether ?? []).map(([a, b]) => idPair(a, b)));
  if (rounds.length !== request.rounds) problems.push(`expected ${request.rounds} rounds, got ${rounds.length}`);
  rounds.forEach((round, r) => {
    const seen = new Map<string, number>();
    const seenModerators = new Set<string>();
    for (const table of round.tables) {
      if (table.participants.length < min || table.participants.length > max) problems.push(`round ${r}: table of ${table.participants.length}`);
      if (table.moderator !== null) {
        if (!moderators.includes(table.moderator)) problems.push(`round ${r}: unknown moderator ${table.moderator}`);
        if (seenModerators.has(table.moderator)) problems.push(`round ${r}: moderator ${table.moderator} at two tables`);
        seenModerators.add(table.moderator);
      }
      for (const id of table.participants) seen.set(id, (seen.get(id) ?? 0) + 1);
      const people = table.participants;
      for (let i = 0; i < people.length; i++)
        for (let j = i + 1; j < people.length; j++) {
          const a = people[i]!;
          const b = people[j]!;
          if (company.get(a) !== undefined && company.get(a) === company.get(b)) problems.push(`round ${r}: colleagues ${a} ${b}`);
          if (never.has(idPair(a, b))) problems.push(`round ${r}: never-together ${a} ${b}`);
        }
    }
    for (const id of ids) if (seen.get(id) !== 1) problems.push(`round ${r}: ${id} seated ${seen.get(id) ?? 0} times`);
    if (seen.size !== ids.length) problems.push(`round ${r}: unknown participants seated`);
    const moderated = round.tables.filter((t) => t.moderator !== null).length;
    if (moderated !== Math.min(moderators.length, round.tables.length)) problems.push(`round ${r}: ${moderated} moderated tables`);
  });
  return problems;
}
