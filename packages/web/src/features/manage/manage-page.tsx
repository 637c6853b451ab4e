import { useEffect, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { api, ApiError, type ClientErrorCode } from '../../lib/api-client';
import type { ManageView } from '../../lib/api-types';
import { describeApiError } from '../../lib/i18n';
import { useI18n, usePageLanguage } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { EditionFacts } from '../editions/edition-facts';
import { SeriesDates } from '../editions/series-dates';
import { FollowupLinks } from '../followup/followup-links';
import { CancelCard } from './cancel-card';
import { JoinCard } from './join-card';
import { manageStateOf } from './manage-state';
import { StatusCard } from './status-card';

/** `/manage/:token`: the personal page behind the link in every mail. */
export function ManagePage({ token, action }: { token: string; action: string | null }) {
  const { t } = useI18n();
  const view = useRequest((signal) => api.getManageView(token, signal), [token]);
  usePageLanguage(view.state === 'ok' ? view.data.registration.language : null);
  useDocumentTitle(t.manageTitle);

  if (view.state === 'loading') return <LoadingState />;
  if (view.state === 'error') {
    const badLink = view.error.code === 'ERR_INVALID_TOKEN' || view.error.code === 'ERR_VALIDATION' || view.error.code === 'ERR_NOT_FOUND';
    return (
      <ErrorState
        asPage
        error={badLink ? new ApiError('ERR_INVALID_TOKEN', view.error.message, view.error.status) : view.error}
        onRetry={badLink ? undefined : view.reload}
      >
        <Link href="/" className="button button-secondary">
          {t.backToEditions}
        </Link>
      </ErrorState>
    );
  }
  return <ManageContent view={view.data} token={token} focusAccept={action === 'accept'} onChanged={view.reload} />;
}

/** The clock of the page: ticks once at `at` (doors open, planned end, offer deadline) and asks for fresh data. */
function useNowUntil(at: number | null, onReached: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    // Timers longer than ~24 days overflow; a long wait is re-armed in steps of at most 6 hours.
    const delay = Math.min(Math.max(0, at - Date.now()) + 500, 6 * 3_600_000);
    const timer = setTimeout(() => {
      setNow(Date.now());
      if (Date.now() >= at) onReached();
    }, delay);
    return () => clearTimeout(timer);
  }, [at, now, onReached]);
  return now;
}

export function ManageContent({ view, token, focusAccept, onChanged }: { view: ManageView; token: string; focusAccept: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const { registration, edition } = view;
  const [busy, setBusy] = useState<'accept' | 'cancel' | null>(null);
  const [actionError, setActionError] = useState<ClientErrorCode | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const acceptButton = useRef<HTMLButtonElement>(null);
  const now = useNowUntil(manageStateOf(view, Date.now()).nextChangeAt, onChanged);
  const state = manageStateOf(view, now);

  useEffect(() => {
    if (focusAccept) acceptButton.current?.focus();
  }, [focusAccept]);

  const run = async (kind: 'accept' | 'cancel'): Promise<boolean> => {
    setBusy(kind);
    setActionError(null);
    try {
      if (kind === 'accept') await api.acceptOffer(registration.id, token);
      else await api.cancel(registration.id, token);
      setAnnouncement(kind === 'accept' ? t.acceptedAnnouncement : t.cancelledAnnouncement);
      return true;
    } catch (error) {
      setActionError(error instanceof ApiError ? error.code : 'ERR_UNEXPECTED');
      return false;
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  const ended = state.stage === 'ended';
  const inactive = registration.status === 'cancelled' || registration.status === 'expired';

  return (
    <>
      <p className="eyebrow">{t.manageTitle}</p>
      <h1>{edition.seriesName}</h1>
      <div className="manage-layout">
        <div className="manage-main">
          <StatusCard view={view} stage={state.stage} offerPassed={state.offerPassed}>
            {state.canAccept && (
              <button ref={acceptButton} type="button" className="button button-large" onClick={() => void run('accept')} disabled={busy !== null}>
                {busy === 'accept' ? t.accepting : t.acceptSeat}
              </button>
            )}
            {ended && registration.status === 'confirmed' && (
              <a href="#fu-links-title" className="button button-secondary">
                {t.pubGoToAfter}
              </a>
            )}
          </StatusCard>
          <div aria-live="polite" className="visually-hidden">
            {announcement}
          </div>
          <div aria-live="assertive">{actionError && <p className="alert alert-error">{describeApiError(t, actionError)}</p>}</div>

          <JoinCard view={view} state={state} />

          {state.canCancel && <CancelCard status={registration.status} busy={busy !== null} onConfirm={() => run('cancel')} />}
          {inactive && !ended && (
            <Link href={`/e/${encodeURIComponent(edition.id)}`} className="button button-secondary">
              {t.registerAgain}
            </Link>
          )}
          {(ended || inactive || registration.status === 'waitlisted') && (
            <SeriesDates editionId={edition.id} title={t.pubNextDatesOther} intro={false} />
          )}
        </div>
        <aside className="manage-aside">
          <FollowupLinks view={view} token={token} />
          <div className="card">
            <EditionFacts edition={edition} showSeats={false} />
          </div>
          <div className="card">
            <h2 className="card-title">{t.yourDetails}</h2>
            <dl className="details">
              <dt>{t.fieldName}</dt>
              <dd>{registration.name}</dd>
              <dt>{t.fieldEmail}</dt>
              <dd>{registration.email}</dd>
              {registration.company && (
                <>
                  <dt>{t.fieldCompany}</dt>
                  <dd>{registration.company}</dd>
                </>
              )}
              {registration.jobTitle && (
                <>
                  <dt>{t.fieldJobTitle}</dt>
                  <dd>{registration.jobTitle}</dd>
                </>
              )}
            </dl>
          </div>
        </aside>
      </div>
    </>
  );
}
