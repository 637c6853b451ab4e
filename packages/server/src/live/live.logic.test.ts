import { describe, expect, test } from 'vitest';
import type { LiveCommand } from '@tablehop/protocol';
import type { LiveActor } from './live.types.js';
import {
  advancePhase,
  applyDeadlines,
  createLiveState,
  decideCommand,
  fallbackTables,
  seatLateArrival,
  type LiveContext,
  type LiveState,
} from './live.logic.js';

const MINUTE = 60_000;
const START = Date.parse('2026-12-04T08:30:00Z');
const FORMAT = {
  groupSize: 6,
  rounds: 2,
  roundMinutes: 12,
  plenaryMinutes: 10,
  moderatorMode: 'rotate' as const,
  movingSeconds: 30,
  doorsOpenMinutes: 15,
};
const people = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
const host: LiveActor = { editionId: 'e1', role: 'host', personId: 'h1', displayName: 'Host' };
const moderator: LiveActor = { editionId: 'e1', role: 'moderator', personId: 'm1', displayName: 'Mod' };
const participant: LiveActor = { editionId: 'e1', role: 'participant', personId: 'p1', displayName: 'P1' };

function context(now: number, overrides: Partial<LiveContext> = {}): LiveContext {
  return {
    now,
    presentParticipants: () => people,
    presentModerators: () => ['m1', 'm2'],
    moderators: () => ['m1', 'm2', 'm3'],
    isConnected: () => true,
    participant: (id) => (id.startsWith('p') ? { id, company: `c-${id}`, sector: Number(id.slice(1)) % 2 ? 'ict' : 'food' } : undefined),
    history: () => [],
    seed: 7,
    ...overrides,
  };
}

/** The state with round 1 seated (moving). */
function seated(overrides: Partial<LiveContext> = {}): LiveState {
  let state = createLiveState('e1', FORMAT, START);
  state = applyDeadlines(state, context(START + 10 * MINUTE, overrides));
  expect(state).toMatchObject({ phase: 'moving', round: 1 });
  return state;
}

describe('live.logic: the run of an edition', () => {
  test('deadlines are applied in order, each at its own time', () => {
    const state = applyDeadlines(createLiveState('e1', FORMAT, START), context(START + 10 * MINUTE + 30_000 + MINUTE));
    expect(state).toMatchObject({
      phase: 'round',
      round: 1,
      startedAt: START + 10 * MINUTE + 30_000,
      endsAt: START + 10 * MINUTE + 30_000 + 12 * MINUTE,
    });
  });

  test.each([
    ['scheduled', 'doors_open'],
    ['doors_open', 'plenary'],
    ['plenary', 'moving'],
    ['moving', 'round'],
    ['closing', 'ended'],
  ] as const)('%s is followed by %s', (from, to) => {
    const state = { ...seated(), phase: from };
    expect(advancePhase(state, START, context(START)).phase).toBe(to);
  });

  test('the last round is followed by the closing plenary; finished rounds are kept', () => {
    let state = seated();
    state = advancePhase(advancePhase(state, START, context(START)), START + MINUTE, context(START + MINUTE)); // round 1 -> moving 2
    expect(state).toMatchObject({ phase: 'moving', round: 2 });
    expect(state.past).toHaveLength(1);
    state = advancePhase(advancePhase(state, START, context(START)), START + 2 * MINUTE, context(START + 2 * MINUTE));
    expect(state).toMatchObject({ phase: 'closing', tables: null });
    expect(state.past).toHaveLength(2);
  });

  test('a round seats who is present, and only them', () => {
    const state = seated({ presentParticipants: () => people.slice(0, 10) });
    expect(state.tables!.flatMap((t) => t.participants).sort()).toEqual(people.slice(0, 10).sort());
    expect(state.tables!.every((t) => t.moderator === 'm1' || t.moderator === 'm2')).toBe(true);
  });

  test('history from earlier editions steers the first plan away from old pairs', () => {
    const history = ['p2', 'p3', 'p4', 'p5', 'p6'].map((b) => ({ a: 'p1', b, date: '2026-11-27' }));
    const state = seated({ history: () => history });
    const table = state.tables!.find((t) => t.participants.includes('p1'))!;
    expect(table.participants.filter((id) => ['p2', 'p3', 'p4', 'p5', 'p6'].includes(id))).toEqual([]);
  });

  test('too few people for the group size still get a table', () => {
    expect(fallbackTables(['a', 'b', 'c'], ['m1'], 6)).toEqual([{ moderator: 'm1', participants: ['a', 'b', 'c'] }]);
    expect(fallbackTables([], ['m1'], 6)).toEqual([]);
  });

  test('a late arrival is seated at a table with room, away from a colleague', () => {
    const state = seated();
    const next = seatLateArrival(
      state,
      'p13',
      context(START, { participant: (id) => ({ id, company: id === 'p13' || id === 'p1' ? 'Acme' : `c-${id}` }) }),
    );
    const table = next.tables!.findIndex((t) => t.participants.includes('p13'));
    expect(table).toBeGreaterThanOrEqual(0);
    expect(next.tables![table]!.participants).not.toContain('p1');
    // Tables the arrival did not join are the same objects (only changed tables are announced).
    next.tables!.forEach((t, i) => i !== table && expect(t).toBe(state.tables![i]));
  });
});

