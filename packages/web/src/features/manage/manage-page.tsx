import { useEffect, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../../components/feedback';
import { CalendarIcon } from '../../components/icons';
import { Link } from '../../components/link';
import { api, ApiError, type ClientErrorCode } from '../../lib/api-client';
import type { ManageView } from '../../lib/api-types';
import { describeApiError } from '../../lib/i18n';
import { useI18n, usePageLanguage } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { EditionFacts } from '../editions/edition-facts';
import { StatusCard } from './status-card';

/** `/manage/:token`: the personal page behind the link in every mail. */
export function ManagePage({ token, action }: { token: string; action: string | null }) {
  const { t } = useI18n();
  const view = useRequest((signal) => api.getManageView(token, signal), [token]);
  usePageLanguage(view.state === 'ok' ? view.data.registration.language : null);
  useDocumentTitle(t.manageTitle);

  if (view.state === 'loading') return <LoadingState />;
  if (view.state === 'error') {
    return (
      <ErrorState
        asPage
        error={view.error}
        onRetry={view.error.code === 'ERR_INVALID_TOKEN' || view.error.code === 'ERR_VALIDATION' ? undefined : view.reload}
      >
        <Link href="/" className="button button-secondary">
          {t.backToEditions}
        </Link>
      </ErrorState>
    );
  }
  return <ManageContent view={view.data} token={token} focusAccept={action === 'accept'} onChanged={view.reload} />;
}

function ManageContent({ view, token, focusAccept, onChanged }: { view: ManageView; token: string; focusAccept: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const { registration, edition } = view;
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [busy, setBusy] = useState<'accept' | 'cancel' | null>(null);
  const [actionError, setActionError] = useState<ClientErrorCode | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const acceptButton = useRef<HTMLButtonElement>(null);
  const confirmYes = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusAccept) acceptButton.current?.focus();
  }, [focusAccept]);

  useEffect(() => {
    if (confirmingCancel) confirmYes.current?.focus();
  }, [confirmingCancel]);

  const run = async (kind: 'accept' | 'cancel') => {
    setBusy(kind);
    setActionError(null);
    try {
      if (kind === 'accept') await api.acceptOffer(registration.id, token);
      else await api.cancel(registration.id, token);
      setAnnouncement(kind === 'accept' ? t.acceptedAnnouncement : t.cancelledAnnouncement);
      setConfirmingCancel(false);
    } catch (error) {
      setActionError(error instanceof ApiError ? error.code : 'ERR_UNEXPECTED');
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  const canCancel = registration.status === 'confirmed' || registration.status === 'waitlisted' || registration.status === 'offered';

  return (
    <>
      <p className="eyebrow">{t.manageTitle}</p>
      <h1>{edition.seriesName}</h1>
      <div className="manage-layout">
        <div className="manage-main">
          <StatusCard view={view}>
            {registration.status === 'offered' && (
              <button ref={acceptButton} type="button" className="button button-large" onClick={() => void run('accept')} disabled={busy !== null}>
                {busy === 'accept' ? t.accepting : t.acceptSeat}
              </button>
            )}
          </StatusCard>
          <div aria-live="polite" className="visually-hidden">
            {announcement}
          </div>
          <div aria-live="assertive">{actionError && <p className="alert alert-error">{describeApiError(t, actionError)}</p>}</div>

          {(view.joinUrl || registration.status === 'confirmed') && (
            <div className="card action-card">
              {view.joinUrl && (
                <>
                  <a className="button button-large button-block" href={view.joinUrl}>
                    {t.joinEvent}
                  </a>
                  <p className="muted small">{t.joinHint}</p>
                </>
              )}
              {registration.status === 'confirmed' && (
                <a className="button button-secondary button-block" href={view.calendarUrl} download>
                  <CalendarIcon />
                  {t.addToCalendar}
                </a>
              )}
            </div>
          )}

          {canCancel && (
            <div className="card cancel-card">
              {!confirmingCancel ? (
                <button ref={cancelButton} type="button" className="button button-danger-ghost" onClick={() => setConfirmingCancel(true)}>
                  {t.cancelRegistration}
                </button>
              ) : (
                <div role="group" aria-labelledby="cancel-title" className="cancel-confirm">
                  <h2 id="cancel-title" className="notice-title">
                    {t.cancelConfirmTitle}
                  </h2>
                  <p>{registration.status === 'waitlisted' ? t.cancelConfirmWaitlist : t.cancelConfirmText}</p>
                  <div className="actions">
                    <button
                      ref={confirmYes}
                      type="button"
                      className="button button-danger"
                      onClick={() => void run('cancel')}
                      disabled={busy !== null}
                    >
                      {busy === 'cancel' ? t.cancelling : t.cancelConfirmYes}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => {
                        setConfirmingCancel(false);
                        setTimeout(() => cancelButton.current?.focus(), 0);
                      }}
                      disabled={busy !== null}
                    >
                      {t.cancelConfirmNo}
                    </button>
                  </div>
                </div>
              )}
            </div>
          )}
          {!canCancel && (
            <Link href={`/e/${encodeURIComponent(edition.id)}`} className="button button-secondary">
              {t.registerAgain}
            </Link>
          )}
        </div>
        <aside className="manage-aside">
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
