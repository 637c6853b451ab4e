import { describe, expect, test } from 'vitest';
import type { LiveTable } from '../src/live/live.logic.js';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT } from './live-fixture.js';
import { forEachTestDatabase } from './test-databases.js';
import { useTestApp } from './test-app.js';

/** Participant pairs seated together in one round, as sorted `a|b` keys. */
function participantPairs(tables: readonly LiveTable[]): string[] {
  const pairs: string[] = [];
  for (const { participants } of tables) {
    const ids = [...participants].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push(`${ids[i]}|${ids[j]}`);
  }
  return pairs;
}

forEachTestDatabase('live seating', (getDb) => {
  const t = useTestApp({ db: getDb });

  /** An edition at tables of 2, everyone (or every participant) connected before the doors open; returns the engine once round 1 is seated. */
  async function seatRoundOne(people: number, moderatorCount: number, rounds: number, moderatorsConnect = true) {
    const f = await createLiveFixture(t, people, moderatorCount, { format: { groupSize: 2, rounds, moderatorMode: 'rotate' } });
    const test = createTestEngine(t.db, STARTS_AT - 20 * MINUTE);
    await test.engine.start();
    if (moderatorsConnect)
      for (const id of f.moderators) await connect(test.engine, await test.engine.authenticate(f.editionId, { kind: 'staff' }, id));
    for (const p of f.participants)
      await connect(test.engine, await test.engine.authenticate(f.editionId, { kind: 'join', token: p.token }, undefined));
    await test.advance(20 * MINUTE); // doors, then the plenary
    await test.advance(10 * MINUTE); // round 1 is seated
    const state = test.engine.inspect(f.editionId)!;
    expect(state.phase).toBe('moving');
    expect(state.round).toBe(1);
    return { f, ...test };
  }

  describe('live engine: seating rounds', () => {
    // Ten editions, so ten matching seeds (the seed comes from the random edition id): before the
    // fix about 3 seeds in 10 paired the same participants again.
    test('[M5] round 2 repeats no participant pair with 4 participants and 2 moderators at tables of 2', async () => {
      for (let edition = 0; edition < 10; edition++) {
        const { f, engine, advance, errors } = await seatRoundOne(4, 2, 2);
        const round1 = engine.inspect(f.editionId)!.tables!;
        expect(round1.map((table) => table.participants.length)).toEqual([2, 2]);
        await advance(30_000); // round 1 runs
        await advance(12 * MINUTE); // round 2 is seated
        const state = engine.inspect(f.editionId)!;
        expect(state.phase).toBe('moving');
        expect(state.round).toBe(2);
        expect(state.tables!.map((table) => table.participants.length)).toEqual([2, 2]);
        expect(state.tables!.every((table) => table.moderator !== null)).toBe(true);
        const again = participantPairs(state.tables!).filter((pair) => participantPairs(round1).includes(pair));
        expect(again).toEqual([]);
        expect(errors).toEqual([]);
        engine.stop();
      }
    });

    test('[M2] seats 4 participants at tables of at least 2 when no moderator is connected', async () => {
      const { f, engine, errors } = await seatRoundOne(4, 2, 4, false);
      const round1 = engine.inspect(f.editionId)!.tables!;
      expect(round1.map((table) => table.participants.length)).toEqual([2, 2]);
      expect(round1.every((table) => table.moderator === null)).toBe(true);
      expect(errors).toEqual([]);
      engine.stop();
    });
  });
});
