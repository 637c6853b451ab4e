import type { Page } from 'playwright-core';
import type { LiveTableView } from '@tablehop/protocol';
import { readInbound } from './browser';
import { until } from './live-edition';

/** What a live page shows of its table: number, moderator and the people at it (by name). */
export interface ShownTable {
  table: number;
  moderator: string | null;
  names: string[];
}

/** The table as the engine planned it, in the same shape (names sorted). */
export function plannedTable(view: LiveTableView): ShownTable {
  return { table: view.table, moderator: view.moderator?.name ?? null, names: view.participants.map((p) => p.name).sort() };
}

/**
 * Reads the "At your table · Table n" region of a participant's (or moderator's) live page: the
 * heading names the table, the list holds one card per person.
 */
export async function readShownTable(page: Page): Promise<ShownTable | null> {
  const region = page.getByRole('region', { name: /Table \d+/ }).first();
  if ((await region.count()) === 0) return null;
  const heading = (await region.getByRole('heading').first().textContent()) ?? '';
  const table = Number(/Table (\d+)/.exec(heading)?.[1] ?? NaN);
  const moderatorLine = await region
    .getByText(/^Moderator:/)
    .first()
    .textContent()
    .catch(() => null);
  const moderator = moderatorLine ? moderatorLine.replace(/^Moderator:\s*/, '').trim() : null;
  const names = (await region.getByRole('listitem').locator('strong').allTextContents()).map((n) => n.trim()).sort();
  return { table, moderator: moderator === 'No moderator yet' ? null : moderator, names };
}

/**
 * Reads a moderator's live view: the heading names the table ("Your table: table n"), the region
 * "People at your table" holds a card per participant; the moderator is the viewer.
 */
export async function readModeratorTable(page: Page, self: string): Promise<ShownTable | null> {
  const heading = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
  const table = /table (\d+)/.exec(heading)?.[1];
  const region = page.getByRole('region', { name: 'People at your table' });
  if (!table || (await region.count()) === 0) return null;
  const names = (await region.getByRole('listitem').locator('strong').allTextContents()).map((n) => n.trim()).sort();
  return { table: Number(table), moderator: self, names };
}

/** Waits until the page shows exactly `expected` (table number, moderator and names); `read` defaults to the participant's view. */
export async function waitForShownTable(
  page: Page,
  who: string,
  expected: ShownTable,
  read: (page: Page) => Promise<ShownTable | null> = readShownTable,
  timeoutMs = 20_000,
): Promise<ShownTable> {
  let last: ShownTable | null = null;
  try {
    return await until(
      `${who} to show table ${expected.table} with ${expected.names.join(', ')}`,
      async () => {
        last = await read(page);
        return last && JSON.stringify(last) === JSON.stringify(expected) ? last : null;
      },
      timeoutMs,
      200,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; it shows ${JSON.stringify(last)}`);
  }
}

/** Which pages receive growing audio and video bytes over two seconds. */
export async function mediaFlowing(pages: Page[]): Promise<{ audio: boolean; video: boolean; peers: number }[]> {
  const first = await Promise.all(pages.map((p) => readInbound(p)));
  await new Promise((r) => setTimeout(r, 2000));
  const second = await Promise.all(pages.map((p) => readInbound(p)));
  return pages.map((_, i) => ({
    audio: second[i]!.audioBytes > first[i]!.audioBytes,
    video: second[i]!.videoBytes > first[i]!.videoBytes && second[i]!.framesDecoded > first[i]!.framesDecoded,
    peers: second[i]!.peers,
  }));
}
