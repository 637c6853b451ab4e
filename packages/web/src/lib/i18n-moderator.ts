import type { LiveHelpRequest, LivePhase } from '@tablehop/protocol';

/**
 * The strings of the moderator's screens (the live table view and the `/moderator` home with the
 * moderator's editions) and of the icebreaker editor, spread into the dictionaries of i18n.ts.
 * `en` defines the shape, `nl` must match.
 */
export const moderatorEn = {
  // Moderator home
  myEditionsTitle: 'Your events as moderator',
  myEditionsEmpty: 'No events yet. The organizer will assign you to a date and e-mail you.',
  myEditionsLiveNow: 'Live now',
  myEditionsOpenLive: 'Open the live event',
  myEditionsOpenLiveOf: (name: string, date: string) => `Open the live event: ${name}, ${date}`,
  myEditionsDoorsHint: 'The live event opens 15 minutes before the start. You can enter earlier to test your camera.',
  livePhaseBadge: {
    scheduled: 'Not started',
    doors_open: 'Lobby open',
    plenary: 'Plenary',
    moving: 'Moving tables',
    round: 'Round running',
    closing: 'Closing plenary',
    ended: 'Ended',
  } satisfies Record<LivePhase, string>,

  // Live table view
  moderatorViewTitle: 'Your table',
  moderatorTableHeading: (table: number) => `Your table: table ${table}`,
  moderatorNoTable: 'You have no table in this round. The host may give you one; until then you can follow along here.',
  moderatorBetweenRounds: 'No round is running. When the next round starts, your table appears here.',
  participantsHeading: 'People at your table',
  noParticipants: 'Nobody is seated at your table yet.',
  flagNoShow: 'Flag no-show',
  flaggedNoShow: 'Flagged as no-show',
  flagNoShowDone: (name: string) => `${name} is flagged as a no-show. The host has been told.`,
  micOffBadge: 'Microphone off',
  mutedByYouBadge: 'Muted',
  actionFailed: 'That did not go through. Check your connection and try again.',

  icebreakerTitle: 'Icebreaker',
  icebreakerForRound: (round: number) => `Prompt for round ${round}`,
  icebreakerNone: 'No icebreaker set for this round. Ask everyone what brought them here.',

  helpTitle: 'Need a hand?',
  requestHelp: 'Request help',
  helpTextLabel: 'What do you need? (optional)',
  sendHelpRequest: 'Send help request',
  cancel: 'Cancel',
  helpSent: 'Your help request was sent to the host.',
  helpStatus: {
    open: 'Waiting for the host',
    answered: 'Answered',
    closed: 'Closed',
  } satisfies Record<LiveHelpRequest['status'], string>,
  helpAnswer: (answer: string) => `Host: ${answer}`,
  reportProblem: 'Report a problem',
  problemTextLabel: 'What is the problem?',
  sendProblem: 'Send report',
  problemSent: 'Your report was sent to the host.',

  notesTitle: 'Your notes',
  notesLabel: 'Notes (only you and the organizer see them)',
  saveNotes: 'Save notes',
  notesSaved: 'Notes saved',
  notesSaving: 'Saving…',
  notesUnsaved: 'Not saved yet',
  notesFailed: 'Your notes were not saved. Try again.',

  // Icebreaker editor (organizer)
  icebreakersLegend: 'Icebreakers',
  icebreakersHint:
    'One prompt per round, in order. With fewer prompts than rounds they repeat. Moderators and participants see the prompt of the round.',
  icebreakerLabel: (n: number) => `Prompt ${n}`,
  addIcebreaker: 'Add a prompt',
  removeIcebreaker: (n: number) => `Remove prompt ${n}`,
  moveIcebreakerUp: (n: number) => `Move prompt ${n} up`,
  saveIcebreakers: 'Save icebreakers',
  icebreakersSaved: 'Icebreakers saved',
  icebreakersEmpty: 'No prompts yet.',
};

