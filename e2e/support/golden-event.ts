import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { groupSize, icebreakers, type Moderator, type Person } from './golden-cast';
import { hostClicks, waitForControlRoomTables } from './golden-host';
import { mediaFlowing, plannedTable, readModeratorTable, waitForShownTable, type ShownTable } from './golden-live';
import { linkIn, type Mail } from './golden-mail';
import { watchAsStaff, type StaffWatcher } from './golden-product';
import type { Screens } from './golden-screens';
import { until } from './live-edition';

/**
 * The morning itself: the host in the control room, moderators and participants joining from their
 * links, two rounds with the tables the live engine planned (checked on every screen), media on the
 * camera pages, a help request seen by the host, and the end of the event.
 */
export interface EventCast {
  url: string;
  editionId: string;
  organizer: Page;
  moderators: { moderator: Moderator; page: Page }[];
  participants: { person: Person; page: Page; seatMail: Mail }[];
  screens: Screens;
  /** Faults found on the way that need not stop the story; the run fails on them at the end. */
  problems: string[];
  log: (...parts: unknown[]) => void;
}

export async function runLiveEvent(cast: EventCast): Promise<ShownTable[][]> {
  const { url, editionId, organizer, screens, log } = cast;
  await organizer.getByRole('link', { name: /^Manage the edition of/ }).click();
  await organizer.getByRole('link', { name: 'Live event' }).click();
  await organizer.waitForURL(new RegExp(`/live/${editionId}$`));
  const host = await watchAsStaff(url, editionId, organizer.context());

  for (const [i, { moderator, page }] of cast.moderators.entries()) {
    if (i === 1) {
      // On the day itself: log out and back in with the password chosen on the invitation page.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('link', { name: 'Log in' }).first().click();
      await page.getByLabel(/^E-mail address/).fill(moderator.email);
      await page.getByLabel(/^Password/).fill(moderator.password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
    } else {
      // Back to their home, where the invitation left them.
      await page.goto(`${url}/moderator`);
    }
    // Their home lists the editions they moderate.
    const open = page.getByRole('link', { name: /^Open the live event/ });
    if (i === 0) await screens.capture(page, 'moderator-editions', open);
    await open.click();
    await page.waitForURL(new RegExp(`/live/${editionId}$`));
    await joinTable(page, false, i === 0 ? screens : null, 'moderator-device-check');
  }
  for (const [i, { person, page, seatMail }] of cast.participants.entries()) {
    await page.goto(linkIn(seatMail, '/join/'));
    await joinTable(page, person.camera, i === 0 ? screens : null, 'join-device-check');
  }
  const expected = cast.participants.length + cast.moderators.length;
  await until(
    `${expected} participants and moderators connected`,
    () => host.connected().filter((p) => p.role !== 'host').length >= expected,
    30_000,
  );
  log(
    `${cast.participants.length} participants (${cast.participants.filter((p) => p.person.camera).length} with camera) and ${cast.moderators.length} moderators joined`,
  );

  const room = organizer.getByRole('heading', { name: 'Control room', level: 1 });
  await screens.capture(organizer, 'control-room-before', room);
  await hostClicks(organizer, host, 'Open the doors', (t) => t.phase === 'doors_open');
  await cast.participants[0]!.page.getByText('Doors are open').first().waitFor();
  await screens.capture(cast.participants[0]!.page, 'participant-lobby');
  await hostClicks(organizer, host, 'Start the plenary now', (t) => t.phase === 'plenary');
  await welcomeOnStage(cast, host);
  await hostClicks(organizer, host, 'Start round 1 now', (t) => t.phase === 'moving' && t.round === 1); // seated, people move
  await hostClicks(organizer, host, 'Start round 1 now', (t) => t.phase === 'round' && t.round === 1);
  const round1 = await checkRound(cast, host, 1);
  await tableChat(cast, round1);
  await screens.capture(cast.participants.find((p) => p.person.camera)!.page, 'participant-table');
  await screens.capture(cast.moderators[0]!.page, 'moderator-view');

  await askForHelp(cast, host);
  await screens.capture(organizer, 'control-room');
  await answerHelp(cast);

  await hostClicks(organizer, host, 'End round 1 now', (t) => t.phase === 'moving' && t.round === 2, 'End the round');
  await hostClicks(organizer, host, 'Start round 2 now', (t) => t.phase === 'round' && t.round === 2);
  const round2 = await checkRound(cast, host, 2);
  // Two tables of three, twice: every round-2 table holds two people from one round-1 table, so two
  // repeated pairs are unavoidable (matching SPEC: no avoidable repeat); more would be a planning fault.
  const met = new Set(round1.flatMap((t) => pairsOf(t.names)));
  const repeats = round2.flatMap((t) => pairsOf(t.names)).filter((pair) => met.has(pair));
  assert.ok(repeats.length <= round2.length, `round 2 repeats only unavoidable pairs: ${repeats.join('; ')}`);
  await screens.capture(cast.participants[0]!.page, 'participant-table-round-2');

  await hostClicks(organizer, host, 'End round 2 now', (t) => t.phase === 'closing', 'End the round');
  await hostClicks(organizer, host, 'End the event', (t) => t.phase === 'ended', 'End the event');
  for (const { page } of [...cast.participants, ...cast.moderators]) await page.getByText('The event has ended').first().waitFor({ timeout: 20_000 });
  await organizer.getByText('The event has ended. Thank you for hosting!').waitFor();
  log('the event ended; the host, every participant and moderator sees it');
  await screens.capture(cast.participants[0]!.page, 'ended');
  await screens.capture(organizer, 'control-room-ended');
  host.close();
  return [round1, round2];
}

/** The device check: the camera on (fake device) or "No camera", then "Join the table". */
async function joinTable(page: Page, camera: boolean, screens: Screens | null, screen: string): Promise<void> {
  const join = page.getByRole('button', { name: 'Join the table' });
  await join.waitFor({ timeout: 20_000 });
  if (!camera) {
    await page.getByLabel('Camera', { exact: true }).selectOption('off');
    await page.getByRole('region', { name: 'Check your camera and microphone' }).getByText('Camera off').waitFor();
  } else {
    await page.getByRole('region', { name: 'Check your camera and microphone' }).getByLabel('Preview of your camera').waitFor();
  }
  if (screens) await screens.capture(page, screen, join);
  await join.click();
  await page.getByRole('button', { name: 'Change camera or microphone' }).waitFor();
}

/** The round's tables as the engine planned them, checked against every screen and the media. */
async function checkRound(cast: EventCast, host: StaffWatcher, round: number): Promise<ShownTable[]> {
  await until(`round ${round} running with its tables`, () => host.tablesRound() === round && host.timer()?.phase === 'round', 20_000);
  const planned = host
    .tables()
    .map(plannedTable)
    .sort((a, b) => a.table - b.table);
  cast.log(`round ${round} tables (engine): ${planned.map((t) => `${t.table}: ${t.moderator} + ${t.names.join(', ')}`).join(' | ')}`);
  assert.equal(planned.length, cast.moderators.length, `round ${round}: one table per moderator`);
  for (const t of planned) {
    assert.equal(t.names.length, groupSize, `round ${round}: table ${t.table} holds ${groupSize} participants`);
    assert.ok(t.moderator, `round ${round}: table ${t.table} has a moderator`);
  }
  assert.deepEqual(
    planned.flatMap((t) => t.names).sort(),
    cast.participants.map((p) => p.person.name).sort(),
    'everyone with a seat sits at a table',
  );

  for (const { person, page } of cast.participants) {
    const table = planned.find((t) => t.names.includes(person.name))!;
    await waitForShownTable(page, person.name, table);
  }
  for (const { moderator, page } of cast.moderators) {
    const table = planned.find((t) => t.moderator === moderator.name);
    assert.ok(table, `${moderator.name} leads a table in round ${round}`);
    await waitForShownTable(page, moderator.name, table, (p) => readModeratorTable(p, moderator.name));
  }
  await waitForControlRoomTables(cast.organizer, round, planned);
  // The round's icebreaker, from the series, on every table.
  for (const page of [...cast.participants.map((p) => p.page), ...cast.moderators.map((m) => m.page)])
    await page
      .getByRole('region', { name: 'Icebreaker' })
      .getByText(icebreakers[round - 1]!)
      .waitFor();
  cast.log(`round ${round}: the control room and every participant and moderator page show the planned tables and the round's icebreaker`);
  await checkMedia(cast, planned, round);
  return planned;
}

/** Audio on every page; video on every page whose table has another camera; at least three pages with video. */
async function checkMedia(cast: EventCast, planned: ShownTable[], round: number): Promise<void> {
  const cameraAt = (table: ShownTable, self: string) =>
    cast.participants.some((p) => p.person.camera && p.person.name !== self && table.names.includes(p.person.name));
  const pages = [
    ...cast.participants.map((p) => ({ name: p.person.name, page: p.page })),
    ...cast.moderators.map((m) => ({ name: m.moderator.name, page: m.page })),
  ];
  const wantsVideo = pages.map(({ name }) =>
    cameraAt(
      planned.find((t) => t.names.includes(name) || t.moderator === name)!,
      name,
    ),
  );
  assert.ok(wantsVideo.filter(Boolean).length >= 3, `round ${round}: at least three pages sit with a camera`);
  let last: Awaited<ReturnType<typeof mediaFlowing>> = [];
  await until(
    `round ${round}: media flowing on every page (video where a table-mate has a camera)`,
    async () => {
      last = await mediaFlowing(pages.map((p) => p.page));
      return last.every((m, i) => m.audio && (!wantsVideo[i] || m.video));
    },
    40_000,
    0,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(last.map((m, i) => ({ who: pages[i]!.name, ...m, wantsVideo: wantsVideo[i] })))}`);
  });
  cast.log(`round ${round}: audio on all ${pages.length} pages, video on ${last.filter((m) => m.video).length}`);
}

/** The plenary: the host goes on stage; every participant and moderator sees and hears the host. */
async function welcomeOnStage(cast: EventCast, host: StaffWatcher): Promise<void> {
  await cast.organizer.getByRole('button', { name: 'Go on stage (camera and microphone)' }).click();
  const pages = [...cast.participants.map((p) => p.page), ...cast.moderators.map((m) => m.page)];
  let last: Awaited<ReturnType<typeof mediaFlowing>> = [];
  await until(
    'everyone to see and hear the host in the plenary',
    async () => {
      last = await mediaFlowing(pages);
      return last.every((m) => m.audio && m.video);
    },
    40_000,
    0,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${JSON.stringify(last)}`);
  });
  cast.log(`plenary: the host is on stage, seen and heard on all ${pages.length} pages`);
  // The host's tile is labelled for people, not with the host's internal id (features/join/video-stage.tsx `personOf`).
  const idShown = await cast.participants[1]!.page.getByText(host.personId()).count();
  if (idShown > 0)
    cast.problems.push(`plenary: participants see the host's tile labelled with an internal id (${host.personId()}) instead of a name`);
  await cast.screens.capture(cast.participants[1]!.page, 'participant-plenary');
  await cast.screens.capture(cast.organizer, 'control-room-plenary');
}

