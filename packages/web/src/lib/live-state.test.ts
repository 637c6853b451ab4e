import { describe, expect, test } from 'vitest';
import { lobbySnapshot, type LiveSnapshot, type LiveTimer } from '@tablehop/protocol';
import { applyLiveEvent, chatOf, keptBroadcasts, muteOf } from './live-state';

const timer: LiveTimer = { phase: 'doors_open', round: 0, rounds: 3, startedAt: 1, endsAt: null, pausedRemainingMs: null };
const snapshot: LiveSnapshot = lobbySnapshot({ editionId: 'e', timer });

describe('applyLiveEvent', () => {
  test('takes the new timer, seat and media assignment', () => {
    let next = applyLiveEvent(snapshot, { type: 'timer_changed', timer: { ...timer, phase: 'round', round: 1 } });
    next = applyLiveEvent(next, {
      type: 'seat_assigned',
      seat: { round: 1, table: 2, moderator: null, cards: [] },
      next: null,
      reason: 'round_seated',
    });
    next = applyLiveEvent(next, { type: 'media_assigned', assignment: { media: null, reason: 'preparing' } });
    expect(next.timer.phase).toBe('round');
    expect(next.seat?.table).toBe(2);
    expect(next.media).toEqual({ media: null, reason: 'preparing' });
    expect(snapshot.timer.phase).toBe('doors_open');
  });

  test('keeps each broadcast once and only the newest ones', () => {
    let next = snapshot;
    for (let i = 0; i < keptBroadcasts + 5; i++)
      next = applyLiveEvent(next, { type: 'broadcast', broadcast: { id: `b${i}`, text: `hi ${i}`, table: null, round: 0, at: i } });
    next = applyLiveEvent(next, { type: 'broadcast', broadcast: { id: `b${keptBroadcasts + 4}`, text: 'again', table: null, round: 0, at: 0 } });
    expect(next.broadcasts).toHaveLength(keptBroadcasts);
    expect(next.broadcasts.at(-1)?.text).toBe(`hi ${keptBroadcasts + 4}`);
  });

  test('takes the icebreaker prompts the organizer changed during the event', () => {
    const next = applyLiveEvent({ ...snapshot, icebreakers: ['Old'] }, { type: 'icebreakers_changed', icebreakers: ['New', 'Second'] });
    expect(next.icebreakers).toEqual(['New', 'Second']);
  });

  test('ignores events meant for staff', () => {
    expect(applyLiveEvent(snapshot, { type: 'tables_changed', round: 1, full: true, tables: [] })).toBe(snapshot);
  });

  test('tracks who is muted and by whom; a new round starts unmuted', () => {
    const card = (personId: string) => ({ personId, name: personId, company: '', sector: '', jobTitle: '', offer: '', lookingFor: '' });
    const seat = { round: 1, table: 1, moderator: { personId: 'm1', name: 'Mo' }, cards: [card('p1'), card('p2'), card('p3')] };
    let next = applyLiveEvent(snapshot, { type: 'seat_assigned', seat, next: null, reason: 'round_seated' });
    next = applyLiveEvent(next, { type: 'mute_changed', personId: 'p1', muted: true, by: 'moderator' });
    next = applyLiveEvent(next, { type: 'mute_changed', personId: 'p2', muted: true, by: 'self' });
    next = applyLiveEvent(next, { type: 'mute_changed', personId: 'p3', muted: true, by: 'self' });
    expect(muteOf(next, 'p1')).toBe('moderator');
    expect(muteOf(next, 'p2')).toBe('self');
    next = applyLiveEvent(next, { type: 'mute_changed', personId: 'p2', muted: false, by: 'self' });
    expect(muteOf(next, 'p2')).toBeNull();
    // p3 leaves the table in the same round: its mute goes with it.
    next = applyLiveEvent(next, { type: 'seat_assigned', seat: { ...seat, cards: [card('p1'), card('p2')] }, next: null, reason: 'table_changed' });
    expect(next.mutes).toEqual([{ personId: 'p1', by: 'moderator' }]);
    next = applyLiveEvent(next, { type: 'seat_assigned', seat: { ...seat, round: 2 }, next: null, reason: 'round_seated' });
    expect(next.mutes).toEqual([]);
  });
});

describe('table chat in the snapshot', () => {
  const seated: LiveSnapshot = { ...snapshot, seat: { round: 1, table: 2, moderator: null, cards: [] }, chat: [] };
  const message = (id: string, table = 2, round = 1) => ({
    id,
    round,
    table,
    personId: 'p2',
    name: 'Bob',
    role: 'participant' as const,
    text: `hi ${id}`,
    at: 1,
  });

  test('adds messages of its own table once, and ignores other tables and rounds', () => {
    let next = applyLiveEvent(seated, { type: 'chat_message', message: message('c1') });
    next = applyLiveEvent(next, { type: 'chat_message', message: message('c1') });
    next = applyLiveEvent(next, { type: 'chat_message', message: message('c2', 3) });
    next = applyLiveEvent(next, { type: 'chat_message', message: message('c3', 2, 2) });
    expect(chatOf(next).map((m) => m.id)).toEqual(['c1']);
  });

  test('a new table brings its own chat; a new round starts empty; an update of the same table keeps it', () => {
    const withChat = applyLiveEvent(seated, { type: 'chat_message', message: message('c1') });
    const sameTable = applyLiveEvent(withChat, { type: 'seat_assigned', seat: seated.seat, next: null, reason: 'table_changed' });
    expect(chatOf(sameTable).map((m) => m.id)).toEqual(['c1']);
    const moved = applyLiveEvent(withChat, {
      type: 'seat_assigned',
      seat: { round: 1, table: 3, moderator: null, cards: [] },
      next: null,
      reason: 'moved',
      chat: [message('c9', 3)],
    });
    expect(chatOf(moved).map((m) => m.id)).toEqual(['c9']);
    const nextRound = applyLiveEvent(withChat, {
      type: 'seat_assigned',
      seat: { round: 2, table: 2, moderator: null, cards: [] },
      next: null,
      reason: 'round_seated',
    });
    expect(chatOf(nextRound)).toEqual([]);
    const unseated = applyLiveEvent(withChat, { type: 'seat_assigned', seat: null, next: null, reason: 'unseated' });
    expect(chatOf(unseated)).toEqual([]);
  });
});
