import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { cancelling, groupSize, icebreakers, moderators, newPersonPage, people, promoted, rounds, seriesName, stillWaiting } from './golden-cast';
import { linkIn, type Mail, type Mailbox } from './golden-mail';
import type { Screens } from './golden-screens';

/**
 * The golden scenario up to the morning itself, all in the browser the way people do it: the
 * organizer creates the series and an edition, invites two moderators (who accept from their mail)
 * and assigns them; eight people register on the public page; one cancels from the link in her
 * mail and the first on the waiting list moves up.
 */
export interface Prepared {
  editionId: string;
  organizer: Page;
  moderatorPages: Page[];
  /** Per person (index of `people`): the mail with their join link, if they have a seat. */
  seatMail: (Mail | null)[];
}

type Log = (...parts: unknown[]) => void;

export async function prepareEdition(
  browser: Browser,
  /** The organizer's own browser (the host is on another machine than the participants). */
  organizerBrowser: Browser,
  url: string,
  admin: { email: string; password: string },
  mail: Mailbox,
  screens: Screens,
  log: Log,
): Promise<Prepared> {
  const { page: organizer } = await newPersonPage(organizerBrowser, 'organizer', log);
  await organizerLogsIn(organizer, url, admin, screens);
  await createSeriesAndEdition(organizer, screens);
  log('series and edition created');

  const moderatorPages = await inviteModerators(browser, organizer, mail, screens, log);
  log('moderators invited, accounts created from the invitation mails');

  const editionId = await assignModerators(organizer);
  log(`moderators assigned to edition ${editionId}: capacity ${moderators.length} x ${groupSize}`);

  await registerEveryone(browser, url, screens, log);
  const seatMail = await cancelAndPromote(browser, mail, screens, log);
  await checkAdminFigures(organizer, screens);
  return { editionId, organizer, moderatorPages, seatMail };
}

async function organizerLogsIn(page: Page, url: string, admin: { email: string; password: string }, screens: Screens) {
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: 'Log in' }).click();
  await screens.capture(page, 'login', page.getByRole('heading', { name: 'Log in', exact: true }));
  await page.getByLabel(/^E-mail address/).fill(admin.email);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('heading', { name: 'Series and editions' }).waitFor();
}

async function createSeriesAndEdition(page: Page, screens: Screens) {
  await page.getByRole('button', { name: 'New series' }).click();
  const form = page.getByRole('form', { name: 'New series' });
  await form.getByLabel(/^Name/).fill(seriesName);
  await form.getByLabel(/^Description/).fill('Meet fellow entrepreneurs in small groups of three, each with a moderator. Coffee not included.');
  await form.getByLabel(/^Language of the event/).selectOption('en');
  await form.getByLabel(/^Group size/).fill(String(groupSize));
  await form.getByLabel(/^Rounds/).fill(String(rounds));
  await form.getByLabel(/^Minutes per round/).fill('15');
  await form.getByLabel(/^Welcome \(minutes\)/).fill('5');
  for (const [i, prompt] of icebreakers.entries()) {
    await form.getByRole('button', { name: 'Add a prompt' }).click();
    await form.getByLabel(`Prompt ${i + 1}`, { exact: true }).fill(prompt);
  }
  await screens.capture(page, 'series-form');
  await form.getByRole('button', { name: 'Create series' }).click();

  const series = page.getByRole('region', { name: seriesName });
  await series.waitFor();
  // A week ahead: far from the reminder mails (24 h, 1 h), so the inboxes hold just this story.
  const start = new Date(Date.now() + 7 * 24 * 3600_000);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
  await series.getByLabel(/^Starts at/).fill(`${local}T09:30`);
  await series.getByRole('button', { name: 'Add edition' }).click();
  await series.getByText('Edition added.').waitFor();
  await screens.capture(page, 'organizer-dashboard-new', series.getByRole('link', { name: /^Manage the edition of/ }));
}

