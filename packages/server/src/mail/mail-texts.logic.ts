import type { Language } from '@tablehop/protocol';
import type { MailMessage } from './mail.types.js';
import { formatDay, formatMoment, formatSlot, formatTime } from './mail-format.logic.js';

/** A link shown in a mail: the primary one as a button, the others as plain links. */
export interface MailLink {
  label: string;
  url: string;
}

/**
 * What a mail says, before layout. Every value is plain text; the layout escapes it for HTML,
 * so no text here may contain markup.
 */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  details: { label: string; value: string }[];
  action: MailLink | null;
  /** Shown right after the button, e.g. "The calendar invitation is attached." */
  afterAction: string[];
  links: MailLink[];
  closing: string[];
  footer: string;
}

const defaultTimeZone = 'Europe/Brussels';

type RegistrationMessage = Exclude<Extract<MailMessage, { registration: unknown }>, { kind: 'follow_up' }>;

/** Writes the words of a mail in the recipient's language. */
export function writeMailContent(message: MailMessage): MailContent {
  switch (message.kind) {
    case 'magic_login':
      return writeMagicLogin(message);
    case 'moderator_invite':
      return writeModeratorInvite(message);
    case 'follow_up':
      return writeFollowUp(message);
    default:
      return writeRegistrationMail(message);
  }
}

// A registration without a usable name still gets a proper greeting ("Dear," reads oddly).
function greet(language: Language, name: string): string {
  const trimmed = name.trim();
  if (language === 'nl') return trimmed ? `Dag ${trimmed},` : 'Dag,';
  return trimmed ? `Dear ${trimmed},` : 'Hello,';
}

function pick(language: Language) {
  return (nl: string, en: string): string => (language === 'nl' ? nl : en);
}

