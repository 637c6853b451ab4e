import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

// The participant-facing GET endpoints: the live stage on the manage view, and a series' next dates.
forEachTestDatabase('public views API', (getDb) => {
  const t = useTestApp({ db: getDb });

  describe('manage view: live stage', () => {
    test('is scheduled before the doors open, open from 15 minutes before the start, ended after the end', async () => {
      const { editionId } = await t.createEdition(3);
      const token = (await t.register(editionId)).json<{ manageToken: string }>().manageToken;
      const live = async () => (await t.anonymous('GET', `/api/manage/${token}`)).json().live;

      expect(await live()).toEqual({ stage: 'scheduled', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 });
      t.clock.set('2026-12-04T08:15:00Z');
      expect((await live()).stage).toBe('open');
      t.clock.set('2026-12-04T10:00:00Z');
      expect((await live()).stage).toBe('ended');
    });

    test('is ended as soon as the edition has ended, even before its planned end', async () => {
      const { editionId } = await t.createEdition(3);
      const token = (await t.register(editionId)).json<{ manageToken: string }>().manageToken;
      await t.db.query(`UPDATE editions SET status = 'ended' WHERE id = $1`, [editionId]);
      expect((await t.anonymous('GET', `/api/manage/${token}`)).json().live.stage).toBe('ended');
    });
  });

  describe('series dates', () => {
    async function addEdition(seriesId: string, startsAt: string, extra: Record<string, unknown> = {}) {
      const response = await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt, capacity: 2, ...extra });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    }

    test('lists the other upcoming published editions of the series, soonest first, with their availability', async () => {
      const { seriesId, editionId } = await t.createEdition(3);
      const later = await addEdition(seriesId, '2026-12-18T09:30:00+01:00');
      const next = await addEdition(seriesId, '2026-12-11T09:30:00+01:00');
      await addEdition(seriesId, '2026-12-25T09:30:00+01:00', { status: 'draft' });
      await addEdition(seriesId, '2026-11-20T09:30:00+01:00'); // in the past
      await t.register(next);
      await t.register(next);
      await t.register(next);
      // Another series is not listed.
      await t.createEdition(3);

      const response = await t.anonymous('GET', `/api/public/editions/${editionId}/siblings`);
      expect(response.statusCode).toBe(200);
      const editions = response.json().editions as Array<{ id: string; seatsLeft: number; waitlistCount: number }>;
      expect(editions.map((e) => e.id)).toEqual([next, later]);
      expect(editions[0]).toMatchObject({ seatsLeft: 0, waitlistCount: 1 });
      expect(editions[1]).toMatchObject({ seatsLeft: 2, waitlistCount: 0 });
    });

    test('keeps to the limit asked for', async () => {
      const { seriesId, editionId } = await t.createEdition(3);
      const first = await addEdition(seriesId, '2026-12-11T09:30:00+01:00');
      await addEdition(seriesId, '2026-12-18T09:30:00+01:00');
      const response = await t.anonymous('GET', `/api/public/editions/${editionId}/siblings?limit=1`);
      expect(response.json().editions.map((e: { id: string }) => e.id)).toEqual([first]);
    });

    test.each([
      ['an unknown edition', '00000000-0000-4000-8000-000000000000', 404, 'ERR_EDITION_NOT_FOUND'],
      ['an id that is no uuid', 'nope', 400, 'ERR_VALIDATION'],
    ])('answer %s with a clear error', async (_label, id, status, code) => {
      const response = await t.anonymous('GET', `/api/public/editions/${id}/siblings`);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    });

    test('hide a draft edition', async () => {
      const { seriesId } = await t.createEdition(3);
      const draft = await addEdition(seriesId, '2026-12-11T09:30:00+01:00', { status: 'draft' });
      expect((await t.anonymous('GET', `/api/public/editions/${draft}/siblings`)).json().error.code).toBe('ERR_EDITION_NOT_FOUND');
    });

    test('refuse a limit out of range', async () => {
      const { editionId } = await t.createEdition(3);
      expect((await t.anonymous('GET', `/api/public/editions/${editionId}/siblings?limit=0`)).statusCode).toBe(400);
    });
  });
});
