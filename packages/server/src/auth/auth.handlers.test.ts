import { describe, expect, test } from 'vitest';
import { createTestApp, ORGANIZER, useTestApp } from '../../test/test-app.js';
import { outboxMessages } from '../../test/recording-mailer.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

// The whole API suite runs on PGlite and on PostgreSQL: these tests are also the store tests.
forEachTestDatabase('auth API', (getDb) => {
  const t = useTestApp({ db: getDb });

  const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0] ?? '';
  const seriesBody = { name: 'Virtual Friday', timeZone: 'Europe/Brussels', weekday: 'friday', startTime: '09:30', durationMinutes: 90 };

  describe('logging in', () => {
    test('gives a session cookie and a CSRF token for the right password', async () => {
      const response = await t.anonymous('POST', '/api/login', ORGANIZER);
      expect(response.statusCode).toBe(200);
      expect(response.headers['set-cookie']).toMatch(/tablehop_session=.+; .*HttpOnly/i);
      expect(response.json()).toMatchObject({ csrfToken: expect.any(String), user: { email: ORGANIZER.email, role: 'organizer' } });
    });

    test.each([
      ['a wrong password', { email: ORGANIZER.email, password: 'wrong password' }],
      ['an unknown e-mail', { email: 'nobody@example.org', password: ORGANIZER.password }],
    ])('refuses %s with the same error', async (_label, body) => {
      const response = await t.anonymous('POST', '/api/login', body);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('ERR_INVALID_CREDENTIALS');
    });

    test('ends the session on logout', async () => {
      const login = await t.anonymous('POST', '/api/login', ORGANIZER);
      const cookie = cookieOf(login);
      await t.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    });
  });

  describe('organizer requests', () => {
    test('need a session', async () => {
      const response = await t.anonymous('POST', '/api/series', seriesBody);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('ERR_UNAUTHENTICATED');
    });

    test('that change state need the CSRF token too', async () => {
      const login = await t.anonymous('POST', '/api/login', ORGANIZER);
      const cookie = cookieOf(login);
      const without = await t.app.inject({ method: 'POST', url: '/api/series', headers: { cookie }, payload: seriesBody });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.code).toBe('ERR_CSRF');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/series', headers: { cookie, 'x-csrf-token': 'nope' }, payload: seriesBody });
      expect(wrong.json().error.code).toBe('ERR_CSRF');
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/series',
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
        payload: seriesBody,
      });
      expect(right.statusCode).toBe(201);
    });

    test('are refused to a moderator', async () => {
      const invite = await t.asOrganizer('POST', '/api/moderators', { email: 'mod@example.org', name: 'Mo' });
      expect(invite.statusCode).toBe(201);
      const [mail] = await outboxMessages(t.db, 'mod@example.org');
      const token = new URL((mail as { inviteUrl: string }).inviteUrl).searchParams.get('token');
      const accepted = await t.anonymous('POST', '/api/invites/accept', { token, password: 'moderator password' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().user).toMatchObject({ role: 'moderator', hasPassword: true });
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/series',
        headers: { cookie: cookieOf(accepted), 'x-csrf-token': accepted.json().csrfToken },
        payload: seriesBody,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('ERR_FORBIDDEN');
      expect((await t.anonymous('POST', '/api/invites/accept', { token, password: 'another password' })).json().error.code).toBe('ERR_INVALID_TOKEN');
    });
  });

  describe('magic links', () => {
    test('log in once, and not after 15 minutes', async () => {
      expect((await t.anonymous('POST', '/api/login/magic', { email: ORGANIZER.email })).statusCode).toBe(202);
      const [mail] = await outboxMessages(t.db, ORGANIZER.email);
      const token = new URL((mail as { loginUrl: string }).loginUrl).searchParams.get('token');
      const redeemed = await t.anonymous('POST', '/api/login/magic/redeem', { token });
      expect(redeemed.statusCode).toBe(200);
      expect(redeemed.json().user.email).toBe(ORGANIZER.email);
      expect((await t.anonymous('POST', '/api/login/magic/redeem', { token })).json().error.code).toBe('ERR_INVALID_TOKEN');

      await t.anonymous('POST', '/api/login/magic', { email: ORGANIZER.email });
      const second = (await outboxMessages(t.db, ORGANIZER.email))[1] as { loginUrl: string };
      t.clock.advance(16 * 60 * 1000);
      const late = await t.anonymous('POST', '/api/login/magic/redeem', { token: new URL(second.loginUrl).searchParams.get('token') });
      expect(late.statusCode).toBe(410);
      expect(late.json().error.code).toBe('ERR_TOKEN_EXPIRED');
    });

    test('answer the same for an unknown address and send nothing', async () => {
      expect((await t.anonymous('POST', '/api/login/magic', { email: 'nobody@example.org' })).statusCode).toBe(202);
      expect(await outboxMessages(t.db)).toEqual([]);
    });
  });

  describe('rate limits', () => {
    test('stop password guessing after 10 attempts a minute', async () => {
      const limited = await createTestApp({ rateLimit: true });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await limited.anonymous('POST', '/api/login', { email: ORGANIZER.email, password: `guess ${i}` })).statusCode);
        expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(10)).toEqual([429, 429]);
        const blocked = await limited.anonymous('POST', '/api/login', ORGANIZER);
        expect(blocked.json().error.code).toBe('ERR_RATE_LIMITED');
      } finally {
        await limited.close();
      }
    });
  });
});
