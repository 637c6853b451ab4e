import { useEffect, useRef, useState } from 'react';
import { LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { ApiError, type ClientErrorCode } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { navigate } from '../../lib/router';
import { homeFor, sessionApi } from '../../lib/session';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/login/magic?token=…`: redeems the one-time link from the mail, then opens the organizer area. */
export function MagicLoginPage({ search }: { search: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  useDocumentTitle(t.loginTitle);
  const token = new URLSearchParams(search).get('token') ?? '';
  const [failure, setFailure] = useState<ClientErrorCode | 'missing' | null>(token ? null : 'missing');
  const redeemed = useRef<string | null>(null);

  useEffect(() => {
    // A link works once: redeem it once, even when React runs effects twice in development.
    if (!token || redeemed.current === token) return;
    redeemed.current = token;
    sessionApi.redeemMagicLink(token).then(
      (data) => {
        signIn(data);
        navigate(homeFor(data.user.role), { replace: true });
      },
      (error: unknown) => setFailure(error instanceof ApiError ? error.code : 'ERR_UNEXPECTED'),
    );
  }, [token, signIn]);

  if (!failure) return <LoadingState />;
  const text =
    failure === 'missing'
      ? t.magicMissing
      : failure === 'ERR_TOKEN_EXPIRED'
        ? t.magicExpired
        : failure === 'ERR_INVALID_TOKEN' || failure === 'ERR_VALIDATION'
          ? t.magicInvalid
          : describeApiError(t, failure);
  return (
    <div className="card notice notice-error page-notice" role="alert">
      <h1 className="notice-title">{t.magicFailedTitle}</h1>
      <p>{text}</p>
      <div className="actions">
        <Link href="/login" className="button">
          {t.magicNewLink}
        </Link>
      </div>
    </div>
  );
}
