import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Every main screen of the golden scenario: a full-page PNG in `artifacts/screenshots/<nn>-<name>.png`
 * and an axe-core run (the real axe from node_modules, injected into the page). Serious and critical
 * violations are collected; the scenario fails on them at the end, listing all of them at once.
 */
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeProblem {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

export interface Screens {
  /** Waits for `ready` (and for no "Loading…"), runs axe, writes the PNG. Returns the number of serious/critical violations. */
  capture(page: Page, name: string, ready?: Locator): Promise<number>;
  problems(): AxeProblem[];
  /** Names of the screens captured so far, in order. */
  captured(): string[];
  folder: string;
}

export function createScreens(folder: string, log: (...parts: unknown[]) => void): Screens {
  mkdirSync(folder, { recursive: true });
  // A fresh set each run: old numbering must not linger next to the new one.
  for (const file of readdirSync(folder)) if (file.endsWith('.png')) rmSync(join(folder, file));
  const problems: AxeProblem[] = [];
  const names: string[] = [];
  return {
    folder,
    problems: () => problems.slice(),
    captured: () => names.slice(),
    async capture(page, name, ready) {
      if (ready) await ready.waitFor({ timeout: 20_000 });
      await page
        .getByText('Loading…', { exact: true })
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
      // Transitions (a button changing its style, a card fading in) make axe read colours half-way: let them finish.
      await page
        .waitForFunction(
          () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
          null,
          {
            timeout: 5_000,
          },
        )
        .catch(() => undefined);
      const file = `${String(names.length + 1).padStart(2, '0')}-${name}`;
      names.push(file);
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(
        () =>
          (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
            resultTypes: ['violations'],
          }) as Promise<AxeResult>,
      );
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of bad)
        problems.push({
          screen: file,
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        });
      const minor = result.violations.length - bad.length;
      await page.screenshot({ path: join(folder, `${file}.png`), fullPage: true, animations: 'disabled' });
      log(
        `screen ${file}: ${bad.length === 0 ? 'axe clean' : `${bad.length} serious/critical axe violation(s): ${bad.map((v) => v.id).join(', ')}`}${minor ? ` (+${minor} minor)` : ''}`,
      );
      return bad.length;
    },
  };
}

export function formatProblems(problems: AxeProblem[]): string {
  return problems.map((p) => `  ${p.screen}: [${p.impact}] ${p.rule} — ${p.help}\n      at ${p.targets.join(' | ')}`).join('\n');
}
