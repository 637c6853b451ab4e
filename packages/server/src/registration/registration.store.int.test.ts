import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { forEachTestDatabase } from '../../test/test-databases.js';

interface Result {
  id: string;
  status: string;
  waitlistPosition: number | null;
  manageToken: string | null;
}

// The seat invariants under real concurrency: on PostgreSQL the requests run on separate pooled
// connections at once, so only the edition row lock keeps them from taking the same seat.
forEachTestDatabase('seats and waiting list under concurrency', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db: getDb() });
  });
  beforeEach(async () => {
    await t.reset();
  });
  afterAll(async () => {
    await t.app.close();
  });

  test('never confirms more than capacity and numbers the waiting list 1..n without gaps', async () => {
    const { editionId } = await t.createEdition(20);
    const responses = await Promise.all(Array.from({ length: 150 }, () => t.register(editionId)));
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const results = responses.map((r) => r.json<Result>());
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    const positions = results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition);
    expect(positions.toSorted((a, b) => a! - b!)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    const figures = (await t.asOrganizer('GET', `/api/editions/${editionId}`)).json();
    expect(figures).toMatchObject({ confirmedCount: 20, waitlistCount: 130 });
  });

  test('promotes exactly one waiting person per concurrent cancellation, in list order', async () => {
    const { editionId } = await t.createEdition(10);
    const results: Result[] = [];
    for (let i = 0; i < 25; i++) results.push((await t.register(editionId)).json<Result>());
    const confirmed = results.slice(0, 10);
    const cancellations = await Promise.all(
      confirmed.slice(0, 6).map((r) => t.anonymous('POST', `/api/registrations/${r.id}/cancel`, { manageToken: r.manageToken })),
    );
    expect(cancellations.every((r) => r.statusCode === 200)).toBe(true);
    const list = (await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`)).json().registrations as Result[];
    const byId = new Map(list.map((r) => [r.id, r]));
    // The first six on the list (registrations 11..16) now hold the freed seats.
    expect(results.slice(10, 16).map((r) => byId.get(r.id)?.status)).toEqual(Array(6).fill('confirmed'));
    expect(results.slice(16).map((r) => byId.get(r.id)?.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list.filter((r) => r.status === 'confirmed')).toHaveLength(10);
  });

  test('keeps one registration when the same e-mail arrives many times at once', async () => {
    const { editionId } = await t.createEdition(5);
    const responses = await Promise.all(Array.from({ length: 12 }, () => t.register(editionId, { email: 'same@example.com' })));
    expect(responses.map((r) => r.statusCode).toSorted((a, b) => b - a)).toEqual([201, ...Array(11).fill(200)]);
    expect(new Set(responses.map((r) => r.json<Result>().id)).size).toBe(1);
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}`)).json().confirmedCount).toBe(1);
  });

  test('leaves nothing behind when the mail cannot be queued', async () => {
    const { editionId } = await t.createEdition(5);
    const { enqueue, enqueueMany } = t.mailer;
    const unavailable = async () => {
      throw new Error('outbox unavailable');
    };
    t.mailer.enqueue = unavailable;
    t.mailer.enqueueMany = unavailable;
    try {
      expect((await t.register(editionId)).statusCode).toBe(500);
    } finally {
      Object.assign(t.mailer, { enqueue, enqueueMany });
    }
    expect((await t.asOrganizer('GET', `/api/editions/${editionId}/registrations`)).json().registrations).toEqual([]);
  });
});
