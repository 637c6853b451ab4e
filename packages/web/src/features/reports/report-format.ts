import type { Language } from '@tablehop/protocol';
import { localeOf } from '../../lib/i18n';

/** A fraction 0..1 as a percentage ("12 %" / "12%"), or the dash for unknown. */
export function formatPercent(value: number | null, language: Language, none: string): string {
  if (value === null) return none;
  return new Intl.NumberFormat(localeOf[language], { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A number with at most `digits` decimals in the page's language, or the dash for unknown. */
export function formatNumber(value: number | null, language: Language, none: string, digits = 1): string {
  if (value === null) return none;
  return new Intl.NumberFormat(localeOf[language], { maximumFractionDigits: digits }).format(value);
}

/** An NPS with its sign (+25, −10, 0). */
export function formatNps(value: number | null, language: Language, none: string): string {
  if (value === null) return none;
  return new Intl.NumberFormat(localeOf[language], { signDisplay: 'exceptZero' }).format(value);
}

/** "4 Dec" / "4 dec.": a short date for chart labels and tables. */
export function formatShortDate(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf[language], { day: 'numeric', month: 'short', year: '2-digit', timeZone }).format(new Date(iso));
}
