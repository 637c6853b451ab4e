// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ManageView, NextEditionView } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { endedEdition } from './followup-fixture';
import { NextEditionPage } from './next-edition-page';
import { PrivacyPage } from './privacy-page';

const token = 'manage-token-of-ann-0123456789';
const fetchMock = vi.fn<typeof fetch>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const manageView: ManageView = {
  registration: {
    id: 'ann',
    editionId: 'e1',
    name: 'Ann Peeters',
    email: 'ann@example.com',
    company: '',
    sector: '',
    jobTitle: '',
    offer: '',
    lookingFor: '',
    linkedinUrl: '',
    language: 'en',
    shareContact: false,
    status: 'confirmed',
    waitlistPosition: null,
    offerExpiresAt: null,
    source: 'self',
    createdAt: '2026-11-20T10:00:00.000Z',
    confirmedAt: '2026-11-20T10:00:00.000Z',
    cancelledAt: null,
  },
  edition: endedEdition,
  joinUrl: null,
  calendarUrl: '/api/manage/x/calendar.ics',
};

beforeEach(() => {
  window.localStorage.setItem('tablehop.language', 'en');
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  fetchMock.mockReset();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const inApp = (node: React.ReactNode) => render(<I18nProvider>{node}</I18nProvider>);

describe('my data', () => {
  test('offers the download and deletes only after the box is ticked', async () => {
    fetchMock.mockResolvedValueOnce(json(manageView));
    inApp(<PrivacyPage token={token} />);
    expect((await screen.findByRole('link', { name: 'Download my data' })).getAttribute('href')).toBe(`/api/manage/${token}/export`);
    await userEvent.click(screen.getByRole('button', { name: 'Delete my data' }));
    expect(screen.getByText('Tick the box first to confirm.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(json({ anonymized: 2 }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'I understand that this cannot be undone.' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete my data' }));
    expect(fetchMock).toHaveBeenLastCalledWith(`/api/manage/${token}`, expect.objectContaining({ method: 'DELETE' }));
    expect(await screen.findByRole('heading', { name: 'Your data has been deleted' })).toBeTruthy();
  });

  test('axe finds no serious or critical accessibility problem', async () => {
    fetchMock.mockResolvedValueOnce(json(manageView));
    const { container } = inApp(<PrivacyPage token={token} />);
    await screen.findByRole('link', { name: 'Download my data' });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

describe('the next edition', () => {
  const next: NextEditionView = {
    edition: {
      ...endedEdition,
      id: 'e2',
      status: 'open',
      registrationWindow: 'open',
      startsAt: '2026-12-11T08:30:00.000Z',
      endsAt: '2026-12-11T10:00:00.000Z',
    },
    name: 'Ann Peeters',
    email: 'ann@example.com',
    company: 'Peeters BV',
    existing: null,
  };

  test('registers nothing until the person confirms, then tells the outcome', async () => {
    fetchMock.mockResolvedValueOnce(json(next));
    inApp(<NextEditionPage token={token} />);
    expect(await screen.findByText('Friday, 11 December 2026')).toBeTruthy();
    expect(screen.getByText('Peeters BV')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValueOnce(
      json(
        {
          created: true,
          result: { id: 'n', status: 'waitlisted', waitlistPosition: 3, manageToken: null, offerExpiresAt: null },
          manageUrl: '/manage/new',
        },
        201,
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Confirm my registration' }));
    expect(fetchMock).toHaveBeenLastCalledWith(`/api/manage/${token}/next`, expect.objectContaining({ method: 'POST' }));
    expect(await screen.findByText(/you are number 3 on the waiting list/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View my new registration' }).getAttribute('href')).toBe('/manage/new');
  });

  test('says so when there is no next edition yet', async () => {
    fetchMock.mockResolvedValueOnce(json({ ...next, edition: null }));
    inApp(<NextEditionPage token={token} />);
    expect(await screen.findByText(/There is no next edition open for registration yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm my registration' })).toBeNull();
  });
});
