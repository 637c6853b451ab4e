import type { Edition, Language } from '@tablehop/protocol';
import { localeOf } from '../../lib/i18n';

/** The weekday name of ISO weekday 1 (Monday) .. 7 (Sunday), in the interface language. */
export function weekdayName(isoWeekday: number, language: Language): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(localeOf[language], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** "12 Dec 2026, 09:41": when a registration came in, in the edition's zone. */
export function formatShortDateTime(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf[language], {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** Free seats of an edition as the organizer counts them (never below zero). */
export function seatsLeftOf(edition: Pick<Edition, 'seatsLeft'>): number {
  return Math.max(0, edition.seatsLeft);
}

/** A whole number in [min, max] from a text input, or null when it is not one. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** Moves the item at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
