import { Link } from '../../components/link';
import type { PublicEdition } from '../../lib/api-types';
import { formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { AvailabilityBadge } from './availability-badge';
import { DateBadge } from './date-badge';
import { availabilityOf } from './edition-availability';

/** One upcoming edition in the list: when, how full, and the way to register. */
export function EditionCard({ edition }: { edition: PublicEdition }) {
  const { t, language } = useI18n();
  const availability = availabilityOf(edition);
  const href = `/e/${encodeURIComponent(edition.id)}`;
  const action = availability === 'seats' ? t.register : availability === 'waitlist' ? t.joinWaitlist : t.view;
  const titleId = `edition-${edition.id}`;
  return (
    <li className="card edition-card" aria-labelledby={titleId}>
      <DateBadge edition={edition} />
      <div className="edition-card-body">
        <h2 className="edition-card-title" id={titleId}>
          {edition.seriesName}
        </h2>
        <p className="edition-card-when">
          {formatDate(edition.startsAt, edition.timeZone, language)}
          <br />
          {formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}
        </p>
        <div className="edition-card-footer">
          <AvailabilityBadge edition={edition} />
          <Link
            href={href}
            className={availability === 'seats' || availability === 'waitlist' ? 'button' : 'button button-secondary'}
            aria-describedby={titleId}
          >
            {action}
          </Link>
        </div>
      </div>
    </li>
  );
}
