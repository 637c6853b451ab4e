import type { ReactNode } from 'react';
import type { PublicEdition } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { BackLink, Link } from '../../components/link';
import type { ApiError, ClientErrorCode } from '../../lib/api-client';
import { describeApiError, formatDate, type Messages } from '../../lib/i18n';
import { useI18n, usePageLanguage } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { RequestState } from '../../lib/use-request';
import './followup.css';

/** An API error of the follow-up in words a person understands (our own codes first). */
export function describeFollowupError(t: Messages, code: ClientErrorCode | string): string {
  return t.fuErrors[code] ?? describeApiError(t, code);
}

export const manageHref = (token: string) => `/manage/${encodeURIComponent(token)}`;

/**
 * The frame of every follow-up page: a way back to the manage page, the edition as eyebrow, the
 * title, and the loading and error states of the page's request.
 */
export function FollowupFrame<T>({
  token,
  title,
  request,
  editionOf,
  children,
}: {
  token: string;
  title: string;
  request: RequestState<T> & { reload(): void };
  editionOf(data: T): PublicEdition | null;
  children(data: T): ReactNode;
}) {
  const { t, language } = useI18n();
  const edition = request.state === 'ok' ? editionOf(request.data) : null;
  usePageLanguage(edition?.language ?? null);
  useDocumentTitle(title);
  return (
    <div className="followup">
      <BackLink href={manageHref(token)}>{t.fuBackToManage}</BackLink>
      {request.state === 'loading' && <LoadingState />}
      {request.state === 'error' && <FollowupError error={request.error} onRetry={request.reload} />}
      {request.state === 'ok' && (
        <>
          {edition && (
            <p className="eyebrow">
              {edition.seriesName} · {formatDate(edition.startsAt, edition.timeZone, language)}
            </p>
          )}
          <h1>{title}</h1>
          {children(request.data)}
        </>
      )}
    </div>
  );
}

function FollowupError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useI18n();
  const final = error.code === 'ERR_INVALID_TOKEN' || error.code === 'ERR_VALIDATION';
  return (
    <ErrorState asPage error={error} onRetry={final ? undefined : onRetry}>
      <Link href="/" className="button button-secondary">
        {t.backToEditions}
      </Link>
    </ErrorState>
  );
}
