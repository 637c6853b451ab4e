// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { LivePhase, LiveSnapshot } from '@tablehop/protocol';
import { I18nProvider } from '../../lib/i18n-context';
import type { LiveJoin } from '../../lib/use-live-join';
import { seriousViolations as serious } from '../../test-kit/a11y';
import { setupEnglishUi } from '../../test-kit/english-ui';
import { fakeLiveJoin } from '../../test-kit/fake-live';
import { LiveJoinView } from './join-page';

const now = Date.parse('2026-12-04T09:10:00Z');
const card = (personId: string, name: string) => ({
  personId,
  name,
  company: `${name} BV`,
  sector: 'Food',
  jobTitle: 'Founder',
  offer: `${name} offers`,
  lookingFor: `${name} looks for`,
});

const seated: LiveSnapshot = {
  editionId: 'ed-1',
  title: 'Virtual Friday',
  you: { personId: 'p1', role: 'participant', name: 'Ann' },
  timer: { phase: 'round', round: 1, rounds: 3, startedAt: now, endsAt: now + 12 * 60_000, pausedRemainingMs: null },
  seat: { round: 1, table: 4, moderator: { personId: 'm1', name: 'Mia' }, cards: [card('p1', 'Ann'), card('p2', 'Bob')] },
  next: { round: 2, table: 7 },
  broadcasts: [],
  notes: null,
  help: [],
  media: { media: null, reason: 'janus_not_installed' },
  mutes: [],
  staff: null,
  chat: [],
  icebreakers: ['What brought you here?'],
};

function at(phase: LivePhase, extra: Partial<LiveSnapshot> = {}): LiveSnapshot {
  const seat = phase === 'round' || phase === 'moving' ? seated.seat : null;
  return { ...seated, seat, next: seat ? seated.next : null, timer: { ...seated.timer, phase, round: seat ? 1 : 0 }, ...extra };
}

function renderView(snapshot: LiveSnapshot, overrides: Partial<LiveJoin> = {}) {
  const { live, sent } = fakeLiveJoin(snapshot, now, overrides);
  const view = render(
    <I18nProvider>
      <LiveJoinView live={live} />
    </I18nProvider>,
  );
  return { ...view, sent, live };
}

setupEnglishUi();

describe('the participant’s live view', () => {
  test.each([
    ['doors_open', 'Welcome to the lobby'],
    ['plenary', 'Plenary'],
    ['closing', 'Closing plenary'],
  ] as const)('in %s says where the event is', (phase, heading) => {
    renderView(at(phase));
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Table chat' })).toBeNull();
  });

  test('before the doors open, says when they open', () => {
    renderView(at('scheduled', { timer: { ...seated.timer, phase: 'scheduled', round: 0, endsAt: Date.parse('2026-12-04T08:15:00Z') } }));
    expect(screen.getByRole('heading', { name: 'The event has not started yet' })).toBeTruthy();
    expect(screen.getByText(/The doors open at \d\d:\d\d/)).toBeTruthy();
  });

  test('at the end, thanks and shows no video', () => {
    renderView(at('ended'));
    expect(screen.getByRole('heading', { name: 'The event has ended' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Check your camera and microphone' })).toBeNull();
  });

  test('during a round: round x of N, the table’s cards, the icebreaker, where you go next and the chat', async () => {
    const { sent } = renderView(seated);
    expect(screen.getByText('Round 1 of 3')).toBeTruthy();
    const cards = screen.getByRole('region', { name: /At your table/ });
    expect(within(cards).getByText('Bob')).toBeTruthy();
    expect(within(cards).getByText('Bob offers')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Icebreaker' })).getByText('What brought you here?')).toBeTruthy();
    expect(screen.getByText('Next: table 7 in round 2')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Message to your table'), 'Hi table{Enter}');
    expect(sent).toContainEqual({ type: 'send_chat', text: 'Hi table' });
  });

  test('while moving, names the next table', () => {
    renderView(at('moving'));
    expect(screen.getByText('Moving to table 4')).toBeTruthy();
  });

  test('the newest broadcast shows as a banner that can be dismissed; older ones stay listed', async () => {
    renderView({
      ...seated,
      broadcasts: [
        { id: 'b1', text: 'Welcome everyone', table: null, round: 0, at: now - 60_000 },
        { id: 'b2', text: 'Two minutes left', table: 4, round: 1, at: now },
      ],
    });
    expect(screen.getByText('New message from the host')).toBeTruthy();
    expect(screen.getByText('Two minutes left')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Earlier messages' })).getByText(/Welcome everyone/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('New message from the host')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Messages from the host' })).getByText(/Two minutes left/)).toBeTruthy();
  });

  test('a lost connection shows the reconnection banner over the last known state', () => {
    renderView(seated, { status: 'reconnecting' });
    expect(screen.getByText('Connection lost — reconnecting…')).toBeTruthy();
    expect(screen.getByText('Round 1 of 3')).toBeTruthy();
  });

  test.each(['doors_open', 'round', 'ended'] as const)('axe finds no serious or critical issue (%s)', async (phase) => {
    const { container } = renderView(
      at(phase, {
        broadcasts: [{ id: 'b1', text: 'Welcome', table: null, round: 0, at: now }],
        chat: phase === 'round' ? [{ id: 'c1', round: 1, table: 4, personId: 'p2', name: 'Bob', role: 'participant', text: 'Hi', at: now }] : [],
      }),
    );
    expect(await serious(container)).toEqual([]);
  });
});
