import type { ReactNode } from 'react';
import type { RegistrationStatus } from '@tablehop/protocol';
import type { ManageView } from '../../lib/api-types';
import { formatDateTime, type Messages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';

const tones: Record<RegistrationStatus, string> = {
  confirmed: 'success',
  waitlisted: 'waitlist',
  offered: 'offer',
  cancelled: 'neutral',
  expired: 'neutral',
};

export function statusLabel(t: Messages, status: RegistrationStatus): string {
  switch (status) {
    case 'confirmed':
      return t.statusConfirmed;
    case 'waitlisted':
      return t.statusWaitlisted;
    case 'offered':
      return t.statusOffered;
    case 'cancelled':
      return t.statusCancelled;
    case 'expired':
      return t.statusExpired;
  }
}

/** The registration's status in one glance, with the action it calls for (children). */
export function StatusCard({ view, children }: { view: ManageView; children?: ReactNode }) {
  const { t, language } = useI18n();
  const { registration, edition } = view;
  const status = registration.status;
  const deadline = registration.offerExpiresAt ? formatDateTime(registration.offerExpiresAt, edition.timeZone, language) : null;
  const text =
    status === 'confirmed'
      ? t.manageConfirmed
      : status === 'waitlisted'
        ? t.manageWaitlisted(registration.waitlistPosition)
        : status === 'offered'
          ? t.manageOffered(deadline)
          : status === 'cancelled'
            ? t.manageCancelled
            : t.manageExpired;
  return (
    <section className={`card status-card status-${tones[status]}`} aria-labelledby="status-title" aria-live="polite">
      <div className="status-head">
        <span className={`status-pill status-pill-${tones[status]}`} id="status-title">
          {statusLabel(t, status)}
        </span>
        {status === 'waitlisted' && registration.waitlistPosition !== null && (
          <span className="status-position" aria-hidden="true">
            #{registration.waitlistPosition}
          </span>
        )}
      </div>
      <p className="status-text">{text}</p>
      {status === 'waitlisted' && <p className="muted small">{t.waitlistExplain}</p>}
      {children}
    </section>
  );
}
