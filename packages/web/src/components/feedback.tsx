import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api-client';
import { describeApiError } from '../lib/i18n';
import { useI18n } from '../lib/i18n-context';
import { Link } from './link';

/** A calm placeholder while a page loads; announced to screen readers. */
export function LoadingState() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t.loading}</span>
    </div>
  );
}

/** An API error in words a person understands, with an optional way out. */
export function ErrorState({
  error,
  onRetry,
  children,
  asPage = false,
}: {
  error: ApiError;
  onRetry?: () => void;
  children?: ReactNode;
  asPage?: boolean;
}) {
  const { t } = useI18n();
  const Heading = asPage ? 'h1' : 'h2';
  return (
    <div className="card notice notice-error" role="alert">
      <Heading className="notice-title">{error.code === 'ERR_INVALID_TOKEN' ? t.invalidLinkTitle : t.errorTitle}</Heading>
      <p>{describeApiError(t, error.code)}</p>
      <div className="actions">
        {onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t.retry}
          </button>
        )}
        {children}
      </div>
    </div>
  );
}

/** A page whose subject is gone (or never was): "not found", why, and one way on. */
export function NotFoundNotice({ text, href, action }: { text: string; href: string; action: string }) {
  const { t } = useI18n();
  return (
    <div className="card notice page-notice">
      <h1>{t.notFoundTitle}</h1>
      <p>{text}</p>
      <Link href={href} className="button">
        {action}
      </Link>
    </div>
  );
}