function writeRegistrationMail(m: RegistrationMessage): MailContent {
  const t = pick(m.to.language);
  const series = m.edition.seriesName;
  const { startsAt, durationMinutes, timeZone } = m.edition;
  const slot = formatSlot(startsAt, durationMinutes, timeZone, m.to.language);
  const time = formatTime(startsAt, timeZone, m.to.language);
  const day = formatDay(startsAt, timeZone, m.to.language);
  const join: MailLink = { label: t('Deelnemen via je persoonlijke link', 'Join with your personal link'), url: m.registration.joinUrl };
  const manage: MailLink = { label: t('Je inschrijving bekijken of annuleren', 'View or cancel your registration'), url: m.registration.manageUrl };
  const invite = t('De agenda-uitnodiging zit bij deze e-mail.', 'The calendar invitation is attached to this e-mail.');
  const joinHint = t(
    'Je neemt deel vanuit je browser: geen installatie en geen account nodig. Deze link is persoonlijk, deel hem niet.',
    'You join from your browser: no installation and no account needed. This link is personal, so please do not share it.',
  );
  const cancelHint = t(
    'Kan je toch niet? Annuleer dan even via je persoonlijke pagina, zodat iemand van de wachtlijst je plaats krijgt.',
    'Can no longer make it? Please cancel on your personal page, so someone on the waiting list gets your seat.',
  );
  const base = {
    greeting: greet(m.to.language, m.to.name),
    details: [{ label: t('Wanneer', 'When'), value: slot }],
    afterAction: [] as string[],
    links: [manage],
    closing: [t('Hartelijke groet,', 'Kind regards,'), t(`Het team van ${series}`, `The ${series} team`)],
    footer: t(
      `Je ontvangt deze e-mail omdat ${m.to.email} is ingeschreven voor ${series}.`,
      `You are receiving this e-mail because ${m.to.email} is registered for ${series}.`,
    ),
  };
  switch (m.kind) {
    case 'registration_confirmed':
      return {
        ...base,
        subject: t(`Je bent ingeschreven: ${series} op ${day}`, `You're registered: ${series} on ${day}`),
        paragraphs: [
          t(
            `Bedankt voor je inschrijving voor ${series}. Je plaats is bevestigd.`,
            `Thank you for registering for ${series}. Your seat is confirmed.`,
          ),
          joinHint,
        ],
        action: join,
        afterAction: [invite, cancelHint],
      };
    case 'registration_promoted':
      return {
        ...base,
        subject: t(`Goed nieuws: je hebt een plaats voor ${series} op ${day}`, `Good news: you have a seat for ${series} on ${day}`),
        paragraphs: [
          t(
            'Er is een plaats vrijgekomen en die is voor jou: je schuift door van de wachtlijst en je inschrijving is bevestigd.',
            'A seat has become available and it is yours: you have moved up from the waiting list and your registration is confirmed.',
          ),
          joinHint,
        ],
        action: join,
        afterAction: [invite, cancelHint],
      };
    case 'registration_waitlisted': {
      const promotion =
        m.promotionMode === 'offer'
          ? t(
              'Komt er een plaats vrij, dan bieden we die automatisch aan de eerste op de wachtlijst aan. Je krijgt dan meteen een e-mail om je plaats binnen een bepaalde tijd te bevestigen.',
              'When a seat frees up, it is offered automatically to the first person on the waiting list. You will get an e-mail straight away to confirm your seat within a set time.',
            )
          : t(
              'Komt er een plaats vrij, dan schuift de eerste op de wachtlijst automatisch door. Je hoeft niets te doen: je krijgt meteen een e-mail met je bevestiging en je persoonlijke link.',
              'When a seat frees up, the first person on the waiting list moves up automatically. You need not do anything: you will get an e-mail straight away with your confirmation and personal link.',
            );
      return {
        ...base,
        subject: t(
          `Je staat op de wachtlijst voor ${series} (plaats ${m.position})`,
          `You're on the waiting list for ${series} (position ${m.position})`,
        ),
        paragraphs: [
          t(
            `Bedankt voor je inschrijving voor ${series}. Alle plaatsen zijn op dit moment bezet, dus we hebben je op de wachtlijst gezet.`,
            `Thank you for registering for ${series}. All seats are taken at the moment, so we have put you on the waiting list.`,
          ),
          promotion,
          t('Op je persoonlijke pagina zie je altijd je actuele plaats.', 'Your personal page always shows your current position.'),
        ],
        details: [...base.details, { label: t('Plaats op de wachtlijst', 'Position on the waiting list'), value: String(m.position) }],
        action: null,
      };
    }
    case 'seat_offered': {
      const deadline = formatMoment(m.offerExpiresAt, timeZone, m.to.language);
      return {
        ...base,
        subject: t(`Er is een plaats vrij voor jou: ${series}`, `A seat is free for you: ${series}`),
        paragraphs: [
          t(
            `Goed nieuws: er is een plaats vrijgekomen voor ${series} en we houden die voor je vast.`,
            `Good news: a seat has become available for ${series} and we are holding it for you.`,
          ),
          t(
            `Bevestig je plaats vóór ${deadline}. Daarna gaat ze naar de volgende persoon op de wachtlijst.`,
            `Please confirm your seat before ${deadline}. After that, it goes to the next person on the waiting list.`,
          ),
        ],
        details: [...base.details, { label: t('Bevestigen vóór', 'Confirm before'), value: deadline }],
        action: { label: t('Mijn plaats bevestigen', 'Confirm my seat'), url: m.acceptUrl },
      };
    }
    case 'registration_cancelled':
      return {
        ...base,
        subject: t(`Je inschrijving voor ${series} op ${day} is geannuleerd`, `Your registration for ${series} on ${day} is cancelled`),
        paragraphs: [
          t(`Je inschrijving voor ${series} is geannuleerd.`, `Your registration for ${series} has been cancelled.`),
          t(
            'Stond de afspraak in je agenda? De bijgevoegde annulering haalt ze eruit.',
            'Was the event in your calendar? The attached cancellation removes it.',
          ),
          t(
            'Toch van gedachten veranderd? Je bent welkom om je opnieuw in te schrijven zolang er plaats is.',
            'Changed your mind? You are welcome to register again while seats are available.',
          ),
        ],
        action: null,
        links: [{ label: t('Je inschrijving bekijken', 'View your registration'), url: m.registration.manageUrl }],
      };
    case 'offer_expired':
      return {
        ...base,
        subject: t(`De aangeboden plaats voor ${series} is vervallen`, `The seat offered to you for ${series} has expired`),
        paragraphs: [
          t(
            'De plaats die we voor je vasthielden, werd niet op tijd bevestigd. Ze is daarom doorgegeven aan de volgende persoon op de wachtlijst.',
            'The seat we were holding for you was not confirmed in time, so it has passed to the next person on the waiting list.',
          ),
          t('Je bent van harte welkom op een volgende editie.', 'You are most welcome at a next edition.'),
        ],
        action: null,
      };
    case 'reminder_24h':
      return {
        ...base,
        subject: t(`Morgen om ${time}: ${series}`, `Tomorrow at ${time}: ${series}`),
        paragraphs: [
          t(
            `Morgen is het zover: ${series} begint om ${time}. We kijken ernaar uit je te ontmoeten.`,
            `Tomorrow is the day: ${series} starts at ${time}. We look forward to meeting you.`,
          ),
          t(
            'Tip: zoek een rustige plek, zet je camera aan en gebruik een headset. Zo wordt het voor iedereen een fijne ochtend.',
            'Tip: find a quiet spot, switch on your camera and use a headset. It makes the morning pleasant for everyone.',
          ),
        ],
        action: join,
        afterAction: [joinHint, invite, cancelHint],
      };
    case 'reminder_1h':
      return {
        ...base,
        subject: t(`Over een uur begint ${series}`, `${series} starts in one hour`),
        paragraphs: [
          t(
            `Nog even: ${series} begint om ${time}. Kom gerust een paar minuten vroeger binnen.`,
            `Almost time: ${series} starts at ${time}. Feel free to join a few minutes early.`,
          ),
        ],
        action: join,
        afterAction: [joinHint, invite],
      };
    case 'manage_link': {
      const status =
        m.status === 'confirmed'
          ? t('bevestigd', 'confirmed')
          : m.status === 'offered'
            ? t('er is een plaats voor je vrijgehouden', 'a seat is being held for you')
            : m.position === null
              ? t('op de wachtlijst', 'on the waiting list')
              : t(`op de wachtlijst, plaats ${m.position}`, `on the waiting list, position ${m.position}`);
      return {
        ...base,
        subject: t(`Je inschrijving voor ${series}`, `Your registration for ${series}`),
        paragraphs: [
          t(
            `Er is opnieuw een inschrijving voor ${series} ontvangen met dit e-mailadres. Je was al ingeschreven, dus we hebben je bestaande inschrijving behouden.`,
            `We received another registration for ${series} with this e-mail address. You were already registered, so we kept your existing registration.`,
          ),
          t('Via je persoonlijke pagina bekijk of annuleer je je inschrijving.', 'On your personal page you can view or cancel your registration.'),
        ],
        details: [...base.details, { label: t('Status', 'Status'), value: status }],
        action: manage,
        links: m.status === 'confirmed' ? [join] : [],
      };
    }
  }
}

