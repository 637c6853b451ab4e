import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { EditionReport, SeriesReport } from '@tablehop/protocol';
import { forEachTestDatabase } from '../../test/test-databases.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { scriptSeries as script, T1, T2 } from './reports-fixture.js';

async function csv(t: TestApp, url: string): Promise<{ status: number; rows: string[][]; body: string; type: string }> {
  const response = await t.asOrganizer('GET', url);
  const body = response.body;
  return {
    status: response.statusCode,
    body,
    type: String(response.headers['content-type']),
    rows: response.statusCode === 200 ? (parse(body.replace(/^\uFEFF/, '')) as string[][]) : [],
  };
}

forEachTestDatabase('reports', (getDb) => {
  const t = useTestApp({ db: getDb });

  describe('edition report', () => {
    test('counts registrations, promotions, attendance, late arrivals, tables, new connections, feedback and the live notes', async () => {
      const s = await script(t);
      const response = await t.asOrganizer('GET', `/api/editions/${s.second}/report`);
      expect(response.statusCode).toBe(200);
      const report = response.json<EditionReport>();
      expect(report.held).toBe(true);
      expect(report.edition).toMatchObject({ id: s.second, seriesId: s.seriesId, capacity: 5, rounds: 2, status: 'ended' });
      expect(report.registrations).toEqual({
        total: 8,
        confirmed: 5,
        offered: 0,
        waiting: 1,
        cancelled: 2,
        expired: 0,
        waitlisted: 3,
        promoted: 1,
        waitlistConversion: 0.3333,
      });
      expect(report.attendance).toEqual({ expected: 5, attended: 4, noShows: 1, noShowRate: 0.2, lateArrivals: 1 });
      expect(report.rounds).toEqual([
        { round: 1, tables: 2, seated: 4, minTable: 2, maxTable: 2, averageTable: 2, moderatedTables: 1 },
        { round: 2, tables: 2, seated: 4, minTable: 2, maxTable: 2, averageTable: 2, moderatedTables: 1 },
      ]);
      // Alice-Bob met at edition 1 (BOB@Example.com is bob@example.com); Hank-Dan, Alice-Dan, Bob-Hank are new.
      expect(report.connections).toEqual({ total: 4, new: 3, repeat: 1, perAttendee: 2, mutualContacts: 2 });
      expect(report.feedback).toEqual({
        responses: 4,
        averageRating: 4,
        distribution: [0, 1, 0, 1, 2],
        recommendResponses: 4,
        promoters: 2,
        passives: 1,
        detractors: 1,
        nps: 25,
        moderatorResponses: 1,
        moderatorAverageRating: 4,
      });
      expect(report.comments.map((c) => [c.role, c.text])).toEqual([
        ['participant', 'Great morning'],
        ['participant', '=HYPERLINK("http://evil.example","click")'],
        ['moderator', 'Smooth'],
      ]);
      expect(report.live.notes).toEqual([{ moderatorName: 'Mo Derator', text: 'Table 1 talked about export markets.' }]);
      expect(report.live.help).toEqual([
        {
          round: 1,
          table: 1,
          moderatorName: 'Mo Derator',
          text: 'Sound is gone',
          status: 'answered',
          answer: 'Rejoin',
          at: '2026-12-11T08:41:00.000Z',
        },
      ]);
      expect(report.live.flags).toMatchObject([{ kind: 'no_show', personName: 'Erin', moderatorName: 'Mo Derator', round: 1, table: 2 }]);
    });

    test('an edition not held yet has no no-show figures; an unknown edition is a 404, a bad id a 400, no session a 401', async () => {
      const { editionId } = await t.createEdition(3);
      await t.register(editionId);
      const report = (await t.asOrganizer('GET', `/api/editions/${editionId}/report`)).json<EditionReport>();
      expect(report.held).toBe(false);
      expect(report.attendance).toEqual({ expected: 1, attended: 0, noShows: null, noShowRate: null, lateArrivals: 0 });
      expect(report.feedback.nps).toBeNull();
      expect((await t.asOrganizer('GET', `/api/editions/${randomUUID()}/report`)).json()).toMatchObject({ error: { code: 'ERR_EDITION_NOT_FOUND' } });
      expect((await t.asOrganizer('GET', `/api/editions/nope/report`)).statusCode).toBe(400);
      expect((await t.anonymous('GET', `/api/editions/${editionId}/report`)).statusCode).toBe(401);
      expect((await t.asOrganizer('GET', `/api/series/${randomUUID()}/report`)).json()).toMatchObject({ error: { code: 'ERR_SERIES_NOT_FOUND' } });
    });
  });

  describe('series report', () => {
    test('gives each edition its figures, new versus returning participants, and totals', async () => {
      const s = await script(t);
      const report = (await t.asOrganizer('GET', `/api/series/${s.seriesId}/report`)).json<SeriesReport>();
      expect(report.editions.map((e) => e.id)).toEqual([s.first, s.second]);
      expect(report.editions[0]).toMatchObject({
        held: true,
        attended: 2,
        newParticipants: 2,
        returningParticipants: 0,
        newConnections: 1,
        repeatConnections: 0,
      });
      expect(report.editions[1]).toMatchObject({
        held: true,
        registered: 8,
        attended: 4,
        noShows: 1,
        noShowRate: 0.2,
        newParticipants: 2,
        returningParticipants: 2,
        newConnections: 3,
        repeatConnections: 1,
        averageRating: 4,
        nps: 25,
      });
      expect(report.totals).toMatchObject({
        editionsHeld: 2,
        attended: 6,
        uniqueParticipants: 4,
        averageAttendance: 3,
        newConnections: 4,
        repeatConnections: 1,
      });
      // Edition 1 had 2 confirmed and 2 attended: 1 no-show of 7 confirmed overall.
      expect(report.totals.noShowRate).toBe(0.1429);
    });
  });

  describe('exports', () => {
    test('connections carry contact details only for pairs who both agreed', async () => {
      const s = await script(t);
      const file = await csv(t, `/api/editions/${s.second}/exports/connections.csv`);
      expect(file.status).toBe(200);
      expect(file.type).toContain('text/csv');
      const [header, ...rows] = file.rows;
      expect(header).toEqual([
        'person_a',
        'company_a',
        'person_b',
        'company_b',
        'rounds',
        'first_meeting',
        'contact_shared',
        'email_a',
        'linkedin_a',
        'email_b',
        'linkedin_b',
      ]);
      const byPair = new Map(rows.map((r) => [[r[0], r[2]].sort().join('+'), r]));
      expect(byPair.size).toBe(4);
      // Both opted in at registration.
      expect(byPair.get('Alice+Bob')).toEqual(expect.arrayContaining(['yes', 'alice@example.com', 'bob@example.com', 'no']));
      // Both asked each other.
      expect(byPair.get('Alice+Dan')).toEqual(expect.arrayContaining(['yes', 'alice@example.com', 'dan@example.com']));
      // One-way request, and one-sided opt-in: nothing shared.
      for (const pair of ['Bob+Hank', 'Dan+Hank']) {
        const row = byPair.get(pair)!;
        expect(row[6]).toBe('no');
        expect(row.slice(7)).toEqual(['', '', '', '']);
      }
      // Hank never agreed with anyone: his address appears nowhere; Dan's only next to Alice.
      expect(file.body).not.toContain('hank@example.com');
      expect(file.body).not.toContain('linkedin.com/in/hank');
      expect(file.body.match(/dan@example\.com/g)).toHaveLength(1);
    });

    test('registrations, attendance, seatings and feedback; formula cells are neutralised', async () => {
      const s = await script(t);
      const registrations = await csv(t, `/api/editions/${s.second}/exports/registrations.csv`);
      expect(registrations.rows).toHaveLength(9);
      const erin = registrations.rows.find((r) => r[2] === 'Erin')!;
      const header = registrations.rows[0]!;
      expect(erin[header.indexOf('promoted')]).toBe('yes');
      expect(erin[header.indexOf('attended')]).toBe('no');
      const dan = registrations.rows.find((r) => r[2] === 'Dan')!;
      expect(dan[header.indexOf('late_arrival')]).toBe('yes');

      const attendance = await csv(t, `/api/editions/${s.second}/exports/attendance.csv`);
      expect(attendance.rows.slice(1).map((r) => [r[0], r[3], r[5], r[6]])).toEqual([
        ['Alice', 'attended', 'no', '1 2'],
        ['Bob', 'attended', 'no', '1 2'],
        ['Dan', 'attended', 'yes', '1 2'],
        ['Hank', 'attended', 'no', '1 2'],
        ['Erin', 'no_show', 'no', ''],
      ]);

      const seatings = await csv(t, `/api/editions/${s.second}/exports/seatings.csv`);
      expect(seatings.rows).toHaveLength(11);
      expect(seatings.rows[1]).toEqual(['1', '1', 'moderator', 'Mo Derator', '', T1.toISOString(), T2.toISOString()]);

      const feedback = await csv(t, `/api/editions/${s.second}/exports/feedback.csv`);
      expect(feedback.rows[0]).toEqual(['role', 'rating', 'recommend', 'comment', 'submitted_at']);
      expect(feedback.rows.map((r) => r[3])).toContain(`'=HYPERLINK("http://evil.example","click")`);
      expect(feedback.body).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(feedback.rows.find((r) => r[0] === 'moderator')?.slice(0, 4)).toEqual(['moderator', '4', '', 'Smooth']);

      expect((await csv(t, `/api/editions/${s.second}/exports/passwords.csv`)).status).toBe(400);
      expect((await t.anonymous('GET', `/api/editions/${s.second}/exports/connections.csv`)).statusCode).toBe(401);
    });

    test('zoom: the seated tables of a round; a plan of the confirmed people before the event; unknown rounds are refused', async () => {
      const s = await script(t);
      const round2 = await csv(t, `/api/editions/${s.second}/exports/zoom.csv?round=2`);
      expect(round2.rows).toEqual([
        ['Pre-assign Room Name', 'Email Address'],
        ['Tafel 1', 'mo@example.org'],
        ['Tafel 1', 'alice@example.com'],
        ['Tafel 1', 'dan@example.com'],
        ['Tafel 2', 'bob@example.com'],
        ['Tafel 2', 'hank@example.com'],
      ]);
      expect((await t.asOrganizer('GET', `/api/editions/${s.second}/exports/zoom.csv?round=3`)).json()).toMatchObject({
        error: { code: 'ERR_ROUND_NOT_FOUND' },
      });
      expect((await t.asOrganizer('GET', `/api/editions/${s.second}/exports/zoom.csv`)).statusCode).toBe(400);
      expect((await t.asOrganizer('GET', `/api/editions/${s.second}/exports/zoom.csv?round=0`)).statusCode).toBe(400);

      // Before the event (a Dutch series: "Tafel"): 12 confirmed people planned into tables (of 6 by default), every one exactly once per round.
      const { editionId } = await t.createEdition(20, { format: { rounds: 2 } });
      for (let i = 0; i < 12; i++) await t.register(editionId);
      const planned = [1, 2].map(async (round) => (await csv(t, `/api/editions/${editionId}/exports/zoom.csv?round=${round}`)).rows.slice(1));
      const [first, second] = await Promise.all(planned);
      for (const rows of [first!, second!]) {
        expect(rows).toHaveLength(12);
        expect(new Set(rows.map((r) => r[1])).size).toBe(12);
        expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['Tafel 1', 'Tafel 2']));
      }
      // The same download again gives the same plan.
      expect((await csv(t, `/api/editions/${editionId}/exports/zoom.csv?round=1`)).rows.slice(1)).toEqual(first);
    });
  });
});
