// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ManageView, NextEditionView } from '@tablehop/protocol';
import { MANAGE_TOKEN, manageView as annView } from '../editions/public-fixture';
import { endedEdition } from './followup-fixture';
import { NextEditionPage } from './next-edition-page';
import { PrivacyPage } from './privacy-page';
import { seriousViolations } from '../../test-kit/a11y';
import { json, setupFetchMock } from '../../test-kit/fetch-mock';
import { renderInApp as inApp } from '../../test-kit/render-in-app';

const token = MANAGE_TOKEN;
const fetchMock = setupFetchMock();

/** Ann's registration for the ended edition: no join link, no live state any more. */
const manageView: ManageView = {
  ...annView({ registration: { id: 'ann', editionId: endedEdition.id, company: '', sector: '', jobTitle: '' }, edition: endedEdition }),
  joinUrl: null,
  live: undefined,
};

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
    expect(await seriousViolations(container)).toEqual([]);
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
