import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { outboxMessages } from '../../test/recording-mailer.js';

// Editing and deleting series and editions (organizer admin), on PGlite and PostgreSQL.
forEachTestDatabase('series and edition admin API', (getDb) => {
  const t = useTestApp({ db: getDb });

  describe('PATCH /api/editions/:id', () => {
    test('raising the capacity promotes the first people waiting, in order, with their mail', async () => {
      const { editionId } = await t.createEdition(2);
      const people = [];
      for (let i = 0; i < 5; i++) people.push((await t.register(editionId)).json());
      expect(people.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

      const patched = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { capacity: 4 });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ capacity: 4, confirmedCount: 4, waitlistCount: 1, seatsLeft: 0 });

      const list = (await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`)).json().registrations as Array<{
        email: string;
        status: string;
        waitlistPosition: number | null;
      }>;
      const byEmail = new Map(list.map((r) => [r.email, r]));
      expect(byEmail.get('person3@example.com')?.status).toBe('confirmed');
      expect(byEmail.get('person4@example.com')?.status).toBe('confirmed');
      expect(byEmail.get('person5@example.com')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect((await outboxMessages(t.db, 'person3@example.com')).map((m) => m.kind)).toContain('registration_promoted');
      expect((await outboxMessages(t.db, 'person5@example.com')).map((m) => m.kind)).not.toContain('registration_promoted');
    });

    test('opens and closes registration', async () => {
      const { editionId } = await t.createEdition(3);
      const closed = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { status: 'closed' });
      expect(closed.json()).toMatchObject({ status: 'closed', registrationWindow: 'closed' });
      expect((await t.register(editionId)).json().error.code).toBe('ERR_REGISTRATION_CLOSED');
      const open = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { status: 'open' });
      expect(open.json()).toMatchObject({ status: 'open', registrationWindow: 'open' });
      expect((await t.register(editionId)).statusCode).toBe(201);
    });

    test.each([
      ['a negative capacity', { capacity: -1 }, 400, 'ERR_VALIDATION', 'body.capacity'],
      ['a group size of 1', { format: { groupSize: 1 } }, 400, 'ERR_VALIDATION', 'body.format.groupSize'],
      ['an unknown status', { status: 'paused' }, 400, 'ERR_VALIDATION', 'body.status'],
      [
        'a window that closes before it opens',
        { registrationOpensAt: '2026-12-01T10:00:00Z', registrationClosesAt: '2026-11-30T10:00:00Z' },
        400,
        'ERR_VALIDATION',
        'body.registrationClosesAt',
      ],
      [
        'a window that closes after the edition',
        { registrationClosesAt: '2026-12-05T10:00:00Z' },
        400,
        'ERR_VALIDATION',
        'body.registrationClosesAt',
      ],
      ['an opening after the start', { registrationOpensAt: '2026-12-04T09:00:00Z' }, 400, 'ERR_VALIDATION', 'body.registrationOpensAt'],
      ['going live by hand', { status: 'live' }, 409, 'ERR_CONFLICT', undefined],
    ] as const)('refuses %s and changes nothing', async (_label, patch, status, code, path) => {
      const { editionId } = await t.createEdition(3);
      const response = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, patch);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      if (path) expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json()).toMatchObject({
        status: 'open',
        capacity: 3,
        registrationOpensAt: null,
      });
    });

    test('keeps an ended edition ended', async () => {
      const { editionId } = await t.createEdition(3);
      expect((await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { status: 'ended' })).statusCode).toBe(200);
      const reopened = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { status: 'open' });
      expect(reopened.statusCode).toBe(409);
      expect(reopened.json().error.code).toBe('ERR_CONFLICT');
    });
  });

  describe('PATCH /api/series/:id', () => {
    test('changes the name everywhere and the format of new editions only', async () => {
      const { seriesId, editionId } = await t.createEdition(3);
      const response = await t.asOrganizer('PATCH', `/api/series/${seriesId}`, {
        name: 'Virtuele vrijdag',
        format: { rounds: 3 },
        defaultCapacity: 30,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'Virtuele vrijdag', defaultCapacity: 30, format: { rounds: 3, groupSize: 6 }, weekday: 5 });
      expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json()).toMatchObject({
        seriesName: 'Virtuele vrijdag',
        format: { rounds: 4 },
      });
      const next = (await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-11T09:30:00+01:00' })).json();
      expect(next).toMatchObject({ capacity: 30, format: { rounds: 3 } });
    });

    test.each([
      ['an empty name', { name: '' }],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
      ['a start time of 24:00', { startTime: '24:00' }],
      ['a field it does not know', { colour: 'blue' }],
    ])('refuses %s', async (_label, patch) => {
      const { seriesId } = await t.createEdition(3);
      const response = await t.asOrganizer('PATCH', `/api/series/${seriesId}`, patch);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('ERR_VALIDATION');
      expect((await t.asOrganizer('GET', `/api/series/${seriesId}`)).json()).toMatchObject({ name: 'Virtual Friday', timeZone: 'Europe/Brussels' });
    });

    test('answers 404 for a series that does not exist', async () => {
      const response = await t.asOrganizer('PATCH', '/api/series/00000000-0000-4000-8000-000000000000', { name: 'X' });
      expect(response.json().error.code).toBe('ERR_SERIES_NOT_FOUND');
    });
  });

  describe('DELETE', () => {
    test('deletes an edition nobody is registered for (cancelled people do not count)', async () => {
      const { editionId } = await t.createEdition(3);
      const person = (await t.register(editionId)).json();
      const blocked = await t.asOrganizer('DELETE', `/api/editions/${editionId}`);
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error).toMatchObject({ code: 'ERR_HAS_REGISTRATIONS', message: expect.stringContaining('1 person is still registered') });

      await t.asOrganizer('POST', `/api/editions/${editionId}/registrations/${person.id}/cancel`);
      expect((await t.asOrganizer('DELETE', `/api/editions/${editionId}`)).statusCode).toBe(200);
      expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json().error.code).toBe('ERR_EDITION_NOT_FOUND');
    });

    test('deletes a draft, never an edition that has run', async () => {
      const draft = await t.createEdition(3, { status: 'draft' });
      expect((await t.asOrganizer('DELETE', `/api/editions/${draft.editionId}`)).statusCode).toBe(200);
      const { editionId } = await t.createEdition(3);
      await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { status: 'ended' });
      const response = await t.asOrganizer('DELETE', `/api/editions/${editionId}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('ERR_CONFLICT');
    });

    test('deletes a series with its empty editions, but not while people are registered', async () => {
      const { seriesId, editionId } = await t.createEdition(3);
      await t.register(editionId);
      const blocked = await t.asOrganizer('DELETE', `/api/series/${seriesId}`);
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.code).toBe('ERR_HAS_REGISTRATIONS');
      expect((await t.asOrganizer('GET', `/api/series/${seriesId}`)).statusCode).toBe(200);

      const empty = await t.createEdition(3);
      expect((await t.asOrganizer('DELETE', `/api/series/${empty.seriesId}`)).statusCode).toBe(200);
      expect((await t.asOrganizer('GET', `/api/series/${empty.seriesId}`)).json().error.code).toBe('ERR_SERIES_NOT_FOUND');
      expect((await t.asOrganizer('GET', `/api/editions/${empty.editionId}`)).json().error.code).toBe('ERR_EDITION_NOT_FOUND');
    });
  });

  test('lists the moderators of an edition with name and e-mail', async () => {
    const { editionId } = await t.createEdition(null);
    const zoe = (await t.asOrganizer('POST', '/api/moderators', { email: 'zoe@example.org', name: 'Zoë' })).json();
    const bram = (await t.asOrganizer('POST', '/api/moderators', { email: 'bram@example.org', name: 'Bram' })).json();
    await t.asOrganizer('POST', '/api/moderators', { email: 'not@example.org', name: 'Not assigned' });
    for (const m of [zoe, bram]) await t.asOrganizer('POST', `/api/editions/${editionId}/moderators`, { moderatorId: m.id });
    const response = (await t.asOrganizer('GET', `/api/editions/${editionId}/moderators`)).json();
    expect(response.moderators).toEqual([
      { id: bram.id, name: 'Bram', email: 'bram@example.org' },
      { id: zoe.id, name: 'Zoë', email: 'zoe@example.org' },
    ]);
    expect(response.moderatorIds).toEqual([bram.id, zoe.id].sort());
  });
});
