/**
 * End-to-end proof of the video (issue 5), in real headless Chromium against the real product and
 * its own Janus, inside the isolated network namespace of `scripts/e2e-netns.sh`:
 *
 * 1. Four participants open their join links (`/join/<token>`), pass the device check with the fake
 *    camera and microphone; the host runs the edition into round 1 with two tables of two.
 * 2. Each page receives audio and video from its table-mates (inbound-rtp bytes grow, the remote
 *    <video> shows frames) and nothing from the other table.
 * 3. The host switches to round 2; every page lands at its new table with media flowing, without a
 *    reload (time from the switch to the first new remote frame is printed).
 * 4. The camera toggle: the others see the "camera off" state, then video again. The host mutes a
 *    participant: Janus stops forwarding its audio (`moderate`), its mate sees the muted microphone,
 *    the participant sees why; once it unmutes itself the audio flows again.
 * 5. A participant's credentials do not open another table's room.
 * 6. Janus is killed: the product restarts it and every page rejoins by itself with media flowing.
 *
 * Run: `npm run e2e:media` (needs root for the namespace). Exits non-zero on the first failure.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import type { MediaCredentials } from '@tablehop/protocol';
import {
  firstFrames,
  frameWatchScript,
  launchChromium,
  readInbound,
  resetFirstFrames,
  smallCameraScript,
  trackPeersScript,
  videosWithFrames,
} from './support/browser';
import { startLiveProduct, trackAssignment, until } from './support/live-edition';

const log = (...parts: unknown[]) => console.log(`[e2e:media ${new Date().toISOString().slice(11, 23)}]`, ...parts);

async function main(): Promise<void> {
  if (!process.env.TABLEHOP_E2E_NETNS) throw new Error('run me through scripts/e2e-netns.sh (npm run e2e:media): Janus needs the namespace');
  const started = Date.now();
  const live = await startLiveProduct({ participants: 4, moderators: 2, groupSize: 2, rounds: 2 });
  const browser = await launchChromium();
  try {
    const { setup } = live;
    log(`product at ${live.url}, edition ${setup.editionId}`);
    // Node-side live connections of the same participants, to know their seats and credentials.
    const watchers = setup.participants.map((p) => trackAssignment(live.participantClient(p.token)));

    const pages: Page[] = [];
    for (const [i, participant] of setup.participants.entries()) {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.addInitScript(trackPeersScript);
      await page.addInitScript(smallCameraScript);
      await page.addInitScript(frameWatchScript);
      page.on('pageerror', (error) => log(`page ${i} error:`, error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') log(`page ${i} console.${message.type()}:`, message.text());
      });
      await page.goto(`${live.url}/join/${participant.token}?edition=${setup.editionId}`);
      if (i === 0) await screenshot(page, 'join-device-check', () => page.getByRole('button', { name: 'Join the table' }).waitFor());
      await page.getByRole('button', { name: 'Join the table' }).click({ timeout: 20_000 });
      pages.push(page);
    }
    log('4 pages joined the live event');

    await live.run({ type: 'open_doors' });
    await live.run({ type: 'start_now' }); // plenary
    await live.run({ type: 'start_now' }); // round 1 seated (moving)
    await live.run({ type: 'start_now' }); // round 1 runs
    await checkTables(pages, watchers, 1);
    await screenshot(pages[0]!, 'join-table');

    // The switch: round 2 is seated at once (moving), its rooms are made and assigned.
    await Promise.all(pages.map((p) => resetFirstFrames(p)));
    const before = watchers.map((w) => w.current());
    const switchedAt = Date.now();
    await live.run({ type: 'end_round_now' });
    const mates = await checkTables(pages, watchers, 2, before);
    const times = await Promise.all(
      pages.map(async (page, i) => {
        const frames = await firstFrames(page);
        return Math.min(...mates[i]!.map((m) => frames[m] ?? Infinity)) - switchedAt;
      }),
    );
    log(`switch to first remote frame (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
    await live.run({ type: 'start_now' }); // round 2 runs; the rooms stay
    await expectFlowing(pages, mates);

    await checkCameraToggle(pages, watchers, mates);
    await checkMute(live.run, pages, watchers, mates);
    await checkForeignRoomRefused(watchers);
    await checkJanusRestart(live.product.child.pid!, pages, mates);
    log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close().catch(() => undefined);
    await live.stop();
  }
}

type Watcher = ReturnType<typeof trackAssignment>;

/** With `E2E_SCREENSHOTS=<folder>`: a PNG of the page (for reviewing the look, not asserted). */
async function screenshot(page: Page, name: string, ready?: () => Promise<unknown>): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  await ready?.();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** Waits until every page is in its new room with media from exactly its table-mates; returns the mates' person ids per page. */
async function checkTables(pages: Page[], watchers: Watcher[], round: number, before?: unknown[]): Promise<string[][]> {
  const credentials = await until(`round ${round} media credentials for everyone`, () => {
    const all = watchers.map((w, i) => {
      const a = w.current();
      return a?.media && a.media.room.round === round && (!before || a !== before[i]) ? a.media : null;
    });
    return all.every(Boolean) ? (all as MediaCredentials[]) : null;
  });
  const tables = new Map<number, string[]>();
  credentials.forEach((c, i) => tables.set(c.room.table!, [...(tables.get(c.room.table!) ?? []), watchers[i]!.personId()!]));
  assert.equal(
    tables.size,
    2,
    `round ${round}: two tables (${JSON.stringify([...tables])}; seats ${JSON.stringify(watchers.map((w) => w.seatTable()))})`,
  );
  const rooms = new Set(credentials.map((c) => c.room.roomId));
  assert.equal(rooms.size, 2, 'one room per table');
  const mates = credentials.map((c, i) => tables.get(c.room.table!)!.filter((id) => id !== watchers[i]!.personId()));
  log(`round ${round} tables: ${JSON.stringify(Object.fromEntries(tables))}`);

  for (const [i, page] of pages.entries()) {
    await until(
      `page ${i} showing frames of ${mates[i]!.join(', ')} in round ${round}`,
      async () => {
        const showing = await videosWithFrames(page);
        return mates[i]!.every((m) => showing.includes(m)) ? showing : null;
      },
      20_000,
      200,
    ).catch(async (error: unknown) => {
      for (const [j, other] of pages.entries()) log(`page ${j} (${watchers[j]!.personId()}) state:`, JSON.stringify(await describePage(other)));
      throw error;
    });
  }
  await expectFlowing(pages, mates);
  return mates;
}

