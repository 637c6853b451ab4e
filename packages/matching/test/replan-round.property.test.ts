// Fuzzes replanRound over random plans, no-shows and late arrivals: invariants after every replan.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planEvent, replanRound, seatLateJoiner, type PlanRequest } from '../src/index.js';
import { findViolations, idPair, makeModerators, makeParticipants } from './build-request.js';

const scenarioArb = fc.record({
  n: fc.integer({ min: 12, max: 120 }),
  target: fc.integer({ min: 3, max: 7 }),
  rounds: fc.integer({ min: 2, max: 5 }),
  moderators: fc.integer({ min: 0, max: 25 }),
  companies: fc.integer({ min: 0, max: 6 }),
  absentPercent: fc.integer({ min: 0, max: 35 }),
  late: fc.integer({ min: 0, max: 6 }),
  roundPick: fc.nat(),
  never: fc.array(fc.tuple(fc.nat(119), fc.nat(119)), { maxLength: 4 }),
  seed: fc.nat(),
});

describe('replanRound properties', () => {
  test('[M15][M1][M2][M3] seats every present person once, within bounds, hard rules kept', () => {
    let replanned = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const participants = makeParticipants(s.n, { companies: s.companies, perCompany: 2, sectors: 3 });
        const neverTogether = s.never.filter(([a, b]) => a !== b && a < s.n && b < s.n).map(([a, b]) => [`p${a + 1}`, `p${b + 1}`] as const);
        const request: PlanRequest = {
          participants,
          moderators: makeModerators(s.moderators),
          groupSize: { target: s.target },
          rounds: s.rounds,
          neverTogether,
          seed: s.seed,
          budget: { iterations: 200 },
        };
        const planned = planEvent(request);
        if (!planned.ok) return;
        const roundIndex = s.roundPick % s.rounds;
        const present = participants
          .filter((_, i) => (i * 37 + s.seed) % 100 >= s.absentPercent)
          .map((p) => p.id)
          .concat(Array.from({ length: s.late }, (_, i) => `late${i}`));
        const presentModerators = makeModerators(s.moderators).map((m) => m.id);
        const result = replanRound({
          plan: planned.plan,
          roundIndex,
          present,
          presentModerators,
          participants,
          neverTogether,
          groupSize: request.groupSize,
        });
        if (!result.ok) return;
        replanned++;
        const lateInfo = present.map((id) => participants.find((p) => p.id === id) ?? { id });
        const violations = findViolations({ ...request, participants: lateInfo, rounds: 1, moderators: request.moderators }, [result.round]);
        expect(violations.filter((v) => !v.includes('moderated tables'))).toEqual([]);
        expect(result.round.tables.filter((t) => t.moderator !== null).length).toBe(Math.min(s.moderators, result.round.tables.length));
      }),
      { numRuns: 80 },
    );
    expect(replanned).toBeGreaterThan(20);
  });
});

describe('seatLateJoiner properties', () => {
  test('[M16] seats at a table with room and no never-together partner, or says why not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 60 }),
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.nat(59), { maxLength: 10 }),
        fc.nat(),
        (n, target, avoid, seed) => {
          const planned = planEvent({ participants: makeParticipants(n), groupSize: { target }, rounds: 1, seed });
          if (!planned.ok) return;
          const round = planned.plan.rounds[0]!;
          const neverTogether = avoid.filter((i) => i < n).map((i) => ['z', `p${i + 1}`] as const);
          const maxSize = target + 1;
          const result = seatLateJoiner({ round, person: { id: 'z' }, neverTogether, maxSize });
          if (!result.ok) {
            const open = round.tables.filter(
              (t) => t.participants.length < maxSize && !t.participants.some((id) => neverTogether.some(([, b]) => b === id)),
            );
            expect(open).toEqual([]);
            return;
          }
          const table = result.round.tables[result.tableIndex]!;
          expect(table.participants.length).toBeLessThanOrEqual(maxSize);
          const avoided = new Set(neverTogether.map(([a, b]) => idPair(a, b)));
          expect(table.participants.some((id) => avoided.has(idPair('z', id)))).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
