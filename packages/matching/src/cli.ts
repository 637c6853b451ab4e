// Command-line front of the planner: `npm run --silent match -- ...` (see README.md).
// The only place in this package that does I/O: it reads a file, the clock and argv, and writes
// stdout/stderr. Exit code 2 for bad arguments or an impossible request.
import { readFileSync } from 'node:fs';
import { formatJson, formatText } from './cli/format-plan.js';
import { parseArgs, USAGE } from './cli/parse-args.js';
import { readInput, type InputDocument } from './cli/read-input.js';
import { planEvent } from './index.js';

/** Wall-clock safety net only; the iteration budget normally ends the search first (M12). */
const TIME_LIMIT_MS = 30_000;

function exitWith(message: string): never {
  process.stderr.write(`match: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function loadInput(file: string): InputDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    exitWith(`cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    exitWith(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const read = readInput(data);
  if (!read.ok) exitWith(`${file}: ${read.reason}`);
  return read.input;
}

function main(): void {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.ok === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!parsed.ok) exitWith(parsed.reason);
  const o = parsed.options;
  const input: InputDocument =
    o.input !== undefined
      ? loadInput(o.input)
      : {
          participants: Array.from({ length: o.people ?? 0 }, (_, i) => ({ id: `p${i + 1}` })),
          moderators: [],
          history: [],
          neverTogether: [],
        };
  const moderators =
    input.moderators.length > 0 || o.moderators === 0 ? input.moderators : Array.from({ length: o.moderators }, (_, i) => ({ id: `m${i + 1}` }));
  const result = planEvent({
    participants: input.participants,
    moderators,
    history: input.history,
    neverTogether: input.neverTogether,
    groupSize: { target: o.groupSize, min: o.minSize, max: o.maxSize },
    rounds: o.rounds,
    moderatorMode: o.moderatorMode,
    seed: o.seed,
    budget: { now: () => performance.now(), timeLimitMs: TIME_LIMIT_MS },
  });
  if (!result.ok) exitWith(result.reason);
  process.stdout.write(o.json ? `${formatJson(result.plan)}\n` : formatText(result.plan));
}

main();
