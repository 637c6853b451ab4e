import { ErrorState, LoadingState } from '../../components/feedback';
import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n-context';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { MyEditions } from '../moderator/my-editions';
import { ModeratorFeedbackList } from '../followup/moderator-feedback-list';

/** What a moderator sees after logging in: a greeting and their running and upcoming editions, each with a link into its live event. */
export function ModeratorHome() {
  const { t } = useI18n();
  const { session } = useSession();
  useDocumentTitle(t.orgModerators);

  useEffect(() => {
    if (session.state === 'anonymous') navigate('/login', { replace: true });
  }, [session.state]);

  if (session.state === 'loading' || session.state === 'anonymous') return <LoadingState />;
  if (session.state === 'error') return <ErrorState asPage error={session.error} />;
  return (
    <div className="moderator-home">
      <div className="card notice page-notice confirmation confirmation-info">
        <div className="confirmation-icon" aria-hidden="true">
          ☕
        </div>
        <h1 className="confirmation-title">{t.moderatorHomeTitle(session.user.name || session.user.email)}</h1>
        <p>{t.moderatorHomeText}</p>
        <p className="muted small">{t.moderatorHomeHint}</p>
      </div>
      <MyEditions />
      <ModeratorFeedbackList />
    </div>
  );
}
