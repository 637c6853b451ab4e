import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { connect, completeFixture, createTestEngine, STARTS_AT } from '../../test/live-fixture.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

const series = { name: 'Virtual Friday', timeZone: 'Europe/Brussels', weekday: 5, startTime: '09:30', durationMinutes: 90 };

forEachTestDatabase('icebreakers', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: getDb() });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  test('a new edition copies the series’ prompts; later series changes leave existing editions alone', async () => {
    const created = await t.asOrganizer('POST', '/api/series', {
      ...series,
      icebreakers: ['  What brought you here? ', '', 'Your best tip this year?'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().icebreakers).toEqual(['What brought you here?', 'Your best tip this year?']);
    const seriesId = created.json<{ id: string }>().id;
    const first = await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, { startsAt: '2026-12-04T09:30:00+01:00' });
    expect(first.json().icebreakers).toEqual(['What brought you here?', 'Your best tip this year?']);

    const put = await t.asOrganizer('PUT', `/api/series/${seriesId}/icebreakers`, { icebreakers: ['Something new'] });
    expect(put.statusCode).toBe(200);
    expect((await t.asOrganizer('GET', `/api/series/${seriesId}`)).json().icebreakers).toEqual(['Something new']);
    expect((await t.asOrganizer('GET', `/api/editions/${first.json().id}`)).json().icebreakers).toEqual([
      'What brought you here?',
      'Your best tip this year?',
    ]);
    const generated = await t.asOrganizer('POST', `/api/series/${seriesId}/editions/generate`, { count: 1 });
    expect(generated.json().editions[0].icebreakers).toEqual(['Something new']);
    const own = await t.asOrganizer('POST', `/api/series/${seriesId}/editions`, {
      startsAt: '2027-01-08T09:30:00+01:00',
      icebreakers: ['Only here'],
    });
    expect(own.json().icebreakers).toEqual(['Only here']);
  });

  test('an edition’s prompts change through PATCH and PUT; bad prompts get a 400', async () => {
    const { editionId, seriesId } = await t.createEdition(10);
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json().icebreakers).toEqual([]);
    const patched = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { icebreakers: ['One', 'Two'] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().icebreakers).toEqual(['One', 'Two']);
    expect((await t.asOrganizer('PUT', `/api/editions/${editionId}/icebreakers`, { icebreakers: ['Three'] })).json()).toEqual({
      icebreakers: ['Three'],
    });
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json().icebreakers).toEqual(['Three']);

    for (const icebreakers of [Array.from({ length: 21 }, (_, i) => `q${i}`), ['x'.repeat(301)], ['<b>bold</b>'], 'not a list']) {
      const response = await t.asOrganizer('PUT', `/api/editions/${editionId}/icebreakers`, { icebreakers });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('ERR_VALIDATION');
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.asOrganizer('PUT', `/api/editions/${unknown}/icebreakers`, { icebreakers: [] })).json().error.code).toBe('ERR_EDITION_NOT_FOUND');
    expect((await t.asOrganizer('PUT', `/api/series/${unknown}/icebreakers`, { icebreakers: [] })).json().error.code).toBe('ERR_SERIES_NOT_FOUND');
    expect((await t.anonymous('PUT', `/api/series/${seriesId}/icebreakers`, { icebreakers: [] })).statusCode).toBe(401);
  });

  test('moderators and participants find the edition’s prompts in their live snapshot', async () => {
    const { seriesId, editionId } = await t.createEdition(10, { icebreakers: ['What brought you here?'] });
    expect((await t.register(editionId, { name: 'Ann' })).statusCode).toBe(201);
    const f = await completeFixture(t.db, seriesId, editionId, 1);
    const { engine } = createTestEngine(t.db, STARTS_AT);
    const moderator = await connect(engine, await engine.authenticate(editionId, { kind: 'staff' }, f.moderators[0]));
    const participant = await connect(engine, await engine.authenticate(editionId, { kind: 'join', token: f.participants[0]!.token }, undefined));
    expect(moderator.snapshot.icebreakers).toEqual(['What brought you here?']);
    expect(participant.snapshot.icebreakers).toEqual(['What brought you here?']);
  });

  test('prompts changed during a running event reach the loaded live room at once: an event to everyone, then in every snapshot', async () => {
    const { seriesId, editionId } = await t.createEdition(10, { icebreakers: ['Old prompt'] });
    expect((await t.register(editionId, { name: 'Ann' })).statusCode).toBe(201);
    const f = await completeFixture(t.db, seriesId, editionId, 1);
    const live = t.services.live;
    const join = { kind: 'join' as const, token: f.participants[0]!.token };
    const participant = await connect(live, await live.authenticate(editionId, join, undefined));
    const moderator = await connect(live, await live.authenticate(editionId, { kind: 'staff' }, f.moderators[0]));
    const host = await connect(live, await live.authenticate(editionId, { kind: 'staff' }, f.organizerId));
    expect(participant.snapshot.icebreakers).toEqual(['Old prompt']);

    const put = await t.asOrganizer('PUT', `/api/editions/${editionId}/icebreakers`, { icebreakers: ['New prompt', 'Second'] });
    expect(put.statusCode).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    for (const client of [participant, moderator, host]) {
      expect(client.events).toContainEqual({ type: 'icebreakers_changed', icebreakers: ['New prompt', 'Second'] });
    }
    const again = await connect(live, await live.authenticate(editionId, join, undefined));
    expect(again.snapshot.icebreakers).toEqual(['New prompt', 'Second']);
    for (const client of [participant, moderator, host, again]) client.detach();
  });

  test('prompts changed through PATCH /api/editions/:id reach the running event too', async () => {
    const { seriesId, editionId } = await t.createEdition(10, { icebreakers: ['Old prompt'] });
    expect((await t.register(editionId, { name: 'Ann' })).statusCode).toBe(201);
    const f = await completeFixture(t.db, seriesId, editionId, 1);
    const live = t.services.live;
    const participant = await connect(live, await live.authenticate(editionId, { kind: 'join', token: f.participants[0]!.token }, undefined));
    const patch = await t.asOrganizer('PATCH', `/api/editions/${editionId}`, { icebreakers: ['Patched prompt'] });
    expect(patch.statusCode).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(participant.events).toContainEqual({ type: 'icebreakers_changed', icebreakers: ['Patched prompt'] });
    participant.detach();
  });
});
