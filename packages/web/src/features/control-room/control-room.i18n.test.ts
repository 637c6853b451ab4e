import { describe, expect, test } from 'vitest';
import { controlRoomMessages, describeCommandError } from './control-room.i18n';

describe('control room strings', () => {
  test('Dutch and English have the same keys, none empty', () => {
    const keys = (o: object): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]))
        .sort();
    expect(keys(controlRoomMessages.nl)).toEqual(keys(controlRoomMessages.en));
    for (const language of ['nl', 'en'] as const)
      for (const [key, value] of Object.entries(controlRoomMessages[language])) if (typeof value === 'string') expect(value, key).not.toBe('');
  });

  test.each([
    [{ code: 'ERR_CONFLICT', message: 'no round is seated' }, 'That is not possible right now: no round is seated.'],
    [{ code: 'ERR_NOT_FOUND', message: 'there is no table 18' }, 'That table or person no longer exists: there is no table 18.'],
    [{ code: 'ERR_NOT_CONNECTED', message: 'Not connected; try again in a moment.' }, controlRoomMessages.en.commandErrors.ERR_NOT_CONNECTED],
    [{ code: 'ERR_FORBIDDEN', message: 'host may not flag' }, 'You may not do this here.'],
    [{ code: 'ERR_RATE_LIMITED', message: 'Too many commands; slow down.' }, 'Too many actions at once. Wait a moment, then try again.'],
    [{ code: 'ERR_INTERNAL', message: 'Something went wrong on our side.' }, 'Something went wrong on our side. Try again in a moment.'],
    [{ code: 'ERR_SOMETHING_NEW', message: 'a new refusal' }, 'Something went wrong: a new refusal'],
  ])('%j reads “%s”', (error, text) => {
    expect(describeCommandError(controlRoomMessages.en, error)).toBe(text);
  });
});
