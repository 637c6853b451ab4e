import type { HistoryPair } from '@tablehop/matching';
import { describe, expect, test } from 'vitest';
import type { Sql } from '../db/sql.js';
import { createLiveHistory } from './live-history.js';

const db = {} as Sql;
const pair = (a: string, b: string, date = '2026-11-20'): HistoryPair => ({ a, b, date });

function fakeStore(rows: Record<string, HistoryPair[]>) {
  const calls: (readonly string[] | undefined)[] = [];
  let failNext = false;
  return {
    calls,
    failOnce: () => (failNext = true),
    async loadHistory(_sql: Sql, _editionId: string, ids?: readonly string[]) {
      calls.push(ids);
      if (failNext) {
        failNext = false;
        throw new Error('database down');
      }
      return (ids ?? []).flatMap((id) => rows[id] ?? []);
    },
  };
}

describe('live history', () => {
  test('loads the pairs of a newcomer once, keeps the pairs it had, and adds each pair once', async () => {
    const store = fakeStore({ l: [pair('a', 'l'), pair('b', 'l', '2026-10-09')], m: [pair('a', 'l'), pair('m', 'c')] });
    const history = createLiveHistory(store, db, 'e1', [pair('a', 'b')], ['a', 'b', 'c'], () => undefined);
    const before = history.pairs();
    await Promise.all([history.cover(['l']), history.cover(['l', 'a'])]);
    expect(store.calls).toEqual([['l']]);
    expect(history.pairs()).toEqual([pair('a', 'b'), pair('a', 'l'), pair('b', 'l', '2026-10-09')]);
    expect(before).toEqual([pair('a', 'b')]);
    await history.cover(['m']);
    expect(history.pairs()).toEqual([pair('a', 'b'), pair('a', 'l'), pair('b', 'l', '2026-10-09'), pair('m', 'c')]);
    await history.cover(['a', 'l', 'm']);
    expect(store.calls).toHaveLength(2);
  });

  test('reports a failed load and tries again at the next arrival', async () => {
    const store = fakeStore({ l: [pair('a', 'l')] });
    const errors: unknown[] = [];
    const history = createLiveHistory(store, db, 'e1', [], ['a'], (e) => errors.push(e));
    store.failOnce();
    await history.cover(['l']);
    expect(errors).toHaveLength(1);
    expect(history.pairs()).toEqual([]);
    await history.cover(['l']);
    expect(history.pairs()).toEqual([pair('a', 'l')]);
  });
});
