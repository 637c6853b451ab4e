import type { ModeratorMode } from '../types.js';

/** Parsed command line of `npm run match`. */
export interface CliOptions {
  readonly people?: number;
  readonly input?: string;
  readonly groupSize: number;
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly rounds: number;
  readonly moderators: number;
  readonly moderatorMode: ModeratorMode;
  readonly seed: number;
  readonly json: boolean;
}

export const USAGE = `usage: npm run --silent match -- --people N | --input FILE --group-size S --rounds R
       [--min-size A] [--max-size B] [--moderators M] [--moderator-mode rotate|fixed] [--seed K] [--json]`;

const NUMBER_FLAGS = new Set(['people', 'group-size', 'min-size', 'max-size', 'rounds', 'moderators', 'seed']);
const VALUE_FLAGS = new Set([...NUMBER_FLAGS, 'moderator-mode', 'input']);

/** Parses argv (without node and script) or explains what is wrong. Pure, so it is unit-tested. */
export function parseArgs(argv: readonly string[]): { ok: true; options: CliOptions } | { ok: false; reason: string } | { ok: 'help' } {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (!arg.startsWith('--')) return { ok: false, reason: `unexpected argument ${arg}` };
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name === 'json') {
      if (eq >= 0) return { ok: false, reason: '--json takes no value' };
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) return { ok: false, reason: `unknown option --${name}` };
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { ok: false, reason: `--${name} needs a value` };
    if (values.has(name)) return { ok: false, reason: `--${name} is given twice` };
    values.set(name, value);
  }
  const numbers = new Map<string, number>();
  for (const [name, value] of values) {
    if (!NUMBER_FLAGS.has(name)) continue;
    const least = name === 'moderators' || name === 'seed' ? 0 : 1;
    if (!/^\d+$/.test(value) || Number(value) < least || !Number.isSafeInteger(Number(value))) {
      return { ok: false, reason: `--${name} must be a whole number >= ${least}, got ${value}` };
    }
    numbers.set(name, Number(value));
  }
  const input = values.get('input');
  const people = numbers.get('people');
  if ((people === undefined) === (input === undefined)) return { ok: false, reason: 'give exactly one of --people N or --input FILE' };
  const groupSize = numbers.get('group-size');
  if (groupSize === undefined) return { ok: false, reason: '--group-size is required' };
  const rounds = numbers.get('rounds');
  if (rounds === undefined) return { ok: false, reason: '--rounds is required' };
  const mode = values.get('moderator-mode') ?? 'rotate';
  if (mode !== 'rotate' && mode !== 'fixed') return { ok: false, reason: `--moderator-mode must be rotate or fixed, got ${mode}` };
  return {
    ok: true,
    options: {
      people,
      input,
      groupSize,
      minSize: numbers.get('min-size'),
      maxSize: numbers.get('max-size'),
      rounds,
      moderators: numbers.get('moderators') ?? 0,
      moderatorMode: mode,
      seed: numbers.get('seed') ?? 1,
      json,
    },
  };
}
