/**
 * Strings of the organizer admin screens added with issue 6 (editing and deleting series and
 * editions, importing invitees, e-mail previews, offline notice). Spread into the organizer
 * messages (i18n-organizer.ts). `en` defines the shape, `nl` must match.
 */

type Outcome = 'confirmed' | 'waitlisted' | 'duplicate' | 'already_registered' | 'invalid' | 'failed';
type MailKindName =
  | 'registration_confirmed'
  | 'registration_waitlisted'
  | 'seat_offered'
  | 'registration_promoted'
  | 'offer_expired'
  | 'manage_link'
  | 'reminder_24h'
  | 'reminder_1h'
  | 'registration_cancelled'
  | 'moderator_invite'
  | 'magic_login';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('#', String(n)));

export const adminEn = {
  // Series: edit and delete
  orgEditSeries: 'Edit series',
  orgEditSeriesFor: (name: string) => `Edit series: ${name}`,
  orgEditSeriesTitle: (name: string) => `Edit “${name}”`,
  orgEditSeriesIntro:
    'Name, description, language and schedule show on every edition at once. Format, capacity and waiting-list settings apply to editions you create from now on; change an existing edition on its own page.',
  orgSaveSeries: 'Save series',
  orgSeriesSaved: (name: string) => `Series “${name}” saved.`,
  orgDeleteSeries: 'Delete series',
  orgDeleteSeriesFor: (name: string) => `Delete series: ${name}`,
  orgDeleteSeriesConfirm: (name: string) => `Delete “${name}” and all its editions?`,
  orgDeleteSeriesText: 'This cannot be undone. It only works while nobody is registered for any of its editions.',
  orgDeleteYes: 'Yes, delete',
  orgDeleteNo: 'Keep',
  orgDeleting: 'Deleting…',
  orgSeriesDeleted: (name: string) => `Series “${name}” deleted.`,
  errHasRegistrations: 'People are still registered. Cancel their registrations first (they are told by e-mail), or close registration instead.',
  errAlreadyRan: 'An edition that has taken place (or is running) stays for the records; it cannot be deleted.',
  errStatusLocked: 'This status cannot be set by hand: an edition goes live and ends with its live event, and an ended edition stays ended.',
  errWindowOrder: 'Registration must open before it closes, and close before the event ends.',

  // Edition: quick actions, warnings, format, delete
  orgCreateAsDraft: 'Save as a draft (not public yet)',
  orgOpenRegistration: 'Open registration',
  orgCloseRegistration: 'Close registration',
  orgRegistrationOpened: 'Registration is open: the public page takes registrations again.',
  orgRegistrationClosedNow: 'Registration is closed. People who registered keep their place; you can still add people by hand.',
  orgDraftNote: 'This edition is a draft: it is not on the public list and nobody can register yet.',
  orgCapacityZeroAuto:
    'This edition has 0 seats. Its capacity follows the moderators (moderators × group size) and none is assigned yet, so everyone who registers goes to the waiting list. Assign moderators below, or set a capacity by hand in the settings.',
  orgCapacityZeroManual: 'Capacity is 0: everyone who registers goes to the waiting list. Raise the capacity in the settings to give people a seat.',
  orgStatusHint: 'Live and Ended follow the live event.',
  orgFormatTitle: 'Format of this edition',
  orgFormatHint: 'Used when the live event plans the tables. Changing the group size also changes an automatic capacity.',
  orgToolsTitle: 'More',
  orgImportInvitees: 'Import invitees (CSV)',
  orgMailPreviews: 'E-mail previews',
  orgDeleteEdition: 'Delete edition',
  orgDeleteEditionConfirm: (date: string) => `Delete the edition of ${date}?`,
  orgDeleteEditionText: 'This cannot be undone. It only works while nobody is registered (confirmed, offered or waiting).',
  orgEditionDeleted: 'Edition deleted.',
  orgShowMore: (n: number) => `Show ${n} more`,

  // Import invitees
  orgImportTitle: 'Import invitees',
  orgImportIntro:
    'Add a list of people at once from a CSV file, one person per row. The first row names the columns: name and email are required; company, sector, jobTitle and language (nl or en) are optional. Commas and semicolons both work.',
  orgImportStepFile: 'Step 1: choose the file',
  orgImportFile: 'CSV file',
  orgImportFileHint: 'Saved from Excel, Google Sheets or your CRM as .csv; at most 2,000 people.',
  orgImportCheck: 'Check file',
  orgImportChecking: 'Checking…',
  orgImportChooseFile: 'Choose a CSV file first.',
  orgImportReadError: 'This file could not be read. Choose a CSV file (.csv).',
  orgImportTooLarge: 'This file is too large (at most 240 KB). Split it into smaller files.',
  orgImportFileInvalid:
    'This file cannot be imported. Check that the first row names the columns (at least name and email) and that there is at least one person below it.',
  orgImportPreviewTitle: 'Step 2: check and import (nothing is saved yet)',
  orgImportSummaryLabel: 'Summary',
  orgImportCount: {
    confirmed: (n: number) => plural(n, '1 person gets a seat', '# people get a seat'),
    waitlisted: (n: number) => plural(n, '1 person goes to the waiting list', '# people go to the waiting list'),
    duplicate: (n: number) => plural(n, '1 row is a repeat of an earlier row', '# rows repeat an earlier row'),
    already_registered: (n: number) => plural(n, '1 person is registered already', '# people are registered already'),
    invalid: (n: number) => plural(n, '1 row needs fixing', '# rows need fixing'),
    failed: (n: number) => plural(n, '1 person could not be added', '# people could not be added'),
  } satisfies Record<Outcome, (n: number) => string>,
  orgImportDoneCount: {
    confirmed: (n: number) => plural(n, '1 person added with a seat', '# people added with a seat'),
    waitlisted: (n: number) => plural(n, '1 person added to the waiting list', '# people added to the waiting list'),
    duplicate: (n: number) => plural(n, '1 repeated row skipped', '# repeated rows skipped'),
    already_registered: (n: number) => plural(n, '1 person was registered already', '# people were registered already'),
    invalid: (n: number) => plural(n, '1 row skipped: needs fixing', '# rows skipped: need fixing'),
    failed: (n: number) => plural(n, '1 person could not be added', '# people could not be added'),
  } satisfies Record<Outcome, (n: number) => string>,
  orgImportOutcome: {
    confirmed: 'Gets a seat',
    waitlisted: 'Waiting list',
    duplicate: 'Twice in the file',
    already_registered: 'Already registered',
    invalid: 'Needs fixing',
    failed: 'Not added',
  } satisfies Record<Outcome, string>,
  orgImportAdded: {
    confirmed: 'Added: seat confirmed',
    waitlisted: 'Added: waiting list',
    duplicate: 'Skipped: twice in the file',
    already_registered: 'Skipped: registered already',
    invalid: 'Skipped: needs fixing',
    failed: 'Not added',
  } satisfies Record<Outcome, string>,
  orgImportPosition: (n: number) => `position ${n}`,
  orgColLine: 'Row',
  orgColResult: 'Result',
  orgColProblem: 'Problem',
  orgImportField: {
    name: 'Name',
    email: 'E-mail',
    company: 'Company',
    sector: 'Sector',
    jobTitle: 'Job title',
    language: 'Language',
    linkedinUrl: 'LinkedIn',
    row: 'Row',
  } as Record<string, string>,
  orgImportIssueMissing: (field: string) => `${field} is missing or not valid`,
  orgImportIssueEmail: 'No valid e-mail address',
  orgImportIssueSector: 'Not in the list of sectors',
  orgImportIssueLanguage: 'Language must be nl or en',
  orgImportIssueAlsoOnLine: (line: string) => `Same e-mail address as row ${line}`,
  orgImportIssueFailed: 'Could not be added; try again',
  orgImportCommit: (n: number) => plural(n, 'Import 1 person', 'Import # people'),
  orgImportImporting: 'Importing…',
  orgImportNothing: 'There is nobody to import. Fix the rows marked “Needs fixing” in your file and check it again.',
  orgImportMailNote:
    'Everyone imported gets the usual e-mail: a confirmation with their personal links and calendar invite, or their place on the waiting list.',
  orgImportDoneTitle: 'Import finished',
  orgImportAnother: 'Import another file',
  orgImportChooseAgain: 'Choose another file',
  orgBackToEdition: 'Back to the edition',

  // E-mail previews
  orgMailsTitle: 'E-mail previews',
  orgMailsIntro: 'Every e-mail Tablehop sends about this edition, filled in with a sample person and example links. Nothing is sent from here.',
  orgMailKindsLabel: 'E-mails',
  orgMailKind: {
    registration_confirmed: 'Registration confirmed',
    registration_waitlisted: 'On the waiting list',
    seat_offered: 'Seat offered',
    registration_promoted: 'Moved up from the waiting list',
    offer_expired: 'Offer expired',
    manage_link: 'Registered already (link again)',
    reminder_24h: 'Reminder, a day before',
    reminder_1h: 'Reminder, an hour before',
    registration_cancelled: 'Registration cancelled',
    moderator_invite: 'Moderator invitation',
    magic_login: 'Login link',
  } satisfies Record<MailKindName, string>,
  orgMailLanguage: 'Language of the e-mail',
  orgMailSubject: 'Subject',
  orgMailTo: 'To',
  orgMailCalendar: 'Comes with a calendar invite (.ics).',
  orgMailShowAs: 'Show as',
  orgMailHtml: 'Formatted',
  orgMailText: 'Plain text',
  orgMailFrameTitle: (kind: string) => `Preview of the e-mail “${kind}”`,

  // Connection
  orgOffline: 'You are offline. Changes cannot be saved until the connection is back, and what you see may be out of date.',
  orgBackOnline: 'You are back online.',
};

