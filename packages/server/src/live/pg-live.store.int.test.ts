import { randomUUID } from 'node:crypto';
import { beforeEach, expect, test } from 'vitest';
import { forEachTestDatabase, truncateTables } from '../../test/test-databases.js';
import type { Sql } from '../db/sql.js';
import { createLiveState } from './live.logic.js';
import { pgLiveStore as store } from './pg-live.store.js';

const FORMAT = {
  groupSize: 6,
  rounds: 3,
  roundMinutes: 12,
  plenaryMinutes: 10,
  moderatorMode: 'rotate' as const,
  movingSeconds: 30,
  doorsOpenMinutes: 15,
};

async function insertSeries(sql: Sql): Promise<string> {
  const id = randomUUID();
  await sql.query(
    `INSERT INTO series (id, name, language, time_zone, weekday, start_time, duration_minutes, group_size, rounds, round_minutes, plenary_minutes,
       moderator_mode, promotion_mode, offer_hours, registration_opens_days, created_at)
     VALUES ($1, 'Virtual Friday', 'en', 'Europe/Brussels', 5, '09:30', 90, 6, 3, 12, 10, 'rotate', 'auto', 24, 28, '2026-11-01T00:00:00Z')`,
    [id],
  );
  return id;
}

async function insertEdition(sql: Sql, seriesId: string, startsAt: string, status = 'closed'): Promise<string> {
  const id = randomUUID();
  await sql.query(
    `INSERT INTO editions (id, series_id, starts_at, duration_minutes, status, group_size, rounds, round_minutes, plenary_minutes, moderator_mode,
       promotion_mode, offer_hours, created_at)
     VALUES ($1, $2, $3, 90, $4, 6, 3, 12, 10, 'rotate', 'auto', 24, '2026-11-01T00:00:00Z')`,
    [id, seriesId, startsAt, status],
  );
  return id;
}

async function insertRegistration(sql: Sql, editionId: string, email: string, status = 'confirmed'): Promise<string> {
  const id = randomUUID();
  await sql.query(
    `INSERT INTO registrations (id, edition_id, name, email, company, language, consent_privacy, status, manage_token, join_token, created_at)
     VALUES ($1, $2, $3, $4, 'Acme', 'en', true, $5, $6, $7, '2026-11-01T00:00:00Z')`,
    [id, editionId, email.split('@')[0], email, status, `m-${id}`, `j-${id}`],
  );
  return id;
}

const at = (iso: string) => new Date(iso);
/** Seating record changes of a participant. */
const open = (personId: string, round: number, table: number, iso: string) => ({
  op: 'open' as const,
  personId,
  kind: 'participant' as const,
  round,
  table,
  at: at(iso),
});
const close = (personId: string, iso: string) => ({ op: 'close' as const, personId, kind: 'participant' as const, at: at(iso) });

