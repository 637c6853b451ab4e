import { describe, expect, test } from 'vitest';
import { countPairs, findViolations, makeModerators, makeParticipants } from '../test/build-request.js';
import { planEvent } from './plan-event.js';
import type { Plan, PlanRequest } from './types.js';

function plan(request: PlanRequest): Plan {
  const result = planEvent(request);
  if (!result.ok) throw new Error(result.reason);
  expect(findViolations(request, result.plan.rounds)).toEqual([]);
  return result.plan;
}

describe('planEvent: required instances', () => {
  test.each([
    { name: 'Kirkman 15 / 5 tables of 3', n: 15, size: 3, rounds: 7 },
    { name: 'social golfer 32 / 8 tables of 4', n: 32, size: 4, rounds: 10 },
    { name: '48 / 8 tables of 6 over GF(8)', n: 48, size: 6, rounds: 8 },
    { name: '54 / 9 tables of 6 over GF(9)', n: 54, size: 6, rounds: 9 },
    { name: '16 / 4 tables of 4 (affine plane of order 4)', n: 16, size: 4, rounds: 5 },
    { name: '25 / 5 tables of 5 (affine plane of order 5)', n: 25, size: 5, rounds: 6 },
  ])('[M4] plans $rounds clean rounds for $name', ({ n, size, rounds }) => {
    const p = plan({ participants: makeParticipants(n), groupSize: { target: size, min: size, max: size }, rounds });
    expect(p.stats.cleanRounds).toBe(rounds);
    expect(p.stats.repeatedPairs).toBe(0);
    expect(p.rounds.every((r) => r.tables.every((t) => t.participants.length === size))).toBe(true);
  });

  test.each([
    { rounds: 2, groupSize: { target: 2 } },
    { rounds: 2, groupSize: { target: 2, min: 2, max: 2 } },
    { rounds: 3, groupSize: { target: 2, min: 2, max: 2 } },
  ])('[M5] repeats moderator pairs, not participant pairs, for 4 + 2 moderators in $rounds rounds at tables of 2', ({ rounds, groupSize }) => {
    for (let seed = 1; seed <= 8; seed++) {
      const p = plan({ participants: makeParticipants(4), moderators: makeModerators(2), groupSize, rounds, moderatorMode: 'rotate', seed });
      expect(p.stats.repeatedPairs).toBe(0);
      expect(p.stats.cleanRounds).toBe(1);
    }
  });

  test('[M4][M9] plans 17 clean rounds for 102 people with 17 rotating moderators', () => {
    const p = plan({
      participants: makeParticipants(102),
      moderators: makeModerators(17),
      groupSize: { target: 6 },
      rounds: 17,
      moderatorMode: 'rotate',
    });
    expect(p.stats).toMatchObject({
      cleanRounds: 17,
      repeatedPairs: 0,
      repeatedModeratorPairs: 0,
      unmoderatedTables: 0,
      minTableSize: 6,
      maxTableSize: 6,
    });
  });

  test('[M4] plans 10,000 people over 20 rounds with zero repeats', () => {
    const p = plan({ participants: makeParticipants(10_000), groupSize: { target: 6 }, rounds: 20 });
    expect(p.stats.repeatedPairs).toBe(0);
    expect(p.stats.cleanRounds).toBe(20);
  });
});

describe('planEvent: sizes and moderators', () => {
  test('[M2] seats 97 people with target 6 at tables of 5 to 7', () => {
    const p = plan({ participants: makeParticipants(97), groupSize: { target: 6 }, rounds: 5 });
    expect(p.stats.minTableSize).toBeGreaterThanOrEqual(5);
    expect(p.stats.maxTableSize).toBeLessThanOrEqual(7);
    expect(p.stats.repeatedPairs).toBe(0);
  });

  test.each([
    { n: 36, size: 6, rounds: 4 },
    { n: 48, size: 4, rounds: 3 },
    { n: 30, size: 5, rounds: 2 },
  ])('[M2] gives every table exactly $size when min = max = $size and $n is a multiple', ({ n, size, rounds }) => {
    const p = plan({ participants: makeParticipants(n), groupSize: { target: size, min: size, max: size }, rounds });
    expect(p.rounds.flatMap((r) => r.tables.map((t) => t.participants.length))).toEqual(Array(rounds * (n / size)).fill(size));
  });

  test('[M9] leaves tables without a moderator and reports them when moderators are short', () => {
    const p = plan({ participants: makeParticipants(60), moderators: makeModerators(3), groupSize: { target: 6 }, rounds: 3 });
    expect(p.stats.unmoderatedTables).toBe(3 * (p.stats.tablesPerRound - 3));
    expect(p.rounds.every((r) => r.tables.filter((t) => t.moderator !== null).length === 3)).toBe(true);
  });

  test('[M9] keeps each moderator at one table index in fixed mode', () => {
    for (const rounds of [4, 20]) {
      const p = plan({
        participants: makeParticipants(102),
        moderators: makeModerators(17),
        groupSize: { target: 6 },
        rounds,
        moderatorMode: 'fixed',
      });
      const tableOf = new Map<string, Set<number>>();
      for (const r of p.rounds) r.tables.forEach((t, i) => tableOf.set(t.moderator!, (tableOf.get(t.moderator!) ?? new Set()).add(i)));
      expect([...tableOf.values()].every((s) => s.size === 1)).toBe(true);
    }
  });

  test('[M9] rotates moderators of a stored design so they meet new people', () => {
    const p = plan({ participants: makeParticipants(32), moderators: makeModerators(8), groupSize: { target: 4, min: 4, max: 4 }, rounds: 4 });
    expect(p.stats.repeatedModeratorPairs).toBe(0);
  });
});

