/**
 * The strings of "after the event" (features/followup): people I met, feedback, my data, the next
 * edition, a moderator's feedback and the organizer's retention setting. Spread into the
 * dictionaries of i18n.ts; `en` defines the shape, `nl` must match.
 */

const listTables = (tables: readonly number[], word: [string, string], and: string) =>
  tables.length === 1 ? `${word[0]} ${tables[0]}` : `${word[1]} ${tables.slice(0, -1).join(', ')} ${and} ${tables.at(-1)}`;

export const followupEn = {
  // The section on the manage page
  fuSectionTitle: 'After the event',
  fuSectionIntro: 'See whom you met, stay in touch and tell us how it went.',
  fuLinkMet: 'People I met',
  fuLinkFeedback: 'Give feedback',
  fuLinkNext: 'Register for the next edition',
  fuLinkPrivacy: 'My data and privacy',
  fuBackToManage: 'Back to my registration',

  // People I met
  fuMetTitle: 'People I met',
  fuMetIntro:
    'Everyone who sat at your table, round by round. Want to stay in touch? Ask to connect: contact details appear only once you both agree.',
  fuMetConsentOn: 'You chose at registration to share your contact details with everyone who chose the same: with them, details show straight away.',
  fuMetNotAttended: 'You were not seated at a table at this event, so there is nobody to show here.',
  fuMetNotYet: 'Once the event has taken place, the people you met appear here.',
  fuRound: (round: number) => `Round ${round}`,
  fuTables: (tables: readonly number[]) => listTables(tables, ['table', 'tables'], 'and'),
  fuModeratorRole: 'moderator',
  fuRemovedPerson: 'A participant who removed their data',
  fuOffers: 'Offers',
  fuLooksFor: 'Looking for',
  fuConnect: 'Ask to connect',
  fuAccept: 'Accept and connect',
  fuRequested: 'Request sent. Their contact details appear when they accept.',
  fuIncoming: 'Would like to connect with you.',
  fuConnected: 'Connected',
  fuSharedByConsent: 'You both chose to share your details at registration.',
  fuWithdraw: 'Withdraw my request',
  fuStopSharing: 'Stop sharing my details',
  fuEmail: 'E-mail',
  fuLinkedin: 'LinkedIn',
  fuDownloadVcard: 'Save contact (vCard)',
  fuAnnounceRequested: (name: string) => `Request sent to ${name}.`,
  fuAnnounceConnected: (name: string) => `You are connected with ${name}. Their contact details are shown.`,
  fuAnnounceWithdrawn: (name: string) => `Your request to ${name} is withdrawn.`,
  fuWorking: 'One moment…',
  fuPersonLabel: (name: string) => `Card of ${name}`,

  // Feedback
  fuFeedbackTitle: 'How was it?',
  fuFeedbackIntro: 'Your feedback helps us make the next edition better. It takes a minute.',
  fuRatingLegend: 'Your overall rating',
  fuRatingWords: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] as readonly string[],
  fuRatingOption: (n: number, word: string) => `${n} out of 5: ${word}`,
  fuRecommendLegend: 'How likely are you to recommend this event to a colleague?',
  fuRecommendScale: '0 = not at all likely, 10 = extremely likely',
  fuCommentLabel: 'Anything else you want to tell us?',
  fuCommentHint: 'Optional. Only the organizers read this.',
  fuSave: 'Send feedback',
  fuUpdate: 'Update my feedback',
  fuSaving: 'Sending…',
  fuSaved: 'Thank you! Your feedback is saved. You can change it here at any time.',
  fuFeedbackNotOpen: 'You can give feedback once the event has started.',
  fuRatingRequired: 'Choose a rating from 1 to 5.',

  // My data
  fuPrivacyTitle: 'My data',
  fuPrivacyIntro: 'What we keep about you, and what you can do with it.',
  fuExportTitle: 'Download my data',
  fuExportText:
    'A file (JSON) with all your registrations for our events under this e-mail address, the tables you sat at, your contact requests and your feedback.',
  fuExportButton: 'Download my data',
  fuDeleteTitle: 'Delete my data',
  fuDeleteText:
    'We remove your name, e-mail address, company and everything else you told us from all your registrations. Upcoming registrations are cancelled, your contact requests and feedback comments are removed, and your personal links stop working. We keep only anonymous figures, such as how many people came.',
  fuDeleteConfirmLabel: 'I understand that this cannot be undone.',
  fuDeleteButton: 'Delete my data',
  fuDeleting: 'Deleting…',
  fuDeleteNeedsConfirm: 'Tick the box first to confirm.',
  fuDeletedTitle: 'Your data has been deleted',
  fuDeletedText: 'We removed your personal data. This link no longer works. Thank you for taking part.',

  // The next edition
  fuNextTitle: 'Register for the next edition',
  fuNextIntro: 'We register you with the same details as last time. Check them and confirm.',
  fuNextNone: 'There is no next edition open for registration yet. Keep an eye on your inbox or the list of events.',
  fuNextDetails: 'Your details',
  fuNextConsent: 'By confirming, you agree again that your details are stored to organise this event, as when you first registered.',
  fuNextConfirm: 'Confirm my registration',
  fuNextConfirming: 'Registering…',
  fuNextAlready: 'You are already registered for this edition.',
  fuNextConfirmed: 'You are registered! A confirmation with your personal join link is on its way.',
  fuNextWaitlisted: (position: number | null) =>
    position
      ? `All seats are taken: you are number ${position} on the waiting list. We e-mail you as soon as a seat is yours.`
      : 'All seats are taken: you are on the waiting list. We e-mail you as soon as a seat is yours.',
  fuNextNotOpen: 'Registration for this edition is not open at the moment.',
  fuNextManage: 'View my new registration',

  // A moderator's feedback
  fuModFeedbackTitle: 'Your feedback as a moderator',
  fuModFeedbackIntro: 'How did your tables go? Only the organizers read this.',
  fuModListTitle: 'Feedback on past editions',
  fuModListEmpty: 'Once an edition you moderate has started, you can give feedback on it here.',
  fuModListGive: 'Give feedback',
  fuModListChange: 'Change feedback',
  fuModListGiven: (rating: number) => `Your rating: ${rating} out of 5`,
  fuModListOpenFor: (action: string, date: string) => `${action}: ${date}`,

  // The organizer's retention setting of a series
  fuRetentionLabel: 'Delete personal data after (days)',
  fuRetentionHint:
    'Names, e-mail addresses and other details of the participants of each edition are removed this many days after it ended; figures stay. Leave empty to keep them.',
  fuRetentionSave: 'Save',
  fuRetentionSaved: 'Saved.',
  fuRetentionInvalid: 'Enter a number of days from 1 to 3650, or leave the field empty.',

  fuErrors: {
    ERR_NOT_MET: 'You did not sit at a table with this person.',
    ERR_CONTACT_NOT_SHARED: 'This person has not shared their contact details with you (yet).',
    ERR_FEEDBACK_NOT_OPEN: 'You can give feedback once the event has started.',
    ERR_NO_NEXT_EDITION: 'There is no next edition open for registration yet.',
  } as Record<string, string>,
};

