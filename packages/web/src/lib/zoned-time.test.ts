import { expect, test } from 'vitest';
import { isoToLocal, isValidTimeZone, localToIso } from './zoned-time';

test.each([
  ['2026-12-04T09:30', 'Europe/Brussels', '2026-12-04T09:30:00+01:00'],
  ['2026-06-05T09:30', 'Europe/Brussels', '2026-06-05T09:30:00+02:00'],
  ['2026-12-04T09:30', 'America/New_York', '2026-12-04T09:30:00-05:00'],
  ['2026-12-04T09:30', 'Asia/Kolkata', '2026-12-04T09:30:00+05:30'],
  ['2026-12-04T09:30', 'UTC', '2026-12-04T09:30:00+00:00'],
  ['2026-03-29T09:30', 'Europe/Brussels', '2026-03-29T09:30:00+02:00'],
  ['not a date', 'Europe/Brussels', null],
] as const)('%s in %s is sent as %s', (local, zone, expected) => {
  expect(localToIso(local, zone)).toBe(expected);
});

test.each([
  ['2026-12-04T08:30:00.000Z', 'Europe/Brussels', '2026-12-04T09:30'],
  ['2026-06-05T07:30:00.000Z', 'Europe/Brussels', '2026-06-05T09:30'],
  [null, 'Europe/Brussels', ''],
] as const)('%s shows as %s in %s', (iso, zone, expected) => {
  expect(isoToLocal(iso, zone)).toBe(expected);
});

test('a wall-clock time survives the round trip through the API', () => {
  const iso = localToIso('2026-10-25T09:30', 'Europe/Brussels');
  expect(iso).toBe('2026-10-25T09:30:00+01:00');
  expect(isoToLocal(iso, 'Europe/Brussels')).toBe('2026-10-25T09:30');
});

test.each([
  ['Europe/Brussels', true],
  ['Mars/Olympus', false],
  ['', false],
])('time zone %j is valid: %s', (zone, expected) => {
  expect(isValidTimeZone(zone)).toBe(expected);
});
