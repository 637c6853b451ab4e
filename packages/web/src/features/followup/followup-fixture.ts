import type { FeedbackView, MetView, PublicEdition } from '@tablehop/protocol';

/** Test data of the follow-up pages: an ended edition and whom Ann met in it. */
export const endedEdition: PublicEdition = {
  id: 'e1',
  seriesId: 's1',
  seriesName: 'Virtual Friday',
  description: '',
  language: 'en',
  timeZone: 'Europe/Brussels',
  startsAt: '2026-12-04T08:30:00.000Z',
  endsAt: '2026-12-04T10:00:00.000Z',
  durationMinutes: 90,
  status: 'ended',
  registrationWindow: 'closed',
  registrationOpensAt: null,
  registrationClosesAt: '2026-12-04T08:30:00.000Z',
  capacity: 20,
  seatsLeft: 0,
  waitlistCount: 0,
  format: { groupSize: 6, rounds: 2, roundMinutes: 12, plenaryMinutes: 10, moderatorMode: 'rotate' },
};

const card = { jobTitle: 'CEO', sector: 'ict', offer: 'Cloud hosting', lookingFor: 'Partners', sharedByConsent: false } as const;

export const metView: MetView = {
  edition: endedEdition,
  shareContact: false,
  attended: true,
  rounds: [
    {
      round: 1,
      tables: [3],
      people: [
        { kind: 'moderator', moderatorId: 'm1', name: 'Mia Moderator' },
        { kind: 'participant', registrationId: 'bob', name: 'Bob Bakker', company: 'Bakker BV', connection: 'none', contact: null, ...card },
        { kind: 'participant', registrationId: 'cas', name: 'Cas Claes', company: 'Claes NV', connection: 'incoming', contact: null, ...card },
      ],
    },
    {
      round: 2,
      tables: [1, 4],
      people: [
        {
          kind: 'participant',
          registrationId: 'dee',
          name: 'Dee Dewulf',
          company: 'Dewulf',
          connection: 'connected',
          contact: { email: 'dee@example.com', linkedinUrl: 'https://www.linkedin.com/in/dee' },
          ...card,
        },
        {
          kind: 'participant',
          registrationId: 'gone',
          name: '',
          company: '',
          connection: 'none',
          contact: null,
          ...card,
          jobTitle: '',
          offer: '',
          lookingFor: '',
          sector: '',
        },
      ],
    },
  ],
};

export const openFeedback: FeedbackView = { edition: endedEdition, open: true, feedback: null };
