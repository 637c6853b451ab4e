import type { Edition } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';

const statusTones: Record<Edition['status'], string> = {
  draft: 'closed',
  open: 'seats',
  closed: 'closed',
  live: 'not_open_yet',
  ended: 'closed',
};

/** The edition's status as a pill (draft, open, closed, live, ended), with the window when open. */
export function EditionStatusBadge({ edition }: { edition: Pick<Edition, 'status' | 'registrationWindow'> }) {
  const { t } = useI18n();
  const label =
    edition.status === 'open' && edition.registrationWindow !== 'open'
      ? t.orgWindowState[edition.registrationWindow]
      : t.orgEditionStatus[edition.status];
  const tone = edition.status === 'open' && edition.registrationWindow === 'not_open_yet' ? 'not_open_yet' : statusTones[edition.status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** "84 / 102 confirmed" with a small bar: how full an edition is. */
export function SeatMeter({ confirmed, capacity }: { confirmed: number; capacity: number }) {
  const { t } = useI18n();
  const ratio = capacity > 0 ? Math.min(1, confirmed / capacity) : confirmed > 0 ? 1 : 0;
  return (
    <span className="seat-meter">
      <span className="seat-meter-text">{t.orgConfirmedOf(confirmed, capacity)}</span>
      <span className="seat-meter-bar" aria-hidden="true">
        <span className={ratio >= 1 ? 'seat-meter-fill seat-meter-full' : 'seat-meter-fill'} style={{ width: `${Math.round(ratio * 100)}%` }} />
      </span>
    </span>
  );
}
