import type { ReactNode } from 'react';
import type { Edition } from '@tablehop/protocol';
import { ErrorState, LoadingState, NotFoundNotice } from '../../components/feedback';
import { BackLink } from '../../components/link';
import type { ApiError } from '../../lib/api-client';
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
  if (edition.state === 'error') return <EditionLoadFailure error={edition.error} onRetry={edition.reload} />;
  const e = edition.data;
  return (
    <>
      <BackLink href={back}>{t.orgBackToEdition}</BackLink>
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

/** An edition page that could not load its edition: "not found" with the way back, or the error with a retry. */
export function EditionLoadFailure({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useI18n();
  if (!['ERR_EDITION_NOT_FOUND', 'ERR_NOT_FOUND', 'ERR_VALIDATION'].includes(error.code))
    return <ErrorState asPage error={error} onRetry={onRetry} />;
  return <NotFoundNotice text={t.orgEditionNotFound} href="/organizer" action={t.orgBackToDashboard} />;
}
