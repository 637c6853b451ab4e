import { describe, expect, test } from 'vitest';
import { connectionState, contactRevealed, findTablemates, retentionDueAt, vcardFileName, type Seating } from './followup.logic.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute));
const p = (id: string, round: number, table: number, from: number, to: number | null): Seating => ({
  round,
  table,
  registrationId: id,
  moderatorId: null,
  from: at(from),
  to: to === null ? null : at(to),
});
const m = (id: string, round: number, table: number, from: number, to: number | null): Seating => ({
  ...p('', round, table, from, to),
  registrationId: null,
  moderatorId: id,
});

describe('findTablemates', () => {
  const seatings: Seating[] = [
    p('ann', 1, 1, 0, 12),
    p('bob', 1, 1, 0, 12),
    m('mod1', 1, 1, 0, 12),
    p('cas', 1, 2, 0, 12),
    p('dee', 1, 2, 0, 12),
    p('ann', 2, 2, 13, 25),
    p('cas', 2, 2, 13, 25),
    p('bob', 2, 1, 13, 25),
    p('dee', 2, 1, 13, 25),
  ];

  test('lists per round exactly the people at the same table', () => {
    expect(findTablemates(seatings, 'ann')).toEqual([
      { round: 1, tables: [1], registrationIds: ['bob'], moderatorIds: ['mod1'] },
      { round: 2, tables: [2], registrationIds: ['cas'], moderatorIds: [] },
    ]);
    expect(findTablemates(seatings, 'dee').map((r) => r.registrationIds)).toEqual([['cas'], ['bob']]);
  });

  test('a person moved during a round met both tables, but not who left before they came', () => {
    const moved = [p('ann', 1, 1, 0, 5), p('bob', 1, 1, 0, 12), p('cas', 1, 2, 0, 3), p('dee', 1, 2, 4, 12), p('ann', 1, 2, 5, 12)];
    expect(findTablemates(moved, 'ann')).toEqual([{ round: 1, tables: [1, 2], registrationIds: ['bob', 'dee'], moderatorIds: [] }]);
  });

  test('seatings that touch end to start do not overlap; an open seating lasts', () => {
    const touching = [p('ann', 1, 1, 0, 5), p('bob', 1, 1, 5, 12), p('cas', 1, 1, 3, null)];
    expect(findTablemates(touching, 'ann')[0]!.registrationIds).toEqual(['cas']);
    expect(findTablemates(touching, 'bob')[0]!.registrationIds).toEqual(['cas']);
  });

  test('someone never seated met nobody', () => {
    expect(findTablemates(seatings, 'zed')).toEqual([]);
  });
});

describe('contact exchange', () => {
  test.each([
    { iAsked: false, theyAsked: false, iShare: false, theyShare: false, revealed: false, state: 'none' },
    { iAsked: true, theyAsked: false, iShare: false, theyShare: false, revealed: false, state: 'requested' },
    { iAsked: false, theyAsked: true, iShare: false, theyShare: false, revealed: false, state: 'incoming' },
    { iAsked: true, theyAsked: true, iShare: false, theyShare: false, revealed: true, state: 'connected' },
    { iAsked: false, theyAsked: false, iShare: true, theyShare: false, revealed: false, state: 'none' },
    { iAsked: false, theyAsked: false, iShare: false, theyShare: true, revealed: false, state: 'none' },
    { iAsked: false, theyAsked: true, iShare: true, theyShare: false, revealed: false, state: 'incoming' },
    { iAsked: false, theyAsked: false, iShare: true, theyShare: true, revealed: true, state: 'connected' },
  ] as const)('asked $iAsked/$theyAsked, shares $iShare/$theyShare: revealed $revealed ($state)', ({ revealed, state, ...facts }) => {
    expect(contactRevealed(facts)).toBe(revealed);
    expect(connectionState(facts)).toBe(state);
  });
});

test('retention is due the given number of days after the end', () => {
  expect(retentionDueAt(new Date('2026-12-04T10:00:00Z'), 30).toISOString()).toBe('2027-01-03T10:00:00.000Z');
});

test.each([
  ['Ann Peeters', 'ann-peeters.vcf'],
  ['Émile Zoë-Dupont', 'emile-zoe-dupont.vcf'],
  ['"../etc"', 'etc.vcf'],
  ['', 'contact.vcf'],
])('names the vCard of %j %s', (name, file) => {
  expect(vcardFileName(name)).toBe(file);
});
