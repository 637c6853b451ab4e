import { describe, expect, test } from 'vitest';
import { readInput } from './read-input.js';

describe('readInput', () => {
  test('reads participants, moderators, history and never-together pairs, ignoring extra fields', () => {
    const result = readInput({
      participants: [{ id: 'a', company: 'x', sector: 'ict', email: 'a@x' }, { id: 'b' }],
      moderators: [{ id: 'm1' }],
      history: [{ a: 'a', b: 'b', date: '2026-11-20' }],
      neverTogether: [['a', 'b']],
      edition: 7,
    });
    expect(result).toEqual({
      ok: true,
      input: {
        participants: [{ id: 'a', company: 'x', sector: 'ict' }, { id: 'b' }],
        moderators: [{ id: 'm1' }],
        history: [{ a: 'a', b: 'b', date: '2026-11-20' }],
        neverTogether: [['a', 'b']],
      },
    });
  });

  test.each([
    [[], /JSON object/],
    [{ participants: 'a,b' }, /must be an array/],
    [{ participants: [{ name: 'a' }] }, /participants\[0\]/],
    [{ participants: [{ id: 'a' }], moderators: [{}] }, /moderators\[0\]/],
    [{ participants: [{ id: 'a' }], history: [{ a: 'a', b: 'b' }] }, /history\[0\]/],
    [{ participants: [{ id: 'a' }], neverTogether: [['a']] }, /neverTogether\[0\]/],
    [{ participants: [] }, /no participants/],
  ])('[M14] rejects %j', (data, message) => {
    const result = readInput(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(message);
  });
});
