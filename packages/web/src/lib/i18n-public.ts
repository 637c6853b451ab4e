/**
 * The strings of the participant-facing public screens added in issue 6 (edition page: next dates,
 * confirmation: what happens next, manage page: doors, join, ended), spread into the dictionaries of
 * i18n.ts. `en` defines the shape, `nl` must match. Keys start with `pub` so they never clash.
 */

export const publicEn = {
  // Edition page
  pubJumpToForm: 'Register now',
  pubJumpToWaitlist: 'Join the waiting list',
  pubWaitlistNext: (position: number) => `If you register now, you will be number ${position} on the waiting list.`,
  pubClosesAt: (closesAt: string) => `Registration closes on ${closesAt}.`,
  pubNextDatesTitle: 'Next dates',
  pubNextDatesIntro: 'Can’t make it? The same series also meets on these dates.',
  pubNextDatesError: 'We could not load the other dates.',
  pubNextDateLink: (date: string, availability: string) => `${date}: ${availability}`,
  pubLiveNow: 'Happening now',

  // Confirmation
  pubNextStepsTitle: 'What happens next',
  pubStepsConfirmed: (doorsOpenMinutes: number) => [
    'Check your inbox: the confirmation e-mail holds your personal join link and a calendar invite.',
    'We remind you one day and one hour before the start.',
    `The doors open ${doorsOpenMinutes} minutes before the start. Open your join link in the browser: no installation, no account.`,
  ],
  pubStepsWaitlisted: [
    'Check your inbox: we sent you a confirmation of your place on the waiting list.',
    'When a seat frees up for you, we e-mail you at once. Your registration page always shows your current position.',
  ],
  pubStepsOffered: [
    'Accept the seat on your registration page before the deadline, or it goes to the next person.',
    'Once accepted, you get your personal join link and a calendar invite by e-mail.',
  ],
  pubStepsAlready: ['Open the most recent e-mail from us: its personal link shows your status and lets you cancel.'],
  pubManageHint: 'Keep the e-mail with your personal link: it shows your status, adds the event to your calendar and lets you cancel.',
  pubAcceptOffer: 'Accept my seat now',

  // Manage page
  pubEndedPill: 'Ended',
  pubEndedTitle: 'This edition has ended',
  pubEndedConfirmed: 'Thank you for taking part! See whom you met and tell us how it went under “After the event”.',
  pubEndedWaiting: 'No seat became free for you this time. We hope to see you at one of the next dates.',
  pubEndedOther: 'You can register for one of the next dates.',
  pubGoToAfter: 'Go to “After the event”',
  pubDoorsTitle: 'Your join link',
  pubDoorsOpenAt: (minutes: number, time: string) =>
    `Doors open ${minutes} minutes before the start, at ${time}. Your button to join appears here then, and it is in your e-mails too.`,
  pubDoorsOpenNow: 'The doors are open. Join from this device with camera and microphone.',
  pubLiveRunning: 'The event is under way. Join now: you are seated at a table right away.',
  pubCalendarHint: 'An .ics file for Outlook, Google Calendar or Apple Calendar.',
  pubOfferDeadline: (deadline: string) => `Deadline: ${deadline}`,
  pubOfferExpiredNow: 'The deadline to accept this seat has passed.',
  pubPositionLabel: (position: number) => `Position ${position} on the waiting list`,
  pubNextDatesOther: 'Other dates of this series',
};

export type PublicMessages = typeof publicEn;

export const publicNl: PublicMessages = {
  pubJumpToForm: 'Nu inschrijven',
  pubJumpToWaitlist: 'Op de wachtlijst',
  pubWaitlistNext: (position) => `Schrijf je je nu in, dan sta je op plaats ${position} van de wachtlijst.`,
  pubClosesAt: (closesAt) => `De inschrijving sluit op ${closesAt}.`,
  pubNextDatesTitle: 'Volgende data',
  pubNextDatesIntro: 'Past het niet? Dezelfde reeks komt ook op deze data samen.',
  pubNextDatesError: 'We konden de andere data niet laden.',
  pubNextDateLink: (date, availability) => `${date}: ${availability}`,
  pubLiveNow: 'Nu bezig',

  pubNextStepsTitle: 'Wat nu?',
  pubStepsConfirmed: (doorsOpenMinutes) => [
    'Kijk in je mailbox: de bevestiging bevat je persoonlijke deelnamelink en een agenda-uitnodiging.',
    'We sturen je een herinnering een dag en een uur voor de start.',
    `De deuren gaan ${doorsOpenMinutes} minuten voor de start open. Open je deelnamelink in de browser: niets te installeren, geen account.`,
  ],
  pubStepsWaitlisted: [
    'Kijk in je mailbox: we bevestigden je plaats op de wachtlijst.',
    'Komt er een plaats voor jou vrij, dan mailen we je meteen. Je inschrijvingspagina toont altijd je huidige plaats.',
  ],
  pubStepsOffered: [
    'Aanvaard de plaats op je inschrijvingspagina vóór de termijn, anders gaat ze naar de volgende persoon.',
    'Na het aanvaarden krijg je je persoonlijke deelnamelink en een agenda-uitnodiging per e-mail.',
  ],
  pubStepsAlready: ['Open de meest recente e-mail van ons: de persoonlijke link toont je status en laat je annuleren.'],
  pubManageHint: 'Bewaar de e-mail met je persoonlijke link: daarmee zie je je status, zet je het event in je agenda en kan je annuleren.',
  pubAcceptOffer: 'Mijn plaats nu aanvaarden',

  pubEndedPill: 'Afgelopen',
  pubEndedTitle: 'Deze editie is afgelopen',
  pubEndedConfirmed: 'Bedankt om deel te nemen! Bekijk wie je ontmoette en laat weten hoe het was onder “Na het event”.',
  pubEndedWaiting: 'Er kwam deze keer geen plaats voor je vrij. Hopelijk tot op een van de volgende data.',
  pubEndedOther: 'Je kan je inschrijven voor een van de volgende data.',
  pubGoToAfter: 'Naar “Na het event”',
  pubDoorsTitle: 'Je deelnamelink',
  pubDoorsOpenAt: (minutes, time) =>
    `De deuren gaan ${minutes} minuten voor de start open, om ${time}. Dan verschijnt hier je knop om deel te nemen; hij staat ook in je e-mails.`,
  pubDoorsOpenNow: 'De deuren zijn open. Neem deel vanaf dit toestel met camera en microfoon.',
  pubLiveRunning: 'Het event is bezig. Neem nu deel: je krijgt meteen een plaats aan een tafel.',
  pubCalendarHint: 'Een .ics-bestand voor Outlook, Google Agenda of Apple Agenda.',
  pubOfferDeadline: (deadline) => `Termijn: ${deadline}`,
  pubOfferExpiredNow: 'De termijn om deze plaats te aanvaarden is voorbij.',
  pubPositionLabel: (position) => `Plaats ${position} op de wachtlijst`,
  pubNextDatesOther: 'Andere data van deze reeks',
};
