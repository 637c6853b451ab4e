import type { ReactNode } from 'react';
import type { Edition } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';

/**
 * The frame of a page about one edition (import, mail previews): loads the edition, shows the way
 * back and a title with the date; not found, loading and errors in words.
 */
export function EditionSubpage({ editionId, title, children }: { editionId: string; title: string; children(edition: Edition): ReactNode }) {
  const { t, language } = useI18n();
  const { organizerApi } = useSession();
  const edition = useRequest((signal) => organizerApi.getEdition(editionId, signal), [editionId, organizerApi]);
  useDocumentTitle(title);
  const back = `/organizer/editions/${encodeURIComponent(editionId)}`;

  if (edition.state === 'loading') return <LoadingState />;
  if (edition.state === 'error') {
    const missing = ['ERR_EDITION_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_VALIDATION'].includes(edition.error.code);
    return missing ? (
      <div className="card notice page-notice">
        <h1>{t.notFoundTitle}</h1>
        <p>{t.orgEditionNotFound}</p>
        <Link href="/organizer" className="button">
          {t.orgBackToDashboard}
        </Link>
      </div>
    ) : (
      <ErrorState asPage error={edition.error} onRetry={edition.reload} />
    );
  }
  const e = edition.data;
  return (
    <>
      <Link href={back} className="back-link">
        <span aria-hidden="true">←</span> {t.orgBackToEdition}
      </Link>
      <header className="org-header">
        <div>
          <p className="eyebrow">
            {e.seriesName} · {formatDate(e.startsAt, e.timeZone, language)}, {formatTimeRange(e.startsAt, e.endsAt, e.timeZone, language)}
          </p>
          <h1>{title}</h1>
        </div>
      </header>
      {children(e)}
    </>
  );
}
