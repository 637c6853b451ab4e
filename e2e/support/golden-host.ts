import type { Page } from 'playwright-core';
import type { LiveTimer } from '@tablehop/protocol';
import type { ShownTable } from './golden-live';
import type { StaffWatcher } from './golden-product';
import { until } from './live-edition';

/**
 * The host's hands in the control room (`/live/:editionId` for an organizer): the buttons of "Run of
 * the event" (with the confirmation dialog where there is one), and what the room shows of the
 * tables. Each click waits until the engine (the host's own live connection) reached the new state.
 */
export async function hostClicks(
  page: Page,
  host: StaffWatcher,
  button: string,
  reached: (timer: LiveTimer) => boolean,
  confirmWith?: string,
): Promise<void> {
  const run = page.getByRole('region', { name: 'Run of the event' });
  await run.getByRole('button', { name: button, exact: true }).click({ timeout: 15_000 });
  if (confirmWith) await page.getByRole('alertdialog').getByRole('button', { name: confirmWith, exact: true }).click();
  await until(`"${button}" to take effect`, () => {
    const timer = host.timer();
    return timer !== null && reached(timer);
  });
}

/** The tables of the control room's "Tables, round n": moderator and participants per table card. */
export async function readControlRoomTables(page: Page, round: number): Promise<ShownTable[]> {
  const grid = page.getByRole('region', { name: `Tables, round ${round}` });
  await grid.waitFor({ timeout: 15_000 });
  const cards = grid.getByRole('region', { name: /^Table \d+$/ });
  const tables: ShownTable[] = [];
  for (const card of await cards.all()) {
    const label = (await card.getAttribute('aria-label')) ?? '';
    const moderator = await card
      .locator('.cr-moderator-name')
      .first()
      // The name is the card's own text; the status dot and "offline…" are child elements.
      .evaluate((el) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(''),
      )
      .catch(() => null);
    const names = (await card.locator('.cr-person-name').allTextContents()).map((n) => n.trim()).sort();
    tables.push({ table: Number(/\d+/.exec(label)?.[0]), moderator: moderator?.trim() || null, names });
  }
  return tables.sort((a, b) => a.table - b.table);
}

/** Waits until the control room shows exactly the planned tables. */
export async function waitForControlRoomTables(page: Page, round: number, planned: ShownTable[]): Promise<void> {
  let last: ShownTable[] = [];
  await until(
    `the control room to show the planned tables of round ${round}`,
    async () => {
      last = await readControlRoomTables(page, round);
      return JSON.stringify(last) === JSON.stringify(planned);
    },
    15_000,
    200,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; it shows ${JSON.stringify(last)}`);
  });
}
