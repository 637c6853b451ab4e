import axe from 'axe-core';

/** The serious and critical axe violations in `root`, one line each (jsdom cannot check colour contrast). */
export async function seriousViolations(root: Element): Promise<string[]> {
  // Frames (the sandboxed mail preview) hold mail HTML, not our interface; jsdom cannot reach into them.
  const result = await axe.run(root, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}
