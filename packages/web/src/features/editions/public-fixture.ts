import type { ManageView, PublicEdition } from '@tablehop/protocol';

/** Test data of the public screens: an open edition on Friday 4 December 2026, 09:30–11:00 Brussels time. */
export const openEdition: PublicEdition = {
  id: '11111111-1111-4111-8111-111111111111',
  seriesId: 's1',
  seriesName: 'Virtual Friday',
  description: 'A morning of small, moderated groups.',
  language: 'en',
  timeZone: 'Europe/Brussels',
  startsAt: '2026-12-04T08:30:00.000Z',
  endsAt: '2026-12-04T10:00:00.000Z',
  durationMinutes: 90,
  status: 'open',
  registrationWindow: 'open',
  registrationOpensAt: null,
  registrationClosesAt: '2026-12-04T08:30:00.000Z',
  capacity: 102,
  seatsLeft: 12,
  waitlistCount: 0,
  format: { groupSize: 6, rounds: 4, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
};

export const fullEdition: PublicEdition = { ...openEdition, seatsLeft: 0, waitlistCount: 2 };

/** Two later dates of the same series: one full, one with seats. */
export const seriesDates: PublicEdition[] = [
  {
    ...openEdition,
    id: '22222222-2222-4222-8222-222222222222',
    startsAt: '2026-12-11T08:30:00.000Z',
    endsAt: '2026-12-11T10:00:00.000Z',
    seatsLeft: 0,
    waitlistCount: 5,
  },
  {
    ...openEdition,
    id: '33333333-3333-4333-8333-333333333333',
    startsAt: '2026-12-18T08:30:00.000Z',
    endsAt: '2026-12-18T10:00:00.000Z',
    seatsLeft: 40,
  },
];

export const MANAGE_TOKEN = 'manage-token-of-ann-0123456789';

/** Ann's confirmed registration for the open edition, before the doors open. */
export function manageView(
  change: { registration?: Partial<ManageView['registration']>; edition?: Partial<PublicEdition>; live?: ManageView['live'] } = {},
): ManageView {
  return {
    registration: {
      id: '44444444-4444-4444-8444-444444444444',
      editionId: openEdition.id,
      name: 'Ann Peeters',
      email: 'ann@example.com',
      company: 'Peeters BV',
      sector: 'ict',
      jobTitle: 'Founder',
      offer: '',
      lookingFor: '',
      linkedinUrl: '',
      language: 'en',
      shareContact: false,
      status: 'confirmed',
      waitlistPosition: null,
      offerExpiresAt: null,
      source: 'self',
      createdAt: '2026-11-20T10:00:00.000Z',
      confirmedAt: '2026-11-20T10:00:00.000Z',
      cancelledAt: null,
      ...change.registration,
    },
    edition: { ...openEdition, ...change.edition },
    joinUrl: change.registration?.status && change.registration.status !== 'confirmed' ? null : 'http://tablehop.test/join/join-token-of-ann',
    calendarUrl: `/api/manage/${MANAGE_TOKEN}/calendar.ics`,
    live: change.live ?? { stage: 'scheduled', doorsOpenAt: '2026-12-04T08:15:00.000Z', doorsOpenMinutes: 15 },
  };
}