function writeMagicLogin(m: Extract<MailMessage, { kind: 'magic_login' }>): MailContent {
  const t = pick(m.to.language);
  const until = formatMoment(m.expiresAt, m.timeZone ?? defaultTimeZone, m.to.language);
  return {
    subject: t('Je aanmeldlink voor Tablehop', 'Your sign-in link for Tablehop'),
    greeting: greet(m.to.language, m.to.name),
    paragraphs: [
      t(
        `Met de knop hieronder meld je je aan. De link werkt één keer en is geldig tot ${until}.`,
        `Use the button below to sign in. The link works once and is valid until ${until}.`,
      ),
      t(
        'Heb je deze link niet aangevraagd? Dan mag je deze e-mail gewoon negeren.',
        'Did not ask for this link? Then you can safely ignore this e-mail.',
      ),
    ],
    details: [],
    action: { label: t('Aanmelden', 'Sign in'), url: m.loginUrl },
    afterAction: [],
    links: [],
    closing: [t('Hartelijke groet,', 'Kind regards,'), 'Tablehop'],
    footer: t(`Deze e-mail werd verstuurd naar ${m.to.email} op aanvraag.`, `This e-mail was sent to ${m.to.email} on request.`),
  };
}

function writeModeratorInvite(m: Extract<MailMessage, { kind: 'moderator_invite' }>): MailContent {
  const t = pick(m.to.language);
  const until = formatMoment(m.expiresAt, m.timeZone ?? defaultTimeZone, m.to.language);
  return {
    subject: t(`${m.invitedBy} nodigt je uit als moderator op Tablehop`, `${m.invitedBy} invites you to moderate on Tablehop`),
    greeting: greet(m.to.language, m.to.name),
    paragraphs: [
      t(
        `${m.invitedBy} nodigt je uit als moderator voor onze online netwerkmomenten.`,
        `${m.invitedBy} invites you to be a moderator at our online networking events.`,
      ),
      t(
        'Als moderator begeleid je tijdens de netwerkrondes een kleine groep: je heet iedereen welkom, bewaakt de tijd en brengt het gesprek op gang.',
        'As a moderator you host a small group during the networking rounds: you welcome everyone, keep time and get the conversation going.',
      ),
      t(`Aanvaard de uitnodiging vóór ${until} om je account aan te maken.`, `Accept the invitation before ${until} to set up your account.`),
    ],
    details: [],
    action: { label: t('Uitnodiging aanvaarden', 'Accept the invitation'), url: m.inviteUrl },
    afterAction: [],
    links: [],
    closing: [t('Hartelijke groet,', 'Kind regards,'), m.invitedBy],
    footer: t(`Deze uitnodiging werd verstuurd naar ${m.to.email}.`, `This invitation was sent to ${m.to.email}.`),
  };
}