forEachTestDatabase('live store', (getDb) => {
  beforeEach(async () => {
    await truncateTables(getDb());
  });

  test('saves and loads the live state, its tables rebuilt from the open seatings; lists the editions still running', async () => {
    const db = getDb();
    const series = await insertSeries(db);
    const running = await insertEdition(db, series, '2026-12-04T08:30:00Z');
    const done = await insertEdition(db, series, '2026-11-27T08:30:00Z');
    const [a, b, c] = [
      await insertRegistration(db, running, 'a@example.com'),
      await insertRegistration(db, running, 'b@example.com'),
      await insertRegistration(db, running, 'c@example.com'),
    ];
    const plan = [{ tables: [{ moderator: null, participants: [a, b, c] }] }];
    const state = {
      ...createLiveState(running, FORMAT, Date.parse('2026-12-04T08:30:00Z')),
      phase: 'round' as const,
      round: 2,
      plan,
      past: [[{ moderator: null, participants: [a, b] }]],
      // Table 2 is empty but keeps its number.
      tables: [
        { moderator: null, participants: [b, a] },
        { moderator: null, participants: [] },
        { moderator: null, participants: [c] },
      ],
    };
    await store.writeSeatings(db, running, [
      { op: 'open', personId: a, kind: 'participant', round: 1, table: 1, at: at('2026-12-04T08:40:00Z') },
      { op: 'close', personId: a, kind: 'participant', at: at('2026-12-04T08:52:00Z') },
      { op: 'open', personId: b, kind: 'participant', round: 2, table: 1, at: at('2026-12-04T08:52:00Z') },
      { op: 'open', personId: a, kind: 'participant', round: 2, table: 1, at: at('2026-12-04T08:52:00Z') },
      { op: 'open', personId: c, kind: 'participant', round: 2, table: 3, at: at('2026-12-04T08:52:00Z') },
    ]);
    await store.saveState(db, state, 3, at('2026-12-04T08:45:00Z'));
    await store.saveState(db, { ...createLiveState(done, FORMAT, 0), phase: 'ended' }, 1, at('2026-12-04T08:45:00Z'));
    expect(await store.loadState(db, running)).toEqual(state);
    expect(await store.listRunning(db)).toEqual([running]);
    // Plan and past are only written when flagged as changed.
    await store.saveState(db, { ...state, endsAt: 5, plan: null, past: [] }, 4, at('2026-12-04T09:00:00Z'), { plan: false, past: false });
    expect(await store.loadState(db, running)).toEqual({ ...state, endsAt: 5 });
    await store.saveState(db, { ...state, plan: null }, 5, at('2026-12-04T09:00:00Z'), { plan: true, past: false });
    expect((await store.loadState(db, running))?.plan).toBeNull();
    expect(await store.loadState(db, randomUUID())).toBeUndefined();
  });

  test('records seatings in order: a move closes one seating and opens the next', async () => {
    const db = getDb();
    const series = await insertSeries(db);
    const edition = await insertEdition(db, series, '2026-12-04T08:30:00Z');
    const a = await insertRegistration(db, edition, 'a@example.com');
    const b = await insertRegistration(db, edition, 'b@example.com');
    const moderator = randomUUID();
    await db.query(
      `INSERT INTO users (id, email, name, role, created_at) VALUES ($1, 'mod@example.org', 'Mod', 'moderator', '2026-11-01T00:00:00Z')`,
      [moderator],
    );
    await store.writeSeatings(db, edition, [
      { op: 'open', personId: a, kind: 'participant', round: 1, table: 1, at: at('2026-12-04T08:40:00Z') },
      { op: 'open', personId: b, kind: 'participant', round: 1, table: 2, at: at('2026-12-04T08:40:00Z') },
      { op: 'open', personId: moderator, kind: 'moderator', round: 1, table: 1, at: at('2026-12-04T08:40:00Z') },
      { op: 'close', personId: a, kind: 'participant', at: at('2026-12-04T08:45:00Z') },
      { op: 'open', personId: a, kind: 'participant', round: 1, table: 2, at: at('2026-12-04T08:45:00Z') },
    ]);
    await store.writeSeatings(db, edition, [
      { op: 'close', personId: a, kind: 'participant', at: at('2026-12-04T08:52:30Z') },
      { op: 'close', personId: b, kind: 'participant', at: at('2026-12-04T08:52:30Z') },
      { op: 'close', personId: moderator, kind: 'moderator', at: at('2026-12-04T08:52:30Z') },
    ]);
    expect(await store.listSeatings(db, edition)).toEqual([
      { round: 1, table: 1, registrationId: a, moderatorId: null, from: at('2026-12-04T08:40:00Z'), to: at('2026-12-04T08:45:00Z') },
      { round: 1, table: 2, registrationId: b, moderatorId: null, from: at('2026-12-04T08:40:00Z'), to: at('2026-12-04T08:52:30Z') },
      { round: 1, table: 1, registrationId: null, moderatorId: moderator, from: at('2026-12-04T08:40:00Z'), to: at('2026-12-04T08:52:30Z') },
      { round: 1, table: 2, registrationId: a, moderatorId: null, from: at('2026-12-04T08:45:00Z'), to: at('2026-12-04T08:52:30Z') },
    ]);
  });

  test('history: pairs that met at an earlier edition of the same series, by e-mail, with its date', async () => {
    const db = getDb();
    const series = await insertSeries(db);
    const otherSeries = await insertSeries(db);
    const earlier = await insertEdition(db, series, '2026-11-20T08:30:00Z', 'ended');
    const current = await insertEdition(db, series, '2026-12-04T08:30:00Z');
    const elsewhere = await insertEdition(db, otherSeries, '2026-11-21T08:30:00Z', 'ended');
    const [alice1, bob1, carol1, dave1] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((n) => insertRegistration(db, earlier, `${n}@example.com`)),
    );
    const [alice3, carol3] = await Promise.all(['alice', 'carol'].map((n) => insertRegistration(db, elsewhere, `${n}@example.com`)));
    const alice2 = await insertRegistration(db, current, 'ALICE@example.com');
    const bob2 = await insertRegistration(db, current, 'bob@example.com');
    const carol2 = await insertRegistration(db, current, 'carol@example.com');
    const dave2 = await insertRegistration(db, current, 'dave@example.com', 'cancelled');
    // Alice and Bob share table 1; Carol sits there only after Alice has left it (she meets Bob, not Alice);
    // Dave (cancelled now) sat with Alice.
    await store.writeSeatings(db, earlier, [
      open(alice1!, 1, 1, '2026-11-20T08:40:00Z'),
      open(bob1!, 1, 1, '2026-11-20T08:40:00Z'),
      open(dave1!, 1, 1, '2026-11-20T08:40:00Z'),
    ]);
    await store.writeSeatings(db, earlier, [close(alice1!, '2026-11-20T08:45:00Z')]);
    await store.writeSeatings(db, earlier, [open(carol1!, 1, 1, '2026-11-20T08:46:00Z')]);
    // Alice and Carol met in another series: not this series' history.
    await store.writeSeatings(db, elsewhere, [open(alice3!, 1, 1, '2026-11-21T08:40:00Z'), open(carol3!, 1, 1, '2026-11-21T08:40:00Z')]);
    const history = await store.loadHistory(db, current);
    const pair = (x: string, y: string) => (x < y ? { a: x, b: y, date: '2026-11-20' } : { a: y, b: x, date: '2026-11-20' });
    expect(new Set(history.map((h) => JSON.stringify(h)))).toEqual(new Set([pair(alice2, bob2), pair(bob2, carol2)].map((h) => JSON.stringify(h))));
    expect(history.some((h) => h.a === dave2 || h.b === dave2)).toBe(false);
  });

  test('history: one entry per pair and earlier edition, so the planner sums them (M6); optionally only for some people', async () => {
    const db = getDb();
    const series = await insertSeries(db);
    const first = await insertEdition(db, series, '2026-10-09T08:30:00Z', 'ended');
    const second = await insertEdition(db, series, '2026-11-20T08:30:00Z', 'ended');
    const current = await insertEdition(db, series, '2026-12-04T08:30:00Z');
    const names = ['alice', 'bob', 'carol', 'erin'];
    const inFirst = await Promise.all(names.map((n) => insertRegistration(db, first, `${n}@example.com`)));
    const inSecond = await Promise.all(names.map((n) => insertRegistration(db, second, `${n}@example.com`)));
    const [alice, bob, carol, erin] = await Promise.all(names.map((n) => insertRegistration(db, current, `${n}@example.com`)));
    // First edition: Alice and Bob meet in rounds 1 and 2 (still one edition); Carol and Erin in round 1.
    await store.writeSeatings(db, first, [
      open(inFirst[0]!, 1, 1, '2026-10-09T08:40:00Z'),
      open(inFirst[1]!, 1, 1, '2026-10-09T08:40:00Z'),
      open(inFirst[2]!, 1, 2, '2026-10-09T08:40:00Z'),
      open(inFirst[3]!, 1, 2, '2026-10-09T08:40:00Z'),
    ]);
    await store.writeSeatings(db, first, [
      ...inFirst.map((id) => close(id, '2026-10-09T08:52:00Z')),
      open(inFirst[0]!, 2, 1, '2026-10-09T08:53:00Z'),
      open(inFirst[1]!, 2, 1, '2026-10-09T08:53:00Z'),
    ]);
    // Second edition: Alice and Bob meet again; Bob and Carol meet.
    await store.writeSeatings(db, second, [
      open(inSecond[0]!, 1, 1, '2026-11-20T08:40:00Z'),
      open(inSecond[1]!, 1, 1, '2026-11-20T08:40:00Z'),
      open(inSecond[2]!, 1, 1, '2026-11-20T08:40:00Z'),
    ]);
    const pair = (x: string, y: string, date: string) => JSON.stringify(x < y ? { a: x, b: y, date } : { a: y, b: x, date });
    const asSet = (history: readonly { a: string; b: string; date: string }[]) => new Set(history.map((h) => pair(h.a, h.b, h.date)));
    const history = await store.loadHistory(db, current);
    expect(history).toHaveLength(5);
    expect(asSet(history)).toEqual(
      new Set([
        pair(alice!, bob!, '2026-10-09'),
        pair(alice!, bob!, '2026-11-20'),
        pair(carol!, erin!, '2026-10-09'),
        pair(alice!, carol!, '2026-11-20'),
        pair(bob!, carol!, '2026-11-20'),
      ]),
    );
    // Only the pairs of Erin (say, confirmed after the live state was loaded), and of nobody.
    expect(asSet(await store.loadHistory(db, current, [erin!]))).toEqual(new Set([pair(carol!, erin!, '2026-10-09')]));
    expect(asSet(await store.loadHistory(db, current, [erin!, alice!]))).toEqual(
      new Set([
        pair(alice!, bob!, '2026-10-09'),
        pair(alice!, bob!, '2026-11-20'),
        pair(alice!, carol!, '2026-11-20'),
        pair(carol!, erin!, '2026-10-09'),
      ]),
    );
    expect(await store.loadHistory(db, current, [])).toEqual([]);
  });

  test('finds the registration of a join token; lists confirmed participants without their e-mail; sets the edition status', async () => {
    const db = getDb();
    const series = await insertSeries(db);
    const edition = await insertEdition(db, series, '2026-12-04T08:30:00Z');
    const a = await insertRegistration(db, edition, 'a@example.com');
    await insertRegistration(db, edition, 'w@example.com', 'waitlisted');
    expect(await store.findByJoinToken(db, `j-${a}`)).toEqual({ id: a, editionId: edition, status: 'confirmed', joinToken: `j-${a}` });
    expect(await store.findByJoinToken(db, 'nope')).toBeUndefined();
    const participants = await store.listParticipants(db, edition);
    expect(participants.map((p) => p.id)).toEqual([a]);
    expect(JSON.stringify(participants)).not.toContain('@');
    await store.setEditionStatus(db, edition, 'live');
    expect((await store.findEdition(db, edition))?.status).toBe('live');
  });
});
