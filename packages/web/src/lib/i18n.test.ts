import { describe, expect, test } from 'vitest';
import { dictionaries, describeApiError, formatDate, formatDateTime, formatTimeRange, pickLanguage } from './i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('dictionaries', () => {
  test('Dutch and English have exactly the same keys', () => {
    expect(keysOf(dictionaries.nl).sort()).toEqual(keysOf(dictionaries.en).sort());
  });

  test.each(['nl', 'en'] as const)('%s has no empty message', (language) => {
    for (const key of keysOf(dictionaries[language])) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionaries[language]);
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      else expect(typeof value, key).toBe('function');
    }
  });

  test.each([
    ['nl', 1, '1 ronde van 12 minuten'],
    ['nl', 4, '4 rondes van 12 minuten'],
    ['en', 1, '1 round of 12 minutes'],
    ['en', 4, '4 rounds of 12 minutes'],
  ] as const)('%s describes %i round(s) in the right number', (language, rounds, expected) => {
    expect(dictionaries[language].formatLine({ rounds, roundMinutes: 12, groupSize: 6 })).toContain(expected);
  });

  test('an unknown error code falls back to the generic sentence', () => {
    expect(describeApiError(dictionaries.en, 'ERR_SOMETHING_NEW')).toBe(dictionaries.en.apiErrors.generic);
    expect(describeApiError(dictionaries.nl, 'ERR_RATE_LIMITED')).toBe(dictionaries.nl.apiErrors.ERR_RATE_LIMITED);
  });
});

describe('pickLanguage', () => {
  test.each([
    ['en', 'nl', ['nl-BE'], 'en'],
    [null, 'en', ['nl-BE'], 'en'],
    [null, null, ['fr-BE', 'en-US'], 'en'],
    [null, null, ['fr-FR'], 'nl'],
    ['de', null, ['nl'], 'nl'],
  ] as const)('stored %s, page %s, browser %j gives %s', (stored, page, browser, expected) => {
    expect(pickLanguage(stored, page, browser)).toBe(expected);
  });
});

describe('dates in the edition time zone', () => {
  // 08:30 UTC on 4 December is 09:30 in Brussels (CET, UTC+1), whatever the machine's zone.
  const start = '2026-12-04T08:30:00.000Z';
  const end = '2026-12-04T10:00:00.000Z';

  test('the date is written in the interface language', () => {
    expect(formatDate(start, 'Europe/Brussels', 'nl')).toBe('vrijdag 4 december 2026');
    expect(formatDate(start, 'Europe/Brussels', 'en')).toBe('Friday, 4 December 2026');
  });

  test('the time range is in the edition zone with its name', () => {
    expect(formatTimeRange(start, end, 'Europe/Brussels', 'nl')).toBe('09:30–11:00 CET');
    expect(formatTimeRange(start, end, 'Europe/Brussels', 'en')).toMatch(/^09:30–11:00 (CET|GMT\+1)$/);
  });

  test('summer time moves the clock, not the meeting', () => {
    expect(formatTimeRange('2026-06-05T07:30:00.000Z', '2026-06-05T09:00:00.000Z', 'Europe/Brussels', 'nl')).toBe('09:30–11:00 CEST');
  });

  test('another zone shows its own local time', () => {
    expect(formatTimeRange(start, end, 'America/New_York', 'en')).toMatch(/^03:30–05:00 (EST|GMT-5)$/);
  });

  test('deadlines carry weekday, date and time', () => {
    expect(formatDateTime('2026-11-28T11:01:00.000Z', 'Europe/Brussels', 'en')).toBe('Sat 28 Nov, 12:01 CET');
  });
});
