import type { ModeratorFeedbackList } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { requestJson } from '../../lib/api-client';
import { formatDate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import './followup.css';

const loadList = async (signal: AbortSignal) => (await requestJson<ModeratorFeedbackList>('/api/moderator/feedback', { signal })).data;

/** On the moderator's home page: the editions they moderated, each with a link to their feedback. */
export function ModeratorFeedbackList({ load = loadList }: { load?: (signal: AbortSignal) => Promise<ModeratorFeedbackList> }) {
  const { t, language } = useI18n();
  const request = useRequest(load, [load]);
  return (
    <section className="card" aria-labelledby="fu-mod-list-title">
      <h2 id="fu-mod-list-title" className="card-title">
        {t.fuModListTitle}
      </h2>
      {request.state === 'loading' && <LoadingState />}
      {request.state === 'error' && <ErrorState error={request.error} onRetry={request.reload} />}
      {request.state === 'ok' &&
        (request.data.editions.length === 0 ? (
          <p className="muted">{t.fuModListEmpty}</p>
        ) : (
          <ul className="fu-link-list fu-mod-list">
            {request.data.editions.map(({ edition, feedback }) => {
              const date = formatDate(edition.startsAt, edition.timeZone, language);
              const action = feedback ? t.fuModListChange : t.fuModListGive;
              return (
                <li key={edition.id} className="fu-mod-item">
                  <div>
                    <strong>{edition.seriesName}</strong>
                    <p className="muted small">
                      {date}
                      {feedback && ` · ${t.fuModListGiven(feedback.rating)}`}
                    </p>
                  </div>
                  <Link
                    href={`/moderator/feedback/${encodeURIComponent(edition.id)}`}
                    className={feedback ? 'button button-small button-secondary' : 'button button-small'}
                    aria-label={t.fuModListOpenFor(action, `${edition.seriesName}, ${date}`)}
                  >
                    {action}
                  </Link>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}
