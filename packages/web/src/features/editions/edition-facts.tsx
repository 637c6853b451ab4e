import type { PublicEdition } from '../../lib/api-types';
import { formatDate, formatDateTime, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { availabilityOf } from './edition-availability';

/** When, how it runs, and how many seats are left: the facts a person decides on. */
export function EditionFacts({ edition, showSeats = true }: { edition: PublicEdition; showSeats?: boolean }) {
  const { t, language } = useI18n();
  const availability = availabilityOf(edition);
  return (
    <dl className="facts">
      <div className="fact">
        <dt>{t.when}</dt>
        <dd>
          <span className="fact-strong">{formatDate(edition.startsAt, edition.timeZone, language)}</span>
          <br />
          {formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}
        </dd>
      </div>
      <div className="fact">
        <dt>{t.format}</dt>
        <dd>
          {t.formatLine(edition.format)}
          {edition.format.plenaryMinutes > 0 && <> {t.plenaryLine(edition.format.plenaryMinutes)}</>}
          <br />
          <span className="muted">{t.onlineNote}</span>
        </dd>
      </div>
      {showSeats && (availability === 'seats' || availability === 'waitlist') && (
        <div className="fact">
          <dt>{t.seats}</dt>
          <dd>
            {availability === 'seats' ? (
              t.seatsLine(edition.seatsLeft, edition.capacity)
            ) : (
              <>
                {t.fullLine(edition.waitlistCount)}
                <br />
                <span className="fact-strong">{t.pubWaitlistNext(edition.waitlistCount + 1)}</span>
              </>
            )}
            {new Date(edition.registrationClosesAt).getTime() < new Date(edition.startsAt).getTime() && (
              <>
                <br />
                <span className="muted">{t.pubClosesAt(formatDateTime(edition.registrationClosesAt, edition.timeZone, language))}</span>
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
