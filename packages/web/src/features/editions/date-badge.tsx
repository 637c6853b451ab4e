import type { PublicEdition } from '../../lib/api-types';
import { formatDateBadge } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';

/** A small calendar leaf with weekday, day and month, decorative next to the written date. */
export function DateBadge({ edition }: { edition: Pick<PublicEdition, 'startsAt' | 'timeZone'> }) {
  const { language } = useI18n();
  const { day, month, weekday } = formatDateBadge(edition.startsAt, edition.timeZone, language);
  return (
    <div className="date-badge" aria-hidden="true">
      <span className="date-badge-weekday">{weekday}</span>
      <span className="date-badge-day">{day}</span>
      <span className="date-badge-month">{month}</span>
    </div>
  );
}
