import type { LivePhase, LiveRole } from '@tablehop/protocol';
import { describe, expect, test } from 'vitest';
import { desiredSeats, preparedRooms, sameStage, stageOf, type MediaStage } from './media.logic.js';

const tables = [
  { moderator: 'm1', participants: ['a', 'b'] },
  { moderator: null, participants: ['c'] },
];

describe('media stage of a live state', () => {
  test.each<[LivePhase, string]>([
    ['scheduled', 'none'],
    ['doors_open', 'plenary'],
    ['plenary', 'plenary'],
    ['moving', 'tables'],
    ['round', 'tables'],
    ['closing', 'plenary'],
    ['ended', 'none'],
  ])('%s -> %s', (phase, kind) => {
    expect(stageOf({ phase, round: 1, tables: phase === 'moving' || phase === 'round' ? tables : null }).kind).toBe(kind);
  });

  test('compares tables by identity (the engine keeps unchanged table objects)', () => {
    const a: MediaStage = { kind: 'tables', round: 1, tables };
    expect(sameStage(a, { kind: 'tables', round: 1, tables: [...tables] })).toBe(true);
    expect(sameStage(a, { kind: 'tables', round: 2, tables })).toBe(false);
    expect(sameStage(a, { kind: 'tables', round: 1, tables: [tables[0]!, { ...tables[1]! }] })).toBe(false);
    expect(sameStage({ kind: 'plenary' }, { kind: 'none' })).toBe(false);
  });
});

describe('rooms made ahead of the next stage', () => {
  const plan = [{ tables }, { tables: [{ moderator: 'm1', participants: ['a', 'c'] }] }];
  const live = { rounds: 2, plan, planOffset: 0, format: { groupSize: 2 } };

  test('the lobby and the plenary prepare round 1 (planned or not), a round the next round, the last round the closing plenary', () => {
    expect(stageOf({ ...live, phase: 'doors_open', round: 0, tables: null, plan: null }).next).toEqual({
      kind: 'tables',
      round: 1,
      tables: null,
      groupSize: 2,
    });
    expect(stageOf({ ...live, phase: 'round', round: 1, tables }).next).toEqual({ kind: 'tables', round: 2, tables: plan[1]!.tables, groupSize: 2 });
    expect(stageOf({ ...live, phase: 'round', round: 2, tables }).next).toEqual({ kind: 'plenary' });
    // A round added by the host beyond the plan: the number of tables is known only when it is seated.
    expect(stageOf({ ...live, rounds: 3, phase: 'round', round: 2, tables }).next).toMatchObject({ round: 3, tables: null });
    for (const phase of ['scheduled', 'moving', 'closing', 'ended'] as const)
      expect(stageOf({ ...live, phase, round: 1, tables }).next).toBeUndefined();
  });

  test('a changed plan is a changed stage; the same plan is not', () => {
    const a = stageOf({ ...live, phase: 'round', round: 1, tables });
    expect(sameStage(a, stageOf({ ...live, phase: 'round', round: 1, tables }))).toBe(true);
    expect(sameStage(a, stageOf({ ...live, plan: [plan[0]!, { tables: [...tables] }], phase: 'round', round: 1, tables }))).toBe(false);
  });

  test('planned tables get tokens for the planned people present; an unplanned round gets empty rooms for the likely number of tables', () => {
    const present = new Map<string, LiveRole>([
      ['m1', 'moderator'],
      ['a', 'participant'],
      ['b', 'participant'],
      ['c', 'participant'],
      ['h', 'host'],
    ]);
    const planned = preparedRooms(stageOf({ ...live, phase: 'round', round: 1, tables }), present, new Set(['c']));
    expect([...planned.values()]).toEqual([{ key: 'r2t1', kind: 'table', round: 2, table: 1, members: ['m1', 'a'] }]);
    const unplanned = preparedRooms(stageOf({ ...live, phase: 'plenary', round: 0, tables: null, plan: null }), present, new Set());
    expect([...unplanned.keys()]).toEqual(['r1t1', 'r1t2']);
    expect([...unplanned.values()].every((r) => r.members.length === 0)).toBe(true);
    expect([...preparedRooms(stageOf({ ...live, phase: 'round', round: 2, tables }), present, new Set()).keys()]).toEqual(['plenary']);
  });
});

describe('who belongs in which room', () => {
  const present = new Map<string, LiveRole>([
    ['h', 'host'],
    ['m1', 'moderator'],
    ['a', 'participant'],
    ['x', 'participant'],
  ]);

  test('at tables everyone seated publishes in its table room; hosts and unseated people have none', () => {
    const seats = desiredSeats({ kind: 'tables', round: 3, tables }, present, new Set());
    expect(Object.fromEntries([...seats].map(([id, s]) => [id, `${s.key}:${s.publisher}`]))).toEqual({
      m1: 'r3t1:true',
      a: 'r3t1:true',
      b: 'r3t1:true',
      c: 'r3t2:true',
    });
  });

  test('in the plenary everyone present is in one room and only hosts publish', () => {
    const seats = desiredSeats({ kind: 'plenary' }, present, new Set(['x']));
    expect(Object.fromEntries([...seats].map(([id, s]) => [id, `${s.key}:${s.publisher}`]))).toEqual({
      h: 'plenary:true',
      m1: 'plenary:false',
      a: 'plenary:false',
    });
  });

  test('removed people have no room', () => {
    expect(desiredSeats({ kind: 'tables', round: 1, tables }, present, new Set(['a'])).has('a')).toBe(false);
  });
});
