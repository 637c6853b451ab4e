import { expect, test } from 'vitest';
import type { EditionReport } from '@tablehop/protocol';
import { pgLiveStore } from '../live/pg-live.store.js';
import { connect, createLiveFixture, createTestEngine, MINUTE, STARTS_AT, type TestClient } from '../../test/live-fixture.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';

/**
 * History for matching, end to end: two consecutive editions of one series with the same 30
 * people (tables of 5, 2 rounds). Edition 1 runs through the live engine; when edition 2 is seated,
 * the engine loads the pairs of edition 1 (by e-mail) and the planner keeps them apart. A clean plan
 * exists (each person met about 8 of 29 others; about 8 more new ones are needed), so no pair may repeat.
 */

const WEEK = 7 * 24 * 60 * MINUTE;
const FORMAT = { rounds: 2, groupSize: 5 };

/** Runs one edition with everyone present from before the doors open to the end; returns the plan the engine made at round 1. */
async function runEdition(t: TestApp, editionId: string, startsAt: number): Promise<string[][][]> {
  const { engine, advance, errors } = createTestEngine(t.db, startsAt - 20 * MINUTE);
  await engine.start();
  const tokens = await t.db.query<{ token: string }>(
    `SELECT join_token AS token FROM registrations WHERE edition_id = $1 AND status = 'confirmed' ORDER BY seq`,
    [editionId],
  );
  const clients: TestClient[] = [];
  for (const { token } of tokens) clients.push(await connect(engine, await engine.authenticate(editionId, { kind: 'join', token }, undefined)));
  await advance(30 * MINUTE); // doors, plenary, round 1 seated (moving)
  const state = engine.inspect(editionId)!;
  expect(state.phase).toBe('moving');
  const plan = state.plan!.map((round) => round.tables.map((table) => [...table.participants]));
  await advance(90 * MINUTE);
  expect(engine.inspect(editionId)!.phase).toBe('ended');
  for (const client of clients) client.detach();
  engine.stop();
  await engine.idle();
  expect(errors).toEqual([]);
  return plan;
}

/** Pairs (by e-mail) who sat together in an edition, from the stored seatings (or a plan); `count` counts a pair once per meeting. */
async function pairsByEmail(t: TestApp, editionId: string, plan?: string[][][]): Promise<Set<string> & { count: number }> {
  const rows = await t.db.query<{ id: string; email: string }>(`SELECT id, lower(email) AS email FROM registrations WHERE edition_id = $1`, [
    editionId,
  ]);
  const emailOf = new Map(rows.map((r) => [r.id, r.email]));
  const tables =
    plan?.flat() ??
    Object.values(
      (await pgLiveStore.listSeatings(t.db, editionId)).reduce<Record<string, string[]>>((acc, s) => {
        if (s.registrationId !== null) (acc[`${s.round}/${s.table}`] ??= []).push(s.registrationId);
        return acc;
      }, {}),
    );
  const pairs = Object.assign(new Set<string>(), { count: 0 });
  for (const table of tables)
    for (let i = 0; i < table.length; i++)
      for (let j = i + 1; j < table.length; j++) {
        pairs.add([emailOf.get(table[i]!)!, emailOf.get(table[j]!)!].sort().join(' + '));
        pairs.count++;
      }
  return pairs;
}

forEachTestDatabase('series history', (getDb) => {
  const t = useTestApp({ db: getDb });

  test('the second edition of a series repeats no pair of the first (30 people, tables of 5, 2 rounds)', async () => {
    const first = await createLiveFixture(t, 30, 0, { format: FORMAT });
    const created = await t.asOrganizer('POST', `/api/series/${first.seriesId}/editions`, {
      startsAt: new Date(STARTS_AT + WEEK).toISOString(),
      capacity: 200,
      format: FORMAT,
    });
    expect(created.statusCode).toBe(201);
    const second = created.json<{ id: string }>().id;
    // The same 30 people register again (same e-mail addresses, some typed in capitals).
    for (let i = 1; i <= 30; i++) {
      const response = await t.anonymous('POST', `/api/editions/${second}/registrations`, {
        name: `Person ${i}`,
        email: i % 3 === 0 ? `PERSON${i}@example.com` : `person${i}@example.com`,
        consent: true,
        company: `Company ${i}`,
        sector: ['ict', 'food', 'retail', 'health'][i % 4],
      });
      expect(response.statusCode).toBe(201);
    }

    await runEdition(t, first.editionId, STARTS_AT);
    const met = await pairsByEmail(t, first.editionId);
    // Two clean rounds (the planner may pick 6 tables of 5 or 7 of 4-5): about 100 pairs met.
    expect(met.size).toBe(met.count);
    expect(met.size).toBeGreaterThanOrEqual(90);
    // What the engine hands the planner for edition 2: every pair of edition 1, as this edition's registrations.
    expect(await pgLiveStore.loadHistory(t.db, second)).toHaveLength(met.size);

    const plan = await runEdition(t, second, STARTS_AT + WEEK);
    const planned = await pairsByEmail(t, second, plan);
    expect(planned.size).toBe(planned.count);
    expect([...planned].filter((pair) => met.has(pair))).toEqual([]);
    // And as seated (the engine replans round 2 with who is present).
    const seated = await pairsByEmail(t, second);
    expect([...seated].filter((pair) => met.has(pair))).toEqual([]);

    // The report agrees: every meeting of edition 2 is a new connection.
    const report = (await t.asOrganizer('GET', `/api/editions/${second}/report`)).json<EditionReport>();
    expect(report.connections).toMatchObject({ total: seated.size, new: seated.size, repeat: 0 });
    expect(report.attendance).toMatchObject({ attended: 30, noShows: 0, lateArrivals: 0 });
  });
});
