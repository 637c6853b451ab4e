/**
 * `npm run bench:media` (not a test; runs inside its own isolated namespace, see scripts/bench-media.sh).
 *
 * A. Room switch: real Chromium clients on the join page of the real product (which starts its own
 *    Janus); the host ends a round, and we time from that command to the first frame of a new
 *    table-mate in each page. Median and max over every page and switch.
 * B. Janus' CPU cost per forwarded stream: a Janus of our own (same Debian build), publishers and
 *    subscribers driven by the browser media client in Chromium pages at 320x240 / 15 fps (one
 *    subscriber page holds many client instances, so the bots stay cheap). Janus' CPU is read from
 *    /proc over steady windows with 0 and with N subscriptions; the difference per subscription is the
 *    cost of one forwarded audio+video feed, the base per publisher the cost of ingesting one.
 *    From these: how many full 7-person tables (7 publishers, 42 subscriptions) one Janus core carries,
 *    at the measured bitrate and scaled to the product's bitrate cap.
 *
 * The last line is `tables_per_janus_core=<number>` (the conservative figure, at the bitrate cap).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import {
  frameWatchScript,
  firstFrames,
  launchChromium,
  readInbound,
  resetFirstFrames,
  smallCameraScript,
  trackPeersScript,
} from '../e2e/support/browser';
import { startLiveProduct, trackAssignment, until } from '../e2e/support/live-edition';
import { startMediaHarness } from '../e2e/support/media-harness';
import { startStandaloneJanus, type StandaloneJanus } from '../e2e/support/standalone-janus';
import { freePort } from '../packages/server/test/live-product';
import type { createTableMedia } from '../packages/web/src/lib/media/table-media';

const log = (...parts: unknown[]) => console.log(`[bench:media ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const ticksPerSecond = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime + stime
}

/** Busy share of the whole machine (all cores) between two reads. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

async function measure(pid: number, seconds: number): Promise<{ janusCore: number; machineBusy: number }> {
  const c0 = cpuSecondsOf(pid);
  const m0 = machineTicks();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  const m1 = machineTicks();
  return { janusCore: (cpuSecondsOf(pid) - c0) / wall, machineBusy: (m1.busy - m0.busy) / (m1.total - m0.total) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// ------------------------------------------------------------------ A. switch to first frame

async function benchSwitch(browser: Browser): Promise<{ samples: number[] } | { skipped: string }> {
  const participants = 4;
  const rounds = 3;
  let live;
  try {
    live = await startLiveProduct({ participants, moderators: 2, groupSize: 2, rounds });
  } catch (error) {
    return { skipped: `product did not start: ${String(error)}` };
  }
  const samples: number[] = [];
  try {
    const { setup } = live;
    const watchers = setup.participants.map((p) => trackAssignment(live.participantClient(p.token)));
    const pages: Page[] = [];
    for (const participant of setup.participants) {
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      await page.addInitScript(trackPeersScript);
      await page.addInitScript(smallCameraScript);
      await page.addInitScript(frameWatchScript);
      await page.goto(`${live.url}/join/${participant.token}?edition=${setup.editionId}`);
      await page.getByRole('button', { name: 'Join the table' }).click({ timeout: 20_000 });
      pages.push(page);
    }
    await live.run({ type: 'open_doors' });
    await live.run({ type: 'start_now' });
    for (let round = 1; round <= rounds; round++) {
      await Promise.all(pages.map((p) => resetFirstFrames(p)));
      const t0 = Date.now();
      await live.run(round === 1 ? { type: 'start_now' } : { type: 'end_round_now' });
      const mates = await until(
        `round ${round} credentials`,
        () => {
          const all = watchers.map((w) => w.current()?.media);
          if (!all.every((m) => m && m.room.round === round)) return null;
          return all.map((m, i) =>
            watchers.filter((w, j) => j !== i && w.current()?.media?.room.roomId === m!.room.roomId).map((w) => w.personId()!),
          );
        },
        30_000,
      );
      const times = await until(
        `round ${round} first frames`,
        async () => {
          const seen = await Promise.all(pages.map((p) => firstFrames(p)));
          const per = seen.map((frames, i) => Math.min(...mates[i]!.map((m) => frames[m] ?? Infinity)));
          return per.every(Number.isFinite) ? per.map((t) => t - t0) : null;
        },
        30_000,
        50,
      );
      samples.push(...times);
      log(`switch to round ${round}: first remote frame after ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      await live.run({ type: 'start_now' });
      await sleep(1500);
    }
    for (const page of pages) await page.context().close();
    return { samples };
  } catch (error) {
    return { skipped: `switch measurement failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await live.stop();
  }
}

// ------------------------------------------------------------------ B. Janus CPU per forwarded stream

async function createRoom(janus: StandaloneJanus, room: number, bitrate: number): Promise<void> {
  const socket = new WebSocket(janus.url, 'janus-protocol');
  await new Promise((r, j) => (socket.once('open', r), socket.once('error', j)));
  let n = 0;
  const ask = (message: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const transaction = `b${n++}`;
      socket.on('message', function onMessage(data) {
        const m = JSON.parse(String(data)) as Record<string, unknown>;
        if (m.transaction !== transaction || m.janus === 'ack') return;
        socket.off('message', onMessage);
        resolve(m);
      });
      socket.send(JSON.stringify({ ...message, transaction }));
    });
  const session_id = ((await ask({ janus: 'create' })).data as { id: number }).id;
  const handle_id = ((await ask({ janus: 'attach', session_id, plugin: 'janus.plugin.videoroom' })).data as { id: number }).id;
  const answer = await ask({
    janus: 'message',
    session_id,
    handle_id,
    body: { request: 'create', room, admin_key: janus.adminKey, publishers: 10, bitrate, bitrate_cap: true, videocodec: 'vp8', audiocodec: 'opus' },
  });
  const data = (answer.plugindata as { data: Record<string, unknown> }).data;
  if (data.videoroom !== 'created') throw new Error(`create room: ${JSON.stringify(data)}`);
  socket.close();
}

/** A page running `count` media clients in one room (publishing or only subscribing). */
async function clientPage(
  browser: Browser,
  harnessUrl: string,
  janusUrl: string,
  room: number,
  count: number,
  publish: boolean,
  name: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(trackPeersScript);
  await page.goto(harnessUrl);
  await page.evaluate(
    async ({ janusUrl, room, count, publish, name }) => {
      const api = (window as unknown as { TablehopMedia: { createTableMedia: typeof createTableMedia } }).TablehopMedia;
      const stream = publish ? await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240, frameRate: 15 } }) : null;
      const all = [];
      for (let i = 0; i < count; i++) {
        const media = api.createTableMedia({ localStream: stream });
        media.join({ url: janusUrl, room, display: `${name}-${i}`, publish });
        all.push(media);
      }
      (window as unknown as { clients: unknown }).clients = all;
    },
    { janusUrl, room, count, publish, name },
  );
  return page;
}

