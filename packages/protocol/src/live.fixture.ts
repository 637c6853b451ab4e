import type { LiveSnapshot } from './live.js';

/**
 * Test data shared by server and web tests: a live snapshot in the lobby (doors open, nobody
 * seated, no video room yet) of Ann, a participant; `change` replaces any part of it.
 */
export function lobbySnapshot(change: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    editionId: 'ed-1',
    title: 'Virtual Friday',
    you: { personId: 'p1', role: 'participant', name: 'Ann' },
    timer: { phase: 'doors_open', round: 0, rounds: 3, startedAt: null, endsAt: null, pausedRemainingMs: null },
    seat: null,
    next: null,
    broadcasts: [],
    notes: null,
    help: [],
    media: { media: null, reason: 'no_room' },
    mutes: [],
    staff: null,
    ...change,
  };
}
