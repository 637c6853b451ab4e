import type { Language } from '@tablehop/protocol';
import { followupEn, followupNl } from './i18n-followup';
import { joinEn, joinNl } from './i18n-join';
import { moderatorEn, moderatorNl } from './i18n-moderator';
import { organizerEn, organizerNl } from './i18n-organizer';
import { publicEn, publicNl } from './i18n-public';
import { reportsEn, reportsNl } from './i18n-reports';

/**
 * Every string of the interface, in Dutch and English. `en` defines the shape; `nl` must match it
 * key for key (the compiler checks the type, i18n.test.ts checks nothing is left out).
 * Messages with values are functions, so plurals and word order stay natural in each language.
 */

const en = {
  appName: 'Tablehop',
  skipToContent: 'Skip to content',
  languageSwitch: 'Language',
  tagline: 'Moderated online networking, table by table.',
  footer: 'Tablehop · open-source networking events',
  loading: 'Loading…',
  retry: 'Try again',
  backToEditions: 'All upcoming events',

  // Editions list
  editionsTitle: 'Upcoming networking events',
  editionsIntro: 'Meet fellow entrepreneurs in small, moderated groups. Pick a date and register in a minute.',
  editionsEmpty: 'There are no upcoming events open right now. Check back soon.',
  register: 'Register',
  view: 'View details',
  joinWaitlist: 'Join the waiting list',
  seatsLeft: (n: number) => (n === 1 ? '1 seat left' : `${n} seats left`),
  waitlistBadge: 'Waiting list',
  registrationClosedBadge: 'Registration closed',
  notOpenYetBadge: 'Opens soon',

  // Edition page
  when: 'When',
  format: 'Format',
  seats: 'Seats',
  formatLine: (f: { rounds: number; roundMinutes: number; groupSize: number }) =>
    `${f.rounds === 1 ? '1 round' : `${f.rounds} rounds`} of ${f.roundMinutes} minutes in groups of about ${f.groupSize}, each with a moderator.`,
  plenaryLine: (minutes: number) => `Starts with a ${minutes}-minute welcome for everyone.`,
  onlineNote: 'Online, in your browser. No installation, no account.',
  seatsLine: (left: number, capacity: number) => `${left} of ${capacity} seats left.`,
  fullLine: (waiting: number) =>
    waiting === 0
      ? 'All seats are taken. Register to join the waiting list: when a seat frees up, the first person on the list gets it automatically.'
      : `All seats are taken; ${waiting} ${waiting === 1 ? 'person is' : 'people are'} on the waiting list. When a seat frees up, the first person on the list gets it automatically.`,
  windowNotOpenYet: (opensAt: string | null) => (opensAt ? `Registration opens on ${opensAt}.` : 'Registration is not open yet.'),
  windowClosed: 'Registration for this event is closed.',
  windowClosesAt: (closesAt: string) => `Registration closes on ${closesAt}.`,
  editionNotFound: 'We could not find this event. It may have been removed, or the link is incomplete.',

  // Registration form
  formTitle: 'Register',
  formTitleWaitlist: 'Join the waiting list',
  formIntro: 'Fields marked with * are required. The rest helps us put you at the right tables.',
  required: 'required',
  fieldName: 'Full name',
  fieldEmail: 'E-mail address',
  fieldEmailHint: 'Your confirmation and personal join link are sent here.',
  fieldCompany: 'Company',
  fieldSector: 'Sector',
  fieldSectorChoose: 'Choose a sector',
  fieldJobTitle: 'Job title',
  fieldOffer: 'What I offer',
  fieldOfferHint: 'Your expertise, products or services, in a sentence or two.',
  fieldLookingFor: 'What I am looking for',
  fieldLookingForHint: 'Customers, partners, advice, a supplier…',
  fieldLinkedin: 'LinkedIn profile',
  fieldLinkedinHint: 'For example https://www.linkedin.com/in/your-name',
  fieldLanguage: 'Language for e-mails',
  languageName: { nl: 'Nederlands', en: 'English' } satisfies Record<Language, string>,
  fieldConsent:
    'I agree that my details are stored to organise this event and that the moderators and my table see my name, company and what I offer and look for.',
  fieldShareContact: 'Share my contact details with the people I meet (only with those who share theirs too).',
  submit: 'Register',
  submitWaitlist: 'Join the waiting list',
  submitting: 'Sending…',
  formHasErrors: (n: number) => (n === 1 ? 'Please correct 1 field.' : `Please correct ${n} fields.`),

  // Field errors
  errRequired: 'This field is required.',
  errEmail: 'Enter a valid e-mail address, e.g. name@company.be.',
  errConsent: 'Please agree to the privacy terms to register.',
  errLinkedin: 'Enter a LinkedIn address starting with https://www.linkedin.com/',
  errTooLong: (max: number) => `Keep it to at most ${max} characters.`,
  errCharacters: 'Please leave out <, > and special control characters.',
  errSector: 'Choose a sector from the list.',
  errInvalid: 'This value is not valid.',

  // Confirmation
  confirmedTitle: 'You are registered!',
  confirmedText: (name: string) =>
    `Thank you, ${name}. Your seat is confirmed. We have sent a confirmation with your personal join link and a calendar invite.`,
  waitlistedTitle: 'You are on the waiting list',
  waitlistedText: (position: number | null) => (position ? `You are number ${position} on the waiting list.` : 'You are on the waiting list.'),
  waitlistExplain:
    'When someone cancels, the first person on the list moves up automatically. We will e-mail you as soon as a seat is yours; sometimes you get a short deadline to confirm it.',
  offeredTitle: 'A seat is waiting for you',
  offeredText: (deadline: string | null) =>
    deadline ? `Confirm it before ${deadline} on your registration page.` : 'Confirm it on your registration page.',
  alreadyTitle: 'You were already registered',
  alreadyText:
    'This e-mail address is already registered for this event. We have e-mailed your personal link again: check your inbox (and the spam folder).',
  manageLink: 'View or change my registration',
  addToCalendar: 'Add to calendar',
  registerSomeoneElse: 'Register someone else',

  // Manage page
  manageTitle: 'My registration',
  statusConfirmed: 'Confirmed',
  statusWaitlisted: 'On the waiting list',
  statusOffered: 'Seat offered',
  statusCancelled: 'Cancelled',
  statusExpired: 'Offer expired',
  manageConfirmed: 'Your seat is confirmed. See you there!',
  manageWaitlisted: (position: number | null) => (position ? `You are number ${position} on the waiting list.` : 'You are on the waiting list.'),
  manageOffered: (deadline: string | null) =>
    deadline
      ? `A seat has become free for you. Accept it before ${deadline}, or it goes to the next person.`
      : 'A seat has become free for you. Accept it to claim it.',
  manageCancelled: 'This registration is cancelled. You can register again if seats are available.',
  manageExpired: 'The seat offer expired before it was accepted. You can register again if seats are available.',
  acceptSeat: 'Accept my seat',
  accepting: 'Accepting…',
  acceptedAnnouncement: 'Your seat is confirmed.',
  cancelRegistration: 'Cancel my registration',
  cancelConfirmTitle: 'Cancel your registration?',
  cancelConfirmText: 'Your seat goes to the next person on the waiting list. This cannot be undone.',
  cancelConfirmWaitlist: 'You will leave the waiting list. This cannot be undone.',
  cancelConfirmYes: 'Yes, cancel',
  cancelConfirmNo: 'No, keep it',
  cancelling: 'Cancelling…',
  cancelledAnnouncement: 'Your registration is cancelled.',
  joinEvent: 'Join the event',
  joinHint: 'Your personal link: please do not share it.',
  yourDetails: 'Your details',
  registerAgain: 'Go to the event page',

  // Errors
  errorTitle: 'Something went wrong',
  invalidLinkTitle: 'This link does not work',
  apiErrors: {
    ERR_VALIDATION: 'Some fields need attention.',
    ERR_REGISTRATION_CLOSED: 'Registration for this event is not open.',
    ERR_EDITION_NOT_FOUND: 'This event does not exist (any more).',
    ERR_INVALID_TOKEN: 'This link is not valid. Use the most recent link from your e-mail.',
    ERR_OFFER_EXPIRED: 'The seat offer has expired. The seat went to the next person on the waiting list.',
    ERR_NO_OFFER: 'There is no open seat offer for this registration.',
    ERR_RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
    ERR_UNKNOWN_SECTOR: 'Choose a sector from the list.',
    ERR_ALREADY_CANCELLED: 'This registration is already cancelled.',
    ERR_NETWORK: 'We could not reach the server. Check your connection and try again.',
    ERR_INVALID_CREDENTIALS: 'This e-mail address and password do not match. Check them, or ask for a login link.',
    ERR_UNAUTHENTICATED: 'Please log in first.',
    ERR_FORBIDDEN: 'Your account may not do this.',
    ERR_CSRF: 'Your session is out of date. Reload the page and try again.',
    ERR_TOKEN_EXPIRED: 'This link has expired.',
    ERR_EMAIL_TAKEN: 'There is an account with this e-mail address already.',
    ERR_SERIES_NOT_FOUND: 'This series does not exist (any more).',
    ERR_REGISTRATION_NOT_FOUND: 'This registration does not exist (any more).',
    ERR_MODERATOR_NOT_FOUND: 'This moderator does not exist (any more).',
    ERR_CONFLICT: 'Someone changed this in the meantime. Reload and try again.',
    generic: 'Something went wrong on our side. Please try again in a moment.',
  },

  // Not found
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist. Check the address, or start from the list of upcoming events.',

  ...organizerEn,
  ...joinEn,
  ...reportsEn,
  ...moderatorEn,
  ...followupEn,
  ...publicEn,
};

