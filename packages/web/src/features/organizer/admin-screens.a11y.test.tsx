// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RegistrationView } from '@tablehop/protocol';
import { Providers, sampleEdition, seriousViolations, stubFetch } from './admin-test-kit';
import { DashboardPage } from './dashboard-page';
import { EditionAdminPage } from './edition-admin-page';
import { MailPreviewsPage } from './mail-previews-page';

const e = sampleEdition;
const seriesBody = {
  id: e.seriesId,
  name: 'Virtual Friday',
  description: '',
  language: 'nl',
  timeZone: 'Europe/Brussels',
  weekday: 5,
  startTime: '09:30',
  durationMinutes: 90,
  format: e.format,
  defaultCapacity: null,
  promotionMode: 'auto',
  offerHours: 24,
  registrationOpensDays: 28,
  createdAt: e.createdAt,
};
const ann: RegistrationView = {
  id: '44444444-4444-4444-8444-444444444444',
  editionId: e.id,
  name: 'Ann Smet',
  email: 'ann@example.com',
  company: 'Smet BV',
  sector: 'ICT',
  jobTitle: '',
  offer: '',
  lookingFor: '',
  linkedinUrl: '',
  language: 'nl',
  shareContact: false,
  status: 'confirmed',
  waitlistPosition: null,
  offerExpiresAt: null,
  source: 'self',
  createdAt: '2026-11-27T10:00:00.000Z',
  confirmedAt: '2026-11-27T10:00:00.000Z',
  cancelledAt: null,
};
const editionRoutes = (edition = e) => ({
  [`GET /api/editions/${e.id}`]: { body: edition },
  [`GET /api/editions/${e.id}/registrations`]: { body: { registrations: [ann] } },
  'GET /api/sectors': { body: { sectors: ['ICT'] } },
  'GET /api/moderators': { body: { moderators: [] } },
  [`GET /api/editions/${e.id}/moderators`]: { body: { moderatorIds: [], moderators: [] } },
});

// Every organizer admin screen, rendered with stubbed answers: axe finds no serious or critical
// issue, and the main actions have the names the browser tests use.
describe('organizer admin screens', () => {
  beforeEach(() => window.localStorage.setItem('tablehop.language', 'en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  test('the axe check itself catches a real problem', async () => {
    const { container } = render(
      <form>
        <input type="text" />
        <button type="submit" />
      </form>,
    );
    expect((await seriousViolations(container)).map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['label', 'button-name']));
  });

  test('dashboard', async () => {
    stubFetch({ 'GET /api/series': { body: { series: [seriesBody] } }, [`GET /api/series/${e.seriesId}/editions`]: { body: { editions: [e] } } });
    const { container } = render(
      <Providers>
        <DashboardPage />
      </Providers>,
    );
    await screen.findByRole('heading', { name: 'Virtual Friday' });
    expect(screen.getByRole('button', { name: /New series/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit series: Virtual Friday' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete series: Virtual Friday' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add edition' })).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('dashboard with nothing yet, and when the server cannot be reached', async () => {
    stubFetch({ 'GET /api/series': { body: { series: [] } } });
    const first = render(
      <Providers>
        <DashboardPage />
      </Providers>,
    );
    expect(await screen.findByText(/There is no series yet/)).toBeTruthy();
    expect(await seriousViolations(first.container)).toEqual([]);
    cleanup();
    stubFetch({ 'GET /api/series': 'network-error' });
    const second = render(
      <Providers>
        <DashboardPage />
      </Providers>,
    );
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(await seriousViolations(second.container)).toEqual([]);
  });

  test('edition page: actions, capacity warning, delete confirm', async () => {
    const calls = stubFetch({
      ...editionRoutes({ ...e, capacity: 0, capacityIsAuto: true, seatsLeft: 0 }),
      [`PATCH /api/editions/${e.id}`]: { body: { ...e, status: 'closed' } },
      [`DELETE /api/editions/${e.id}`]: { status: 409, body: { error: { code: 'ERR_HAS_REGISTRATIONS', message: 'x' } } },
    });
    const user = userEvent.setup();
    const { container } = render(
      <Providers>
        <EditionAdminPage editionId={e.id} />
      </Providers>,
    );
    await screen.findByRole('heading', { name: 'Registrations' });
    await screen.findByText('Ann Smet');
    expect(screen.getByText(/This edition has 0 seats/)).toBeTruthy();
    for (const name of ['Close registration', 'Add someone by hand', 'Cancel the registration of Ann Smet', 'Save changes', 'Delete edition'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    for (const name of ['Export CSV', 'Import invitees (CSV)', 'E-mail previews']) expect(screen.getByRole('link', { name })).toBeTruthy();
    for (const label of ['Status', 'Automatic capacity (moderators × group size)', 'Group size', 'Rounds', 'Search'])
      expect(screen.getAllByLabelText(label).length).toBeGreaterThan(0);
    expect(await seriousViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Close registration' }));
    expect(await screen.findByText(/Registration is closed\. People who registered keep their place/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'closed' });

    await user.click(screen.getByRole('button', { name: 'Delete edition' }));
    const confirm = screen.getByRole('group', { name: /Delete the edition of/ });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    expect(await seriousViolations(container)).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText(/People are still registered\. Cancel their registrations first/)).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete edition' }));
  });

  test('mail previews: kinds, languages, the mail in a sandboxed frame', async () => {
    const calls = stubFetch({
      ...editionRoutes(),
      [`GET /api/editions/${e.id}/mail-previews`]: { body: { kinds: ['registration_confirmed', 'reminder_1h'] } },
      [`GET /api/editions/${e.id}/mail-previews/registration_confirmed?lang=nl`]: {
        body: {
          kind: 'registration_confirmed',
          language: 'nl',
          to: 'Anna <a@example.com>',
          subject: 'Bevestigd',
          html: '<p>Hallo</p>',
          text: 'Hallo',
          hasCalendarInvite: true,
        },
      },
      [`GET /api/editions/${e.id}/mail-previews/registration_confirmed?lang=en`]: {
        body: {
          kind: 'registration_confirmed',
          language: 'en',
          to: 'Anna <a@example.com>',
          subject: 'Confirmed',
          html: '<p>Hello</p>',
          text: 'Hello',
          hasCalendarInvite: true,
        },
      },
    });
    const user = userEvent.setup();
    const { container } = render(
      <Providers>
        <MailPreviewsPage editionId={e.id} />
      </Providers>,
    );
    expect(await screen.findByText('Bevestigd')).toBeTruthy();
    const frame = screen.getByTitle('Preview of the e-mail “Registration confirmed”');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hallo</p>');
    expect(await seriousViolations(container)).toEqual([]);

    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByText('Confirmed')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Plain text' }));
    expect(screen.getByText('Hello').tagName).toBe('PRE');
    expect(calls.map((c) => c.path)).toContain(`/api/editions/${e.id}/mail-previews/registration_confirmed?lang=en`);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