export type FollowupMessages = typeof followupEn;

export const followupNl: FollowupMessages = {
  fuSectionTitle: 'Na het event',
  fuSectionIntro: 'Bekijk wie je ontmoette, blijf in contact en laat ons weten hoe het was.',
  fuLinkMet: 'Wie ik ontmoette',
  fuLinkFeedback: 'Feedback geven',
  fuLinkNext: 'Inschrijven voor de volgende editie',
  fuLinkPrivacy: 'Mijn gegevens en privacy',
  fuBackToManage: 'Terug naar mijn inschrijving',

  fuMetTitle: 'Wie ik ontmoette',
  fuMetIntro:
    'Iedereen die bij jou aan tafel zat, ronde per ronde. Contact houden? Vraag om te connecteren: contactgegevens verschijnen pas als jullie het allebei willen.',
  fuMetConsentOn: 'Je koos bij je inschrijving om je contactgegevens te delen met iedereen die hetzelfde koos: bij hen zie je de gegevens meteen.',
  fuMetNotAttended: 'Je zat tijdens dit event niet aan een tafel, dus er is hier niemand te tonen.',
  fuMetNotYet: 'Zodra het event heeft plaatsgevonden, zie je hier wie je ontmoette.',
  fuRound: (round) => `Ronde ${round}`,
  fuTables: (tables) => listTables(tables, ['tafel', 'tafels'], 'en'),
  fuModeratorRole: 'moderator',
  fuRemovedPerson: 'Een deelnemer die zijn gegevens liet wissen',
  fuOffers: 'Biedt',
  fuLooksFor: 'Zoekt',
  fuConnect: 'Vraag om te connecteren',
  fuAccept: 'Aanvaarden en connecteren',
  fuRequested: 'Verzoek verstuurd. Hun contactgegevens verschijnen zodra ze aanvaarden.',
  fuIncoming: 'Wil graag met je connecteren.',
  fuConnected: 'Verbonden',
  fuSharedByConsent: 'Jullie kozen allebei bij de inschrijving om je gegevens te delen.',
  fuWithdraw: 'Mijn verzoek intrekken',
  fuStopSharing: 'Mijn gegevens niet meer delen',
  fuEmail: 'E-mail',
  fuLinkedin: 'LinkedIn',
  fuDownloadVcard: 'Contact bewaren (vCard)',
  fuAnnounceRequested: (name) => `Verzoek verstuurd naar ${name}.`,
  fuAnnounceConnected: (name) => `Je bent verbonden met ${name}. Hun contactgegevens staan erbij.`,
  fuAnnounceWithdrawn: (name) => `Je verzoek aan ${name} is ingetrokken.`,
  fuWorking: 'Even geduld…',
  fuPersonLabel: (name) => `Kaartje van ${name}`,

  fuFeedbackTitle: 'Hoe was het?',
  fuFeedbackIntro: 'Met je feedback maken we de volgende editie nog beter. Het duurt een minuutje.',
  fuRatingLegend: 'Je algemene score',
  fuRatingWords: ['Slecht', 'Matig', 'Goed', 'Zeer goed', 'Uitstekend'],
  fuRatingOption: (n, word) => `${n} op 5: ${word}`,
  fuRecommendLegend: 'Hoe waarschijnlijk is het dat je dit event aanraadt aan een collega?',
  fuRecommendScale: '0 = helemaal niet waarschijnlijk, 10 = zeer waarschijnlijk',
  fuCommentLabel: 'Wil je ons nog iets vertellen?',
  fuCommentHint: 'Niet verplicht. Alleen de organisatoren lezen dit.',
  fuSave: 'Feedback versturen',
  fuUpdate: 'Mijn feedback bijwerken',
  fuSaving: 'Versturen…',
  fuSaved: 'Bedankt! Je feedback is bewaard. Je kan ze hier altijd aanpassen.',
  fuFeedbackNotOpen: 'Je kan feedback geven zodra het event begonnen is.',
  fuRatingRequired: 'Kies een score van 1 tot 5.',

  fuPrivacyTitle: 'Mijn gegevens',
  fuPrivacyIntro: 'Wat we over je bijhouden, en wat je ermee kan doen.',
  fuExportTitle: 'Mijn gegevens downloaden',
  fuExportText:
    'Een bestand (JSON) met al je inschrijvingen voor onze events op dit e-mailadres, de tafels waaraan je zat, je contactverzoeken en je feedback.',
  fuExportButton: 'Mijn gegevens downloaden',
  fuDeleteTitle: 'Mijn gegevens wissen',
  fuDeleteText:
    'We wissen je naam, e-mailadres, bedrijf en alles wat je ons vertelde uit al je inschrijvingen. Komende inschrijvingen worden geannuleerd, je contactverzoeken en feedbackcommentaar verdwijnen en je persoonlijke links werken niet meer. We houden alleen anonieme cijfers bij, zoals hoeveel mensen er kwamen.',
  fuDeleteConfirmLabel: 'Ik begrijp dat dit niet ongedaan kan worden.',
  fuDeleteButton: 'Mijn gegevens wissen',
  fuDeleting: 'Wissen…',
  fuDeleteNeedsConfirm: 'Vink eerst het vakje aan om te bevestigen.',
  fuDeletedTitle: 'Je gegevens zijn gewist',
  fuDeletedText: 'We hebben je persoonsgegevens verwijderd. Deze link werkt niet meer. Bedankt om deel te nemen.',

  fuNextTitle: 'Inschrijven voor de volgende editie',
  fuNextIntro: 'We schrijven je in met dezelfde gegevens als de vorige keer. Kijk ze na en bevestig.',
  fuNextNone: 'Er staat nog geen volgende editie open voor inschrijving. Hou je mailbox of de lijst met events in de gaten.',
  fuNextDetails: 'Je gegevens',
  fuNextConsent:
    'Door te bevestigen ga je opnieuw akkoord dat je gegevens bewaard worden om dit event te organiseren, zoals bij je eerste inschrijving.',
  fuNextConfirm: 'Mijn inschrijving bevestigen',
  fuNextConfirming: 'Inschrijven…',
  fuNextAlready: 'Je bent al ingeschreven voor deze editie.',
  fuNextConfirmed: 'Je bent ingeschreven! Een bevestiging met je persoonlijke deelnamelink is onderweg.',
  fuNextWaitlisted: (position) =>
    position
      ? `Alle plaatsen zijn bezet: je staat op plaats ${position} van de wachtlijst. We mailen je zodra er een plaats voor je is.`
      : 'Alle plaatsen zijn bezet: je staat op de wachtlijst. We mailen je zodra er een plaats voor je is.',
  fuNextNotOpen: 'De inschrijving voor deze editie is op dit moment niet open.',
  fuNextManage: 'Mijn nieuwe inschrijving bekijken',

  fuModFeedbackTitle: 'Je feedback als moderator',
  fuModFeedbackIntro: 'Hoe liepen je tafels? Alleen de organisatoren lezen dit.',
  fuModListTitle: 'Feedback op voorbije edities',
  fuModListEmpty: 'Zodra een editie die je modereert begonnen is, kan je er hier feedback op geven.',
  fuModListGive: 'Feedback geven',
  fuModListChange: 'Feedback aanpassen',
  fuModListGiven: (rating) => `Je score: ${rating} op 5`,
  fuModListOpenFor: (action, date) => `${action}: ${date}`,

  fuRetentionLabel: 'Persoonsgegevens wissen na (dagen)',
  fuRetentionHint:
    'Namen, e-mailadressen en andere gegevens van de deelnemers van elke editie worden zoveel dagen na afloop gewist; de cijfers blijven. Laat leeg om ze te bewaren.',
  fuRetentionSave: 'Bewaren',
  fuRetentionSaved: 'Bewaard.',
  fuRetentionInvalid: 'Geef een aantal dagen van 1 tot 3650, of laat het veld leeg.',

  fuErrors: {
    ERR_NOT_MET: 'Je zat niet aan tafel met deze persoon.',
    ERR_CONTACT_NOT_SHARED: 'Deze persoon deelt (nog) geen contactgegevens met jou.',
    ERR_FEEDBACK_NOT_OPEN: 'Je kan feedback geven zodra het event begonnen is.',
    ERR_NO_NEXT_EDITION: 'Er staat nog geen volgende editie open voor inschrijving.',
  },
};