describe('live.logic: commands', () => {
  const hostOnly: LiveCommand[] = [
    { type: 'advance' },
    { type: 'pause' },
    { type: 'end_event' },
    { type: 'add_round' },
    { type: 'broadcast', text: 'x' },
  ];
  test.each(hostOnly)('a participant or moderator may not $type', (command) => {
    for (const actor of [participant, moderator])
      expect(decideCommand(seated(), actor, command, context(START))).toMatchObject({ ok: false, code: 'ERR_FORBIDDEN' });
  });

  test('an actor of another edition is refused', () => {
    expect(decideCommand(seated(), { ...host, editionId: 'e2' }, { type: 'advance' }, context(START))).toMatchObject({
      ok: false,
      code: 'ERR_FORBIDDEN',
    });
  });

  test.each([
    ['pause while scheduled', createLiveState('e1', FORMAT, START), { type: 'pause' }, 'ERR_CONFLICT'],
    ['resume when not paused', createLiveState('e1', FORMAT, START), { type: 'resume' }, 'ERR_CONFLICT'],
    ['end a round that is not running', createLiveState('e1', FORMAT, START), { type: 'end_round_now' }, 'ERR_CONFLICT'],
    ['move to a table that does not exist', null, { type: 'move_person', personId: 'p1', table: 99 }, 'ERR_NOT_FOUND'],
    ['move an unknown person', null, { type: 'move_person', personId: 'x', table: 1 }, 'ERR_NOT_FOUND'],
    ['reassign someone who is no moderator of the edition', null, { type: 'reassign_moderator', table: 1, moderatorId: 'x' }, 'ERR_NOT_FOUND'],
    ['answer an unknown help request', null, { type: 'answer_help', requestId: 'h-9', text: 'x' }, 'ERR_NOT_FOUND'],
  ] as const)('refuses to %s', (_title, state, command, code) => {
    expect(decideCommand(state ?? seated(), host, command as LiveCommand, context(START))).toMatchObject({ ok: false, code });
  });

  test('pause keeps the time left; extend while paused adds to it; resume starts from now', () => {
    let state = advancePhase(seated(), START, context(START)); // round 1 ends at START + 12 min
    const pause = decideCommand(state, host, { type: 'pause' }, context(START + 2 * MINUTE));
    if (!pause.ok) throw new Error(pause.reason);
    expect(pause.state).toMatchObject({ endsAt: null, pausedRemainingMs: 10 * MINUTE });
    const extend = decideCommand(pause.state, host, { type: 'extend_round', minutes: 5 }, context(START + 3 * MINUTE));
    if (!extend.ok) throw new Error(extend.reason);
    const resume = decideCommand(extend.state, host, { type: 'resume' }, context(START + 30 * MINUTE));
    if (!resume.ok) throw new Error(resume.reason);
    state = resume.state;
    expect(state).toMatchObject({ endsAt: START + 45 * MINUTE, pausedRemainingMs: null });
  });

  test('drop round: never one that has started; add round: one more', () => {
    const state = seated(); // round 1 of 2 seated
    const drop = decideCommand(state, host, { type: 'drop_round' }, context(START));
    expect(drop).toMatchObject({ ok: true, state: { rounds: 1 } });
    if (!drop.ok) return;
    expect(decideCommand(drop.state, host, { type: 'drop_round' }, context(START))).toMatchObject({ ok: false, code: 'ERR_CONFLICT' });
    expect(decideCommand(drop.state, host, { type: 'add_round' }, context(START))).toMatchObject({ ok: true, state: { rounds: 2 } });
  });

  test('reassigning a moderator swaps the two tables’ moderators', () => {
    const state = seated();
    const from = state.tables!.findIndex((t) => t.moderator === 'm1');
    const other = from === 0 ? 1 : 0;
    const decision = decideCommand(state, host, { type: 'reassign_moderator', table: other + 1, moderatorId: 'm1' }, context(START));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.state.tables![other]!.moderator).toBe('m1');
    expect(decision.state.tables![from]!.moderator).toBe(state.tables![other]!.moderator);
  });

  test('a flagged no-show who is not connected leaves the table; a connected one stays', () => {
    const state = seated();
    const table = state.tables!.find((t) => t.moderator === 'm1')!;
    const target = table.participants[0]!;
    const away = decideCommand(state, moderator, { type: 'flag', kind: 'no_show', personId: target }, context(START, { isConnected: () => false }));
    expect(away.ok && away.state.tables!.some((t) => t.participants.includes(target))).toBe(false);
    const here = decideCommand(state, moderator, { type: 'flag', kind: 'no_show', personId: target }, context(START));
    expect(here.ok && here.state.tables!.some((t) => t.participants.includes(target))).toBe(true);
    expect(here).toMatchObject({
      ok: true,
      notices: [{ kind: 'flag', flag: { kind: 'no_show', personId: target, table: state.tables!.indexOf(table) + 1 } }],
    });
  });

  test('end_event ends at once and keeps the round that was running', () => {
    const decision = decideCommand(seated(), host, { type: 'end_event' }, context(START));
    expect(decision).toMatchObject({ ok: true, state: { phase: 'ended', tables: null, endsAt: null } });
    expect(decision.ok && decision.state.past).toHaveLength(1);
  });
});