export const moderatorNl: typeof moderatorEn = {
  myEditionsTitle: 'Jouw events als moderator',
  myEditionsEmpty: 'Nog geen events. De organisator koppelt je aan een datum en mailt je.',
  myEditionsLiveNow: 'Nu live',
  myEditionsOpenLive: 'Open het live-event',
  myEditionsOpenLiveOf: (name, date) => `Open het live-event: ${name}, ${date}`,
  myEditionsDoorsHint: 'Het live-event gaat 15 minuten voor de start open. Je kunt eerder binnen om je camera te testen.',
  livePhaseBadge: {
    scheduled: 'Nog niet begonnen',
    doors_open: 'Lobby open',
    plenary: 'Plenair',
    moving: 'Tafelwissel',
    round: 'Ronde bezig',
    closing: 'Afsluitend plenair',
    ended: 'Afgelopen',
  },

  moderatorViewTitle: 'Jouw tafel',
  moderatorTableHeading: (table) => `Jouw tafel: tafel ${table}`,
  moderatorNoTable: 'Je hebt geen tafel in deze ronde. De host kan je er een geven; tot dan kun je hier meevolgen.',
  moderatorBetweenRounds: 'Er loopt geen ronde. Zodra de volgende ronde begint, verschijnt je tafel hier.',
  participantsHeading: 'Mensen aan jouw tafel',
  noParticipants: 'Er zit nog niemand aan je tafel.',
  flagNoShow: 'Meld afwezig',
  flaggedNoShow: 'Gemeld als afwezig',
  flagNoShowDone: (name) => `${name} is gemeld als afwezig. De host is op de hoogte.`,
  micOffBadge: 'Microfoon uit',
  mutedByYouBadge: 'Gedempt',
  actionFailed: 'Dat is niet gelukt. Controleer je verbinding en probeer opnieuw.',

  icebreakerTitle: 'IJsbreker',
  icebreakerForRound: (round) => `Vraag voor ronde ${round}`,
  icebreakerNone: 'Geen ijsbreker voor deze ronde. Vraag iedereen wat hen hierheen bracht.',

  helpTitle: 'Hulp nodig?',
  requestHelp: 'Vraag hulp',
  helpTextLabel: 'Wat heb je nodig? (optioneel)',
  sendHelpRequest: 'Hulpvraag versturen',
  cancel: 'Annuleren',
  helpSent: 'Je hulpvraag is naar de host gestuurd.',
  helpStatus: {
    open: 'Wacht op de host',
    answered: 'Beantwoord',
    closed: 'Gesloten',
  },
  helpAnswer: (answer) => `Host: ${answer}`,
  reportProblem: 'Meld een probleem',
  problemTextLabel: 'Wat is het probleem?',
  sendProblem: 'Melding versturen',
  problemSent: 'Je melding is naar de host gestuurd.',

  notesTitle: 'Jouw notities',
  notesLabel: 'Notities (alleen jij en de organisator zien ze)',
  saveNotes: 'Notities bewaren',
  notesSaved: 'Notities bewaard',
  notesSaving: 'Bewaren…',
  notesUnsaved: 'Nog niet bewaard',
  notesFailed: 'Je notities zijn niet bewaard. Probeer opnieuw.',

  icebreakersLegend: 'IJsbrekers',
  icebreakersHint:
    'Eén vraag per ronde, in volgorde. Met minder vragen dan rondes worden ze herhaald. Moderatoren en deelnemers zien de vraag van de ronde.',
  icebreakerLabel: (n) => `Vraag ${n}`,
  addIcebreaker: 'Vraag toevoegen',
  removeIcebreaker: (n) => `Vraag ${n} verwijderen`,
  moveIcebreakerUp: (n) => `Vraag ${n} naar boven`,
  saveIcebreakers: 'IJsbrekers bewaren',
  icebreakersSaved: 'IJsbrekers bewaard',
  icebreakersEmpty: 'Nog geen vragen.',
};
