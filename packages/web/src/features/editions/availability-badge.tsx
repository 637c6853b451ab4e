import type { PublicEdition } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n-context';
import { availabilityOf } from './edition-availability';
import './public-screens.css';

/** "12 seats left", "Waiting list", "Opens soon", "Registration closed", or "Happening now" / "Ended" as a coloured pill. */
export function AvailabilityBadge({ edition }: { edition: Pick<PublicEdition, 'registrationWindow' | 'seatsLeft' | 'status'> }) {
  const { t } = useI18n();
  if (edition.status === 'live') return <span className="badge badge-live">{t.pubLiveNow}</span>;
  if (edition.status === 'ended') return <span className="badge badge-ended">{t.pubEndedPill}</span>;
  const availability = availabilityOf(edition);
  const label =
    availability === 'seats'
      ? t.seatsLeft(edition.seatsLeft)
      : availability === 'waitlist'
        ? t.waitlistBadge
        : availability === 'not_open_yet'
          ? t.notOpenYetBadge
          : t.registrationClosedBadge;
  return <span className={`badge badge-${availability}`}>{label}</span>;
}
