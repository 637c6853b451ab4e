import { useEffect, useRef, useState } from 'react';
import { Link } from '../../components/link';
import { api, ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { describeFollowupError, FollowupFrame } from './followup-frame';
import { followupApi } from './followup-api';

/** `/manage/:token/privacy`: download everything stored about me, or delete it. */
export function PrivacyPage({ token }: { token: string }) {
  const { t } = useI18n();
  const request = useRequest((signal) => api.getManageView(token, signal), [token]);
  const [deleted, setDeleted] = useState(false);
  if (deleted) return <Deleted />;
  return (
    <FollowupFrame token={token} title={t.fuPrivacyTitle} request={request} editionOf={(view) => view.edition}>
      {() => (
        <>
          <p className="lead">{t.fuPrivacyIntro}</p>
          <section className="card" aria-labelledby="fu-export-title">
            <h2 id="fu-export-title" className="card-title">
              {t.fuExportTitle}
            </h2>
            <p>{t.fuExportText}</p>
            <a className="button button-secondary" href={followupApi.exportUrl(token)} download>
              {t.fuExportButton}
            </a>
          </section>
          <DeleteSection token={token} onDeleted={() => setDeleted(true)} />
        </>
      )}
    </FollowupFrame>
  );
}

function DeleteSection({ token, onDeleted }: { token: string; onDeleted(): void }) {
  const { t } = useI18n();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkbox = useRef<HTMLInputElement>(null);

  const remove = async () => {
    if (!confirmed) {
      setError(t.fuDeleteNeedsConfirm);
      checkbox.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await followupApi.deleteMe(token);
      onDeleted();
    } catch (caught) {
      setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
      setBusy(false);
    }
  };

  return (
    <section className="card fu-danger" aria-labelledby="fu-delete-title">
      <h2 id="fu-delete-title" className="card-title">
        {t.fuDeleteTitle}
      </h2>
      <p>{t.fuDeleteText}</p>
      <div className="field field-check">
        <label className="check" htmlFor="fu-delete-confirm">
          <input
            ref={checkbox}
            id="fu-delete-confirm"
            type="checkbox"
            checked={confirmed}
            onChange={(event) => {
              setConfirmed(event.target.checked);
              setError(null);
            }}
          />
          <span>{t.fuDeleteConfirmLabel}</span>
        </label>
      </div>
      <div aria-live="assertive">{error && <p className="alert alert-error">{error}</p>}</div>
      <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
        {busy ? t.fuDeleting : t.fuDeleteButton}
      </button>
    </section>
  );
}

function Deleted() {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t.fuDeletedTitle);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card notice page-notice confirmation confirmation-success" role="status">
      <h1 ref={heading} tabIndex={-1} className="confirmation-title">
        {t.fuDeletedTitle}
      </h1>
      <p>{t.fuDeletedText}</p>
      <Link href="/" className="button button-secondary">
        {t.backToEditions}
      </Link>
    </div>
  );
}
