import { ErrorState, LoadingState } from '../../components/feedback';
import { api } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { EditionCard } from './edition-card';

/** `/`: the upcoming published editions, soonest first. */
export function EditionListPage() {
  const { t } = useI18n();
  useDocumentTitle(t.editionsTitle);
  const editions = useRequest((signal) => api.listEditions(signal), []);
  return (
    <>
      <section className="hero">
        <h1>{t.editionsTitle}</h1>
        <p className="lead">{t.editionsIntro}</p>
      </section>
      {editions.state === 'loading' && <LoadingState />}
      {editions.state === 'error' && <ErrorState error={editions.error} onRetry={editions.reload} />}
      {editions.state === 'ok' &&
        (editions.data.length === 0 ? (
          <p className="card empty">{t.editionsEmpty}</p>
        ) : (
          <ul className="edition-list">
            {editions.data.map((edition) => (
              <EditionCard key={edition.id} edition={edition} />
            ))}
          </ul>
        ))}
    </>
  );
}
