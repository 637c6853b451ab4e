import type { PublicEdition } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n-context';
import { availabilityOf } from './edition-availability';

/** "12 seats left", "Waiting list", "Opens soon" or "Registration closed" as a coloured pill. */
export function AvailabilityBadge({ edition }: { edition: PublicEdition }) {
  const { t } = useI18n();
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
