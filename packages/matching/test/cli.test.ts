// Runs the real CLI in a child process: the contract the checks for issue 3 rely on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const cli = join(root, 'packages/matching/src/cli.ts');
const tsx = join(root, 'node_modules/.bin/tsx');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonPlan {
  rounds: { tables: { moderator: string | null; participants: string[] }[] }[];
  stats: Record<string, unknown>;
}

describe('match CLI', () => {
  test('[M4][M9] prints only JSON with --json: 102 people, 17 moderators, 17 clean rounds', () => {
    const out = run(['--people', '102', '--group-size', '6', '--rounds', '17', '--moderators', '17', '--json']);
    expect(out.status).toBe(0);
    const plan = JSON.parse(out.stdout) as JsonPlan;
    expect(Object.keys(plan)).toEqual(['rounds', 'stats']);
    expect(plan.rounds).toHaveLength(17);
    expect(plan.stats).toMatchObject({ cleanRounds: 17, repeatedPairs: 0, repeatedModeratorPairs: 0 });
    expect(plan.rounds[0]!.tables[0]!.moderator).toMatch(/^m\d+$/);
    expect(plan.rounds[0]!.tables[0]!.participants[0]).toMatch(/^p\d+$/);
  });

  test('[M2] seats exactly S per table with --min-size S --max-size S', () => {
    const out = run(['--people', '32', '--group-size', '4', '--min-size', '4', '--max-size', '4', '--rounds', '10', '--json']);
    const plan = JSON.parse(out.stdout) as JsonPlan;
    expect(plan.rounds.flatMap((r) => r.tables.map((t) => t.participants.length))).toEqual(Array(80).fill(4));
    expect(plan.stats.cleanRounds).toBe(10);
  });

  test('[M3] reads --input with companies and never-together pairs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'match-'));
    const file = join(dir, 'event.json');
    const participants = Array.from({ length: 24 }, (_, i) => ({ id: `u${i}`, company: `c${i % 6}`, sector: `s${i % 3}` }));
    writeFileSync(file, JSON.stringify({ participants, moderators: [{ id: 'x' }, { id: 'y' }], neverTogether: [['u0', 'u1']], history: [] }));
    const out = run(['--input', file, '--group-size', '4', '--rounds', '3', '--json']);
    expect(out.status).toBe(0);
    const plan = JSON.parse(out.stdout) as JsonPlan;
    expect(plan.stats).toMatchObject({ sameCompanyPairs: 0, neverTogetherPairs: 0 });
  });

  test('prints a readable table without --json', () => {
    const out = run(['--people', '15', '--group-size', '3', '--rounds', '7']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Round 7');
    expect(out.stdout).toMatch(/Clean rounds\s+7 of 7/);
  });

  test.each([
    [['--people', '10', '--group-size', '6', '--min-size', '6', '--max-size', '6', '--rounds', '2'], /cannot be split/],
    [['--people', '10', '--rounds', '2'], /--group-size is required/],
    [['--people', '10', '--group-size', '3', '--rounds', '2', '--input', 'x.json'], /exactly one of/],
    [['--input', '/nonexistent/file.json', '--group-size', '3', '--rounds', '2'], /cannot read/],
  ])('[M14] exits with code 2 and a message on stderr for %j', (args, message) => {
    const out = run(args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });
});
