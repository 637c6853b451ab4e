import type { ReactNode } from 'react';
import type { RegistrationStatus } from '@tablehop/protocol';
import type { ManageView } from '../../lib/api-types';
import { formatDateTime, type Messages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import type { LiveStage } from './manage-state';

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
export function StatusCard({
  view,
  stage,
  offerPassed = false,
  children,
}: {
  view: ManageView;
  stage: LiveStage;
  offerPassed?: boolean;
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const { registration, edition } = view;
  const status = registration.status;
  const ended = stage === 'ended';
  const deadline = registration.offerExpiresAt ? formatDateTime(registration.offerExpiresAt, edition.timeZone, language) : null;
  const tone = ended ? 'neutral' : tones[status];
  const text = ended
    ? status === 'confirmed'
      ? t.pubEndedConfirmed
      : status === 'waitlisted' || status === 'offered'
        ? t.pubEndedWaiting
        : t.pubEndedOther
    : status === 'confirmed'
      ? t.manageConfirmed
      : status === 'waitlisted'
        ? t.manageWaitlisted(registration.waitlistPosition)
        : status === 'offered'
          ? offerPassed
            ? t.pubOfferExpiredNow
            : t.manageOffered(deadline)
          : status === 'cancelled'
            ? t.manageCancelled
            : t.manageExpired;
  return (
    <section className={`card status-card status-${tone}`} aria-labelledby="status-title" aria-live="polite">
      <div className="status-head">
        <span className={`status-pill status-pill-${tone}`} id="status-title">
          {ended ? t.pubEndedPill : statusLabel(t, status)}
        </span>
        {!ended && status === 'waitlisted' && registration.waitlistPosition !== null && (
          <span className="status-position" aria-hidden="true">
            #{registration.waitlistPosition}
          </span>
        )}
      </div>
      {ended && <h2 className="notice-title">{t.pubEndedTitle}</h2>}
      <p className="status-text">{text}</p>
      {!ended && status === 'offered' && registration.offerExpiresAt && deadline && !offerPassed && (
        <p className="offer-deadline">
          <time dateTime={registration.offerExpiresAt}>{t.pubOfferDeadline(deadline)}</time>
        </p>
      )}
      {!ended && status === 'waitlisted' && <p className="muted small">{t.waitlistExplain}</p>}
      {children}
    </section>
  );
}