/** What a page shows, for the log of a failure. */
function describePage(page: Page): Promise<unknown> {
  return page.evaluate(() => ({
    status: document.querySelector('.video-status')?.textContent ?? null,
    videos: [...document.querySelectorAll<HTMLVideoElement>('video[data-remote]')].map((v) => ({
      display: v.dataset.display,
      width: v.videoWidth,
      time: v.currentTime,
    })),
    peers: ((window as unknown as { __peers?: RTCPeerConnection[] }).__peers ?? []).map((pc) => `${pc.connectionState}/${pc.iceConnectionState}`),
  }));
}

/** Audio and video bytes grow on every page, only from its table-mates. */
async function expectFlowing(pages: Page[], mates: string[][]): Promise<void> {
  const first = await Promise.all(pages.map((p) => readInbound(p)));
  await new Promise((r) => setTimeout(r, 2000));
  const second = await Promise.all(pages.map((p) => readInbound(p)));
  for (const [i, page] of pages.entries()) {
    const showing = (await videosWithFrames(page)).sort();
    assert.deepEqual(showing, [...mates[i]!].sort(), `page ${i} shows exactly its table-mates`);
    assert.ok(second[i]!.audioBytes > first[i]!.audioBytes, `page ${i}: audio bytes grow (${first[i]!.audioBytes} -> ${second[i]!.audioBytes})`);
    assert.ok(second[i]!.videoBytes > first[i]!.videoBytes, `page ${i}: video bytes grow (${first[i]!.videoBytes} -> ${second[i]!.videoBytes})`);
    assert.equal(second[i]!.peers, mates[i]!.length + 1, `page ${i}: one publisher and one subscription per mate, nothing else`);
  }
  log(`media flowing on all ${pages.length} pages: ${second.map((s) => `${s.audioBytes}/${s.videoBytes} B`).join(', ')}`);
}

/** Page 0 turns its camera off: its table-mate sees the "camera off" state on its tile, and video again once it is back on. */
async function checkCameraToggle(pages: Page[], watchers: Watcher[], mates: string[][]): Promise<void> {
  const self = watchers[0]!.personId()!;
  const viewer = pages[mates.findIndex((m, i) => i !== 0 && m.includes(self))]!;
  const placeholder = viewer.locator(`li.tile:has(video[data-display="${self}"]) .tile-placeholder`);
  await pages[0]!.getByRole('button', { name: 'Turn camera off' }).click();
  await placeholder.waitFor({ state: 'visible', timeout: 10_000 });
  await pages[0]!.getByRole('button', { name: 'Turn camera on' }).click();
  await placeholder.waitFor({ state: 'detached', timeout: 10_000 });
  log('camera off shows as such on the other side, and comes back');
}