// --- After the event (followup/) ---

function writeFollowUp(m: Extract<MailMessage, { kind: 'follow_up' }>): MailContent {
  const t = pick(m.to.language);
  const series = m.edition.seriesName;
  const day = formatDay(m.edition.startsAt, m.edition.timeZone, m.to.language);
  const paragraphs = [
    t(
      `Bedankt om erbij te zijn op ${series} van ${day}. We hopen dat je mooie gesprekken had.`,
      `Thank you for joining ${series} on ${day}. We hope you had some good conversations.`,
    ),
    t(
      'Op je persoonlijke pagina zie je wie je aan tafel ontmoette, met hun kaartje. Wil je contact houden? Vraag het daar: je contactgegevens worden pas zichtbaar als jullie het allebei willen.',
      'Your personal page shows whom you met at your tables, with their cards. Want to stay in touch? Ask there: contact details only show once you both agree.',
    ),
  ];
  const links: MailLink[] = [{ label: t('Geef je mening (1 minuut)', 'Share your feedback (1 minute)'), url: m.feedbackUrl }];
  const details: { label: string; value: string }[] = [];
  if (m.next) {
    const nextSlot = formatSlot(new Date(m.next.startsAt), m.edition.durationMinutes, m.edition.timeZone, m.to.language);
    paragraphs.push(
      t(
        'Zin in meer? De volgende editie staat al klaar. Met de link hieronder schrijf je je in één klik in met dezelfde gegevens (je bevestigt eerst).',
        'Up for more? The next edition is ready. The link below registers you in one click with the same details (you confirm first).',
      ),
    );
    details.push({ label: t('Volgende editie', 'Next edition'), value: nextSlot });
    links.push({ label: t('Inschrijven voor de volgende editie', 'Register for the next edition'), url: m.next.registerUrl });
  }
  links.push({
    label: t('Je persoonlijke pagina (ook om je gegevens te downloaden of te wissen)', 'Your personal page (also to download or delete your data)'),
    url: m.registration.manageUrl,
  });
  return {
    subject: t(`Bedankt voor ${series}: wie je ontmoette`, `Thank you for ${series}: the people you met`),
    greeting: greet(m.to.language, m.to.name),
    paragraphs,
    details,
    action: { label: t('Bekijk wie je ontmoette', 'See the people you met'), url: m.metUrl },
    afterAction: [],
    links,
    closing: [t('Hartelijke groet,', 'Kind regards,'), t(`Het team van ${series}`, `The ${series} team`)],
    footer: t(
      `Je ontvangt deze e-mail omdat ${m.to.email} deelnam aan ${series}. Op je persoonlijke pagina kan je je gegevens downloaden of laten wissen.`,
      `You are receiving this e-mail because ${m.to.email} took part in ${series}. On your personal page you can download or delete your data.`,
    ),
  };
}
