import { describe, expect, test } from 'vitest';
import type { RegistrationView } from '@tablehop/protocol';
import { moveItem } from './organizer-format';
import { filterRegistrations, foldText } from './registrations-filter';

function registration(over: Partial<RegistrationView>): RegistrationView {
  return {
    id: over.name ?? 'x',
    editionId: 'e',
    name: 'X',
    email: 'x@example.org',
    company: '',
    sector: '',
    jobTitle: '',
    offer: '',
    lookingFor: '',
    linkedinUrl: '',
    language: 'nl',
    shareContact: false,
    status: 'confirmed',
    waitlistPosition: null,
    offerExpiresAt: null,
    source: 'self',
    createdAt: '2026-11-01T10:00:00.000Z',
    confirmedAt: null,
    cancelledAt: null,
    ...over,
  };
}

const rows = [
  registration({ name: 'Wim Waiting', status: 'waitlisted', waitlistPosition: 2, createdAt: '2026-11-01T09:00:00.000Z' }),
  registration({ name: 'Ward Waiting', status: 'waitlisted', waitlistPosition: 1, createdAt: '2026-11-01T11:00:00.000Z' }),
  registration({ name: 'Sofie Peeters', company: 'Café Zuid', sector: 'Horeca', createdAt: '2026-11-01T12:00:00.000Z' }),
  registration({ name: 'Tom Claes', email: 'tom@bakkerij.be', status: 'cancelled' }),
  registration({ name: 'Ann Offer', status: 'offered' }),
];

describe('filterRegistrations', () => {
  test('lists seats first, then the waiting list in its order, then cancelled', () => {
    expect(filterRegistrations(rows, null, '').map((r) => r.name)).toEqual([
      'Sofie Peeters',
      'Ann Offer',
      'Ward Waiting',
      'Wim Waiting',
      'Tom Claes',
    ]);
  });

  test.each([
    ['waitlisted', '', ['Ward Waiting', 'Wim Waiting']],
    [null, 'cafe', ['Sofie Peeters']],
    [null, 'BAKKERIJ', ['Tom Claes']],
    [null, 'horeca sofie', ['Sofie Peeters']],
    [null, 'horeca tom', []],
    ['confirmed', 'waiting', []],
  ] as const)('status %s and query %j give %j', (status, query, expected) => {
    expect(filterRegistrations(rows, status, query).map((r) => r.name)).toEqual(expected);
  });
});

test('folding drops accents and case', () => {
  expect(foldText('Café Élan')).toBe('cafe elan');
});

test.each([
  [1, -1, ['b', 'a', 'c']],
  [1, 1, ['a', 'c', 'b']],
  [0, -1, ['a', 'b', 'c']],
  [2, 1, ['a', 'b', 'c']],
] as const)('moving item %i by %i gives %j', (index, delta, expected) => {
  expect(moveItem(['a', 'b', 'c'], index, delta)).toEqual(expected);
});