/** The host mutes page 0's person: no more audio reaches its mate (Janus drops it), until it unmutes itself. */
async function checkMute(
  run: (command: { type: 'mute_participant'; personId: string }) => Promise<void>,
  pages: Page[],
  watchers: Watcher[],
  mates: string[][],
) {
  const self = watchers[0]!.personId()!;
  const viewer = pages[mates.findIndex((m, i) => i !== 0 && m.includes(self))]!;
  const icon = viewer.locator(`li.tile:has(video[data-display="${self}"]) .tile-muted`);
  const audio = async () => (await readInbound(viewer)).audioBytes;
  await run({ type: 'mute_participant', personId: self });
  await icon.waitFor({ state: 'visible', timeout: 10_000 });
  await pages[0]!.getByText('The host muted your microphone').waitFor({ timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 500));
  const muted = [await audio()];
  await new Promise((r) => setTimeout(r, 1500));
  muted.push(await audio());
  assert.equal(muted[1], muted[0], `no audio from a muted feed (${muted[0]} -> ${muted[1]} B)`);
  await pages[0]!.getByRole('button', { name: 'Unmute microphone' }).click();
  await icon.waitFor({ state: 'detached', timeout: 10_000 });
  await until('audio flows again after unmuting', async () => (await audio()) > muted[1]!, 10_000);
  log(`a muted feed sends nothing (${muted[0]} -> ${muted[1]} B), and audio flows again after unmuting`);
}

/** Janus dies (SIGKILL): the product starts it again and recreates the rooms; every page rejoins by itself, no reload. */
async function checkJanusRestart(productPid: number, pages: Page[], mates: string[][]): Promise<void> {
  const janusPid = Number(
    execFileSync('pgrep', ['-P', String(productPid), '-x', 'janus'])
      .toString()
      .trim()
      .split('\n')[0],
  );
  assert.ok(janusPid > 0, 'the product runs its own Janus');
  await Promise.all(pages.map((p) => resetFirstFrames(p)));
  const killedAt = Date.now();
  process.kill(janusPid, 'SIGKILL');
  const frames = await until(
    'every page back with media from its table-mates after the Janus restart',
    async () => {
      const seen = await Promise.all(pages.map((p) => firstFrames(p)));
      return seen.every((f, i) => mates[i]!.every((m) => f[m] !== undefined)) ? seen : null;
    },
    40_000,
    200,
  );
  const back = frames.map((f, i) => Math.max(...mates[i]!.map((m) => f[m]!)) - killedAt);
  log(`Janus killed and restarted: media back on every page after ${back.map((t) => t.toFixed(0)).join(', ')} ms`);
  await expectFlowing(pages, mates);
}

/** Person 0's pin and token do not open the room of a table it does not sit at; nor does the other room's pin with its token. */
async function checkForeignRoomRefused(watchers: Watcher[]): Promise<void> {
  const own = watchers[0]!.current()!.media!;
  const other = watchers.map((w) => w.current()!.media!).find((m) => m.room.roomId !== own.room.roomId)!;
  const attempts = [
    { room: other.room.roomId, pin: own.room.pin, token: own.room.token },
    { room: other.room.roomId, pin: other.room.pin, token: own.room.token },
    { room: other.room.roomId, pin: other.room.pin },
  ];
  for (const attempt of attempts) {
    const answer = await janusJoin(own.room.janusUrl, { request: 'join', ptype: 'publisher', display: 'intruder', ...attempt }, own.room.apiToken);
    assert.ok(answer.error, `joining a foreign room must fail: ${JSON.stringify({ attempt: { ...attempt, pin: '…', token: '…' }, answer })}`);
  }
  log('a participant cannot join a room it is not seated in');
}

/** One VideoRoom join over a raw Janus WebSocket: `{ error }` or `{ joined }`. */
async function janusJoin(url: string, body: Record<string, unknown>, apiToken: string | null): Promise<{ error?: string; joined?: boolean }> {
  const socket = new WebSocket(url, 'janus-protocol');
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let n = 0;
  const ask = (message: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const transaction = `x${n++}`;
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data)) as Record<string, unknown>;
        if (m.transaction !== transaction || m.janus === 'ack') return;
        socket.off('message', onMessage);
        resolve(m);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ ...message, transaction, ...(apiToken ? { token: apiToken } : {}) }));
    });
  try {
    const created = await ask({ janus: 'create' });
    if (created.janus === 'error') return { error: JSON.stringify(created.error) };
    const session_id = (created.data as { id: number }).id;
    const attached = await ask({ janus: 'attach', session_id, plugin: 'janus.plugin.videoroom' });
    if (attached.janus === 'error') return { error: JSON.stringify(attached.error) };
    const handle_id = (attached.data as { id: number }).id;
    const answer = await ask({ janus: 'message', session_id, handle_id, body });
    const data = (answer.plugindata as { data?: Record<string, unknown> } | undefined)?.data;
    if (answer.janus === 'error') return { error: JSON.stringify(answer.error) };
    if (data?.error) return { error: `${String(data.error_code)} ${String(data.error)}` };
    return { joined: data?.videoroom === 'joined' };
  } finally {
    socket.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[e2e:media] FAIL', error);
    process.exit(1);
  },
);
