import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ModeratorEdition } from '@tablehop/protocol';
import { outboxMessages } from '../../test/recording-mailer.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { pickModeratorEditions, type AssignedEditionRow } from './moderator-editions.logic.js';

const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0] ?? '';

/** Invites a moderator, accepts the invite and returns its id and session cookie. */
async function moderatorSession(t: TestApp, email: string): Promise<{ id: string; cookie: string }> {
  const invite = await t.asOrganizer('POST', '/api/moderators', { email, name: `Mo ${email}` });
  expect(invite.statusCode).toBe(201);
  const [mail] = await outboxMessages(t.db, email);
  const token = new URL((mail as { inviteUrl: string }).inviteUrl).searchParams.get('token');
  const accepted = await t.anonymous('POST', '/api/invites/accept', { token, password: 'moderator password' });
  expect(accepted.statusCode).toBe(200);
  return { id: accepted.json<{ user: { id: string } }>().user.id, cookie: cookieOf(accepted) };
}

forEachTestDatabase('GET /api/moderator/editions', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: getDb(), now: '2026-11-27T10:00:00Z' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function edition(seriesId: string, startsAt: string, status: 'open' | 'draft' = 'open') {
    const response = await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt, status });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  test('lists only the editions the moderator is assigned to, live first, then upcoming by start, with the live phase', async () => {
    const { seriesId, editionId: soon } = await t.createEdition(null); // 2026-12-04 09:30 Brussels
    const later = await edition(seriesId, '2026-12-11T09:30:00+01:00');
    const draft = await edition(seriesId, '2026-12-18T09:30:00+01:00', 'draft');
    const notMine = await edition(seriesId, '2026-12-25T09:30:00+01:00');
    const past = await edition(seriesId, '2026-12-01T09:30:00+01:00');
    const running = await edition(seriesId, '2026-12-20T09:30:00+01:00');
    const me = await moderatorSession(t, 'me@example.org');
    const other = await moderatorSession(t, 'other@example.org');
    for (const id of [later, soon, draft, past, running])
      expect((await t.asOrganizer('POST', `/api/editions/${id}/moderators`, { moderatorId: me.id })).statusCode).toBe(200);
    expect((await t.asOrganizer('POST', `/api/editions/${notMine}/moderators`, { moderatorId: other.id })).statusCode).toBe(200);
    // One edition is running (the engine stores its phase); one ended days ago.
    await t.db.query(`UPDATE editions SET status = 'live' WHERE id = $1`, [running]);
    await t.db.query(
      `INSERT INTO live_editions (edition_id, phase, state, plan, past, version, updated_at) VALUES ($1, 'round', '{}'::jsonb, 'null'::jsonb, '[]'::jsonb, 1, now())`,
      [running],
    );
    t.clock.set('2026-12-03T10:00:00Z');

    const response = await t.app.inject({ method: 'GET', url: '/api/moderator/editions', headers: { cookie: me.cookie } });
    expect(response.statusCode).toBe(200);
    const editions = response.json<{ editions: ModeratorEdition[] }>().editions;
    expect(editions.map((e) => e.id)).toEqual([running, soon, later]);
    expect(editions[0]).toMatchObject({ status: 'live', livePhase: 'round', liveUrl: `/live/${running}`, seriesName: 'Virtual Friday' });
    expect(editions[1]).toMatchObject({
      seriesId,
      startsAt: '2026-12-04T08:30:00.000Z',
      endsAt: '2026-12-04T10:00:00.000Z',
      timeZone: 'Europe/Brussels',
      status: 'open',
      livePhase: null,
    });

    const theirs = await t.app.inject({ method: 'GET', url: '/api/moderator/editions', headers: { cookie: other.cookie } });
    expect(theirs.json<{ editions: ModeratorEdition[] }>().editions.map((e) => e.id)).toEqual([notMine]);
  });

  test('needs a session', async () => {
    const response = await t.anonymous('GET', '/api/moderator/editions');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('ERR_UNAUTHENTICATED');
  });
});

describe('pickModeratorEditions', () => {
  const row = (id: string, startsAt: string, extra: Partial<AssignedEditionRow> = {}): AssignedEditionRow => ({
    id,
    seriesId: 's',
    seriesName: 'Virtual Friday',
    startsAt: new Date(startsAt),
    durationMinutes: 90,
    timeZone: 'Europe/Brussels',
    status: 'open',
    livePhase: null,
    ...extra,
  });
  const now = Date.parse('2026-12-04T09:00:00Z');

  test.each([
    ['an edition running past its planned end stays (the host extended it)', row('a', '2026-12-04T06:00:00Z', { livePhase: 'closing' }), true],
    ['an edition whose end has passed without a live event is gone', row('b', '2026-12-04T06:00:00Z'), false],
    ['an edition under way by the clock is listed', row('c', '2026-12-04T08:00:00Z'), true],
    ['an ended live event is gone', row('d', '2026-12-04T08:30:00Z', { livePhase: 'ended' }), false],
  ])('%s', (_name, input, listed) => {
    expect(pickModeratorEditions([input], now).map((e) => e.id)).toEqual(listed ? [input.id] : []);
  });
});