export type Messages = typeof en;

const nl: Messages = {
  appName: 'Tablehop',
  skipToContent: 'Naar de inhoud',
  languageSwitch: 'Taal',
  tagline: 'Online netwerken met moderator, tafel per tafel.',
  footer: 'Tablehop · open-source netwerkevents',
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  backToEditions: 'Alle komende events',

  editionsTitle: 'Komende netwerkevents',
  editionsIntro: 'Ontmoet andere ondernemers in kleine groepjes met een moderator. Kies een datum en schrijf je in één minuut in.',
  editionsEmpty: 'Er staan op dit moment geen events open. Kom binnenkort nog eens kijken.',
  register: 'Inschrijven',
  view: 'Bekijken',
  joinWaitlist: 'Op de wachtlijst',
  seatsLeft: (n: number) => (n === 1 ? 'Nog 1 plaats' : `Nog ${n} plaatsen`),
  waitlistBadge: 'Wachtlijst',
  registrationClosedBadge: 'Inschrijving gesloten',
  notOpenYetBadge: 'Binnenkort open',

  when: 'Wanneer',
  format: 'Verloop',
  seats: 'Plaatsen',
  formatLine: (f) =>
    `${f.rounds === 1 ? '1 ronde' : `${f.rounds} rondes`} van ${f.roundMinutes} minuten in groepjes van ongeveer ${f.groupSize}, telkens met een moderator.`,
  plenaryLine: (minutes) => `We starten met een welkom van ${minutes} minuten voor iedereen.`,
  onlineNote: 'Online, in je browser. Niets te installeren, geen account nodig.',
  seatsLine: (left, capacity) => `Nog ${left} van de ${capacity} plaatsen vrij.`,
  fullLine: (waiting) =>
    waiting === 0
      ? 'Alle plaatsen zijn bezet. Schrijf je in voor de wachtlijst: komt er een plaats vrij, dan krijgt de eerste op de lijst die automatisch.'
      : `Alle plaatsen zijn bezet; ${waiting} ${waiting === 1 ? 'persoon staat' : 'personen staan'} op de wachtlijst. Komt er een plaats vrij, dan krijgt de eerste op de lijst die automatisch.`,
  windowNotOpenYet: (opensAt) => (opensAt ? `De inschrijving opent op ${opensAt}.` : 'De inschrijving is nog niet open.'),
  windowClosed: 'De inschrijving voor dit event is gesloten.',
  windowClosesAt: (closesAt) => `De inschrijving sluit op ${closesAt}.`,
  editionNotFound: 'We vinden dit event niet. Misschien werd het verwijderd, of is de link onvolledig.',

  formTitle: 'Inschrijven',
  formTitleWaitlist: 'Inschrijven op de wachtlijst',
  formIntro: 'Velden met * zijn verplicht. De rest helpt ons om je aan de juiste tafels te zetten.',
  required: 'verplicht',
  fieldName: 'Voor- en achternaam',
  fieldEmail: 'E-mailadres',
  fieldEmailHint: 'Hierheen sturen we je bevestiging en je persoonlijke deelnamelink.',
  fieldCompany: 'Bedrijf',
  fieldSector: 'Sector',
  fieldSectorChoose: 'Kies een sector',
  fieldJobTitle: 'Functie',
  fieldOffer: 'Wat ik aanbied',
  fieldOfferHint: 'Je expertise, producten of diensten, in een zin of twee.',
  fieldLookingFor: 'Wat ik zoek',
  fieldLookingForHint: 'Klanten, partners, advies, een leverancier…',
  fieldLinkedin: 'LinkedIn-profiel',
  fieldLinkedinHint: 'Bijvoorbeeld https://www.linkedin.com/in/je-naam',
  fieldLanguage: 'Taal van de e-mails',
  languageName: { nl: 'Nederlands', en: 'English' },
  fieldConsent:
    'Ik ga akkoord dat mijn gegevens bewaard worden om dit event te organiseren, en dat de moderatoren en mijn tafelgenoten mijn naam, bedrijf en wat ik aanbied en zoek te zien krijgen.',
  fieldShareContact: 'Deel mijn contactgegevens met de mensen die ik ontmoet (alleen met wie ook de zijne deelt).',
  submit: 'Inschrijven',
  submitWaitlist: 'Op de wachtlijst zetten',
  submitting: 'Versturen…',
  formHasErrors: (n) => (n === 1 ? 'Verbeter 1 veld.' : `Verbeter ${n} velden.`),

  errRequired: 'Dit veld is verplicht.',
  errEmail: 'Vul een geldig e-mailadres in, bv. naam@bedrijf.be.',
  errConsent: 'Ga akkoord met de privacyvoorwaarden om je in te schrijven.',
  errLinkedin: 'Vul een LinkedIn-adres in dat begint met https://www.linkedin.com/',
  errTooLong: (max) => `Gebruik hoogstens ${max} tekens.`,
  errCharacters: 'Laat <, > en speciale controletekens weg.',
  errSector: 'Kies een sector uit de lijst.',
  errInvalid: 'Deze waarde is niet geldig.',

  confirmedTitle: 'Je bent ingeschreven!',
  confirmedText: (name) =>
    `Bedankt, ${name}. Je plaats is bevestigd. We stuurden je een bevestiging met je persoonlijke deelnamelink en een agenda-uitnodiging.`,
  waitlistedTitle: 'Je staat op de wachtlijst',
  waitlistedText: (position) => (position ? `Je staat op plaats ${position} van de wachtlijst.` : 'Je staat op de wachtlijst.'),
  waitlistExplain:
    'Schrijft iemand zich uit, dan schuift de eerste op de lijst automatisch door. We mailen je zodra er een plaats voor jou is; soms krijg je een korte termijn om ze te bevestigen.',
  offeredTitle: 'Er is een plaats voor je vrij',
  offeredText: (deadline) => (deadline ? `Bevestig ze vóór ${deadline} op je inschrijvingspagina.` : 'Bevestig ze op je inschrijvingspagina.'),
  alreadyTitle: 'Je was al ingeschreven',
  alreadyText:
    'Dit e-mailadres is al ingeschreven voor dit event. We hebben je persoonlijke link opnieuw gemaild: kijk in je inbox (en in je spammap).',
  manageLink: 'Mijn inschrijving bekijken of wijzigen',
  addToCalendar: 'Toevoegen aan agenda',
  registerSomeoneElse: 'Iemand anders inschrijven',

  manageTitle: 'Mijn inschrijving',
  statusConfirmed: 'Bevestigd',
  statusWaitlisted: 'Op de wachtlijst',
  statusOffered: 'Plaats aangeboden',
  statusCancelled: 'Geannuleerd',
  statusExpired: 'Aanbod verlopen',
  manageConfirmed: 'Je plaats is bevestigd. Tot dan!',
  manageWaitlisted: (position) => (position ? `Je staat op plaats ${position} van de wachtlijst.` : 'Je staat op de wachtlijst.'),
  manageOffered: (deadline) =>
    deadline
      ? `Er is een plaats voor je vrijgekomen. Aanvaard ze vóór ${deadline}, anders gaat ze naar de volgende persoon.`
      : 'Er is een plaats voor je vrijgekomen. Aanvaard ze om ze vast te leggen.',
  manageCancelled: 'Deze inschrijving is geannuleerd. Je kan je opnieuw inschrijven als er nog plaats is.',
  manageExpired: 'Het aanbod is verlopen voor je het aanvaardde. Je kan je opnieuw inschrijven als er nog plaats is.',
  acceptSeat: 'Mijn plaats aanvaarden',
  accepting: 'Aanvaarden…',
  acceptedAnnouncement: 'Je plaats is bevestigd.',
  cancelRegistration: 'Mijn inschrijving annuleren',
  cancelConfirmTitle: 'Inschrijving annuleren?',
  cancelConfirmText: 'Je plaats gaat naar de volgende persoon op de wachtlijst. Dit kan je niet ongedaan maken.',
  cancelConfirmWaitlist: 'Je verlaat de wachtlijst. Dit kan je niet ongedaan maken.',
  cancelConfirmYes: 'Ja, annuleren',
  cancelConfirmNo: 'Nee, behouden',
  cancelling: 'Annuleren…',
  cancelledAnnouncement: 'Je inschrijving is geannuleerd.',
  joinEvent: 'Deelnemen aan het event',
  joinHint: 'Je persoonlijke link: deel hem niet met anderen.',
  yourDetails: 'Jouw gegevens',
  registerAgain: 'Naar de eventpagina',

  errorTitle: 'Er ging iets mis',
  invalidLinkTitle: 'Deze link werkt niet',
  apiErrors: {
    ERR_VALIDATION: 'Enkele velden moeten nog aangepast worden.',
    ERR_REGISTRATION_CLOSED: 'De inschrijving voor dit event is niet open.',
    ERR_EDITION_NOT_FOUND: 'Dit event bestaat niet (meer).',
    ERR_INVALID_TOKEN: 'Deze link is niet geldig. Gebruik de meest recente link uit je e-mail.',
    ERR_OFFER_EXPIRED: 'Het aanbod is verlopen. De plaats ging naar de volgende persoon op de wachtlijst.',
    ERR_NO_OFFER: 'Er staat geen plaats open voor deze inschrijving.',
    ERR_RATE_LIMITED: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    ERR_UNKNOWN_SECTOR: 'Kies een sector uit de lijst.',
    ERR_ALREADY_CANCELLED: 'Deze inschrijving is al geannuleerd.',
    ERR_NETWORK: 'We bereiken de server niet. Controleer je verbinding en probeer opnieuw.',
    ERR_INVALID_CREDENTIALS: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze, of vraag een aanmeldlink aan.',
    ERR_UNAUTHENTICATED: 'Meld je eerst aan.',
    ERR_FORBIDDEN: 'Je account mag dit niet doen.',
    ERR_CSRF: 'Je sessie is verouderd. Herlaad de pagina en probeer opnieuw.',
    ERR_TOKEN_EXPIRED: 'Deze link is verlopen.',
    ERR_EMAIL_TAKEN: 'Er bestaat al een account met dit e-mailadres.',
    ERR_SERIES_NOT_FOUND: 'Deze reeks bestaat niet (meer).',
    ERR_REGISTRATION_NOT_FOUND: 'Deze inschrijving bestaat niet (meer).',
    ERR_MODERATOR_NOT_FOUND: 'Deze moderator bestaat niet (meer).',
    ERR_CONFLICT: 'Iemand heeft dit intussen gewijzigd. Herlaad en probeer opnieuw.',
    generic: 'Er ging aan onze kant iets mis. Probeer het zo dadelijk opnieuw.',
  },

  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Deze pagina bestaat niet. Controleer het adres, of begin bij de lijst met komende events.',

  ...organizerNl,
  ...joinNl,
  ...reportsNl,
  ...moderatorNl,
  ...followupNl,
  ...publicNl,
};