async function inviteModerators(browser: Browser, organizer: Page, mail: Mailbox, screens: Screens, log: Log): Promise<Page[]> {
  await organizer.getByRole('navigation', { name: 'Organizer' }).getByRole('link', { name: 'Moderators' }).click();
  const form = organizer.getByRole('form', { name: 'Invite a moderator' });
  for (const m of moderators) {
    await form.getByLabel(/^Full name/).fill(m.name);
    await form.getByLabel(/^E-mail address/).fill(m.email);
    await form.getByLabel(/^Language of the invitation/).selectOption('en');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await organizer.getByText(`Invitation sent to ${m.email}.`).waitFor();
  }
  await screens.capture(organizer, 'moderators', organizer.getByRole('cell', { name: moderators.at(-1)!.email }));

  const pages: Page[] = [];
  for (const [i, m] of moderators.entries()) {
    const invite = await mail.waitFor('the moderator invitation', m.email, (x) => x.links.some((l) => l.includes('/invite?token=')));
    const { page } = await newPersonPage(browser, `moderator ${i + 1}`, log);
    await page.goto(linkIn(invite, '/invite'));
    const heading = page.getByRole('heading', { name: 'Welcome to the team' });
    if (i === 0) await screens.capture(page, 'moderator-invite', heading);
    await page.getByLabel(/^Your name/).fill(m.name);
    await page.getByLabel(/^Password/).fill(m.password);
    await page.getByLabel(/^Repeat the password/).fill(m.password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(/\/moderator$/);
    if (i === 0) await screens.capture(page, 'moderator-home', page.getByRole('heading', { level: 1 }));
    pages.push(page);
  }
  return pages;
}

async function assignModerators(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Organizer' }).getByRole('link', { name: 'Series & editions' }).click();
  await page.getByRole('link', { name: /^Manage the edition of/ }).click();
  await page.waitForURL(/\/organizer\/editions\//);
  const editionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  for (const m of moderators) {
    await page.getByRole('button', { name: `Assign ${m.name}` }).click();
    await page.getByText(`${m.name} assigned. Capacity: `).waitFor();
  }
  await page.getByText(`${moderators.at(-1)!.name} assigned. Capacity: ${moderators.length * groupSize}.`).waitFor();
  return editionId;
}

async function registerEveryone(browser: Browser, url: string, screens: Screens, log: Log) {
  // One shared visitor browser: the public page's "Register someone else" is made for that.
  const { page } = await newPersonPage(browser, 'visitor', log);
  await page.goto(`${url}/`);
  await screens.capture(page, 'edition-list', page.getByRole('heading', { name: seriesName }));
  await page.getByRole('link', { name: 'Register' }).click();
  await screens.capture(page, 'edition-page', page.getByRole('heading', { name: seriesName, level: 1 }));
  const seats = moderators.length * groupSize;
  for (const [i, p] of people.entries()) {
    await page.getByLabel(/^Full name/).fill(p.name);
    await page.getByLabel(/^E-mail address/).fill(p.email);
    await page.getByLabel(/^Company/).fill(p.company);
    await page.getByLabel(/^Job title/).fill(p.jobTitle);
    await page.getByLabel(/^What I offer/).fill(p.offer);
    await page.getByLabel(/^What I am looking for/).fill(p.lookingFor);
    await page.getByLabel(/^I agree that my details are stored/).check();
    if (i === 0) await screens.capture(page, 'registration-form');
    const waitlisted = i >= seats;
    await page.getByRole('button', { name: waitlisted ? 'Join the waiting list' : 'Register', exact: true }).click();
    const title = page.getByRole('heading', { name: waitlisted ? 'You are on the waiting list' : 'You are registered!' });
    await title.waitFor();
    if (waitlisted) await page.getByText(`You are number ${i - seats + 1} on the waiting list.`).waitFor();
    if (i === 0) await screens.capture(page, 'registration-confirmed', page.getByRole('link', { name: 'Add to calendar' }));
    if (i === seats) await screens.capture(page, 'registration-waitlisted', title);
    await page.getByRole('button', { name: 'Register someone else' }).click();
  }
  await page.context().close();
  log(`${people.length} people registered: ${seats} seats, ${people.length - seats} on the waiting list`);
}

async function cancelAndPromote(browser: Browser, mail: Mailbox, screens: Screens, log: Log): Promise<(Mail | null)[]> {
  const seats = moderators.length * groupSize;
  const first = await Promise.all(
    people.map((p, i) =>
      i < seats
        ? mail.waitFor('the confirmation', p.email, (m) => m.subject.startsWith("You're registered"))
        : mail.waitFor(
            'the waiting-list mail',
            p.email,
            (m) => m.subject.startsWith("You're on the waiting list") && m.subject.includes(`(position ${i - seats + 1})`),
          ),
    ),
  );
  for (const [i, m] of first.entries()) if (i >= seats) assert.ok(!m.links.some((l) => l.includes('/join/')), 'a waiting-list mail has no join link');
  log('every registration got its mail: 6 with a join link, 2 waiting-list mails');

  // Chloé cancels from the link in her mail.
  const { page: chloe } = await newPersonPage(browser, people[cancelling]!.name, log);
  await chloe.goto(linkIn(first[cancelling]!, '/manage/'));
  await chloe.getByText('Your seat is confirmed. See you there!').waitFor();
  await screens.capture(chloe, 'manage', chloe.getByRole('link', { name: 'Add to calendar' }));
  await chloe.getByRole('button', { name: 'Cancel my registration' }).click();
  await chloe.getByRole('button', { name: 'Yes, cancel' }).click();
  await chloe.getByText('This registration is cancelled. You can register again if seats are available.').waitFor();
  await mail.waitFor('the cancellation', people[cancelling]!.email, (m) => m.subject.startsWith('Your registration for'));
  await chloe.context().close();

  // Greet, first on the waiting list, moves up: a mail with her join link, and her page says so.
  const promotion = await mail.waitFor('the promotion', people[promoted]!.email, (m) => m.subject.startsWith('Good news'));
  linkIn(promotion, '/join/');
  const { page: greet } = await newPersonPage(browser, people[promoted]!.name, log);
  await greet.goto(linkIn(first[promoted]!, '/manage/'));
  await greet.getByText('Your seat is confirmed. See you there!').waitFor();
  await screens.capture(greet, 'manage-promoted', greet.getByRole('link', { name: 'Add to calendar' }));
  await greet.context().close();
  // Hugo is now first of the one person waiting.
  const { page: hugo } = await newPersonPage(browser, people[stillWaiting]!.name, log);
  await hugo.goto(linkIn(first[stillWaiting]!, '/manage/'));
  await hugo.getByText('You are number 1 on the waiting list.').waitFor();
  await hugo.context().close();
  log(`${people[cancelling]!.name} cancelled; ${people[promoted]!.name} moved up (mail + page); ${people[stillWaiting]!.name} is now number 1`);

  return people.map((_, i) => (i === cancelling || i === stillWaiting ? null : i === promoted ? promotion : first[i]!));
}

async function checkAdminFigures(page: Page, screens: Screens) {
  await page.reload();
  const figure = (label: string) =>
    page
      .locator('.figure')
      .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .locator('.figure-value');
  await figure('Confirmed').waitFor();
  assert.equal(await figure('Confirmed').textContent(), String(moderators.length * groupSize), 'confirmed seats on the edition page');
  assert.equal(await figure('Waiting list').textContent(), '1', 'one person still waiting');
  assert.equal(await figure('Cancelled').textContent(), '1', 'one cancellation');
  await page.getByRole('row', { name: people[promoted]!.name }).getByText('Confirmed', { exact: true }).waitFor();
  await page.getByRole('row', { name: people[cancelling]!.name }).getByText('Cancelled', { exact: true }).waitFor();
  await screens.capture(page, 'edition-admin', page.getByRole('rowheader', { name: people[promoted]!.name }));
  await page.getByRole('navigation', { name: 'Organizer' }).getByRole('link', { name: 'Series & editions' }).click();
  await screens.capture(page, 'organizer-dashboard', page.getByText(`${moderators.length * groupSize} / ${moderators.length * groupSize} confirmed`));
}
