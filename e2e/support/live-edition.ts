import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createLiveClient, type LiveClient, type LiveCommand, type LiveSnapshot, type MediaAssignment } from '@tablehop/protocol';
import {
  call,
  freePort,
  liveUrlOf,
  loginOrganizer,
  setUpLiveEdition,
  startProduct,
  type LiveSetup,
  type Product,
  type StaffSession,
} from '../../packages/server/test/live-product';

/**
 * The real product (child process, which starts its own Janus) with a live edition whose tables
 * hold `groupSize` participants, and a host connection to drive it. Used by the media e2e test and
 * the media benchmark, both inside the namespace of `scripts/e2e-netns.sh`.
 */
export interface LiveProduct {
  product: Product;
  url: string;
  dataDir: string;
  setup: LiveSetup;
  organizer: StaffSession;
  host: LiveClient;
  /** The moderators' live connections from Node (same order as `setup.moderators`). */
  moderators: LiveClient[];
  /** Sends a host command and throws when it is refused. */
  run(command: LiveCommand): Promise<void>;
  /** A participant's live connection from Node (to read its media assignment). */
  participantClient(token: string): LiveClient;
  stop(): Promise<void>;
}

export async function startLiveProduct(options: {
  participants: number;
  moderators: number;
  groupSize: number;
  rounds: number;
}): Promise<LiveProduct> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-e2e-media-'));
  const product = await startProduct({ port, dataDir, env: { JANUS_ICE_INTERFACES: process.env.JANUS_ICE_INTERFACES ?? 'v0', LOG_LEVEL: 'warn' } });
  const url = product.url;
  const organizer = await loginOrganizer(url);
  const setup = await setUpLiveEdition(url, dataDir, organizer, {
    participants: options.participants,
    moderators: options.moderators,
    rounds: options.rounds,
    roundMinutes: 10,
  });
  const patched = await call(
    `${url}/api/editions/${setup.editionId}`,
    'PATCH',
    // All of the format: a partial format is completed with the defaults, not with the edition's values.
    { format: { groupSize: options.groupSize, rounds: options.rounds, roundMinutes: 10 } },
    { cookie: organizer.cookie, 'x-csrf-token': organizer.csrfToken },
  );
  if (patched.status !== 200) throw new Error(`PATCH edition: ${patched.status} ${JSON.stringify(patched.body)}`);

  const host = staffClient(url, setup.editionId, organizer.cookie);
  await waitForSnapshot(host);
  // The moderators are present (from Node: their own screen is not part of this test).
  const moderators = setup.moderators.map((m) => staffClient(url, setup.editionId, m.cookie));
  await Promise.all(moderators.map((m) => waitForSnapshot(m)));
  const clients: LiveClient[] = [host, ...moderators];
  return {
    product,
    url,
    dataDir,
    setup,
    organizer,
    host,
    moderators,
    async run(command) {
      const result = await host.send(command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    },
    participantClient(token) {
      const client = createLiveClient({
        url: liveUrlOf(url),
        editionId: setup.editionId,
        auth: { kind: 'join', token },
        createSocket: (u) => new WebSocket(u) as never,
      });
      clients.push(client);
      client.connect();
      return client;
    },
    async stop() {
      for (const c of clients) c.close();
      product.child.kill('SIGTERM');
      await Promise.race([product.exited, new Promise((r) => setTimeout(r, 5000))]);
      if (product.child.exitCode === null) product.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function staffClient(url: string, editionId: string, cookie: string): LiveClient {
  const client = createLiveClient({
    url: liveUrlOf(url),
    editionId,
    auth: { kind: 'staff' },
    createSocket: (u) => new WebSocket(u, { headers: { cookie, origin: url } }) as never,
  });
  client.connect();
  return client;
}

export function waitForSnapshot(client: LiveClient, timeoutMs = 15_000): Promise<LiveSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no live snapshot')), timeoutMs);
    const off = client.onSnapshot((s) => {
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** Follows a participant's media assignment over its live connection. */
export function trackAssignment(client: LiveClient): {
  current(): MediaAssignment | null;
  seatTable(): number | null;
  personId(): string | null;
  /** When the current assignment arrived (Date.now()). */
  assignedAt(): number;
  /** When the last seat arrived (Date.now()). */
  seatedAt(): number;
} {
  let seatedAt = 0;
  let assignment: MediaAssignment | null = null;
  let assignedAt = 0;
  let table: number | null = null;
  let personId: string | null = null;
  client.onSnapshot((s) => {
    assignment = s.media;
    assignedAt = Date.now();
    table = s.seat?.table ?? null;
    personId = s.you.personId;
  });
  client.onEvent((e) => {
    if (e.type === 'media_assigned') {
      assignment = e.assignment;
      assignedAt = Date.now();
    }
    if (e.type === 'seat_assigned') {
      table = e.seat?.table ?? null;
      seatedAt = Date.now();
    }
  });
  return { current: () => assignment, seatTable: () => table, personId: () => personId, assignedAt: () => assignedAt, seatedAt: () => seatedAt };
}

export async function until<T>(
  what: string,
  read: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
