// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ManageView } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { MANAGE_TOKEN, manageView, seriesDates } from '../editions/public-fixture';
import { ManagePage } from './manage-page';
import { seriousViolations } from '../../test-kit/a11y';
import { json, setupFetchMock } from '../../test-kit/fetch-mock';

const fetchMock = setupFetchMock({ now: '2026-11-27T10:00:00Z' });

/** Answers GET /api/manage/:token with `views` in turn (the last one repeats) and the series' dates. */
function serve(...views: Array<ManageView | Response>) {
  let calls = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.endsWith('/siblings')) return json({ editions: seriesDates });
    if (url === `/api/manage/${MANAGE_TOKEN}`) {
      const next = views[Math.min(calls++, views.length - 1)]!;
      return next instanceof Response ? next.clone() : json(next);
    }
    if (init?.method === 'POST') return json({ id: 'r', status: 'cancelled', waitlistPosition: null, manageToken: null, offerExpiresAt: null });
    return json({ error: { code: 'ERR_NOT_FOUND', message: 'no' } }, 404);
  });
}

const renderPage = (action: string | null = null) =>
  render(
    <I18nProvider>
      <ManagePage token={MANAGE_TOKEN} action={action} />
    </I18nProvider>,
  );

async function expectNoSeriousA11yIssue(container: HTMLElement) {
  expect(await seriousViolations(container)).toEqual([]);
}

