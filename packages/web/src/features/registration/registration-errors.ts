import { registrationInputSchema, type Language, type RegistrationInput } from '@tablehop/protocol';
import type { FieldIssue } from '../../lib/api-client';
import type { Messages } from '../../lib/i18n';

/** What the registration form holds while the person types (all strings, checkboxes as booleans). */
export interface RegistrationFormValues {
  name: string;
  email: string;
  company: string;
  sector: string;
  jobTitle: string;
  offer: string;
  lookingFor: string;
  linkedinUrl: string;
  language: Language;
  consent: boolean;
  shareContact: boolean;
}

export type RegistrationField = keyof RegistrationFormValues;
export type FieldErrors = Partial<Record<RegistrationField, string>>;

/** The order of the fields on screen: the first error in this order gets the focus. */
export const registrationFieldOrder: readonly RegistrationField[] = [
  'name',
  'email',
  'company',
  'sector',
  'jobTitle',
  'offer',
  'lookingFor',
  'linkedinUrl',
  'language',
  'consent',
  'shareContact',
];

export function emptyRegistrationForm(language: Language): RegistrationFormValues {
  return {
    name: '',
    email: '',
    company: '',
    sector: '',
    jobTitle: '',
    offer: '',
    lookingFor: '',
    linkedinUrl: '',
    language,
    consent: false,
    shareContact: false,
  };
}

/** "linkedin.com/in/x" or "www.linkedin.com/in/x" becomes "https://www.linkedin.com/in/x"; anything else is left alone. */
export function normalizeLinkedinUrl(value: string): string {
  const trimmed = value.trim();
  if (/^(www\.)?([a-z]{2,3}\.)?linkedin\.com(\/|$)/i.test(trimmed)) return `https://${trimmed}`;
  if (/^http:\/\/(www\.)?([a-z]{2,3}\.)?linkedin\.com(\/|$)/i.test(trimmed)) return trimmed.replace(/^http:/i, 'https:');
  return trimmed;
}

/** The request body: trimmed, with empty optional fields left out (an empty sector is no sector). */
export function toRegistrationInput(values: RegistrationFormValues): RegistrationInput {
  const optional = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const linkedin = optional(values.linkedinUrl);
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    consent: values.consent as true,
    company: optional(values.company),
    sector: optional(values.sector),
    jobTitle: optional(values.jobTitle),
    offer: optional(values.offer),
    lookingFor: optional(values.lookingFor),
    linkedinUrl: linkedin === undefined ? undefined : normalizeLinkedinUrl(linkedin),
    language: values.language,
    shareContact: values.shareContact,
  };
}

type IssueKind = 'required' | 'too_long' | 'characters' | 'invalid';

function fieldMessage(
  t: Messages,
  field: RegistrationField,
  kind: IssueKind,
  max: number | undefined,
  values: RegistrationFormValues | null,
): string {
  if (kind === 'too_long' && max !== undefined) return t.errTooLong(max);
  switch (field) {
    case 'consent':
      return t.errConsent;
    case 'email':
      return values && values.email.trim() === '' ? t.errRequired : t.errEmail;
    case 'linkedinUrl':
      return t.errLinkedin;
    case 'sector':
      return kind === 'characters' ? t.errCharacters : t.errSector;
  }
  if (kind === 'required') return t.errRequired;
  if (kind === 'characters') return t.errCharacters;
  return t.errInvalid;
}

function isField(name: unknown): name is RegistrationField {
  return typeof name === 'string' && (registrationFieldOrder as readonly string[]).includes(name);
}

/** Checks the form with the same schema the server uses; the messages are in the person's language. */
export function validateRegistration(values: RegistrationFormValues, t: Messages): FieldErrors {
  const parsed = registrationInputSchema.safeParse(toRegistrationInput(values));
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isField(field) || errors[field]) continue;
    const kind: IssueKind =
      issue.code === 'too_big' ? 'too_long' : issue.code === 'too_small' ? 'required' : issue.code === 'custom' ? 'characters' : 'invalid';
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    errors[field] = fieldMessage(t, field, kind, max, values);
  }
  return errors;
}

/** Maps the `details` of an ERR_VALIDATION answer (`[{ path: 'body.email', message }]`) onto the form fields. */
export function mapServerIssues(issues: readonly FieldIssue[], t: Messages, values: RegistrationFormValues | null = null): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const field = parts[0] === 'body' ? parts[1] : parts[0];
    if (!isField(field) || errors[field]) continue;
    const max = /at most (\d+)/.exec(issue.message)?.[1];
    const kind: IssueKind = max
      ? 'too_long'
      : /required/i.test(issue.message)
        ? 'required'
        : /must not contain/i.test(issue.message)
          ? 'characters'
          : 'invalid';
    errors[field] = fieldMessage(t, field, kind, max ? Number(max) : undefined, values);
  }
  return errors;
}

/** The fields with an error, in screen order. */
export function fieldsWithErrors(errors: FieldErrors): RegistrationField[] {
  return registrationFieldOrder.filter((field) => errors[field]);
}
