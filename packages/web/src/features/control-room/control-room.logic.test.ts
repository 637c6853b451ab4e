import { describe, expect, test } from 'vitest';
import type { LiveTimer } from '@tablehop/protocol';
import { deriveControlRoom, moveTargets, roundToStart, statusOf, swapTargets, timerActions } from './control-room.logic';
import { NOW, participantId, roundTimer, seventeenTables } from './control-room.fixture';

describe('deriveControlRoom', () => {
  const view = deriveControlRoom(seventeenTables(), NOW);

  test('shows every table of the running round with its people and connection state', () => {
    expect(view.round).toBe(2);
    expect(view.tables.map((t) => t.table)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(view.summary).toMatchObject({ tables: 17, seated: 102, connectedSeated: 100, participants: 104, notArrived: 2, openHelp: 1 });
    const eight = view.tables[7]!;
    expect(eight.connected).toBe(4);
    expect(eight.missing.map((p) => [p.personId, p.status])).toEqual([
      [participantId(8, 1), 'reconnecting'],
      [participantId(8, 2), 'offline'],
    ]);
  });

  test.each([
    [3, ['no_moderator'], 'problem'],
    [5, ['moderator_away'], 'problem'],
    [8, ['missing'], 'attention'],
    [11, ['help'], 'problem'],
    [1, [], 'ok'],
  ] as const)('table %i has alerts %j (%s)', (table, alerts, level) => {
    const row = view.tables.find((t) => t.table === table)!;
    expect(row.alerts).toEqual(alerts);
    expect(row.level).toBe(level);
  });

  test('lists problem tables first, then the others needing a look, each by number', () => {
    expect(view.attention.map((t) => t.table)).toEqual([3, 5, 11, 8]);
    expect(view.summary).toMatchObject({ problemTables: 3, attentionTables: 1 });
  });

  test('finds no-shows, people away from their table, free moderators and the help queue', () => {
    expect(view.roundsStarted).toBe(true);
    expect(view.notArrived.map((p) => p.name)).toEqual(['Nico Noshow', 'Nora Noshow']);
    expect(view.away.map((p) => p.personId).sort()).toEqual(['m-5', participantId(8, 1), participantId(8, 2)].sort());
    expect(view.freeModerators.map((m) => m.personId)).toEqual(['m-3']);
    expect(view.openHelp.map((h) => h.id)).toEqual(['h-1']);
    expect(view.answeredHelp).toEqual([]);
    expect(view.lateJoiners[0]).toMatchObject({ table: 14 });
    // The removed person is listed as removed and not expected any more.
    expect(view.people.find((p) => p.personId === 'p-removed')?.status).toBe('removed');
  });

  test('a table whose last connected participant left is a problem; one left alone needs a look', () => {
    const snapshot = seventeenTables();
    const tables = snapshot.staff!.tables;
    tables[0] = { ...tables[0]!, participants: tables[0]!.participants.map((p) => ({ ...p, connected: false })) };
    tables[1] = { ...tables[1]!, participants: tables[1]!.participants.slice(0, 1) };
    const derived = deriveControlRoom(snapshot, NOW);
    expect(derived.tables[0]!.alerts).toEqual(['empty', 'missing']);
    expect(derived.tables[0]!.level).toBe('problem');
    expect(derived.tables[1]!.alerts).toEqual(['alone']);
    expect(derived.tables[1]!.level).toBe('attention');
  });

  test('shows no tables outside a seated round, and people still to come are not no-shows before round 1', () => {
    const snapshot = { ...seventeenTables(), timer: { ...roundTimer, phase: 'plenary', round: 0 } satisfies LiveTimer };
    const derived = deriveControlRoom(snapshot, NOW);
    expect(derived.round).toBeNull();
    expect(derived.tables).toEqual([]);
    expect(derived.roundsStarted).toBe(false);
    expect(derived.freeModerators).toEqual([]);
    // Nobody is seated, so everyone without a page open is still "not arrived".
    expect(derived.notArrived.map((p) => p.name)).toEqual(['Nico Noshow', 'Nora Noshow']);
  });
});

describe('statusOf', () => {
  test.each([
    [undefined, 'not_arrived'],
    [{ connected: true, since: NOW - 1000 }, 'connected'],
    [{ connected: false, since: 0 }, 'not_arrived'],
    [{ connected: false, since: NOW - 59_000 }, 'reconnecting'],
    [{ connected: false, since: NOW - 61_000 }, 'offline'],
    [{ connected: true, since: NOW, removed: true }, 'removed'],
  ] as const)('%j is %s', (presence, status) => {
    expect(statusOf(presence && { personId: 'x', role: 'participant', name: 'X', connections: 0, ...presence }, NOW)).toBe(status);
  });
});

describe('moveTargets', () => {
  test('offers every table but the person’s own, with its size', () => {
    const view = deriveControlRoom(seventeenTables(), NOW);
    const targets = moveTargets(view, participantId(4, 2));
    expect(targets).toHaveLength(16);
    expect(targets.map((t) => t.table)).not.toContain(4);
    expect(targets[0]).toEqual({ table: 1, size: 6 });
  });
});

describe('swapTargets', () => {
  test('offers the participants of every other table, by table; nothing for someone not seated', () => {
    const view = deriveControlRoom(seventeenTables(), NOW);
    const targets = swapTargets(view, participantId(4, 2));
    expect(targets.map((t) => t.table)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(targets[0]!.people.map((p) => p.personId)).toEqual([1, 2, 3, 4, 5, 6].map((seat) => participantId(1, seat)));
    expect(swapTargets(view, 'p-noshow-1')).toEqual([]);
  });
});

describe('mutes', () => {
  test('a seated person shows who muted it; nobody is muted outside a seated round', () => {
    const snapshot = { ...seventeenTables(), mutes: [{ personId: participantId(2, 3), by: 'moderator' as const }] };
    const view = deriveControlRoom(snapshot, NOW);
    expect(view.tables[1]!.participants[2]!.muted).toBe('moderator');
    expect(view.tables[1]!.participants[1]!.muted).toBeNull();
    const plenary = deriveControlRoom({ ...snapshot, timer: { ...snapshot.timer, phase: 'plenary' } }, NOW);
    expect(plenary.people.every((p) => p.muted === null)).toBe(true);
  });
});

describe('timerActions', () => {
  const base: LiveTimer = { phase: 'scheduled', round: 0, rounds: 4, startedAt: null, endsAt: NOW + 1000, pausedRemainingMs: null };
  test.each([
    [base, ['open_doors', 'start_plenary', 'add_round', 'drop_round', 'end_event']],
    [{ ...base, phase: 'doors_open', endsAt: null }, ['start_plenary', 'add_round', 'drop_round', 'end_event']],
    [{ ...base, phase: 'plenary' }, ['start_round', 'extend', 'pause', 'add_round', 'drop_round', 'end_event']],
    [{ ...base, phase: 'plenary', rounds: 0 }, ['start_closing', 'extend', 'pause', 'add_round', 'end_event']],
    [{ ...base, phase: 'round', round: 4 }, ['extend', 'end_round_now', 'pause', 'add_round', 'end_event']],
    [
      { ...base, phase: 'round', round: 2, endsAt: null, pausedRemainingMs: 5000 },
      ['extend', 'end_round_now', 'resume', 'add_round', 'drop_round', 'end_event'],
    ],
    [{ ...base, phase: 'closing', round: 4 }, ['extend', 'pause', 'end_event']],
    [{ ...base, phase: 'ended', endsAt: null }, []],
  ] as [LiveTimer, string[]][])('%j offers %j', (timer, actions) => {
    expect(timerActions(timer)).toEqual(actions);
  });

  test('start_round starts the next round from the plenary and the upcoming one while moving', () => {
    expect(roundToStart({ ...base, phase: 'plenary', round: 0 })).toBe(1);
    expect(roundToStart({ ...base, phase: 'moving', round: 3 })).toBe(3);
  });
});