describe('planEvent: constraints and soft goals', () => {
  test('[M3] never seats colleagues or never-together pairs together', () => {
    const request: PlanRequest = {
      participants: makeParticipants(102, { companies: 20, perCompany: 4, sectors: 6 }),
      moderators: makeModerators(17),
      groupSize: { target: 6 },
      rounds: 8,
      neverTogether: [
        ['p90', 'p91'],
        ['p90', 'p92'],
        ['p93', 'p94'],
      ],
    };
    const p = plan(request);
    expect(p.stats).toMatchObject({ sameCompanyPairs: 0, neverTogetherPairs: 0, repeatedPairs: 0 });
  });

  test('[M3][M5] breaks the design rather than a company rule when the design meets every pair', () => {
    const p = plan({ participants: makeParticipants(15, { companies: 2, perCompany: 3 }), groupSize: { target: 3, min: 3, max: 3 }, rounds: 7 });
    expect(p.stats.sameCompanyPairs).toBe(0);
  });

  test('[M6] avoids history pairs when the design leaves room', () => {
    const participants = makeParticipants(102);
    const history = Array.from({ length: 60 }, (_, i) => ({ a: `p${i + 1}`, b: `p${i + 31}`, date: '2026-11-20' }));
    const request = { participants, groupSize: { target: 6 }, rounds: 4, history };
    const p = plan(request);
    expect(p.stats.historyPairs).toBe(0);
  });

  test('[M7] mixes sectors better than chance', () => {
    const p = plan({ participants: makeParticipants(102, { sectors: 17 }), groupSize: { target: 6 }, rounds: 4 });
    expect(p.stats.sectorMix).toBe(1);
  });

  test('[M10] spreads unavoidable repeats: no pair meets a third time', () => {
    const p = plan({ participants: makeParticipants(36), groupSize: { target: 6, min: 6, max: 6 }, rounds: 6 });
    expect(p.stats.cleanRounds).toBeGreaterThanOrEqual(3);
    expect(p.stats.maxPairMeetings).toBe(2);
    const counts = [...countPairs(p.rounds).values()];
    expect(counts.filter((c) => c > 2)).toEqual([]);
  });
});

describe('planEvent: determinism and failures', () => {
  test('[M11] gives the same plan for the same seed and a different one for another seed', () => {
    const request = { participants: makeParticipants(40, { sectors: 4 }), moderators: makeModerators(5), groupSize: { target: 5 }, rounds: 9 };
    const a = planEvent({ ...request, seed: 5 });
    const b = planEvent({ ...request, seed: 5 });
    const c = planEvent({ ...request, seed: 6 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test.each([
    { why: 'too few people for one table', request: { participants: makeParticipants(3), groupSize: { target: 6 }, rounds: 2 } },
    {
      why: 'sizes that cannot divide the people',
      request: { participants: makeParticipants(10), groupSize: { target: 6, min: 6, max: 6 }, rounds: 2 },
    },
    {
      why: 'a company larger than the table count',
      request: { participants: makeParticipants(12, { companies: 1, perCompany: 5 }), groupSize: { target: 4 }, rounds: 2 },
    },
    { why: 'zero rounds', request: { participants: makeParticipants(12), groupSize: { target: 4 }, rounds: 0 } },
    { why: 'min above target', request: { participants: makeParticipants(12), groupSize: { target: 4, min: 5 }, rounds: 1 } },
    { why: 'a duplicate id', request: { participants: [{ id: 'a' }, { id: 'a' }], groupSize: { target: 2 }, rounds: 1 } },
    {
      why: 'a moderator id used by a participant',
      request: { participants: makeParticipants(4), moderators: [{ id: 'p1' }], groupSize: { target: 2 }, rounds: 1 },
    },
    {
      why: 'an unreadable history date',
      request: { participants: makeParticipants(4), history: [{ a: 'p1', b: 'p2', date: 'yesterday' }], groupSize: { target: 2 }, rounds: 1 },
    },
  ])('[M14] returns ok: false with a reason for $why', ({ request }) => {
    const result = planEvent(request as PlanRequest);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\w/);
  });
});
