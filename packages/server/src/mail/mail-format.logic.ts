import type { Language } from '@tablehop/protocol';

/** Escapes a value for HTML text and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Belgian Dutch and British English: day-month order and a 24-hour clock, which is what our
// audience (a Flemish chamber of commerce) reads naturally in both languages.
const locales: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

type Style = 'day' | 'time' | 'zone';
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  zone: { timeZoneName: 'short' },
};

// Building an Intl.DateTimeFormat costs far more than using one; a burst of mails after a
// registration rush reuses the few that exist (one per style, language and zone).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: Style, timeZone: string, language: Language): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}|${language}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locales[language], { timeZone, ...styles[style] });
    formatters.set(key, found);
  }
  return found;
}

/** "vrijdag 4 december 2026" / "Friday, 4 December 2026", in the given time zone. */
export function formatDay(at: Date, timeZone: string, language: Language): string {
  return formatter('day', timeZone, language).format(at);
}

/** "09:30", in the given time zone. */
export function formatTime(at: Date, timeZone: string, language: Language): string {
  return formatter('time', timeZone, language).format(at);
}

/** The zone's short name at that moment ("CET", "CEST"), so nobody abroad misreads the hour. */
export function formatZoneName(at: Date, timeZone: string, language: Language): string {
  const parts = formatter('zone', timeZone, language).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "vrijdag 4 december 2026, 09:30–11:00 CET": the slot of an edition. */
export function formatSlot(startsAt: Date, durationMinutes: number, timeZone: string, language: Language): string {
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const day = formatDay(startsAt, timeZone, language);
  const hours = `${formatTime(startsAt, timeZone, language)}–${formatTime(endsAt, timeZone, language)}`;
  return `${day}, ${hours} ${formatZoneName(startsAt, timeZone, language)}`;
}

/** "vrijdag 4 december 2026 om 09:30 CET" / "Friday, 4 December 2026 at 09:30 CET": a deadline. */
export function formatMoment(at: Date, timeZone: string, language: Language): string {
  const glue = language === 'nl' ? 'om' : 'at';
  return `${formatDay(at, timeZone, language)} ${glue} ${formatTime(at, timeZone, language)} ${formatZoneName(at, timeZone, language)}`;
}
