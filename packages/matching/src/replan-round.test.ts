import { describe, expect, test } from 'vitest';
import { makeModerators, makeParticipants } from '../test/build-request.js';
import { planEvent } from './plan-event.js';
import { replanRound, type ReplanRequest } from './replan-round.js';
import type { Plan } from './types.js';

function plan102(rounds = 4): Plan {
  const result = planEvent({ participants: makeParticipants(102), moderators: makeModerators(17), groupSize: { target: 6 }, rounds, seed: 3 });
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function replan(request: ReplanRequest) {
  const result = replanRound(request);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const ids = (n: number): string[] => makeParticipants(n).map((p) => p.id);
const seatedIds = (round: { tables: readonly { participants: readonly string[] }[] }): string[] => round.tables.flatMap((t) => t.participants).sort();

describe('replanRound', () => {
  test('[M15] changes nothing when everyone is there', () => {
    const plan = plan102();
    const result = replan({ plan, roundIndex: 2, present: ids(102), groupSize: { target: 6 } });
    expect(result.moved).toBe(0);
    expect(result.round).toEqual(plan.rounds[2]);
  });

  test('[M15] drops no-shows, seats late arrivals and keeps sizes within bounds without repeats', () => {
    const plan = plan102();
    const present = [...ids(102).filter((_, i) => i % 10 !== 0), 'late1', 'late2'];
    const result = replan({ plan, roundIndex: 1, present, groupSize: { target: 6 } });
    expect(seatedIds(result.round)).toEqual([...present].sort());
    expect(result.round.tables.every((t) => t.participants.length >= 5 && t.participants.length <= 7)).toBe(true);
    expect(result.repeatedPairs).toBe(0);
    expect(result.round.tables.every((t) => t.moderator !== null)).toBe(true);
  });

  test('[M15][M2] dissolves a table when too few people are left for all tables', () => {
    const plan = plan102();
    const present = ids(102).slice(0, 60);
    const result = replan({ plan, roundIndex: 0, present, groupSize: { target: 6, min: 5, max: 7 } });
    expect(result.round.tables.length).toBeLessThanOrEqual(12);
    expect(result.round.tables.every((t) => t.participants.length >= 5 && t.participants.length <= 7)).toBe(true);
    expect(seatedIds(result.round)).toEqual([...present].sort());
  });

  test('[M15][M3] separates a late never-together pair', () => {
    const plan = plan102();
    const round = plan.rounds[1]!;
    const [a, b] = round.tables[0]!.participants;
    const result = replan({ plan, roundIndex: 1, present: ids(102), groupSize: { target: 6 }, neverTogether: [[a!, b!]] });
    const together = result.round.tables.some((t) => t.participants.includes(a!) && t.participants.includes(b!));
    expect(together).toBe(false);
    expect(result.moved).toBeLessThanOrEqual(2);
  });

  test('[M15] avoids pairs reported as met even when the plan did not seat them', () => {
    const plan = plan102();
    const table = plan.rounds[2]!.tables[3]!.participants;
    const met = [[table[0]!, table[1]!] as const, [table[2]!, table[3]!] as const];
    const result = replan({ plan, roundIndex: 2, present: ids(102), groupSize: { target: 6 }, met });
    expect(result.repeatedPairs).toBe(0);
  });

  test('[M15] replaces an absent moderator with a spare one', () => {
    const plan = plan102();
    const moderators = makeModerators(18)
      .map((m) => m.id)
      .filter((m) => m !== 'm2');
    const result = replan({ plan, roundIndex: 0, present: ids(102), presentModerators: moderators, groupSize: { target: 6 } });
    expect(result.round.tables.map((t) => t.moderator)).not.toContain('m2');
    expect(result.round.tables.every((t) => t.moderator !== null)).toBe(true);
  });

  // Round 2 as the live engine saw it: the same two participant pairs again, only at swapped
  // tables, so that the moderators meet new people.
  const fourPlusTwo: Plan['rounds'] = [
    {
      tables: [
        { moderator: 'm1', participants: ['p1', 'p2'] },
        { moderator: 'm2', participants: ['p3', 'p4'] },
      ],
    },
    {
      tables: [
        { moderator: 'm1', participants: ['p3', 'p4'] },
        { moderator: 'm2', participants: ['p1', 'p2'] },
      ],
    },
  ];
  const metInRound1: [string, string][] = [
    ['m1', 'p1'],
    ['m1', 'p2'],
    ['p1', 'p2'],
    ['m2', 'p3'],
    ['m2', 'p4'],
    ['p3', 'p4'],
  ];

  test.each([
    { why: 'pairs met passed in', met: metInRound1 },
    { why: 'pairs met taken from the plan', met: undefined },
  ])('[M5][M15] breaks repeated participant pairs before moderator repeats (4 + 2 at tables of 2, $why)', ({ met }) => {
    const result = replan({
      plan: { rounds: fourPlusTwo },
      roundIndex: 1,
      present: ['p1', 'p2', 'p3', 'p4'],
      presentModerators: ['m1', 'm2'],
      groupSize: { target: 2, min: 2, max: 2 },
      met,
    });
    const pairs = result.round.tables.map((t) => [...t.participants].sort().join('|'));
    expect(pairs).not.toContain('p1|p2');
    expect(pairs).not.toContain('p3|p4');
    expect(result.round.tables.every((t) => t.participants.length === 2 && t.moderator !== null)).toBe(true);
    // Each moderator meets one participant again: the unavoidable, lesser repeat.
    expect(result.repeatedPairs).toBe(2);
  });

  test.each([
    { why: 'a round outside the plan', roundIndex: 9, present: ids(102) },
    { why: 'too few people for any table', roundIndex: 0, present: ['p1', 'p2'] },
  ])('[M14] returns ok: false for $why', ({ roundIndex, present }) => {
    const result = replanRound({ plan: plan102(), roundIndex, present, groupSize: { target: 6 } });
    expect(result.ok).toBe(false);
  });
});
