/**
 * End-to-end proof of a moderator's video (issue 5), like `media.e2e.ts` (real Chromium, the real
 * product and its own Janus, inside the namespace of `scripts/e2e-netns.sh`):
 *
 * 1. A moderator signs in (staff session cookie) and opens `/live/<editionId>`; two participants open
 *    their join links. All pass the device check; the host runs the edition into round 1, one table.
 * 2. The moderator's page receives audio and video from both participants, and both receive the
 *    moderator's video.
 * 3. The moderator mutes a participant (its "Mute <name>" button): the participant is told, and its
 *    audio stops at the other participant and at the moderator (Janus drops it), while its video flows.
 *
 * Run by `npm run e2e:media` after `media.e2e.ts`. Exits non-zero on the first failure.
 */
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import {
  frameWatchScript,
  launchChromium,
  readInbound,
  readTagged,
  smallCameraScript,
  tagPeers,
  trackPeersScript,
  videosWithFrames,
} from './support/browser';
import { startLiveProduct, trackAssignment, until } from './support/live-edition';

const log = (...parts: unknown[]) => console.log(`[e2e:moderator ${new Date().toISOString().slice(11, 23)}]`, ...parts);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  if (!process.env.TABLEHOP_E2E_NETNS) throw new Error('run me through scripts/e2e-netns.sh (npm run e2e:media): Janus needs the namespace');
  const started = Date.now();
  const live = await startLiveProduct({ participants: 2, moderators: 1, groupSize: 2, rounds: 1 });
  const browser = await launchChromium();
  try {
    const { setup } = live;
    const moderator = setup.moderators[0]!;
    const watchers = setup.participants.map((p) => trackAssignment(live.participantClient(p.token)));
    const open = async (name: string, url: string, cookie?: string): Promise<Page> => {
      const context = await browser.newContext({ locale: 'en-GB' });
      if (cookie) {
        const [key, ...value] = cookie.split('=');
        await context.addCookies([{ name: key!, value: value.join('='), url: live.url }]);
      }
      const page = await context.newPage();
      for (const script of [trackPeersScript, smallCameraScript, frameWatchScript]) await page.addInitScript(script);
      page.on('pageerror', (error) => log(`${name} error:`, error.message));
      await page.goto(url);
      await page.getByRole('button', { name: 'Join the table' }).click({ timeout: 20_000 });
      return page;
    };
    const staff = await open('moderator', `${live.url}/live/${setup.editionId}`, moderator.cookie);
    const people = [];
    for (const [i, p] of setup.participants.entries())
      people.push(await open(`participant ${i}`, `${live.url}/join/${p.token}?edition=${setup.editionId}`));
    log('the moderator (staff session, /live/:editionId) and 2 participants passed the device check');

    await live.run({ type: 'open_doors' });
    await live.run({ type: 'start_now' }); // plenary
    await live.run({ type: 'start_now' }); // round 1 seated
    await live.run({ type: 'start_now' }); // round 1 runs
    const ids = await until('both participants seated with video credentials', () => {
      const all = watchers.map((w) => (w.current()?.media?.room.round === 1 ? w.personId() : null));
      return all.every(Boolean) ? (all as string[]) : null;
    });
    const moderatorId = moderator.id;
    await until(
      'the moderator sees both participants',
      async () => ((await videosWithFrames(staff)).sort().join() === [...ids].sort().join() ? true : null),
      30_000,
      200,
    );
    for (const [i, page] of people.entries()) {
      const expected = [moderatorId, ids[1 - i]!].sort();
      await until(
        `participant ${i} sees the moderator and the other participant`,
        async () => ((await videosWithFrames(page)).sort().join() === expected.join() ? true : null),
        30_000,
        200,
      );
    }
    const a = await readInbound(staff);
    await sleep(2000);
    const b = await readInbound(staff);
    assert.ok(b.audioBytes > a.audioBytes && b.videoBytes > a.videoBytes, `the moderator receives audio and video (${JSON.stringify({ a, b })})`);
    assert.equal(b.peers, 3, 'the moderator publishes once and subscribes to both participants');
    log(`the moderator's table is live: ${b.audioBytes}/${b.videoBytes} B received`);

    // The moderator mutes participant 0 (`Person 1`, see setUpLiveEdition): by the accessible name of its
    // mute button, which the moderator view has on the person's card (the shared live view on its tile).
    const target = ids[0]!;
    await staff.getByRole('button', { name: 'Mute Person 1' }).first().click({ timeout: 10_000 });
    await people[0]!.getByText('The moderator muted your microphone').waitFor({ timeout: 10_000 });
    assert.equal(await tagPeers(staff, 'target', target), 1);
    assert.equal(await tagPeers(people[1]!, 'target', target), 1);
    await sleep(500);
    const before = [await readTagged(staff, 'target'), await readTagged(people[1]!, 'target')];
    await sleep(1500);
    const after = [await readTagged(staff, 'target'), await readTagged(people[1]!, 'target')];
    for (const [k, who] of ['moderator', 'other participant'].entries()) {
      assert.equal(after[k]!.audioBytes, before[k]!.audioBytes, `the ${who} gets no audio from the muted participant`);
      assert.ok(after[k]!.videoBytes > before[k]!.videoBytes, `the ${who} still gets its video`);
    }
    log(`the moderator muted a participant from its view: no audio reaches the table (${before[0]!.audioBytes} -> ${after[0]!.audioBytes} B)`);
    log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close().catch(() => undefined);
    await live.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[e2e:moderator] FAIL', error);
    process.exit(1);
  },
);
