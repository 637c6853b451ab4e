import { describe, expect, test } from 'vitest';
import { createGroupCommit } from './group-commit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createGroupCommit', () => {
  test('puts what arrives during a batch into the next batch', async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit<number, number>(async (_key, items) => {
      batches.push(items);
      await tick();
      return items.map((i) => i * 10);
    });
    const first = [commit.submit('e1', 1), commit.submit('e1', 2)];
    await tick(); // the first batch is under way
    const results = await Promise.all([...first, ...[3, 4, 5].map((i) => commit.submit('e1', i))]);
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  test('keeps keys apart', async () => {
    const batches: Array<[string, number[]]> = [];
    const commit = createGroupCommit<number, number>(async (key, items) => {
      batches.push([key, items]);
      return items;
    });
    await Promise.all([commit.submit('a', 1), commit.submit('b', 2), commit.submit('a', 3)]);
    expect(batches.filter(([key]) => key === 'a').flatMap(([, items]) => items)).toEqual([1, 3]);
    expect(batches.filter(([key]) => key === 'b').flatMap(([, items]) => items)).toEqual([2]);
  });

  test('rejects only the item whose outcome is an error', async () => {
    const commit = createGroupCommit<number, number>(async (_key, items) => items.map((i) => (i === 2 ? new Error('bad 2') : i)));
    const settled = await Promise.allSettled([1, 2, 3].map((i) => commit.submit('e', i)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  test('retries each item alone when the whole batch fails', async () => {
    const calls: number[][] = [];
    const commit = createGroupCommit<number, number>(async (_key, items) => {
      calls.push(items);
      await tick();
      if (items.includes(3)) throw new Error('transaction failed');
      return items;
    });
    const first = commit.submit('e', 1);
    await tick();
    const rest = [2, 3, 4].map((i) => commit.submit('e', i));
    const settled = await Promise.allSettled([first, ...rest]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  test('caps the size of a batch', async () => {
    const sizes: number[] = [];
    const commit = createGroupCommit<number, number>(async (_key, items) => {
      sizes.push(items.length);
      await tick();
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => commit.submit('e', i)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
