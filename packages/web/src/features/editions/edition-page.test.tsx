// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicEdition } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { EditionListPage } from './edition-list-page';
import { EditionPage } from './edition-page';
import { seriousViolations } from '../../test-kit/a11y';
import { json, setupFetchMock } from '../../test-kit/fetch-mock';
import { MANAGE_TOKEN, fullEdition, manageView, openEdition, seriesDates } from './public-fixture';

const fetchMock = setupFetchMock({ now: '2026-11-27T10:00:00Z' });

function serve(edition: PublicEdition | Response, dates: PublicEdition[] | Response = seriesDates) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/sectors') return json({ sectors: ['ict', 'retail'] });
    if (url.endsWith('/siblings')) return dates instanceof Response ? dates.clone() : json({ editions: dates });
    if (url === `/api/public/editions/${openEdition.id}`) return edition instanceof Response ? edition.clone() : json(edition);
    if (url === `/api/editions/${openEdition.id}/registrations` && init?.method === 'POST')
      return json({ id: 'r1', status: 'confirmed', waitlistPosition: null, manageToken: MANAGE_TOKEN, offerExpiresAt: null }, 201);
    if (url === `/api/manage/${MANAGE_TOKEN}`) return json(manageView());
    if (url === '/api/public/editions') return json({ editions: [openEdition, ...seriesDates] });
    return json({ error: { code: 'ERR_NOT_FOUND', message: 'no' } }, 404);
  });
}

const renderPage = () =>
  render(
    <I18nProvider>
      <EditionPage editionId={openEdition.id} />
    </I18nProvider>,
  );

async function expectNoSeriousA11yIssue(container: HTMLElement) {
  expect(await seriousViolations(container)).toEqual([]);
}

describe('public edition page', () => {
  test('with seats: seats left, the form, and the next dates of the series with their availability', async () => {
    serve(openEdition);
    const { container } = renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Virtual Friday' })).toBeTruthy();
    expect(screen.getByText('12 seats left')).toBeTruthy();
    expect(screen.getByText('12 of 102 seats left.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Register' });
    expect(within(form).getByRole('textbox', { name: /^Full name/ })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Register' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Register now' }).getAttribute('href')).toBe('#form-title');

    const dates = await screen.findByRole('region', { name: 'Next dates' });
    const links = within(dates).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([`/e/${seriesDates[0]!.id}`, `/e/${seriesDates[1]!.id}`]);
    expect(links[0]!.textContent).toContain('Friday, 11 December 2026 09:30–11:00 CET Waiting list');
    expect(links[0]!.textContent).toContain('Waiting list');
    expect(links[1]!.textContent).toContain('40 seats left');
    await expectNoSeriousA11yIssue(container);
  });

  test('full: the waiting list, with the place a new registration would get', async () => {
    serve(fullEdition);
    const { container } = renderPage();
    expect(await screen.findByRole('form', { name: 'Join the waiting list' })).toBeTruthy();
    expect(screen.getByText('If you register now, you will be number 3 on the waiting list.')).toBeTruthy();
    expect(screen.getAllByText(/All seats are taken; 2 people are on the waiting list/).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Join the waiting list' })).toBeTruthy();
    await screen.findByRole('region', { name: 'Next dates' });
    await expectNoSeriousA11yIssue(container);
  });

  test('no other dates: no "next dates" section', async () => {
    serve(openEdition, []);
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Virtual Friday' });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith(expect.stringContaining('/siblings'), expect.anything()));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Next dates' })).toBeNull());
  });

  test('the next dates failing to load is said in words with a retry; the rest of the page stays', async () => {
    serve(openEdition, json({ error: { code: 'ERR_RATE_LIMITED', message: 'slow down' } }, 429));
    renderPage();
    const alert = await screen.findByText(/We could not load the other dates/);
    expect(alert.textContent).toContain('Too many attempts');
    expect(screen.getByRole('form', { name: 'Register' })).toBeTruthy();
    serve(openEdition);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Friday, 18 December 2026/ })).toBeTruthy();
  });

  test('registering shows the confirmation: what happens next, add to calendar and the manage link', async () => {
    serve(openEdition);
    const { container } = renderPage();
    await userEvent.type(await screen.findByRole('textbox', { name: /^Full name/ }), 'Ann Peeters');
    await userEvent.type(screen.getByRole('textbox', { name: /^E-mail address/ }), 'ann@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: /I agree/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('heading', { name: 'You are registered!' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What happens next' })).toBeTruthy();
    expect(screen.getByText(/The doors open 15 minutes before the start/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View or change my registration' }).getAttribute('href')).toBe(`/manage/${MANAGE_TOKEN}`);
    expect((await screen.findByRole('link', { name: 'Add to calendar' })).getAttribute('href')).toBe(`/api/manage/${MANAGE_TOKEN}/calendar.ics`);
    expect(screen.getByText(/Keep the e-mail with your personal link/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Register now' })).toBeNull();
    await expectNoSeriousA11yIssue(container);
  });

  test('an unknown edition says so and leads back to the list', async () => {
    serve(json({ error: { code: 'ERR_EDITION_NOT_FOUND', message: 'Edition not found' } }, 404));
    const { container } = renderPage();
    expect(await screen.findByText('We could not find this event. It may have been removed, or the link is incomplete.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All upcoming events' })).toBeTruthy();
    await expectNoSeriousA11yIssue(container);
  });

  test('a lost connection says so and “Try again” loads the page', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderPage();
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    serve(openEdition);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Virtual Friday' })).toBeTruthy();
  });

  test('an ended edition says so instead of offering the form', async () => {
    serve({ ...openEdition, status: 'ended', registrationWindow: 'closed' });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'This edition has ended' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('home page', () => {
  test('lists the upcoming editions with their availability', async () => {
    serve(openEdition);
    const { container } = render(
      <I18nProvider>
        <EditionListPage />
      </I18nProvider>,
    );
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getAllByRole('link', { name: 'Register' })).toHaveLength(2);
    expect(within(list).getByRole('link', { name: 'Join the waiting list' })).toBeTruthy();
    await expectNoSeriousA11yIssue(container);
  });

  test('marks an edition that is happening now', async () => {
    fetchMock.mockResolvedValue(json({ editions: [{ ...openEdition, status: 'live', registrationWindow: 'closed' }] }));
    render(
      <I18nProvider>
        <EditionListPage />
      </I18nProvider>,
    );
    expect(await screen.findByText('Happening now')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View details' })).toBeTruthy();
  });

  test('says when nothing is planned', async () => {
    fetchMock.mockResolvedValue(json({ editions: [] }));
    render(
      <I18nProvider>
        <EditionListPage />
      </I18nProvider>,
    );
    expect(await screen.findByText('There are no upcoming events open right now. Check back soon.')).toBeTruthy();
  });
});
