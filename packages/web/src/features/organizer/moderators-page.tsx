import { useState, type FormEvent } from 'react';
import { emailSchema, type Language } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { ApiError } from '../../lib/api-client';
import { describeApiError, languages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRequest } from '../../lib/use-request';
import { FormField } from '../registration/form-field';

/** `/organizer/moderators`: who hosts the tables, and inviting new moderators by mail. */
export function ModeratorsPage() {
  const { t } = useI18n();
  const { organizerApi } = useSession();
  useDocumentTitle(t.orgModeratorsTitle);
  const moderators = useRequest((signal) => organizerApi.listModerators(signal), [organizerApi]);

  return (
    <>
      <header className="org-header">
        <div>
          <h1>{t.orgModeratorsTitle}</h1>
          <p className="lead">{t.orgModeratorsIntro}</p>
        </div>
      </header>
      <div className="org-columns org-columns-wide-first">
        <section className="card" aria-labelledby="moderator-list-title">
          <h2 id="moderator-list-title" className="visually-hidden">
            {t.orgModeratorsTitle}
          </h2>
          {moderators.state === 'loading' && <LoadingState />}
          {moderators.state === 'error' && <ErrorState error={moderators.error} onRetry={moderators.reload} />}
          {moderators.state === 'ok' &&
            (moderators.data.length === 0 ? (
              <p className="empty">{t.orgNoModerators}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.orgColName}</th>
                    <th scope="col">{t.orgColEmail}</th>
                    <th scope="col">{t.orgColLanguage}</th>
                    <th scope="col">{t.orgColStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  {moderators.data.map((m) => (
                    <tr key={m.id}>
                      <th scope="row" data-label={t.orgColName}>
                        <span className="cell-name">{m.name || '—'}</span>
                      </th>
                      <td data-label={t.orgColEmail} className="cell-wrap">
                        {m.email}
                      </td>
                      <td data-label={t.orgColLanguage}>{t.languageName[m.language]}</td>
                      <td data-label={t.orgColStatus}>
                        <span className={m.hasPassword ? 'status-pill status-pill-success' : 'status-pill status-pill-offer'}>
                          {m.hasPassword ? t.orgModeratorActive : t.orgModeratorPending}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </section>
        <InviteForm onInvited={moderators.reload} />
      </div>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited(): void }) {
  const { t, language } = useI18n();
  const { organizerApi } = useSession();
  const [values, setValues] = useState<{ name: string; email: string; language: Language }>({ name: '', email: '', language });
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const found = {
      name: values.name.trim() === '' ? t.errRequired : /[<>]/.test(values.name) ? t.errCharacters : undefined,
      email: values.email.trim() === '' ? t.errRequired : emailSchema.safeParse(values.email).success ? undefined : t.errEmail,
    };
    setErrors(found);
    setStatus(null);
    if (found.name) return form.querySelector<HTMLInputElement>('#invite-name')?.focus();
    if (found.email) return form.querySelector<HTMLInputElement>('#invite-email')?.focus();
    setBusy(true);
    try {
      const invited = await organizerApi.inviteModerator({ name: values.name.trim(), email: values.email.trim(), language: values.language });
      setStatus({ ok: true, text: t.orgInvited(invited.email) });
      setValues((v) => ({ ...v, name: '', email: '' }));
      onInvited();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'ERR_UNEXPECTED';
      if (code === 'ERR_EMAIL_TAKEN') setErrors({ email: t.apiErrors.ERR_EMAIL_TAKEN });
      setStatus({ ok: false, text: describeApiError(t, code) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form org-form" onSubmit={submit} noValidate aria-labelledby="invite-form-title">
      <h2 id="invite-form-title">{t.orgInviteTitle}</h2>
      <FormField
        id="invite-name"
        label={t.fieldName}
        error={errors.name}
        required
        render={(a11y) => (
          <input
            {...a11y}
            className="input"
            autoComplete="off"
            value={values.name}
            onChange={(event) => setValues((v) => ({ ...v, name: event.target.value }))}
          />
        )}
      />
      <FormField
        id="invite-email"
        label={t.fieldEmail}
        error={errors.email}
        required
        render={(a11y) => (
          <input
            {...a11y}
            className="input"
            type="email"
            inputMode="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => setValues((v) => ({ ...v, email: event.target.value }))}
          />
        )}
      />
      <FormField
        id="invite-language"
        label={t.orgInviteLanguage}
        render={(a11y) => (
          <select
            {...a11y}
            className="input select"
            value={values.language}
            onChange={(event) => setValues((v) => ({ ...v, language: event.target.value as Language }))}
          >
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {t.languageName[code]}
              </option>
            ))}
          </select>
        )}
      />
      <div aria-live="polite" className="form-status">
        {status && <p className={status.ok ? 'alert alert-success' : 'alert alert-error'}>{status.text}</p>}
      </div>
      <button type="submit" className="button button-block" disabled={busy}>
        {busy ? t.orgWorking : t.orgInviteSubmit}
      </button>
    </form>
  );
}
