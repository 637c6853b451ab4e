import { useEffect, useRef, useState, type FormEvent } from 'react';
import { emailSchema } from '@tablehop/protocol';
import { ApiError, type ClientErrorCode } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { navigate } from '../../lib/router';
import { homeFor, safeNextPath, sessionApi } from '../../lib/session';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FormField } from '../registration/form-field';

function toCode(error: unknown): ClientErrorCode {
  return error instanceof ApiError ? error.code : 'ERR_UNEXPECTED';
}

/** `/login`: e-mail and password, or a one-time link by mail; then on to `?next=` (or the organizer area). */
export function LoginPage({ search }: { search: string }) {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  useDocumentTitle(t.loginTitle);
  const next = safeNextPath(search);
  const hasNext = new URLSearchParams(search).has('next');

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState<'password' | 'magic' | null>(null);
  const [magicSentTo, setMagicSentTo] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  // Someone who is logged in already has nothing to do here.
  useEffect(() => {
    if (session.state === 'signed_in') navigate(hasNext ? next : homeFor(session.user.role), { replace: true });
  }, [session, next, hasNext]);

  const checkEmail = (): string | undefined => {
    if (email.trim() === '') return t.errRequired;
    return emailSchema.safeParse(email).success ? undefined : t.errEmail;
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setMagicSentTo(null);
    const found = { email: checkEmail(), password: password === '' ? t.errPasswordRequired : undefined };
    setErrors(found);
    setFormError(null);
    if (found.email) return emailInput.current?.focus();
    if (found.password) return passwordInput.current?.focus();
    setBusy('password');
    try {
      const data = await sessionApi.login(email.trim(), password);
      signIn(data);
      navigate(hasNext ? next : homeFor(data.user.role), { replace: true });
    } catch (error) {
      setFormError(toCode(error));
      if (toCode(error) === 'ERR_INVALID_CREDENTIALS') {
        setPassword('');
        passwordInput.current?.focus();
      }
    } finally {
      setBusy(null);
    }
  };

  const sendMagicLink = async () => {
    if (busy) return;
    const emailError = checkEmail();
    setErrors({ email: emailError });
    setFormError(null);
    setMagicSentTo(null);
    if (emailError) return emailInput.current?.focus();
    setBusy('magic');
    try {
      await sessionApi.requestMagicLink(email.trim());
      setMagicSentTo(email.trim());
    } catch (error) {
      setFormError(toCode(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="auth-page">
      <form className="card form auth-card" onSubmit={submitPassword} noValidate aria-labelledby="login-title">
        <h1 id="login-title" className="form-title">
          {t.loginTitle}
        </h1>
        <p className="muted">{hasNext ? t.loginSessionEnded : t.loginIntro}</p>
        <FormField
          id="login-email"
          label={t.fieldEmail}
          error={errors.email}
          required
          render={(a11y) => (
            <input
              {...a11y}
              ref={emailInput}
              className="input"
              type="email"
              inputMode="email"
              autoComplete="username"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                setErrors((e) => ({ ...e, email: undefined }));
              }}
            />
          )}
        />
        <FormField
          id="login-password"
          label={t.loginPassword}
          error={errors.password}
          required
          render={(a11y) => (
            <input
              {...a11y}
              ref={passwordInput}
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                setErrors((e) => ({ ...e, password: undefined }));
              }}
            />
          )}
        />
        <div aria-live="assertive" className="form-status">
          {formError && <p className="alert alert-error">{describeApiError(t, formError)}</p>}
        </div>
        <button type="submit" className="button button-block button-large" disabled={busy !== null}>
          {busy === 'password' ? t.loggingIn : t.loginSubmit}
        </button>

        <div className="auth-divider" role="presentation" />
        <h2 className="card-title">{t.loginMagicTitle}</h2>
        <p className="muted small">{t.loginMagicIntro}</p>
        <button type="button" className="button button-secondary button-block" onClick={() => void sendMagicLink()} disabled={busy !== null}>
          {busy === 'magic' ? t.loginMagicSending : t.loginMagicSubmit}
        </button>
        <div aria-live="polite" className="form-status">
          {magicSentTo && <p className="alert alert-success">{t.loginMagicSent(magicSentTo)}</p>}
        </div>
      </form>
    </div>
  );
}
