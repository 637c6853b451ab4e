import { useEffect, useRef, type ReactNode } from 'react';
import { CalendarIcon } from '../../components/icons';
import { Link } from '../../components/link';
import { api } from '../../lib/api-client';
import type { PublicEdition } from '../../lib/api-types';
import { formatDateTime } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import '../editions/public-screens.css';
import type { Registered } from './registration.types';

/** What happened after submitting: a seat, a place on the waiting list, or "you were registered already". */
export function RegistrationConfirmation({ edition, registered, onAgain }: { edition: PublicEdition; registered: Registered; onAgain(): void }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const { created, result, name } = registered;
  const token = result.manageToken;
  // The calendar link comes with the manage view; the registration itself is done either way.
  const manage = useRequest(async (signal) => (token ? api.getManageView(token, signal) : null), [token]);
  const calendarUrl = manage.state === 'ok' && manage.data ? manage.data.calendarUrl : null;
  const manageHref = token ? `/manage/${encodeURIComponent(token)}` : null;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const doorsOpenMinutes = manage.state === 'ok' && manage.data?.live ? manage.data.live.doorsOpenMinutes : 15;
  let tone: 'success' | 'waitlist' | 'info';
  let title: string;
  let body: ReactNode;
  let steps: readonly string[];
  if (!created) {
    tone = 'info';
    title = t.alreadyTitle;
    body = <p>{t.alreadyText}</p>;
    steps = t.pubStepsAlready;
  } else if (result.status === 'waitlisted') {
    tone = 'waitlist';
    title = t.waitlistedTitle;
    body = (
      <>
        <p className="confirmation-big">{t.waitlistedText(result.waitlistPosition)}</p>
        <p>{t.waitlistExplain}</p>
      </>
    );
    steps = t.pubStepsWaitlisted;
  } else if (result.status === 'offered') {
    tone = 'waitlist';
    title = t.offeredTitle;
    body = <p>{t.offeredText(result.offerExpiresAt ? formatDateTime(result.offerExpiresAt, edition.timeZone, language) : null)}</p>;
    steps = t.pubStepsOffered;
  } else {
    tone = 'success';
    title = t.confirmedTitle;
    body = <p>{t.confirmedText(name)}</p>;
    steps = t.pubStepsConfirmed(doorsOpenMinutes);
  }

  return (
    <div className={`card confirmation confirmation-${tone}`} aria-live="polite">
      <div className="confirmation-icon" aria-hidden="true">
        {tone === 'success' ? '✓' : tone === 'waitlist' ? '…' : '✉'}
      </div>
      <h2 ref={heading} tabIndex={-1} className="confirmation-title">
        {title}
      </h2>
      {body}
      <div className="next-steps">
        <h3 className="next-steps-title">{t.pubNextStepsTitle}</h3>
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>
      <div className="actions actions-stack">
        {calendarUrl && result.status === 'confirmed' && (
          <a className="button" href={calendarUrl} download>
            <CalendarIcon />
            {t.addToCalendar}
          </a>
        )}
        {manageHref && result.status === 'offered' && created && (
          <Link className="button" href={`${manageHref}?action=accept`}>
            {t.pubAcceptOffer}
          </Link>
        )}
        {manageHref && (
          <Link
            className={(calendarUrl && result.status === 'confirmed') || result.status === 'offered' ? 'button button-secondary' : 'button'}
            href={manageHref}
          >
            {t.manageLink}
          </Link>
        )}
        <button type="button" className="button button-ghost" onClick={onAgain}>
          {t.registerSomeoneElse}
        </button>
      </div>
      <p className="muted small manage-hint">{t.pubManageHint}</p>
    </div>
  );
}