describe('muting', () => {
  const state = seated();
  const own = state.tables!.findIndex((t) => t.moderator === 'm1');
  const mate = state.tables![own]!.participants[0]!;
  const stranger = state.tables![1 - own]!.participants[0]!;
  const m2: LiveActor = { ...moderator, personId: 'm2', displayName: 'Mod 2' };
  const asParticipant: LiveActor = { ...participant, personId: mate };

  test.each([
    ['the moderator of the table', moderator, mate, 'moderator'],
    ['a host', host, stranger, 'host'],
  ] as const)('%s may mute a seated person', (_, actor, personId, by) => {
    const decision = decideCommand(state, actor, { type: 'mute_participant', personId }, context(START));
    expect(decision).toMatchObject({ ok: true, notices: [{ kind: 'mute', personId, muted: true, by, enforce: true }] });
  });

  test.each([
    ['the moderator of another table', m2, mate],
    ['a moderator, someone at another table', moderator, stranger],
    ['a participant', asParticipant, stranger],
  ] as const)('%s may not mute (ERR_FORBIDDEN)', (_, actor, personId) => {
    expect(decideCommand(state, actor, { type: 'mute_participant', personId }, context(START))).toMatchObject({ ok: false, code: 'ERR_FORBIDDEN' });
  });

  test('a mute by the moderator holds until the person unmutes itself, which lifts it in the media server', () => {
    const muted = decideCommand(state, moderator, { type: 'mute_participant', personId: mate }, context(START));
    if (!muted.ok) throw new Error(muted.reason);
    const unmuted = decideCommand(muted.state, asParticipant, { type: 'set_muted', muted: false }, context(START));
    expect(unmuted).toMatchObject({ ok: true, notices: [{ kind: 'mute', personId: mate, muted: false, by: 'self', enforce: true }] });
    const self = decideCommand(state, asParticipant, { type: 'set_muted', muted: true }, context(START));
    expect(self).toMatchObject({ ok: true, notices: [{ kind: 'mute', by: 'self', enforce: false }] });
  });
});
