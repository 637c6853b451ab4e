import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../db/sql.js';
import type { TestApp } from '../../test/test-app.js';

/**
 * A scripted series: edition 1 (Alice and Bob meet), then edition 2 with known registrations,
 * a cancellation, promotions from the waiting list, two rounds with a late joiner and a no-show,
 * feedback, contact requests and the live state's notes, help requests and flags.
 */

export const T1 = new Date('2026-12-11T08:40:00Z'); // round 1 seated
export const T2 = new Date('2026-12-11T08:53:00Z'); // round 2 seated
export const T3 = new Date('2026-12-11T09:06:00Z'); // closing

export interface Scripted {
  seriesId: string;
  first: string;
  second: string;
  moderator: string;
  ids: Record<string, string>;
}

async function insertSeating(
  db: Database,
  editionId: string,
  round: number,
  table: number,
  person: { reg?: string; mod?: string },
  from: Date,
  to: Date,
) {
  await db.query(
    `INSERT INTO live_seatings (edition_id, round, table_no, registration_id, moderator_id, from_at, to_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [editionId, round, table, person.reg ?? null, person.mod ?? null, from.toISOString(), to.toISOString()],
  );
}

let feedbackCount = 0;
async function insertFeedback(
  db: Database,
  editionId: string,
  who: { reg?: string; mod?: string },
  rating: number,
  recommend: number | null,
  comment = '',
) {
  const at = new Date(T3.getTime() + ++feedbackCount * 1000);
  await db.query(
    `INSERT INTO feedback (id, edition_id, registration_id, moderator_id, rating, recommend, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
    [randomUUID(), editionId, who.reg ?? null, who.mod ?? null, rating, recommend, comment, at.toISOString()],
  );
}

export async function scriptSeries(t: TestApp): Promise<Scripted> {
  const { seriesId, editionId: first } = await t.createEdition(10);
  const created = await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-11T09:30:00+01:00', capacity: 5 });
  expect(created.statusCode).toBe(201);
  const second = created.json<{ id: string }>().id;
  const ids: Record<string, string> = {};
  const register = async (editionId: string, name: string, extra: Record<string, unknown> = {}) => {
    const response = await t.register(editionId, {
      name,
      email: `${name.toLowerCase()}@example.com`,
      linkedinUrl: `https://www.linkedin.com/in/${name.toLowerCase()}`,
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; status: string }>();
  };

  // Edition 1: Alice and Bob meet at table 1 (Bob's e-mail in another case: identity is lower(email)).
  const a1 = await register(first, 'Alice');
  const b1 = await t.register(first, { name: 'Bob', email: 'BOB@Example.com' });
  const day1 = new Date('2026-12-04T08:40:00Z');
  await insertSeating(t.db, first, 1, 1, { reg: a1.id }, day1, new Date('2026-12-04T08:52:00Z'));
  await insertSeating(t.db, first, 1, 1, { reg: b1.json<{ id: string }>().id }, day1, new Date('2026-12-04T08:52:00Z'));

  // Edition 2: capacity 5.
  for (const [name, share] of [
    ['Alice', true],
    ['Bob', true],
    ['Carol', false],
    ['Dan', false],
    ['Hank', false],
  ] as const) {
    const r = await register(second, name, { shareContact: share });
    expect(r.status).toBe('confirmed');
    ids[name] = r.id;
  }
  for (const name of ['Erin', 'Frank', 'Gina']) {
    const r = await register(second, name);
    expect(r.status).toBe('waitlisted');
    ids[name] = r.id;
  }
  // Carol cancels: Erin is promoted. Gina leaves the waiting list.
  expect((await t.asOrganizer('POST', `/api/editions/${second}/registrations/${ids.Carol}/cancel`)).statusCode).toBe(200);
  expect((await t.asOrganizer('POST', `/api/editions/${second}/registrations/${ids.Gina}/cancel`)).statusCode).toBe(200);

  const moderator = randomUUID();
  await t.db.query(
    `INSERT INTO users (id, email, name, role, language, created_at) VALUES ($1, 'mo@example.org', 'Mo Derator', 'moderator', 'en', $2)`,
    [moderator, T1.toISOString()],
  );
  await t.db.query(`INSERT INTO edition_moderators (edition_id, user_id) VALUES ($1, $2)`, [second, moderator]);

  // Round 1: Mo, Alice, Bob at table 1; Hank at table 2, Dan joins him 3 minutes late. Erin never comes.
  await insertSeating(t.db, second, 1, 1, { mod: moderator }, T1, T2);
  await insertSeating(t.db, second, 1, 1, { reg: ids.Alice }, T1, T2);
  await insertSeating(t.db, second, 1, 1, { reg: ids.Bob }, T1, T2);
  await insertSeating(t.db, second, 1, 2, { reg: ids.Hank }, T1, T2);
  await insertSeating(t.db, second, 1, 2, { reg: ids.Dan }, new Date(T1.getTime() + 3 * 60_000), T2);
  // Round 2: Mo, Alice, Dan at table 1; Bob and Hank at table 2.
  await insertSeating(t.db, second, 2, 1, { mod: moderator }, T2, T3);
  await insertSeating(t.db, second, 2, 1, { reg: ids.Alice }, T2, T3);
  await insertSeating(t.db, second, 2, 1, { reg: ids.Dan }, T2, T3);
  await insertSeating(t.db, second, 2, 2, { reg: ids.Bob }, T2, T3);
  await insertSeating(t.db, second, 2, 2, { reg: ids.Hank }, T2, T3);
  await t.db.query(`UPDATE editions SET status = 'ended' WHERE id = $1`, [second]);

  await insertFeedback(t.db, second, { reg: ids.Alice }, 5, 10, 'Great morning');
  await insertFeedback(t.db, second, { reg: ids.Bob }, 4, 8);
  await insertFeedback(t.db, second, { reg: ids.Dan }, 2, 3, '=HYPERLINK("http://evil.example","click")');
  await insertFeedback(t.db, second, { reg: ids.Hank }, 5, 9);
  await insertFeedback(t.db, second, { mod: moderator }, 4, null, 'Smooth');

  // Alice and Dan both asked to connect; Bob asked Hank, who did not answer.
  for (const [from, to] of [
    [ids.Alice, ids.Dan],
    [ids.Dan, ids.Alice],
    [ids.Bob, ids.Hank],
  ]) {
    await t.db.query(`INSERT INTO contact_requests (edition_id, from_registration_id, to_registration_id, created_at) VALUES ($1, $2, $3, $4)`, [
      second,
      from,
      to,
      T3.toISOString(),
    ]);
  }

  const state = {
    editionId: second,
    rounds: 2,
    notes: { [moderator]: 'Table 1 talked about export markets.' },
    help: [
      {
        id: 'h1',
        moderatorId: moderator,
        moderatorName: 'Mo Derator',
        round: 1,
        table: 1,
        text: 'Sound is gone',
        status: 'answered',
        answer: 'Rejoin',
        createdAt: T1.getTime() + 60_000,
      },
    ],
    flags: [
      { id: 'f1', kind: 'no_show', moderatorId: moderator, personId: ids.Erin, round: 1, table: 2, text: '', createdAt: T1.getTime() + 120_000 },
    ],
  };
  await t.db.query(
    `INSERT INTO live_editions (edition_id, phase, state, plan, past, version, updated_at) VALUES ($1, 'ended', $2::jsonb, NULL, '[]', 3, $3)`,
    [second, JSON.stringify(state), T3.toISOString()],
  );
  return { seriesId, first, second, moderator, ids };
}
