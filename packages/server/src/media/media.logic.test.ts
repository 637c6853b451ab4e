import type { LivePhase, LiveRole } from '@tablehop/protocol';
import { describe, expect, test } from 'vitest';
import { desiredSeats, sameStage, stageOf, type MediaStage } from './media.logic.js';

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