async function benchJanusCpu(browser: Browser, bitrateCap: number) {
  const janus = await startStandaloneJanus({ port: await freePort(), iceInterface: process.env.JANUS_ICE_INTERFACES ?? 'v0' });
  const harness = await startMediaHarness(await freePort());
  const room = 4242;
  const publishers = 2;
  const steps = [4, 8, 12]; // subscriber client instances, each subscribing to every publisher
  const windowSeconds = 10;
  try {
    await createRoom(janus, room, bitrateCap);
    const idle = await measure(janus.pid, 3);
    const pubPages: Page[] = [];
    for (let p = 0; p < publishers; p++) pubPages.push(await clientPage(browser, harness.url, janus.url, room, 1, true, `pub${p}`));
    await sleep(4000);
    const base = await measure(janus.pid, windowSeconds);
    log(`Janus idle ${(idle.janusCore * 100).toFixed(2)}% of a core; ${publishers} publishers, no subscriber: ${(base.janusCore * 100).toFixed(2)}%`);

    const results: {
      subscriptions: number;
      janusCore: number;
      machineBusy: number;
      kbpsPerSubscription: number;
      audioPpsPerSubscription: number;
      videoPpsPerSubscription: number;
    }[] = [];
    const subPages: Page[] = [];
    let instances = 0;
    for (const target of steps) {
      subPages.push(await clientPage(browser, harness.url, janus.url, room, target - instances, false, `sub${target}`));
      instances = target;
      const subscriptions = instances * publishers;
      await until(
        `${subscriptions} subscriptions flowing`,
        async () => {
          const counts = await Promise.all(subPages.map((p) => readInbound(p)));
          return counts.reduce((n, c) => n + c.peers, 0) >= subscriptions ? true : null;
        },
        30_000,
        500,
      );
      await sleep(3000);
      const before = await Promise.all(subPages.map((p) => readInbound(p)));
      const m = await measure(janus.pid, windowSeconds);
      const after = await Promise.all(subPages.map((p) => readInbound(p)));
      const bytes = after.reduce((n, a, i) => n + a.audioBytes + a.videoBytes - before[i]!.audioBytes - before[i]!.videoBytes, 0);
      const kbpsPerSubscription = (bytes * 8) / 1000 / windowSeconds / subscriptions;
      const pps = (kind: 'audioPackets' | 'videoPackets') =>
        after.reduce((n, a, i) => n + a[kind] - before[i]![kind], 0) / windowSeconds / subscriptions;
      results.push({
        subscriptions,
        ...m,
        kbpsPerSubscription,
        audioPpsPerSubscription: pps('audioPackets'),
        videoPpsPerSubscription: pps('videoPackets'),
      });
      log(
        `${subscriptions} subscriptions (audio+video): Janus ${(m.janusCore * 100).toFixed(2)}% of a core, ${kbpsPerSubscription.toFixed(0)} kbit/s each, machine ${(m.machineBusy * 100).toFixed(0)}% busy`,
      );
    }
    for (const page of [...pubPages, ...subPages]) await page.context().close();
    return { idle: idle.janusCore, base: base.janusCore, publishers, results };
  } finally {
    harness.server.close();
    await janus.stop();
  }
}

