// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LiveSnapshot } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import { applyLiveEvent } from '../../lib/live-state';
import type { LiveJoin } from '../../lib/use-live-join';
import { ModeratorLiveView } from './moderator-live-view';
import { notesSaveDelayMs } from './notes-panel';
import { seriousViolations } from '../../test-kit/a11y';
import { setupEnglishUi } from '../../test-kit/english-ui';
import { fakeLiveJoin } from '../../test-kit/fake-live';

const now = Date.parse('2026-12-04T09:10:00Z');
const card = (personId: string, name: string, offer: string, lookingFor: string) => ({
  personId,
  name,
  company: `${name} BV`,
  sector: 'ICT',
  jobTitle: 'CEO',
  offer,
  lookingFor,
});

const snapshot: LiveSnapshot = {
  editionId: 'ed-1',
  title: 'Virtual Friday',
  you: { personId: 'm1', role: 'moderator', name: 'Mia' },
  timer: { phase: 'round', round: 2, rounds: 4, startedAt: now, endsAt: now + 12 * 60_000, pausedRemainingMs: null },
  seat: {
    round: 2,
    table: 3,
    moderator: { personId: 'm1', name: 'Mia' },
    cards: [card('p1', 'Ann', 'Bookkeeping help', 'A web designer'), card('p2', 'Bob', 'Office space', 'Investors')],
  },
  next: { round: 3, table: 1 },
  broadcasts: [{ id: 'b1', text: 'Five minutes left', table: null, round: 2, at: now }],
  notes: 'Ann: follow up',
  help: [],
  media: { media: null, reason: 'janus_not_installed' },
  mutes: [{ personId: 'p2', by: 'self' }],
  staff: null,
  chat: [{ id: 'c1', round: 2, table: 3, personId: 'p1', name: 'Ann', role: 'participant', text: 'Hello!', at: now }],
  icebreakers: ['What brought you here?', 'Your best tip this year?'],
};

const fakeLive = (overrides: Partial<LiveJoin> = {}) => fakeLiveJoin(snapshot, now, overrides);

const renderView = (live: LiveJoin) =>
  render(
    <I18nProvider>
      <ModeratorLiveView editionId="ed-1" live={live} />
    </I18nProvider>,
  );

setupEnglishUi();
afterEach(() => vi.useRealTimers());

describe('ModeratorLiveView', () => {
  test('shows the table: timer, round, cards with offer and looking for, the round’s icebreaker, chat, notes, next table', () => {
    renderView(fakeLive().live);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Your table: table 3');
    expect(screen.getByText('Round 2 of 4')).toBeTruthy();
    const cards = screen.getByRole('region', { name: 'People at your table' });
    expect(within(cards).getByText('Bookkeeping help')).toBeTruthy();
    expect(within(cards).getByText('A web designer')).toBeTruthy();
    expect(within(cards).getByText('Investors')).toBeTruthy();
    // Round 2 gets the second prompt.
    expect(within(screen.getByRole('region', { name: 'Icebreaker' })).getByText('Your best tip this year?')).toBeTruthy();
    expect(within(screen.getByRole('log')).getByText('Hello!')).toBeTruthy();
    expect((screen.getByLabelText('Notes (only you and the organizer see them)') as HTMLTextAreaElement).value).toBe('Ann: follow up');
    expect(screen.getByText('Next: table 1 in round 3')).toBeTruthy();
    expect(screen.getByText('Five minutes left')).toBeTruthy();
  });

  test('mutes a person and flags a no-show per person', async () => {
    const { live, sent } = fakeLive();
    renderView(live);
    // Bob turned his microphone off himself: nothing to mute.
    expect(screen.getByRole('button', { name: 'Mute Bob' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Mute Ann' }));
    expect(sent).toContainEqual({ type: 'mute_participant', personId: 'p1' });
    await userEvent.click(screen.getByRole('button', { name: 'Flag no-show: Bob' }));
    expect(sent).toContainEqual({ type: 'flag', kind: 'no_show', personId: 'p2' });
    expect(screen.getByText('Bob is flagged as a no-show. The host has been told.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Flagged as no-show' }).hasAttribute('disabled')).toBe(true);
  });

  test('asks the host for help with an optional sentence, and shows the answer', async () => {
    const { live, sent } = fakeLive();
    const view = renderView(live);
    await userEvent.click(screen.getByRole('button', { name: 'Request help' }));
    await userEvent.type(screen.getByLabelText('What do you need? (optional)'), 'Bob has no sound');
    await userEvent.click(screen.getByRole('button', { name: 'Send help request' }));
    expect(sent).toContainEqual({ type: 'request_help', text: 'Bob has no sound' });
    expect(screen.getByText('Your help request was sent to the host.')).toBeTruthy();

    const answered = applyLiveEvent(snapshot, {
      type: 'help_updated',
      request: {
        id: 'h1',
        moderatorId: 'm1',
        moderatorName: 'Mia',
        round: 2,
        table: 3,
        text: 'Bob has no sound',
        status: 'answered',
        answer: 'Coming!',
        createdAt: now,
      },
    });
    view.rerender(
      <I18nProvider>
        <ModeratorLiveView editionId="ed-1" live={{ ...live, snapshot: answered }} />
      </I18nProvider>,
    );
    expect(screen.getByText('Host: Coming!')).toBeTruthy();
    expect(screen.getByText('Answered')).toBeTruthy();
  });

  test('a failed action says so', async () => {
    const { live } = fakeLive({ send: vi.fn(async () => false) });
    renderView(live);
    await userEvent.click(screen.getByRole('button', { name: 'Mute Ann' }));
    expect(screen.getByText('That did not go through. Check your connection and try again.')).toBeTruthy();
  });

  test('saves the notes shortly after typing stops', async () => {
    vi.useFakeTimers({ now, shouldAdvanceTime: true });
    const { live, sent } = fakeLive();
    renderView(live);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(screen.getByLabelText('Notes (only you and the organizer see them)'), '; Bob: intro to Eve');
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(notesSaveDelayMs);
    });
    expect(sent.filter((c) => c.type === 'save_note')).toEqual([{ type: 'save_note', text: 'Ann: follow up; Bob: intro to Eve' }]);
    expect(screen.getByText('Notes saved')).toBeTruthy();
  });

  test('between rounds says where things stand, and shows no table actions', () => {
    renderView(fakeLive({ snapshot: { ...snapshot, timer: { ...snapshot.timer, phase: 'plenary' }, seat: null, next: null, chat: [] } }).live);
    expect(screen.getByText('No round is running. When the next round starts, your table appears here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mute/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Request help' })).toBeTruthy();
  });

  test('shows the reconnection banner', () => {
    renderView(fakeLive({ status: 'reconnecting' }).live);
    expect(screen.getByText('Connection lost — reconnecting…')).toBeTruthy();
  });

  test('axe finds no serious or critical issue', async () => {
    const { container } = renderView(fakeLive().live);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
