import { useRef, useState, type FormEvent } from 'react';
import { ApiError, type ClientErrorCode } from '../../lib/api-client';
import { describeApiError } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { navigate } from '../../lib/router';
import { sessionApi } from '../../lib/session';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FormField } from '../registration/form-field';

type InviteField = 'name' | 'password' | 'repeat';

/** `/invite?token=…`: a moderator picks a name and a password, and is logged in. */
export function InvitePage({ search }: { search: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  useDocumentTitle(t.inviteTitle);
  const token = new URLSearchParams(search).get('token') ?? '';
  const [values, setValues] = useState<Record<InviteField, string>>({ name: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<InviteField, string>>>({});
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<InviteField, HTMLInputElement>());

  if (!token) {
    return (
      <div className="card notice notice-error page-notice" role="alert">
        <h1 className="notice-title">{t.invalidLinkTitle}</h1>
        <p>{t.inviteMissing}</p>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<InviteField, string>> = {};
    if (values.name.trim() === '') found.name = t.errRequired;
    if (values.password.length < 8) found.password = t.errPasswordShort;
    else if (values.repeat !== values.password) found.repeat = t.errPasswordMismatch;
    setErrors(found);
    setFormError(null);
    const first = (['name', 'password', 'repeat'] as const).find((field) => found[field]);
    if (first) return inputs.current.get(first)?.focus();
    setBusy(true);
    try {
      const data = await sessionApi.acceptInvite(token, values.password, values.name.trim());
      signIn(data);
      navigate(data.user.role === 'organizer' ? '/organizer' : '/moderator', { replace: true });
    } catch (error) {
      setFormError(error instanceof ApiError ? error.code : 'ERR_UNEXPECTED');
    } finally {
      setBusy(false);
    }
  };

  const field = (name: InviteField, label: string, type: string, autoComplete: string, hint?: string) => (
    <FormField
      id={`invite-${name}`}
      label={label}
      hint={hint}
      error={errors[name]}
      required
      render={(a11y) => (
        <input
          {...a11y}
          ref={(element) => {
            if (element) inputs.current.set(name, element);
            else inputs.current.delete(name);
          }}
          className="input"
          type={type}
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(event) => {
            setValues((v) => ({ ...v, [name]: event.target.value }));
            setErrors((e) => ({ ...e, [name]: undefined }));
          }}
        />
      )}
    />
  );

  const tokenProblem = formError === 'ERR_INVALID_TOKEN' || formError === 'ERR_TOKEN_EXPIRED';
  return (
    <div className="auth-page">
      <form className="card form auth-card" onSubmit={submit} noValidate aria-labelledby="invite-title">
        <h1 id="invite-title" className="form-title">
          {t.inviteTitle}
        </h1>
        <p className="muted">{t.inviteIntro}</p>
        {field('name', t.inviteName, 'text', 'name')}
        {field('password', t.invitePassword, 'password', 'new-password', t.invitePasswordHint)}
        {field('repeat', t.invitePasswordRepeat, 'password', 'new-password')}
        <div aria-live="assertive" className="form-status">
          {formError && (
            <p className="alert alert-error">
              {formError === 'ERR_TOKEN_EXPIRED' ? t.inviteExpired : tokenProblem ? t.apiErrors.ERR_INVALID_TOKEN : describeApiError(t, formError)}
            </p>
          )}
        </div>
        <button type="submit" className="button button-block button-large" disabled={busy}>
          {busy ? t.inviteSaving : t.inviteSubmit}
        </button>
      </form>
    </div>
  );
}