/** The first participant greets their table in the chat: their table (moderator included) reads it, the other table does not. */
async function tableChat(cast: EventCast, tables: ShownTable[]): Promise<void> {
  const { person, page } = cast.participants[0]!;
  const text = `Hello everyone, ${person.name} from ${person.company} here!`;
  const chat = (p: Page) => p.getByRole('region', { name: 'Table chat' });
  await chat(page).getByLabel('Message to your table').fill(text);
  await chat(page).getByRole('button', { name: 'Send' }).click();
  const table = tables.find((t) => t.names.includes(person.name))!;
  const pages = [
    ...cast.participants.map((p) => ({ name: p.person.name, page: p.page, here: table.names.includes(p.person.name) })),
    ...cast.moderators.map((m) => ({ name: m.moderator.name, page: m.page, here: table.moderator === m.moderator.name })),
  ];
  for (const p of pages.filter((p) => p.here)) await chat(p.page).getByText(text).waitFor();
  for (const p of pages.filter((p) => !p.here))
    assert.equal(await chat(p.page).getByText(text).count(), 0, `${p.name} at another table does not read the chat of table ${table.table}`);
  cast.log(`${person.name} greeted table ${table.table} in the chat; only that table reads it`);
}

/** A moderator asks for help; the host sees the request. */
async function askForHelp(cast: EventCast, host: StaffWatcher): Promise<void> {
  const text = 'One participant cannot hear us, can you help?';
  const moderator = cast.moderators[0]!;
  const panel = moderator.page.getByRole('region', { name: 'Need a hand?' });
  await panel.getByRole('button', { name: 'Request help' }).click();
  await panel.getByLabel('What do you need? (optional)').fill(text);
  await panel.getByRole('button', { name: 'Send help request' }).click();
  await panel.getByText('Your help request was sent to the host.').waitFor();
  const request = await until('the host to receive the help request', () => host.help().find((h) => h.text === text && h.status === 'open'));
  assert.equal(request.moderatorName, moderator.moderator.name, 'the request names its moderator');
  const queue = cast.organizer.getByRole('region', { name: /^Help requests/ });
  await queue.getByText(text).waitFor();
  await queue.getByText(`${moderator.moderator.name}, table ${request.table}`).waitFor();
  await cast.organizer
    .getByRole('region', { name: `Table ${request.table}`, exact: true })
    .getByText('Help requested')
    .waitFor();
  cast.log(`${moderator.moderator.name} asked for help at table ${request.table}; the control room shows it in the queue and on the table`);
}

/** The host answers the help request in the control room; the moderator reads the answer in their help panel. */
async function answerHelp(cast: EventCast): Promise<void> {
  const moderator = cast.moderators[0]!;
  const queue = cast.organizer.getByRole('region', { name: /^Help requests/ });
  const panel = moderator.page.getByRole('region', { name: 'Need a hand?' });
  const answer = 'I am joining your table now.';
  await queue.getByLabel(`Answer to ${moderator.moderator.name}`).fill(answer);
  await queue.getByRole('button', { name: 'Send answer' }).click();
  await panel.getByText(`Host: ${answer}`).waitFor();
  cast.log(`the host answered; ${moderator.moderator.name} reads "${answer}"`);
}

function pairsOf(names: string[]): string[] {
  return names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b].sort().join(' + ')));
}
