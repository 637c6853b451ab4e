/**
 * The golden scenario (issue 6), end to end in real headless Chromium against the real product
 * (its own process, its own Janus, mail over SMTP to a mailbox in this process), inside the
 * isolated network namespace of `scripts/e2e-netns.sh`:
 *
 * 1. An organizer logs in, creates a series and an edition, invites two moderators (who accept from
 *    their mail and choose a password) and assigns them: 2 x groups of 3 = 6 seats.
 * 2. Eight people register on the public page: six get a seat, two land on the waiting list. One
 *    cancels from the link in her mail; the first on the waiting list moves up (mail and page).
 * 3. The host runs the control room; moderators and participants join from their links (three
 *    with the fake camera, the others with the camera off). Two rounds run: every browser shows
 *    the table the live engine planned (so does the control room), media flows, a moderator asks for
 *    help and the host sees it; the event ends and everyone sees so.
 * 4. The follow-up mail brings a participant to "People I met" (asks one to connect) and feedback.
 *
 * Every main screen is saved to `artifacts/screenshots/<nn>-<screen>.png` and checked with axe-core;
 * any serious or critical violation fails the run (all of them are listed). Run: `npm run e2e:golden`.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../packages/server/test/live-product';
import { launchChromium } from './support/browser';
import { moderators, newPersonPage, people, type Person } from './support/golden-cast';
import { writeReadmeScreenshots } from './support/golden-docs';
import { runLiveEvent } from './support/golden-event';
import { followUp, organizerReport } from './support/golden-followup';
import { startMailbox, type Mail } from './support/golden-mail';
import { startGoldenProduct } from './support/golden-product';
import { createScreens, formatProblems } from './support/golden-screens';
import { prepareEdition } from './support/golden-setup';

/** Screens shown in the README (`docs/screenshots/<name>.png`), by screen name. */
const readmeScreens: Record<string, string> = {
  'edition-page': 'registration',
  'registration-waitlisted': 'waiting-list',
  'organizer-dashboard': 'organizer-dashboard',
  'edition-admin': 'edition-admin',
  'control-room': 'control-room',
  'moderator-view': 'moderator-view',
  'participant-table': 'participant-table',
};

const started = Date.now();
const log = (...parts: unknown[]) =>
  console.log(`[e2e:golden ${new Date().toISOString().slice(11, 19)} +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...parts);

async function main(): Promise<void> {
  if (!process.env.TABLEHOP_E2E_NETNS) throw new Error('run me through scripts/e2e-netns.sh (npm run e2e:golden): Janus needs the namespace');
  const screens = createScreens(join(repoRoot, 'artifacts/screenshots'), log);
  const mail = await startMailbox();
  const product = await startGoldenProduct(mail.smtpUrl);
  // Participants and moderators share one Chromium (contexts are cheap); the organizer, who goes on
  // stage as host, has a Chromium of its own: Chromium's fake camera is one device per browser, whose
  // few capture buffers the participants' pages hold on to, which would starve the host's camera.
  const browser = await launchChromium();
  const organizerBrowser = await launchChromium();
  log(`product at ${product.url}, mail at ${mail.smtpUrl}`);
  let failure: unknown = null;
  const problems: string[] = [];
  try {
    const prepared = await prepareEdition(browser, organizerBrowser, product.url, product.admin, mail, screens, log);
    const participants: { person: Person; page: Page; seatMail: Mail }[] = [];
    for (const [i, seatMail] of prepared.seatMail.entries()) {
      if (!seatMail) continue;
      const { page } = await newPersonPage(browser, people[i]!.name, log);
      participants.push({ person: people[i]!, page, seatMail });
    }
    const rounds = await runLiveEvent({
      url: product.url,
      editionId: prepared.editionId,
      organizer: prepared.organizer,
      moderators: prepared.moderatorPages.map((page, i) => ({ moderator: moderators[i]!, page })),
      participants,
      screens,
      problems,
      log,
    });
    // The morning is over: close the live pages (spare the CPU), keep the first participant's browser.
    for (const { page } of [...participants.slice(1), ...prepared.moderatorPages.map((page) => ({ page }))]) await page.context().close();
    await followUp(participants[0]!.person, participants[0]!.page, rounds, mail, screens, log, {
      people,
      open: async (person) => (await newPersonPage(browser, person.name, log)).page,
    });
    await organizerReport(prepared.organizer, rounds, screens, log);
    if (process.env.GOLDEN_README_SCREENSHOTS === '1') {
      const written = await writeReadmeScreenshots(browser, screens.folder, screens.captured(), readmeScreens, join(repoRoot, 'docs/screenshots'));
      log(`README screenshots written to docs/screenshots: ${written.join(', ')}`);
    }
  } catch (error) {
    failure = error;
  } finally {
    await browser.close().catch(() => undefined);
    await organizerBrowser.close().catch(() => undefined);
    await product.stop();
    await mail.close();
  }
  const axe = screens.problems();
  log(`${screens.captured().length} screens saved in ${screens.folder}`);
  if (axe.length > 0) log(`axe: ${axe.length} serious/critical violation(s):\n${formatProblems(axe)}`);
  if (problems.length > 0) log(`${problems.length} problem(s) seen on the way:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (failure) throw failure;
  assert.equal(axe.length, 0, 'no serious or critical axe violation on any main screen');
  assert.equal(problems.length, 0, 'no problem seen on the way');
  log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[e2e:golden] FAIL after ${((Date.now() - started) / 1000).toFixed(1)} s:`, error);
    process.exit(1);
  },
);