export const dictionaries: Record<Language, Messages> = { nl, en };

export const languages: readonly Language[] = ['nl', 'en'];

/** The BCP 47 locale used for dates and numbers in each interface language. */
export const localeOf: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

export const languageStorageKey = 'tablehop.language';

/** The text for an API error code, falling back to a generic sentence. */
export function describeApiError(messages: Messages, code: string): string {
  const known = messages.apiErrors as Record<string, string>;
  return known[code] ?? messages.apiErrors.generic;
}

/** Picks the interface language: the person's own choice, then the page's, then the browser's. */
export function pickLanguage(stored: string | null, pageDefault: Language | null, browserLanguages: readonly string[]): Language {
  if (stored === 'nl' || stored === 'en') return stored;
  if (pageDefault) return pageDefault;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'nl';
}

/** "Friday 4 December 2026" in the edition's time zone. */
export function formatDate(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(iso),
  );
}

/** "09:30" in the edition's time zone. */
export function formatTime(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/** The short name of the time zone at that moment, e.g. "CET" or "GMT+1". */
export function formatZoneName(iso: string, timeZone: string, language: Language): string {
  const parts = new Intl.DateTimeFormat(localeOf[language], { timeZoneName: 'short', timeZone }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "09:30–11:00 CET": the time span of an edition in its own time zone. */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, language: Language): string {
  return `${formatTime(startIso, timeZone, language)}–${formatTime(endIso, timeZone, language)} ${formatZoneName(startIso, timeZone, language)}`;
}

/** "Fri 4 Dec, 09:30 CET" for deadlines and opening times. */
export function formatDateTime(iso: string, timeZone: string, language: Language): string {
  const date = new Intl.DateTimeFormat(localeOf[language], { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
  return `${date}, ${formatTime(iso, timeZone, language)} ${formatZoneName(iso, timeZone, language)}`;
}

/** The calendar parts of a date badge: day of the month and short month name. */
export function formatDateBadge(iso: string, timeZone: string, language: Language): { day: string; month: string; weekday: string } {
  const date = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(localeOf[language], { ...options, timeZone }).format(date);
  return { day: part({ day: 'numeric' }), month: part({ month: 'short' }).replace('.', ''), weekday: part({ weekday: 'short' }).replace('.', '') };
}