describe('manage page', () => {
  test('confirmed, before the doors open: when the doors open, the calendar file, no join link yet', async () => {
    serve(manageView());
    const { container } = renderPage();
    expect(screen.getByRole('status').textContent).toContain('Loading');
    expect(await screen.findByText('Your seat is confirmed. See you there!')).toBeTruthy();
    expect(screen.getByText(/Doors open 15 minutes before the start, at Fri 4 Dec, 09:15 CET/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Join the event' })).toBeNull();
    const calendar = screen.getByRole('link', { name: 'Add to calendar' });
    expect(calendar.getAttribute('href')).toBe(`/api/manage/${MANAGE_TOKEN}/calendar.ics`);
    expect(calendar.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel my registration' })).toBeTruthy();
    await expectNoSeriousA11yIssue(container);
  });

  test('confirmed, doors open: the personal join link', async () => {
    vi.setSystemTime(new Date('2026-12-04T08:20:00Z'));
    serve(manageView({ live: { stage: 'open', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 } }));
    const { container } = renderPage();
    const join = await screen.findByRole('link', { name: 'Join the event' });
    expect(join.getAttribute('href')).toBe('http://tablehop.test/join/join-token-of-ann');
    expect(screen.getByText('The doors are open. Join from this device with camera and microphone.')).toBeTruthy();
    expect(screen.queryByText(/Doors open 15 minutes/)).toBeNull();
    await expectNoSeriousA11yIssue(container);
  });

  test('the page opens the doors by itself when their time passes while it is open', async () => {
    vi.setSystemTime(new Date('2026-12-04T08:16:00Z'));
    // The server still said "scheduled" (answer from before the doors opened).
    serve(manageView());
    renderPage();
    expect(await screen.findByRole('link', { name: 'Join the event' })).toBeTruthy();
  });

  test('waitlisted: the position and what happens next; cancelling asks first', async () => {
    serve(manageView({ registration: { status: 'waitlisted', waitlistPosition: 3, confirmedAt: null } }));
    const { container } = renderPage();
    expect(await screen.findByText('You are number 3 on the waiting list.')).toBeTruthy();
    expect(screen.getByText('On the waiting list')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Add to calendar' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Join the event' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel my registration' }));
    const dialog = screen.getByRole('group', { name: 'Cancel your registration?' });
    expect(within(dialog).getByText('You will leave the waiting list. This cannot be undone.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Yes, cancel' }));
    await expectNoSeriousA11yIssue(container);
    await userEvent.click(within(dialog).getByRole('button', { name: 'No, keep it' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel my registration' }));
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining('/cancel'), expect.anything());
  });

  test('cancelling sends the token, then shows the cancelled registration and other dates', async () => {
    serve(manageView(), manageView({ registration: { status: 'cancelled', cancelledAt: '2026-11-27T10:00:00.000Z' } }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel my registration' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/registrations/44444444-4444-4444-8444-444444444444/cancel',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ manageToken: MANAGE_TOKEN }) }),
    );
    expect(await screen.findByText('This registration is cancelled. You can register again if seats are available.')).toBeTruthy();
    expect(screen.getByText('Your registration is cancelled.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel my registration' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the event page' }).getAttribute('href')).toBe(`/e/${manageView().edition.id}`);
    expect(await screen.findByRole('heading', { name: 'Other dates of this series' })).toBeTruthy();
  });

  test('offered: the deadline in the edition’s time zone and a button to accept before it', async () => {
    const offered = manageView({ registration: { status: 'offered', offerExpiresAt: '2026-11-28T08:30:00.000Z', confirmedAt: null } });
    serve(offered, manageView());
    const { container } = renderPage('accept');
    const accept = await screen.findByRole('button', { name: 'Accept my seat' });
    expect(screen.getByText('Deadline: Sat 28 Nov, 09:30 CET')).toBeTruthy();
    expect(screen.getByText(/Accept it before Sat 28 Nov, 09:30 CET, or it goes to the next person/)).toBeTruthy();
    expect(document.activeElement).toBe(accept);
    await expectNoSeriousA11yIssue(container);
    await userEvent.click(accept);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/registrations/44444444-4444-4444-8444-444444444444/accept',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(await screen.findByText('Your seat is confirmed. See you there!')).toBeTruthy();
  });

  test('offered, deadline passed while the page was open: no accept button, a clear sentence', async () => {
    vi.setSystemTime(new Date('2026-11-28T09:00:00Z'));
    serve(manageView({ registration: { status: 'offered', offerExpiresAt: '2026-11-28T08:30:00.000Z', confirmedAt: null } }));
    renderPage();
    expect(await screen.findByText('The deadline to accept this seat has passed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept my seat' })).toBeNull();
  });

  test('cancelled: says so, offers the event page, no actions', async () => {
    serve(manageView({ registration: { status: 'cancelled', cancelledAt: '2026-11-26T10:00:00.000Z' } }));
    const { container } = renderPage();
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel my registration' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add to calendar' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the event page' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Other dates of this series' });
    await expectNoSeriousA11yIssue(container);
  });

  test('ended: no seat talk, no join link, no cancel; points to “After the event”', async () => {
    vi.setSystemTime(new Date('2026-12-04T10:30:00Z'));
    serve(manageView({ edition: { status: 'ended' }, live: { stage: 'ended', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 } }));
    const { container } = renderPage();
    expect(await screen.findByRole('heading', { name: 'This edition has ended' })).toBeTruthy();
    expect(screen.queryByText('Your seat is confirmed. See you there!')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Join the event' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel my registration' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add to calendar' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to “After the event”' }).getAttribute('href')).toBe('#fu-links-title');
    expect(screen.getByRole('heading', { name: 'After the event' }).id).toBe('fu-links-title');
    await expectNoSeriousA11yIssue(container);
  });

  test('ended by the clock, even when the server answer is older', async () => {
    vi.setSystemTime(new Date('2026-12-04T10:01:00Z'));
    serve(manageView({ edition: { status: 'closed' }, live: { stage: 'open', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 } }));
    renderPage();
    expect(await screen.findByRole('heading', { name: 'This edition has ended' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Join the event' })).toBeNull();
  });

  test('a wrong or expired link says so, without a retry', async () => {
    serve(json({ error: { code: 'ERR_INVALID_TOKEN', message: 'Invalid token' } }, 404));
    const { container } = renderPage();
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeTruthy();
    expect(screen.getByText('This link is not valid. Use the most recent link from your e-mail.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'All upcoming events' })).toBeTruthy();
    await expectNoSeriousA11yIssue(container);
  });

  test('a lost connection says so, and “Try again” loads the page', async () => {
    let calls = 0;
    fetchMock.mockImplementation(async (input) => {
      if (String(input).endsWith('/siblings')) return json({ editions: [] });
      if (calls++ === 0) throw new TypeError('Failed to fetch');
      return json(manageView());
    });
    renderPage();
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Your seat is confirmed. See you there!')).toBeTruthy();
  });
});