export const adminNl: typeof adminEn = {
  orgEditSeries: 'Reeks bewerken',
  orgEditSeriesFor: (name: string) => `Reeks bewerken: ${name}`,
  orgEditSeriesTitle: (name: string) => `“${name}” bewerken`,
  orgEditSeriesIntro:
    'Naam, beschrijving, taal en planning gelden meteen voor elke editie. Formaat, capaciteit en wachtlijstinstellingen gelden voor edities die je vanaf nu maakt; een bestaande editie wijzig je op haar eigen pagina.',
  orgSaveSeries: 'Reeks bewaren',
  orgSeriesSaved: (name: string) => `Reeks “${name}” bewaard.`,
  orgDeleteSeries: 'Reeks verwijderen',
  orgDeleteSeriesFor: (name: string) => `Reeks verwijderen: ${name}`,
  orgDeleteSeriesConfirm: (name: string) => `“${name}” en al haar edities verwijderen?`,
  orgDeleteSeriesText: 'Dit kan niet ongedaan worden. Het lukt alleen zolang niemand ingeschreven is voor een van de edities.',
  orgDeleteYes: 'Ja, verwijderen',
  orgDeleteNo: 'Behouden',
  orgDeleting: 'Bezig met verwijderen…',
  orgSeriesDeleted: (name: string) => `Reeks “${name}” verwijderd.`,
  errHasRegistrations:
    'Er zijn nog mensen ingeschreven. Annuleer eerst hun inschrijving (ze krijgen een e-mail), of sluit de inschrijvingen in de plaats.',
  errAlreadyRan: 'Een editie die plaatsvond (of bezig is) blijft bewaard; ze kan niet verwijderd worden.',
  errStatusLocked:
    'Deze status kun je niet zelf kiezen: een editie gaat live en eindigt met haar live event, en een afgelopen editie blijft afgelopen.',
  errWindowOrder: 'De inschrijving moet openen voor ze sluit, en sluiten voor het event afloopt.',

  orgCreateAsDraft: 'Als ontwerp bewaren (nog niet publiek)',
  orgOpenRegistration: 'Inschrijvingen openen',
  orgCloseRegistration: 'Inschrijvingen sluiten',
  orgRegistrationOpened: 'De inschrijvingen zijn open: de publieke pagina neemt weer inschrijvingen aan.',
  orgRegistrationClosedNow: 'De inschrijvingen zijn gesloten. Wie ingeschreven is, houdt zijn plaats; je kunt nog mensen met de hand toevoegen.',
  orgDraftNote: 'Deze editie is een ontwerp: ze staat niet op de publieke lijst en niemand kan zich al inschrijven.',
  orgCapacityZeroAuto:
    'Deze editie heeft 0 plaatsen. De capaciteit volgt de moderatoren (moderatoren × groepsgrootte) en er is er nog geen toegewezen, dus wie zich inschrijft, komt op de wachtlijst. Wijs hieronder moderatoren toe, of stel de capaciteit met de hand in bij de instellingen.',
  orgCapacityZeroManual:
    'De capaciteit is 0: wie zich inschrijft, komt op de wachtlijst. Verhoog de capaciteit in de instellingen om mensen een plaats te geven.',
  orgStatusHint: 'Live en Afgelopen volgen het live event.',
  orgFormatTitle: 'Formaat van deze editie',
  orgFormatHint: 'Het live event plant de tafels hiermee. Een andere groepsgrootte verandert ook een automatische capaciteit.',
  orgToolsTitle: 'Meer',
  orgImportInvitees: 'Genodigden importeren (CSV)',
  orgMailPreviews: 'E-mails bekijken',
  orgDeleteEdition: 'Editie verwijderen',
  orgDeleteEditionConfirm: (date: string) => `De editie van ${date} verwijderen?`,
  orgDeleteEditionText: 'Dit kan niet ongedaan worden. Het lukt alleen zolang niemand ingeschreven is (bevestigd, aangeboden of wachtend).',
  orgEditionDeleted: 'Editie verwijderd.',
  orgShowMore: (n: number) => `Nog ${n} tonen`,

  orgImportTitle: 'Genodigden importeren',
  orgImportIntro:
    'Voeg een lijst mensen in één keer toe uit een CSV-bestand, één persoon per rij. De eerste rij noemt de kolommen: name en email zijn verplicht; company, sector, jobTitle en language (nl of en) mogen. Komma’s en puntkomma’s werken allebei.',
  orgImportStepFile: 'Stap 1: kies het bestand',
  orgImportFile: 'CSV-bestand',
  orgImportFileHint: 'Bewaard uit Excel, Google Sheets of je CRM als .csv; hoogstens 2.000 mensen.',
  orgImportCheck: 'Bestand controleren',
  orgImportChecking: 'Bezig met controleren…',
  orgImportChooseFile: 'Kies eerst een CSV-bestand.',
  orgImportReadError: 'Dit bestand kon niet gelezen worden. Kies een CSV-bestand (.csv).',
  orgImportTooLarge: 'Dit bestand is te groot (hoogstens 240 kB). Verdeel het over kleinere bestanden.',
  orgImportFileInvalid:
    'Dit bestand kan niet geïmporteerd worden. Controleer of de eerste rij de kolommen noemt (minstens name en email) en of er minstens één persoon onder staat.',
  orgImportPreviewTitle: 'Stap 2: nakijken en importeren (er is nog niets bewaard)',
  orgImportSummaryLabel: 'Samenvatting',
  orgImportCount: {
    confirmed: (n: number) => plural(n, '1 persoon krijgt een plaats', '# mensen krijgen een plaats'),
    waitlisted: (n: number) => plural(n, '1 persoon komt op de wachtlijst', '# mensen komen op de wachtlijst'),
    duplicate: (n: number) => plural(n, '1 rij herhaalt een eerdere rij', '# rijen herhalen een eerdere rij'),
    already_registered: (n: number) => plural(n, '1 persoon is al ingeschreven', '# mensen zijn al ingeschreven'),
    invalid: (n: number) => plural(n, '1 rij moet verbeterd worden', '# rijen moeten verbeterd worden'),
    failed: (n: number) => plural(n, '1 persoon kon niet toegevoegd worden', '# mensen konden niet toegevoegd worden'),
  },
  orgImportDoneCount: {
    confirmed: (n: number) => plural(n, '1 persoon toegevoegd met een plaats', '# mensen toegevoegd met een plaats'),
    waitlisted: (n: number) => plural(n, '1 persoon toegevoegd aan de wachtlijst', '# mensen toegevoegd aan de wachtlijst'),
    duplicate: (n: number) => plural(n, '1 dubbele rij overgeslagen', '# dubbele rijen overgeslagen'),
    already_registered: (n: number) => plural(n, '1 persoon was al ingeschreven', '# mensen waren al ingeschreven'),
    invalid: (n: number) => plural(n, '1 rij overgeslagen: te verbeteren', '# rijen overgeslagen: te verbeteren'),
    failed: (n: number) => plural(n, '1 persoon kon niet toegevoegd worden', '# mensen konden niet toegevoegd worden'),
  },
  orgImportOutcome: {
    confirmed: 'Krijgt een plaats',
    waitlisted: 'Wachtlijst',
    duplicate: 'Dubbel in het bestand',
    already_registered: 'Al ingeschreven',
    invalid: 'Te verbeteren',
    failed: 'Niet toegevoegd',
  },
  orgImportAdded: {
    confirmed: 'Toegevoegd: plaats bevestigd',
    waitlisted: 'Toegevoegd: wachtlijst',
    duplicate: 'Overgeslagen: dubbel in het bestand',
    already_registered: 'Overgeslagen: al ingeschreven',
    invalid: 'Overgeslagen: te verbeteren',
    failed: 'Niet toegevoegd',
  },
  orgImportPosition: (n: number) => `plaats ${n}`,
  orgColLine: 'Rij',
  orgColResult: 'Resultaat',
  orgColProblem: 'Probleem',
  orgImportField: {
    name: 'Naam',
    email: 'E-mail',
    company: 'Bedrijf',
    sector: 'Sector',
    jobTitle: 'Functie',
    language: 'Taal',
    linkedinUrl: 'LinkedIn',
    row: 'Rij',
  },
  orgImportIssueMissing: (field: string) => `${field} ontbreekt of is niet geldig`,
  orgImportIssueEmail: 'Geen geldig e-mailadres',
  orgImportIssueSector: 'Staat niet in de lijst met sectoren',
  orgImportIssueLanguage: 'De taal moet nl of en zijn',
  orgImportIssueAlsoOnLine: (line: string) => `Zelfde e-mailadres als rij ${line}`,
  orgImportIssueFailed: 'Kon niet toegevoegd worden; probeer opnieuw',
  orgImportCommit: (n: number) => plural(n, '1 persoon importeren', '# mensen importeren'),
  orgImportImporting: 'Bezig met importeren…',
  orgImportNothing: 'Er is niemand om te importeren. Verbeter de rijen met “Te verbeteren” in je bestand en controleer het opnieuw.',
  orgImportMailNote:
    'Iedereen die geïmporteerd wordt, krijgt de gewone e-mail: een bevestiging met persoonlijke links en agenda-uitnodiging, of hun plaats op de wachtlijst.',
  orgImportDoneTitle: 'Import klaar',
  orgImportAnother: 'Nog een bestand importeren',
  orgImportChooseAgain: 'Een ander bestand kiezen',
  orgBackToEdition: 'Terug naar de editie',

  orgMailsTitle: 'E-mails bekijken',
  orgMailsIntro:
    'Elke e-mail die Tablehop over deze editie verstuurt, ingevuld met een voorbeeldpersoon en voorbeeldlinks. Van hieruit wordt niets verstuurd.',
  orgMailKindsLabel: 'E-mails',
  orgMailKind: {
    registration_confirmed: 'Inschrijving bevestigd',
    registration_waitlisted: 'Op de wachtlijst',
    seat_offered: 'Plaats aangeboden',
    registration_promoted: 'Doorgeschoven van de wachtlijst',
    offer_expired: 'Aanbod verlopen',
    manage_link: 'Al ingeschreven (link opnieuw)',
    reminder_24h: 'Herinnering, een dag vooraf',
    reminder_1h: 'Herinnering, een uur vooraf',
    registration_cancelled: 'Inschrijving geannuleerd',
    moderator_invite: 'Uitnodiging voor moderatoren',
    magic_login: 'Inloglink',
  },
  orgMailLanguage: 'Taal van de e-mail',
  orgMailSubject: 'Onderwerp',
  orgMailTo: 'Aan',
  orgMailCalendar: 'Met een agenda-uitnodiging (.ics).',
  orgMailShowAs: 'Tonen als',
  orgMailHtml: 'Opgemaakt',
  orgMailText: 'Platte tekst',
  orgMailFrameTitle: (kind: string) => `Voorbeeld van de e-mail “${kind}”`,

  orgOffline: 'Je bent offline. Wijzigingen kunnen pas bewaard worden als de verbinding terug is, en wat je ziet is misschien niet meer actueel.',
  orgBackOnline: 'Je bent weer online.',
};
