import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTestApp, useTestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

// The whole API suite runs on PGlite and on PostgreSQL: these tests are also the store tests.
forEachTestDatabase('series and editions API', (getDb) => {
  const t = useTestApp({ db: getDb });

  const friday = { name: 'Virtual Friday', timeZone: 'Europe/Brussels', weekday: 5, startTime: '09:30', durationMinutes: 90 };

  describe('series', () => {
    test('are created with defaults for language, format and waiting list', async () => {
      const response = await t.asOrganizer('POST', '/api/series', friday);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        id: expect.any(String),
        name: 'Virtual Friday',
        language: 'nl',
        timeZone: 'Europe/Brussels',
        weekday: 5,
        format: { groupSize: 6, rounds: 4, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
        defaultCapacity: null,
        promotionMode: 'auto',
        offerHours: 24,
      });
    });

    test.each([
      ['friday', 5],
      ['FR', 5],
      ['Sunday', 7],
      [0, 7],
      [1, 1],
    ])('read weekday %j as ISO day %i', async (weekday, expected) => {
      expect((await t.asOrganizer('POST', '/api/series', { ...friday, weekday })).json().weekday).toBe(expected);
    });

    test.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
      ['a weekday of 8', { weekday: 8 }],
      ['a weekday name that is none', { weekday: 'funday' }],
      ['a start time of 25:00', { startTime: '25:00' }],
      ['a negative duration', { durationMinutes: -5 }],
      ['no name', { name: '' }],
    ])('refuse %s', async (_label, change) => {
      const response = await t.asOrganizer('POST', '/api/series', { ...friday, ...change });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('ERR_VALIDATION');
    });

    test('generate the next editions on the weekly rule, opening registration ahead', async () => {
      const series = (await t.asOrganizer('POST', '/api/series', { ...friday, defaultCapacity: 102, registrationOpensDays: 14 })).json();
      const response = await t.asOrganizer('POST', `/api/series/${series.id}/editions/generate`, { count: 4 });
      expect(response.statusCode).toBe(201);
      const editions = response.json().editions as Array<{ startsAt: string; capacity: number; registrationOpensAt: string; status: string }>;
      expect(editions.map((e) => e.startsAt)).toEqual([
        '2026-12-04T08:30:00.000Z',
        '2026-12-11T08:30:00.000Z',
        '2026-12-18T08:30:00.000Z',
        '2026-12-25T08:30:00.000Z',
      ]);
      expect(editions[0]).toMatchObject({ capacity: 102, status: 'open', registrationOpensAt: '2026-11-20T08:30:00.000Z' });
      const more = await t.asOrganizer('POST', `/api/series/${series.id}/editions/generate`, { count: 1 });
      expect(more.json().editions[0].startsAt).toBe('2027-01-01T08:30:00.000Z');
    });
  });

  describe('editions', () => {
    test('open for registration at once with the capacity given', async () => {
      const series = (await t.asOrganizer('POST', '/api/series', friday)).json();
      const response = await t.asOrganizer('POST', `/api/series/${series.id}/editions`, { startsAt: '2026-12-04T09:30:00+01:00', capacity: 102 });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        status: 'open',
        capacity: 102,
        capacityIsAuto: false,
        confirmedCount: 0,
        waitlistCount: 0,
        registrationWindow: 'open',
        startsAt: '2026-12-04T08:30:00.000Z',
        endsAt: '2026-12-04T10:00:00.000Z',
      });
      const read = await t.asOrganizer('GET', `/api/editions/${response.json().id}`);
      expect(read.json()).toMatchObject({ capacity: 102, confirmedCount: 0, waitlistCount: 0 });
    });

    test('change only the format fields a request names', async () => {
      const { editionId } = await t.createEdition(6, { format: { rounds: 5 } });
      expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json().format).toMatchObject({ groupSize: 6, rounds: 5, roundMinutes: 12 });
      const patched = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { format: { groupSize: 2 } });
      expect(patched.json().format).toEqual({ groupSize: 2, rounds: 5, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' });
    });

    test('default to moderators x group size without a capacity', async () => {
      const { editionId } = await t.createEdition(null);
      const moderators = await Promise.all(
        ['a', 'b', 'c'].map(
          async (name) => (await t.asOrganizer('POST', '/api/moderators', { email: `${name}@example.org`, name })).json().id as string,
        ),
      );
      for (const id of moderators) await t.asOrganizer('POST', `/api/editions/${editionId}/moderators`, { moderatorId: id });
      expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json()).toMatchObject({
        capacity: 18,
        capacityIsAuto: true,
        moderatorCount: 3,
      });
      const removed = await t.asOrganizer('DELETE', `/api/editions/${editionId}/moderators/${moderators[0]}`);
      expect(removed.json()).toMatchObject({ capacity: 12, moderatorCount: 2 });
    });

    test.each([
      [
        'an unknown series',
        'POST',
        '/api/series/00000000-0000-4000-8000-000000000000/editions',
        { startsAt: '2026-12-04T09:30:00+01:00' },
        404,
        'ERR_SERIES_NOT_FOUND',
      ],
      ['an unknown edition', 'GET', '/api/editions/00000000-0000-4000-8000-000000000000', undefined, 404, 'ERR_EDITION_NOT_FOUND'],
      [
        'an unknown moderator',
        'POST',
        '/api/editions/:edition/moderators',
        { moderatorId: '00000000-0000-4000-8000-000000000000' },
        404,
        'ERR_MODERATOR_NOT_FOUND',
      ],
    ] as const)('answer %s with a clear error', async (_label, method, url, body, status, code) => {
      const { editionId } = await t.createEdition(3);
      const response = await t.asOrganizer(method, url.replace(':edition', editionId), body);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    });

    test('refuse a start that is no ISO date-time and a negative capacity', async () => {
      const series = (await t.asOrganizer('POST', '/api/series', friday)).json();
      for (const body of [{ startsAt: 'next friday' }, { startsAt: '2026-12-04T09:30:00+01:00', capacity: -1 }]) {
        const response = await t.asOrganizer('POST', `/api/series/${series.id}/editions`, body);
        expect(response.json().error.code).toBe('ERR_VALIDATION');
      }
    });

    test('show seats left publicly, but hide drafts', async () => {
      const { editionId } = await t.createEdition(2);
      await t.register(editionId);
      const visible = await t.anonymous('GET', `/api/public/editions/${editionId}`);
      expect(visible.json()).toMatchObject({ seriesName: 'Virtual Friday', seatsLeft: 1, capacity: 2, registrationWindow: 'open' });
      expect(visible.json()).not.toHaveProperty('confirmedCount');
      const draft = await t.createEdition(2, { status: 'draft' });
      expect((await t.anonymous('GET', `/api/public/editions/${draft.editionId}`)).statusCode).toBe(404);
      const upcoming = (await t.anonymous('GET', '/api/public/editions')).json().editions as Array<{ id: string }>;
      expect(upcoming.map((e) => e.id)).toEqual([editionId]);
      t.clock.set('2026-12-04T10:00:01Z');
      expect((await t.anonymous('GET', '/api/public/editions')).json().editions).toEqual([]);
    });
  });

  describe('the API itself', () => {
    test('documents every route in OpenAPI', async () => {
      const doc = (await t.anonymous('GET', '/api/openapi.json')).json();
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of [
        '/api/login',
        '/api/series',
        '/api/series/{seriesId}/editions',
        '/api/editions/{editionId}/registrations',
        '/api/registrations/{registrationId}/cancel',
        '/api/editions/{editionId}',
        '/api/health',
      ])
        expect(Object.keys(doc.paths)).toContain(path);
    });

    test('reports health with the database up', async () => {
      const response = await t.anonymous('GET', '/api/health');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', components: { database: { status: 'up', detail: getDb().kind } } });
    });

    test('answers unknown routes with a JSON 404', async () => {
      const response = await t.anonymous('GET', '/api/nothing-here');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('ERR_NOT_FOUND');
    });
  });

  describe('serving the web app', () => {
    test('answers page routes with the app shell, and missing assets and API routes with 404', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'tablehop-web-'));
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tablehop</title>');
      writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
      const web = await createTestApp({ webDistDir: dist });
      try {
        const shell = await web.anonymous('GET', '/manage/some-token');
        expect(shell.statusCode).toBe(200);
        expect(shell.body).toContain('<title>Tablehop</title>');
        expect((await web.anonymous('GET', '/assets/app.js')).body).toBe('console.log(1)');
        writeFileSync(join(dist, 'assets', 'later.js'), 'built after start');
        expect((await web.anonymous('GET', '/assets/later.js')).body).toBe('built after start');
        expect((await web.anonymous('GET', '/assets/missing.js')).statusCode).toBe(404);
        expect((await web.anonymous('GET', '/api/missing')).json().error.code).toBe('ERR_NOT_FOUND');
      } finally {
        await web.close();
      }
    });
  });
});
