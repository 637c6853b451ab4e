// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EditionReport, SeriesEditionFigures, SeriesReport } from '@tablehop/protocol';
import { Providers, seriousViolations, stubFetch } from '../organizer/admin-test-kit';
import { EditionReportPage } from './edition-report-page';
import { SeriesReportPage } from './series-report-page';

const SERIES = '22222222-2222-4222-8222-222222222222';
const EDITION = '11111111-1111-4111-8111-111111111111';

const figures = (over: Partial<SeriesEditionFigures>): SeriesEditionFigures => ({
  id: EDITION,
  startsAt: '2026-12-04T08:30:00.000Z',
  status: 'ended',
  held: true,
  registered: 40,
  confirmed: 30,
  waitlisted: 10,
  promoted: 4,
  attended: 27,
  noShows: 3,
  noShowRate: 0.1,
  lateArrivals: 2,
  newParticipants: 27,
  returningParticipants: 0,
  connections: 90,
  newConnections: 90,
  repeatConnections: 0,
  feedbackResponses: 12,
  averageRating: 4.25,
  nps: 40,
  ...over,
});

const seriesReport: SeriesReport = {
  series: { id: SERIES, name: 'Virtual Friday', timeZone: 'Europe/Brussels' },
  editions: [
    figures({}),
    figures({
      id: 'e2',
      startsAt: '2026-12-11T08:30:00.000Z',
      attended: 25,
      confirmed: 28,
      noShows: 3,
      noShowRate: 0.1071,
      newParticipants: 10,
      returningParticipants: 15,
      newConnections: 70,
      repeatConnections: 5,
    }),
    figures({
      id: 'e3',
      startsAt: '2026-12-18T08:30:00.000Z',
      status: 'open',
      held: false,
      attended: 0,
      noShows: null,
      noShowRate: null,
      newConnections: 0,
      connections: 0,
    }),
  ],
  totals: {
    editionsHeld: 2,
    attended: 52,
    uniqueParticipants: 37,
    averageAttendance: 26,
    noShowRate: 0.1034,
    newConnections: 160,
    repeatConnections: 5,
    averageRating: 4.1,
    nps: 35,
  },
};

const editionReport: EditionReport = {
  edition: {
    id: EDITION,
    seriesId: SERIES,
    seriesName: 'Virtual Friday',
    startsAt: '2026-12-04T08:30:00.000Z',
    timeZone: 'Europe/Brussels',
    status: 'ended',
    capacity: 30,
    rounds: 3,
  },
  held: true,
  registrations: { total: 40, confirmed: 30, offered: 0, waiting: 5, cancelled: 5, expired: 0, waitlisted: 10, promoted: 4, waitlistConversion: 0.4 },
  attendance: { expected: 30, attended: 27, noShows: 3, noShowRate: 0.1, lateArrivals: 2 },
  rounds: [{ round: 1, tables: 5, seated: 27, minTable: 5, maxTable: 6, averageTable: 5.4, moderatedTables: 5 }],
  connections: { total: 90, new: 85, repeat: 5, perAttendee: 6.67, mutualContacts: 11 },
  feedback: {
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
  },
  comments: [{ role: 'participant', rating: 5, recommend: 10, text: 'Great morning', at: '2026-12-04T10:00:00.000Z' }],
  live: {
    notes: [{ moderatorName: 'Mo Derator', text: 'Table 1 talked about export markets.' }],
    help: [
      {
        round: 1,
        table: 2,
        moderatorName: 'Mo Derator',
        text: 'Sound is gone',
        status: 'answered',
        answer: 'Rejoin',
        at: '2026-12-04T08:45:00.000Z',
      },
    ],
    flags: [],
  },
};

