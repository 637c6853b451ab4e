import { describe, expect, test } from 'vitest';
import { parseArgs } from './parse-args.js';

describe('parseArgs', () => {
  test('reads every option, in both --flag value and --flag=value forms', () => {
    const parsed = parseArgs([
      '--people',
      '102',
      '--group-size=6',
      '--min-size',
      '5',
      '--max-size',
      '7',
      '--rounds',
      '4',
      '--moderators',
      '17',
      '--moderator-mode',
      'fixed',
      '--seed',
      '9',
      '--json',
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: {
        people: 102,
        input: undefined,
        groupSize: 6,
        minSize: 5,
        maxSize: 7,
        rounds: 4,
        moderators: 17,
        moderatorMode: 'fixed',
        seed: 9,
        json: true,
      },
    });
  });

  test('applies defaults: rotate, seed 1, no moderators, text output', () => {
    const parsed = parseArgs(['--input', 'people.json', '--group-size', '6', '--rounds', '3']);
    expect(parsed.ok === true && parsed.options).toMatchObject({
      input: 'people.json',
      moderators: 0,
      moderatorMode: 'rotate',
      seed: 1,
      json: false,
    });
  });

  test.each([
    [['--group-size', '6', '--rounds', '3'], /exactly one of/],
    [['--people', '5', '--input', 'f.json', '--group-size', '6', '--rounds', '3'], /exactly one of/],
    [['--people', '5', '--rounds', '3'], /--group-size is required/],
    [['--people', '5', '--group-size', '2'], /--rounds is required/],
    [['--people', 'ten', '--group-size', '2', '--rounds', '1'], /--people must be a whole number/],
    [['--people', '5', '--group-size', '0', '--rounds', '1'], /--group-size must be/],
    [['--people', '5', '--group-size', '2', '--rounds', '-1'], /--rounds must be/],
    [['--people', '5', '--group-size', '2', '--rounds', '1', '--moderator-mode', 'swap'], /rotate or fixed/],
    [['--people', '5', '--group-size', '2', '--rounds', '1', '--colour', 'red'], /unknown option --colour/],
    [['--people', '5', '--group-size', '2', '--rounds'], /--rounds needs a value/],
    [['--people', '5', '--people', '6', '--group-size', '2', '--rounds', '1'], /given twice/],
    [['people'], /unexpected argument/],
  ])('[M14] rejects %j', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok === false) expect(parsed.reason).toMatch(message);
  });
});
