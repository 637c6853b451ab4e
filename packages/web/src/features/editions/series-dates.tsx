import { Link } from '../../components/link';
import { api } from '../../lib/api-client';
import { describeApiError, formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import { AvailabilityBadge } from './availability-badge';
import { DateBadge } from './date-badge';
import './public-screens.css';

/**
 * "Next dates": the other upcoming editions of the same series with their availability, each a link
 * to its own page. Shows nothing when there are none; a failure is said in words with a retry.
 */
export function SeriesDates({ editionId, title, intro = true }: { editionId: string; title?: string; intro?: boolean }) {
  const { t, language } = useI18n();
  const dates = useRequest((signal) => api.listSeriesDates(editionId, signal), [editionId]);
  if (dates.state === 'ok' && dates.data.length === 0) return null;
  return (
    <section className="card series-dates" aria-labelledby="series-dates-title" aria-busy={dates.state === 'loading'}>
      <h2 id="series-dates-title" className="card-title">
        {title ?? t.pubNextDatesTitle}
      </h2>
      {dates.state === 'loading' && (
        <p className="muted small" role="status">
          {t.loading}
        </p>
      )}
      {dates.state === 'error' && (
        <div role="alert" className="series-dates-error">
          <p className="small">
            {t.pubNextDatesError} {describeApiError(t, dates.error.code)}
          </p>
          <button type="button" className="button button-secondary" onClick={dates.reload}>
            {t.retry}
          </button>
        </div>
      )}
      {dates.state === 'ok' && (
        <>
          {intro && <p className="muted small">{t.pubNextDatesIntro}</p>}
          <ul className="series-dates-list">
            {dates.data.map((edition) => (
              <li key={edition.id}>
                <Link href={`/e/${encodeURIComponent(edition.id)}`} className="series-date">
                  <DateBadge edition={edition} />
                  <span className="series-date-when">
                    <span className="series-date-day">{formatDate(edition.startsAt, edition.timeZone, language)}</span>{' '}
                    <span className="muted small">{formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}</span>
                  </span>{' '}
                  <AvailabilityBadge edition={edition} />
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