/** Least squares slope and intercept of y over x. */
function fitLine(points: { x: number; y: number }[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

async function main(): Promise<void> {
  if (!process.env.TABLEHOP_E2E_NETNS) throw new Error('run me through scripts/bench-media.sh (npm run bench:media)');
  // The product's table rooms cap publishers at 384 kbit/s (server/src/media/media.service.ts).
  const bitrateCap = Number(process.env.BENCH_BITRATE_CAP ?? 384_000);
  const audioKbps = 40;
  const browser = await launchChromium();
  try {
    log('A. round switch -> first remote frame (real product, 4 Chromium clients, 2 tables, 3 switches)');
    const a = process.env.BENCH_SKIP_SWITCH ? { skipped: 'BENCH_SKIP_SWITCH is set' } : await benchSwitch(browser);
    log('B. Janus CPU per forwarded stream (own Janus, Chromium bots at 320x240/15 fps)');
    const b = await benchJanusCpu(browser, bitrateCap);

    const fit = fitLine([{ x: 0, y: b.base }, ...b.results.map((r) => ({ x: r.subscriptions, y: r.janusCore }))]);
    const perSubscription = Math.max(fit.slope, 1e-6);
    const perPublisher = Math.max((fit.intercept - b.idle) / b.publishers, 0);
    const measuredKbps = median(b.results.map((r) => r.kbpsPerSubscription));
    const measuredPps = median(b.results.map((r) => r.audioPpsPerSubscription + r.videoPpsPerSubscription));
    const audioPps = median(b.results.map((r) => r.audioPpsPerSubscription));
    const perTable = 7 * perPublisher + 42 * perSubscription;
    // Janus' work per forwarded feed follows its packets (SRTP + one send per packet): scale to the
    // packet rate of a feed at the product's video cap (full ~1,150-byte video packets) plus the audio.
    const ppsAtCap = audioPps + bitrateCap / 8 / 1150;
    const scale = Math.max(1, ppsAtCap / Math.max(measuredPps, 1));
    const perTableAtCap = perTable * scale;
    // Bytes-linear scaling, the most pessimistic reading, for comparison.
    const bytesScale = Math.max(1, (bitrateCap / 1000 + audioKbps) / Math.max(measuredKbps, 1));

    console.log('');
    console.log('--- bench:media results ---');
    if ('samples' in a) {
      console.log(
        `switch_to_first_remote_frame_ms median=${median(a.samples).toFixed(0)} max=${Math.max(...a.samples).toFixed(0)} samples=${a.samples.length}`,
      );
    } else console.log(`switch_to_first_remote_frame_ms skipped: ${a.skipped}`);
    console.log(`janus_idle_core=${(b.idle * 100).toFixed(2)}%  janus_with_${b.publishers}_publishers_core=${(b.base * 100).toFixed(2)}%`);
    for (const r of b.results)
      console.log(
        `subscriptions=${r.subscriptions} janus_core=${(r.janusCore * 100).toFixed(2)}% kbps_per_subscription=${r.kbpsPerSubscription.toFixed(0)} pps_per_subscription=${(r.audioPpsPerSubscription + r.videoPpsPerSubscription).toFixed(0)} (audio ${r.audioPpsPerSubscription.toFixed(0)}) machine_busy=${(r.machineBusy * 100).toFixed(0)}%`,
      );
    console.log(
      `janus_core_per_forwarded_feed(audio+video)=${(perSubscription * 100).toFixed(3)}%  per_published_feed=${(perPublisher * 100).toFixed(3)}%`,
    );
    console.log(
      `janus_core_per_7_person_table(7 pub + 42 sub) at measured ${measuredKbps.toFixed(0)} kbit/s, ${measuredPps.toFixed(0)} packets/s per feed = ${(perTable * 100).toFixed(2)}%`,
    );
    console.log(
      `janus_core_per_7_person_table at the ${bitrateCap / 1000} kbit/s video cap (${ppsAtCap.toFixed(0)} packets/s per feed, x${scale.toFixed(2)}) = ${(perTableAtCap * 100).toFixed(2)}%`,
    );
    console.log(`tables_per_janus_core_at_measured_bitrate=${(1 / perTable).toFixed(1)}`);
    console.log(`tables_per_janus_core_if_cost_grew_with_bytes(pessimistic, x${bytesScale.toFixed(2)})=${(1 / (perTable * bytesScale)).toFixed(1)}`);
    console.log(`tables_per_janus_core=${(1 / perTableAtCap).toFixed(1)}`);
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench:media] FAIL', error);
    process.exit(1);
  },
);