beforeEach(() => {
  window.localStorage.setItem('tablehop.language', 'en');
  // jsdom draws nothing: chart.js gets no 2D context and skips drawing, the canvas stays in the page.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('series report', () => {
  test('draws four charts of the held editions, each with a text alternative, and lists every edition in a table', async () => {
    stubFetch({ [`GET /api/series/${SERIES}/report`]: { body: seriesReport } });
    const { container } = render(
      <Providers>
        <SeriesReportPage seriesId={SERIES} />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Series report' })).toBeTruthy();
    const charts = await screen.findAllByRole('img', {}, { timeout: 10_000 });
    expect(charts).toHaveLength(4);
    const labels = charts.map((c) => c.getAttribute('aria-label') ?? '');
    expect(labels[0]).toMatch(/^Attendance per edition\. 4 Dec.*: 27 of 30 attended; 11 Dec.*: 25 of 28 attended\.$/);
    expect(labels[1]).toContain('10 new, 15 returning');
    expect(labels[2]).toContain('70 new connections, 5 met before');
    expect(labels[3]).toMatch(/No-show rate per edition\. .*10%.*10\.7%/);
    // The edition that was not held is left out of the charts but listed in the table.
    expect(labels.join(' ')).not.toContain('18 Dec');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('link', { name: /Report of 18 Dec/ })).toBeTruthy();
    expect(within(table).getByText('3 (10%)')).toBeTruthy();
    expect(screen.getByText('+35')).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('a series with no edition held shows words instead of empty charts; an unknown series says so', async () => {
    stubFetch({
      [`GET /api/series/${SERIES}/report`]: {
        body: { ...seriesReport, editions: [seriesReport.editions[2]], totals: { ...seriesReport.totals, editionsHeld: 0 } },
      },
    });
    render(
      <Providers>
        <SeriesReportPage seriesId={SERIES} />
      </Providers>,
    );
    expect(await screen.findByText(/No edition of this series has been held yet/)).toBeTruthy();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    cleanup();
    stubFetch({ [`GET /api/series/${SERIES}/report`]: { status: 404, body: { error: { code: 'ERR_SERIES_NOT_FOUND', message: 'gone' } } } });
    render(
      <Providers>
        <SeriesReportPage seriesId={SERIES} />
      </Providers>,
    );
    expect(await screen.findByText('This edition or series does not exist (any more).')).toBeTruthy();
  });
});

describe('edition report', () => {
  test('shows the figures, feedback, live notes and export links; the Zoom link follows the chosen round', async () => {
    stubFetch({ [`GET /api/editions/${EDITION}/report`]: { body: editionReport } });
    const { container } = render(
      <Providers>
        <EditionReportPage editionId={EDITION} />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: /Edition report/ })).toBeTruthy();
    const attendance = screen.getByRole('region', { name: 'Attendance' });
    expect(within(attendance).getByText('No-show rate: 10%')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Connections' })).getByText('85')).toBeTruthy();
    const feedback = screen.getByRole('region', { name: 'Feedback' });
    expect(within(feedback).getByText('+25')).toBeTruthy();
    expect(within(feedback).getByText('2 promoters · 1 passives · 1 detractors')).toBeTruthy();
    expect(within(feedback).getByText('Great morning')).toBeTruthy();
    expect(screen.getByText('Table 1 talked about export markets.')).toBeTruthy();
    expect(screen.getByText('Sound is gone')).toBeTruthy();

    const exports = screen.getByRole('region', { name: 'Exports' });
    expect(within(exports).getByRole('link', { name: 'Connections (CSV)' }).getAttribute('href')).toBe(
      `/api/editions/${EDITION}/exports/connections.csv`,
    );
    const zoom = within(exports).getByRole('link', { name: 'Download pre-assignment' });
    expect(zoom.getAttribute('href')).toBe(`/api/editions/${EDITION}/exports/zoom.csv?round=1`);
    await userEvent.selectOptions(within(exports).getByLabelText('Round'), '3');
    expect(zoom.getAttribute('href')).toBe(`/api/editions/${EDITION}/exports/zoom.csv?round=3`);
    expect(screen.getByRole('link', { name: 'Series report' }).getAttribute('href')).toBe(`/organizer/series/${SERIES}/report`);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
