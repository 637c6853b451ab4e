import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Language, RegistrationInput } from '@tablehop/protocol';
import { api, ApiError, type ClientErrorCode, type FieldIssue } from '../../lib/api-client';
import type { PublicEdition } from '../../lib/api-types';
import { describeApiError, languages } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import type { Registered } from './registration.types';
import { availabilityOf } from '../editions/edition-availability';
import { CheckboxField, FormField } from './form-field';
import {
  emptyRegistrationForm,
  fieldsWithErrors,
  mapServerIssues,
  normalizeLinkedinUrl,
  toRegistrationInput,
  validateRegistration,
  type RegistrationField,
  type RegistrationFormValues,
} from './registration-errors';

type Focusable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The registration form: checked with the protocol schema before sending, server errors shown per field.
 * The organizer variant (add someone by hand) sends through `send` and words the consent for a third person.
 */
export function RegistrationForm({
  edition,
  sectors,
  onRegistered,
  variant = 'public',
  send,
}: {
  edition: PublicEdition;
  sectors: string[];
  onRegistered(value: Registered): void;
  variant?: 'public' | 'organizer';
  send?(input: RegistrationInput): Promise<Omit<Registered, 'name'>>;
}) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<RegistrationFormValues>(() => emptyRegistrationForm(language));
  const [languageTouched, setLanguageTouched] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const controls = useRef(new Map<RegistrationField, Focusable>());
  const organizer = variant === 'organizer';
  const waitlist = !organizer && availabilityOf(edition) === 'waitlist';

  // Until the person picks the mail language, it follows the interface language.
  useEffect(() => {
    if (!languageTouched) setValues((v) => (v.language === language ? v : { ...v, language }));
  }, [language, languageTouched]);

  // Errors are computed while rendering, so they follow a language switch.
  const errors = { ...mapServerIssues(serverIssues, t, values), ...(showErrors ? validateRegistration(values, t) : {}) };
  const invalidFields = fieldsWithErrors(errors);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = fieldsWithErrors({ ...mapServerIssues(serverIssues, t, values), ...validateRegistration(values, t) })[0];
    if (first) controls.current.get(first)?.focus();
    // Runs only when a submit asks for it (focusRequest), on the values of that render.
  }, [focusRequest]);

  const refFor = (field: RegistrationField) => (element: Focusable | null) => {
    if (element) controls.current.set(field, element);
    else controls.current.delete(field);
  };

  const update = <K extends RegistrationField>(field: K, value: RegistrationFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A server complaint about a field is void once the person changes it.
    setServerIssues((issues) => issues.filter((issue) => !issue.path.endsWith(`.${field}`) && issue.path !== field));
    setFormError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setShowErrors(true);
    setFormError(null);
    const clientErrors = validateRegistration(values, t);
    if (fieldsWithErrors(clientErrors).length > 0) {
      setServerIssues([]);
      setFocusRequest((n) => n + 1);
      return;
    }
    setSubmitting(true);
    try {
      const input = toRegistrationInput(values);
      const { created, result } = send ? await send(input) : await api.register(edition.id, input);
      onRegistered({ created, result, name: values.name.trim() });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('ERR_UNEXPECTED', String(error), 0);
      if (apiError.code === 'ERR_VALIDATION' && apiError.fieldIssues.length > 0) {
        setServerIssues(apiError.fieldIssues);
        setFocusRequest((n) => n + 1);
      } else if (apiError.code === 'ERR_UNKNOWN_SECTOR') {
        setServerIssues([{ path: 'body.sector', message: 'unknown sector' }]);
        setFocusRequest((n) => n + 1);
      } else {
        setFormError(apiError.code);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const text = (
    field: 'name' | 'email' | 'company' | 'jobTitle' | 'linkedinUrl',
    label: string,
    options: { type?: string; autoComplete?: string; required?: boolean; hint?: string; placeholder?: string; inputMode?: 'email' | 'url' } = {},
  ) => (
    <FormField
      id={`reg-${field}`}
      label={label}
      hint={options.hint}
      error={errors[field]}
      required={options.required}
      render={(a11y) => (
        <input
          {...a11y}
          ref={refFor(field)}
          className="input"
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete}
          placeholder={options.placeholder}
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
          onBlur={field === 'linkedinUrl' ? () => values.linkedinUrl && update('linkedinUrl', normalizeLinkedinUrl(values.linkedinUrl)) : undefined}
        />
      )}
    />
  );

  const area = (field: 'offer' | 'lookingFor', label: string, hint: string) => (
    <FormField
      id={`reg-${field}`}
      label={label}
      hint={hint}
      error={errors[field]}
      render={(a11y) => (
        <textarea
          {...a11y}
          ref={refFor(field)}
          className="input textarea"
          rows={3}
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    />
  );

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="form-title">
      <h2 id="form-title" className="form-title">
        {organizer ? t.orgAddTitle : waitlist ? t.formTitleWaitlist : t.formTitle}
      </h2>
      {waitlist && <p className="notice-inline">{t.fullLine(edition.waitlistCount)}</p>}
      {organizer && <p className="small">{t.orgAddIntro}</p>}
      <p className="muted small">{t.formIntro}</p>

      {text('name', t.fieldName, { autoComplete: 'name', required: true })}
      {text('email', t.fieldEmail, { type: 'email', autoComplete: 'email', required: true, hint: t.fieldEmailHint, inputMode: 'email' })}
      {text('company', t.fieldCompany, { autoComplete: 'organization' })}
      <FormField
        id="reg-sector"
        label={t.fieldSector}
        error={errors.sector}
        render={(a11y) =>
          sectors.length > 0 ? (
            <select
              {...a11y}
              ref={refFor('sector')}
              className="input select"
              value={values.sector}
              onChange={(event) => update('sector', event.target.value)}
            >
              <option value="">{t.fieldSectorChoose}</option>
              {sectors.map((sector) => (
                <option key={sector} value={sector}>
                  {sector}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...a11y}
              ref={refFor('sector')}
              className="input"
              type="text"
              value={values.sector}
              onChange={(event) => update('sector', event.target.value)}
            />
          )
        }
      />
      {text('jobTitle', t.fieldJobTitle, { autoComplete: 'organization-title' })}
      {area('offer', t.fieldOffer, t.fieldOfferHint)}
      {area('lookingFor', t.fieldLookingFor, t.fieldLookingForHint)}
      {text('linkedinUrl', t.fieldLinkedin, {
        type: 'url',
        inputMode: 'url',
        hint: t.fieldLinkedinHint,
        placeholder: 'https://www.linkedin.com/in/…',
      })}
      <FormField
        id="reg-language"
        label={t.fieldLanguage}
        error={errors.language}
        render={(a11y) => (
          <select
            {...a11y}
            ref={refFor('language')}
            className="input select"
            value={values.language}
            onChange={(event) => {
              setLanguageTouched(true);
              update('language', event.target.value as Language);
            }}
          >
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {t.languageName[code]}
              </option>
            ))}
          </select>
        )}
      />
      <CheckboxField
        id="reg-consent"
        label={organizer ? t.orgAddConsent : t.fieldConsent}
        checked={values.consent}
        onChange={(checked) => update('consent', checked)}
        error={errors.consent}
        required
        inputRef={refFor('consent')}
      />
      <CheckboxField
        id="reg-shareContact"
        label={t.fieldShareContact}
        checked={values.shareContact}
        onChange={(checked) => update('shareContact', checked)}
      />

      <div aria-live="assertive" className="form-status">
        {formError ? (
          <p className="alert alert-error">{describeApiError(t, formError)}</p>
        ) : showErrors && invalidFields.length > 0 ? (
          <p className="alert alert-error">{t.formHasErrors(invalidFields.length)}</p>
        ) : null}
      </div>

      <button type="submit" className="button button-block button-large" disabled={submitting} aria-disabled={submitting}>
        {submitting ? t.submitting : organizer ? t.orgAddSubmit : waitlist ? t.submitWaitlist : t.submit}
      </button>
    </form>
  );
}
