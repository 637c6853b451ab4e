// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { metView } from './followup-fixture';
import { MetContent } from './met-page';
import { seriousViolations } from '../../test-kit/a11y';
import { json, setupFetchMock } from '../../test-kit/fetch-mock';
import { renderInApp } from '../../test-kit/render-in-app';

const fetchMock = setupFetchMock();

const renderMet = () => renderInApp(<MetContent view={metView} token="manage-token-of-ann-0123456789" />);
const cardOf = (name: string) => screen.getByRole('heading', { level: 3, name: new RegExp(name) }).closest('li')!;

describe('people I met', () => {
  test('lists each round with its tables, the moderator and the cards; contact details only where shared', () => {
    renderMet();
    expect(screen.getByRole('heading', { level: 2, name: 'Round 1 · table 3' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Round 2 · tables 1 and 4' })).toBeTruthy();
    expect(screen.getByText('Mia Moderator')).toBeTruthy();
    expect(screen.getByText('moderator')).toBeTruthy();
    expect(within(cardOf('Bob Bakker')).getByText('CEO · Bakker BV · ict')).toBeTruthy();
    expect(within(cardOf('Bob Bakker')).queryByText(/@/)).toBeNull();
    expect(within(cardOf('Bob Bakker')).getByRole('button', { name: 'Ask to connect' })).toBeTruthy();
    expect(within(cardOf('Cas Claes')).getByRole('button', { name: 'Accept and connect' })).toBeTruthy();
    const dee = cardOf('Dee Dewulf');
    expect(within(dee).getByRole('link', { name: 'dee@example.com' }).getAttribute('href')).toBe('mailto:dee@example.com');
    expect(within(dee).getByRole('link', { name: 'Save contact (vCard)' }).getAttribute('href')).toBe(
      '/api/manage/manage-token-of-ann-0123456789/vcard/dee',
    );
    expect(screen.getByText('A participant who removed their data')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /vCard/ })).toHaveLength(1);
  });

  test('asking to connect sends the request and shows that it waits for the other side', async () => {
    fetchMock.mockResolvedValueOnce(json({ ...metView.rounds[0]!.people[1], connection: 'requested' }));
    renderMet();
    await userEvent.click(within(cardOf('Bob Bakker')).getByRole('button', { name: 'Ask to connect' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/manage/manage-token-of-ann-0123456789/contacts/bob', expect.objectContaining({ method: 'POST' }));
    expect(await within(cardOf('Bob Bakker')).findByText(/Request sent/)).toBeTruthy();
    expect(within(cardOf('Bob Bakker')).getByRole('button', { name: 'Withdraw my request' })).toBeTruthy();
    expect(screen.getByText('Request sent to Bob Bakker.')).toBeTruthy();
  });

  test('accepting shows the contact details the server returns, and an error is told in words', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ ...metView.rounds[0]!.people[2], connection: 'connected', contact: { email: 'cas@example.com', linkedinUrl: '' } }),
    );
    fetchMock.mockResolvedValueOnce(json({ error: { code: 'ERR_NOT_MET', message: 'x' } }, 404));
    renderMet();
    await userEvent.click(within(cardOf('Cas Claes')).getByRole('button', { name: 'Accept and connect' }));
    expect(await within(cardOf('Cas Claes')).findByRole('link', { name: 'cas@example.com' })).toBeTruthy();
    await userEvent.click(within(cardOf('Bob Bakker')).getByRole('button', { name: 'Ask to connect' }));
    expect((await within(cardOf('Bob Bakker')).findByRole('alert')).textContent).toBe('You did not sit at a table with this person.');
  });

  test('axe finds no serious or critical accessibility problem', async () => {
    const { container } = renderMet();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
