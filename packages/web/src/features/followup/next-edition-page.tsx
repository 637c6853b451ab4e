import { useState } from 'react';
import type { NextEditionView, NextRegistration } from '@tablehop/protocol';
import { Link } from '../../components/link';
import { ApiError } from '../../lib/api-client';
import { formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import { describeFollowupError, FollowupFrame } from './followup-frame';
import { followupApi } from './followup-api';

/**
 * `/manage/:token/next`: the one-click registration for the next edition from the follow-up mail.
 * Nothing is registered by opening the link: the person sees the edition and their details and confirms.
 */
export function NextEditionPage({ token }: { token: string }) {
  const { t } = useI18n();
  const request = useRequest((signal) => followupApi.next(token, signal), [token]);
  return (
    <FollowupFrame token={token} title={t.fuNextTitle} request={request} editionOf={(view) => view.edition}>
      {(view) => <NextContent view={view} token={token} />}
    </FollowupFrame>
  );
}

function NextContent({ view, token }: { view: NextEditionView; token: string }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<NextRegistration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const edition = view.edition;

  if (!edition) {
    return (
      <div className="card">
        <p>{t.fuNextNone}</p>
        <Link href="/" className="button button-secondary">
          {t.backToEditions}
        </Link>
      </div>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await followupApi.registerNext(token));
    } catch (caught) {
      setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
    } finally {
      setBusy(false);
    }
  };

  const result = done?.result ?? view.existing;
  const outcome = !result
    ? null
    : done && !done.created
      ? t.fuNextAlready
      : result.status === 'waitlisted'
        ? t.fuNextWaitlisted(result.waitlistPosition)
        : result.status === 'confirmed' || result.status === 'offered'
          ? done
            ? t.fuNextConfirmed
            : t.fuNextAlready
          : null;

  return (
    <>
      <div className="card">
        <h2 className="card-title">{edition.seriesName}</h2>
        <p className="fact-strong">{formatDate(edition.startsAt, edition.timeZone, language)}</p>
        <p>{formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}</p>
      </div>
      <div aria-live="polite">
        {outcome && (
          <div className="card confirmation confirmation-success">
            <p className="confirmation-title">{outcome}</p>
            {done && (
              <Link href={done.manageUrl} className="button button-secondary">
                {t.fuNextManage}
              </Link>
            )}
          </div>
        )}
      </div>
      {!outcome && (
        <div className="card">
          <p>{t.fuNextIntro}</p>
          <h2 className="card-title">{t.fuNextDetails}</h2>
          <dl className="details">
            <dt>{t.fieldName}</dt>
            <dd>{view.name}</dd>
            <dt>{t.fieldEmail}</dt>
            <dd>{view.email}</dd>
            {view.company && (
              <>
                <dt>{t.fieldCompany}</dt>
                <dd>{view.company}</dd>
              </>
            )}
          </dl>
          {edition.registrationWindow === 'open' ? (
            <>
              <p className="muted small">{t.fuNextConsent}</p>
              {error && (
                <p className="alert alert-error" role="alert">
                  {error}
                </p>
              )}
              <button type="button" className="button button-large" disabled={busy} onClick={() => void confirm()}>
                {busy ? t.fuNextConfirming : t.fuNextConfirm}
              </button>
            </>
          ) : (
            <p className="notice-inline">{t.fuNextNotOpen}</p>
          )}
        </div>
      )}
    </>
  );
}
