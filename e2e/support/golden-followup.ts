import type { Page } from 'playwright-core';
import type { Person } from './golden-cast';
import type { ShownTable } from './golden-live';
import type { Mailbox } from './golden-mail';
import type { Screens } from './golden-screens';

const path = (link: string) => new URL(link).pathname;

/** The follow-up job runs once a minute: the mail comes within about a minute of the end. */
async function followUpMail(mail: Mailbox, person: Person) {
  const followup = await mail.waitFor('the follow-up mail', person.email, (m) => m.links.some((l) => /^\/manage\/[^/]+\/met$/.test(path(l))), 90_000);
  return { followup, met: followup.links.find((l) => path(l).endsWith('/met'))! };
}

const cardOf = (page: Page, name: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, level: 3 }) })
    .first();

/**
 * After the event: the follow-up mail brings a participant to "People I met" (everyone from their
 * tables, round by round), where they ask one of them to connect; that person accepts from their own
 * mail, and then the first sees exactly that person's contact details and nobody else's (nobody in the
 * cast opted in to sharing at registration). Then the feedback form.
 */
export async function followUp(
  person: Person,
  page: Page,
  rounds: ShownTable[][],
  mail: Mailbox,
  screens: Screens,
  log: (...parts: unknown[]) => void,
  peers: { people: readonly Person[]; open(person: Person): Promise<Page> },
): Promise<void> {
  const { followup, met } = await followUpMail(mail, person);
  const feedback = followup.links.find((l) => path(l).endsWith('/feedback'));
  log(`follow-up mail for ${person.name}: "${followup.subject}"`);

  await page.goto(met);
  await page.getByRole('heading', { name: 'People I met', level: 1 }).waitFor();
  const mates = [...new Set(rounds.flatMap((tables) => tables.find((t) => t.names.includes(person.name))!.names))].filter((n) => n !== person.name);
  for (const name of mates) await page.getByRole('heading', { name, level: 3 }).first().waitFor();
  const card = cardOf(page, mates[0]!);
  await card.getByRole('button', { name: 'Ask to connect' }).click();
  await card.getByText('Request sent.', { exact: false }).waitFor();
  log(`${person.name} sees the ${mates.length} people met (${mates.join(', ')}) and asked ${mates[0]} to connect`);

  const mate = peers.people.find((p) => p.name === mates[0])!;
  const matePage = await peers.open(mate);
  await matePage.goto((await followUpMail(mail, mate)).met);
  const request = cardOf(matePage, person.name);
  await request.getByRole('button', { name: 'Accept and connect' }).click();
  await request.getByRole('link', { name: person.email }).waitFor();
  await matePage.context().close();
  log(`${mate.name} accepted from their own follow-up mail and sees ${person.name}'s e-mail`);

  await page.reload();
  await card.getByRole('link', { name: mate.email }).waitFor();
  for (const name of mates.slice(1)) {
    const text = (await cardOf(page, name).textContent()) ?? '';
    if (text.includes('@')) throw new Error(`${person.name} sees contact details of ${name}, who never agreed: ${text}`);
  }
  await screens.capture(page, 'followup-met');
  log(`${person.name} sees ${mate.name}'s e-mail after the accept, and no contact details of the others`);

  if (!feedback) throw new Error(`no feedback link in the follow-up mail: ${followup.links.join(', ')}`);
  await page.goto(feedback);
  await page.getByRole('heading', { name: 'How was it?', level: 1 }).waitFor();
  // The radios are drawn as stars: a person clicks the star (the radio's label).
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: '5 out of 5: Excellent' }) })
    .click();
  await page.getByRole('radio', { name: '5 out of 5: Excellent' }).waitFor({ state: 'attached' });
  if (!(await page.getByRole('radio', { name: '5 out of 5: Excellent' }).isChecked())) throw new Error('the fifth star did not select 5');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await page.getByText('Thank you! Your feedback is saved.', { exact: false }).waitFor();
  await screens.capture(page, 'followup-feedback');
  log(`${person.name} sent feedback`);
}

/**
 * The organizer, back from the control room on the edition's page, opens its report: every figure
 * of the story adds up (registrations, waiting list, attendance, the pairs who met, the feedback).
 */
export async function organizerReport(page: Page, rounds: ShownTable[][], screens: Screens, log: (...parts: unknown[]) => void): Promise<void> {
  await page.goBack();
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await page.getByRole('heading', { name: 'Rounds and tables' }).waitFor();
  const figure = (section: string, label: string) =>
    page
      .getByRole('region', { name: section, exact: true })
      .locator('.figure')
      .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .locator('.figure-value')
      .textContent();
  const pairs = new Set(
    rounds.flatMap((tables) => tables.flatMap((t) => t.names.flatMap((a) => t.names.filter((b) => a < b).map((b) => `${a}+${b}`)))),
  );
  const expected: [string, string, string][] = [
    ['Registrations', 'Registrations received', '8'],
    ['Registrations', 'Confirmed', '6'],
    ['Registrations', 'Promoted from the waiting list', '1'],
    ['Registrations', 'Still waiting', '1'],
    ['Registrations', 'Cancelled', '1'],
    ['Attendance', 'Attended', '6'],
    ['Attendance', 'No-shows', '0'],
    ['Connections', 'Pairs who met', String(pairs.size)],
    ['Feedback', 'Answers', '1'],
    ['Feedback', 'Average rating', '5 / 5'],
  ];
  const wrong: string[] = [];
  for (const [section, label, value] of expected) {
    const shown = (await figure(section, label))?.trim();
    if (shown !== value) wrong.push(`${section} / ${label}: ${shown} (expected ${value})`);
  }
  await screens.capture(page, 'edition-report');
  if (wrong.length > 0) throw new Error(`the edition report does not add up: ${wrong.join('; ')}`);
  log(`the organizer's report adds up: 8 registrations, 6 attended, ${pairs.size} pairs met, feedback 5 / 5`);
}
