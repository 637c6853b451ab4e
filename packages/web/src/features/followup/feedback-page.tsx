import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import { FeedbackForm } from './feedback-form';
import { FollowupFrame } from './followup-frame';
import { followupApi } from './followup-api';

/** `/manage/:token/feedback`: the participant's rating of the edition. */
export function FeedbackPage({ token }: { token: string }) {
  const { t } = useI18n();
  const request = useRequest((signal) => followupApi.feedback(token, signal), [token]);
  return (
    <FollowupFrame token={token} title={t.fuFeedbackTitle} request={request} editionOf={(view) => view.edition}>
      {(view) => (
        <>
          <p className="lead">{t.fuFeedbackIntro}</p>
          <FeedbackForm view={view} save={(input) => followupApi.saveFeedback(token, input)} />
        </>
      )}
    </FollowupFrame>
  );
}
