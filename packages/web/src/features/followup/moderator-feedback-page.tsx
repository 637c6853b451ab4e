import { useEffect } from 'react';
import { ErrorState, LoadingState } from '../../components/feedback';
import { requestJson } from '../../lib/api-client';
import { formatDate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import type { FeedbackInput, FeedbackView } from '@tablehop/protocol';
import { FeedbackForm } from './feedback-form';
import './followup.css';

/** `/moderator/feedback/:editionId`: a moderator's own feedback on an edition they were assigned to. */
export function ModeratorFeedbackPage({ editionId }: { editionId: string }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  useDocumentTitle(t.fuModFeedbackTitle);
  const url = `/api/editions/${encodeURIComponent(editionId)}/moderator-feedback`;
  const view = useRequest(
    async (signal) =>
      session.state === 'signed_in' ? (await requestJson<FeedbackView>(url, { signal })).data : new Promise<FeedbackView>(() => undefined),
    [url, session.state],
  );

  useEffect(() => {
    if (session.state === 'anonymous') navigate(`/login?next=${encodeURIComponent(`/moderator/feedback/${editionId}`)}`, { replace: true });
  }, [session.state, editionId]);

  if (session.state === 'error') return <ErrorState asPage error={session.error} />;
  if (session.state !== 'signed_in' || view.state === 'loading') return <LoadingState />;
  if (view.state === 'error') return <ErrorState asPage error={view.error} onRetry={view.reload} />;
  const edition = view.data.edition;
  return (
    <div className="followup">
      <p className="eyebrow">
        {edition.seriesName} · {formatDate(edition.startsAt, edition.timeZone, language)}
      </p>
      <h1>{t.fuModFeedbackTitle}</h1>
      <p className="lead">{t.fuModFeedbackIntro}</p>
      <FeedbackForm
        view={view.data}
        save={async (input: FeedbackInput) =>
          (await requestJson<FeedbackView>(url, { method: 'PUT', body: input, csrfToken: session.csrfToken })).data
        }
      />
    </div>
  );
}
