import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import WebSocket from 'ws';
import { createLiveClient, type LiveClient, type LiveHelpRequest, type LivePresence, type LiveTableView, type LiveTimer } from '@tablehop/protocol';
import { freePort, liveUrlOf, productAdmin, startProduct, type Product } from '../../packages/server/test/live-product';
import { waitForSnapshot } from './live-edition';

/**
 * The real product for the golden scenario: a child process (`main.ts`) with its own Janus, an
 * empty data folder, and its mail going over SMTP to the test's mailbox. Nothing is set up through
 * the API here: the organizer does everything in the browser.
 */
export interface GoldenProduct {
  product: Product;
  url: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

export async function startGoldenProduct(smtpUrl: string): Promise<GoldenProduct> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tablehop-e2e-golden-'));
  const product = await startProduct({
    port,
    dataDir,
    env: { SMTP_URL: smtpUrl, JANUS_ICE_INTERFACES: process.env.JANUS_ICE_INTERFACES ?? 'v0', LOG_LEVEL: 'warn' },
  });
  return {
    product,
    url: product.url,
    admin: productAdmin,
    async stop() {
      product.child.kill('SIGTERM');
      await Promise.race([product.exited, new Promise((r) => setTimeout(r, 5000))]);
      if (product.child.exitCode === null) product.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A staff member's live connection from Node, with the session cookie of their browser context:
 * the ground truth the screens are compared with (the tables the engine planned, presence, help
 * requests, the clock). Every action of the scenario itself goes through the screens.
 */
export interface StaffWatcher {
  client: LiveClient;
  tables(): LiveTableView[];
  /** The round the current tables belong to (from the last full `tables_changed`). */
  tablesRound(): number;
  timer(): LiveTimer | null;
  help(): LiveHelpRequest[];
  /** The watcher's own person id. */
  personId(): string;
  /** Hosts: who is connected now. */
  connected(): LivePresence[];
  close(): void;
}

export async function watchAsStaff(url: string, editionId: string, context: BrowserContext): Promise<StaffWatcher> {
  const cookie = (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join('; ');
  const client = createLiveClient({
    url: liveUrlOf(url),
    editionId,
    auth: { kind: 'staff' },
    createSocket: (u) => new WebSocket(u, { headers: { cookie, origin: url } }) as never,
  });
  let tables: LiveTableView[] = [];
  let tablesRound = 0;
  let timer: LiveTimer | null = null;
  let personId = '';
  const help = new Map<string, LiveHelpRequest>();
  const presence = new Map<string, LivePresence>();
  client.onSnapshot((s) => {
    personId = s.you.personId;
    tables = s.staff?.tables ?? [];
    tablesRound = s.timer.round;
    timer = s.timer;
    for (const h of s.help) help.set(h.id, h);
    for (const p of s.staff?.presence ?? []) presence.set(p.personId, p);
  });
  client.onEvent((e) => {
    if (e.type === 'timer_changed') timer = e.timer;
    if (e.type === 'help_updated') help.set(e.request.id, e.request);
    if (e.type === 'presence_changed') presence.set(e.presence.personId, e.presence);
    if (e.type === 'tables_changed') {
      if (e.full) {
        tables = e.tables;
        tablesRound = e.round;
      } else {
        const changed = new Map(e.tables.map((t) => [t.table, t]));
        tables = tables.map((t) => changed.get(t.table) ?? t);
      }
    }
  });
  client.connect();
  await waitForSnapshot(client);
  return {
    client,
    tables: () => tables,
    tablesRound: () => tablesRound,
    timer: () => timer,
    help: () => [...help.values()],
    personId: () => personId,
    connected: () => [...presence.values()].filter((p) => p.connected),
    close: () => client.close(),
  };
}
