import type { Browser, BrowserContext, Page } from 'playwright-core';
import { smallCameraScript, trackPeersScript } from './browser';

/**
 * The people of the golden scenario. Two moderators x groups of 3 = 6 seats; eight people register
 * in this order, so the last two land on the waiting list. Chloé cancels, Greet (first waiting)
 * moves up, Hugo stays waiting. Three participants send their (fake) camera; the others join with
 * the camera off, which is what a 2-core machine can carry.
 */
export interface Person {
  name: string;
  email: string;
  company: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
  camera: boolean;
}

const person = (name: string, company: string, jobTitle: string, offer: string, lookingFor: string, camera = false): Person => ({
  name,
  email: `${name
    .split(' ')[0]!
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}@golden.example.com`,
  company,
  jobTitle,
  offer,
  lookingFor,
  camera,
});

export const people: Person[] = [
  person('Ada Peeters', 'Peeters Bakery', 'Owner', 'Sourdough and pastries for offices and events', 'A partner for morning deliveries', true),
  person('Bram Janssens', 'Janssens IT', 'Founder', 'IT support and laptops for small teams', 'New customers in retail', true),
  person('Chloé Martin', 'Atelier Martin', 'Designer', 'Brand identities and packaging', 'A printer who works in small runs'),
  person('Dirk Claes', 'Claes Accountancy', 'Partner', 'Bookkeeping for starters', 'Referrals from banks and notaries', true),
  person('Eva Wouters', 'Wouters Translations', 'Translator', 'Dutch, French and English translations', 'Agencies with international clients'),
  person('Farid El Amrani', 'Amrani Logistics', 'Operations manager', 'Same-day transport in the city', 'Shops that deliver to customers'),
  person('Greet Maes', 'Maes Coaching', 'Coach', 'Leadership coaching for new managers', 'HR managers of growing companies'),
  person('Hugo Jacobs', 'Jacobs Solar', 'Sales lead', 'Solar panels for company roofs', 'Facility managers'),
];

export interface Moderator {
  name: string;
  email: string;
  password: string;
}

export const moderators: Moderator[] = [
  { name: 'Marie Dubois', email: 'marie@golden.example.com', password: 'marie moderates well' },
  { name: 'Tom Verhoeven', email: 'tom@golden.example.com', password: 'tom moderates well' },
];

export const seriesName = 'Golden Friday';
/** The series' icebreaker prompts, one per round: every table sees the prompt of its round. */
export const icebreakers = ['What would make this morning a success for you?', 'Which customer would you love to meet this year?'];
export const groupSize = 3;
export const rounds = 2;
/** Chloé cancels; Greet is the first on the waiting list. */
export const cancelling = 2;
export const promoted = 6;
export const stillWaiting = 7;

/** A person's own browser: a context of the one Chromium, English, with the media test hooks. */
export async function newPersonPage(
  browser: Browser,
  label: string,
  log: (...parts: unknown[]) => void,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await page.addInitScript(trackPeersScript);
  await page.addInitScript(smallCameraScript);
  page.on('pageerror', (error) => log(`${label} page error:`, error.message));
  page.on('console', (message) => {
    // A 401 is how an anonymous page learns it has no session: expected, not worth a line.
    if (message.type() === 'error' && !message.text().includes('status of 401')) log(`${label} console.error:`, message.text());
  });
  return { context, page };
}
