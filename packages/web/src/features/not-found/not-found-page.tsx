import { Link } from '../../components/link';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFoundTitle);
  return (
    <div className="card notice not-found">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <Link href="/" className="button">
        {t.backToEditions}
      </Link>
    </div>
  );
}
