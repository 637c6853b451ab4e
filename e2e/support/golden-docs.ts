import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * The README's screenshots (`docs/screenshots/`), made from a run's screens: the top of the page
 * (what a 1280 x 800 window shows) at `width` pixels, scaled by Chromium itself (no image tools
 * needed). Run with `GOLDEN_README_SCREENSHOTS=1 npm run e2e:golden` to refresh them.
 */
export async function writeReadmeScreenshots(
  browser: Browser,
  from: string,
  captured: string[],
  selection: Record<string, string>,
  to: string,
  width = 800,
): Promise<string[]> {
  mkdirSync(to, { recursive: true });
  const page = await browser.newPage({ viewport: { width, height: Math.round((width * 800) / 1280) } });
  const written: string[] = [];
  try {
    for (const [screen, name] of Object.entries(selection)) {
      const file = captured.find((c) => c.replace(/^\d+-/, '') === screen);
      if (!file) continue;
      const data = readFileSync(join(from, `${file}.png`)).toString('base64');
      await page.setContent(
        `<html><body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${data}" style="display:block;width:${width}px"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: join(to, `${name}.png`) });
      written.push(name);
    }
  } finally {
    await page.close();
  }
  return written;
}
