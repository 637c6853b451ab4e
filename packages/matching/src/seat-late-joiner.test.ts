import { describe, expect, test } from 'vitest';
import { seatLateJoiner } from './seat-late-joiner.js';
import type { PlannedRound } from './types.js';

const round: PlannedRound = {
  tables: [
    { moderator: 'm1', participants: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
    { moderator: 'm2', participants: ['h', 'i', 'j', 'k', 'l'] },
    { moderator: 'm3', participants: ['n', 'o', 'q', 'r', 's', 't'] },
    { moderator: 'm4', participants: ['u', 'v', 'w', 'x', 'y'] },
  ],
};
const participants = [
  { id: 'h', company: 'acme', sector: 'ict' },
  { id: 'u', sector: 'ict' },
];

describe('seatLateJoiner', () => {
  test.each([
    { why: 'the smallest table with room', request: {}, expected: 1 },
    { why: 'a table without people already met', request: { met: ['i'] }, expected: 3 },
    { why: 'a table without the moderator already met', request: { met: ['m2'] }, expected: 3 },
    { why: 'a table whose moderator was met over one with a participant met (M5)', request: { met: ['i', 'm4'], maxSize: 6 }, expected: 3 },
    { why: 'a table without a colleague', request: { person: { id: 'z', company: 'acme' } }, expected: 3 },
    { why: 'a table without a never-together partner', request: { neverTogether: [['z', 'j'] as const] }, expected: 3 },
    { why: 'a fuller table over one with the same sector', request: { person: { id: 'z', sector: 'ict' } }, expected: 2 },
  ])('[M16] picks $why', ({ request, expected }) => {
    const result = seatLateJoiner({ round, person: { id: 'z' }, participants, maxSize: 7, ...request });
    expect(result.ok && result.tableIndex).toBe(expected);
    if (result.ok) expect(result.round.tables[expected]!.participants).toContain(request.person?.id ?? 'z');
  });

  test('[M16][M14] returns ok: false when every table is full', () => {
    const result = seatLateJoiner({ round, person: { id: 'z' }, maxSize: 5 });
    expect(result.ok).toBe(false);
  });

  test('[M16] leaves the input round untouched', () => {
    const before = JSON.stringify(round);
    seatLateJoiner({ round, person: { id: 'z' }, maxSize: 7 });
    expect(JSON.stringify(round)).toBe(before);
  });
});
