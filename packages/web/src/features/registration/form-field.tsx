import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n-context';

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

/**
 * A labelled form field with its hint and error; the control gets the ids it must point to
 * (`render` receives them), so screen readers read label, hint and error together.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  render,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  render(a11y: FieldA11y): ReactNode;
}) {
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && (
          <span className="required">
            {' '}
            <span aria-hidden="true" title={t.required}>
              *
            </span>
            <span className="visually-hidden"> ({t.required})</span>
          </span>
        )}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {render({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label to the right and its error below. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  error,
  required,
  inputRef,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
  required?: boolean;
  inputRef?: (element: HTMLInputElement | null) => void;
}) {
  const { t } = useI18n();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <div className="check">
        <input
          ref={inputRef}
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          aria-required={required || undefined}
        />
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="required">
              {' '}
              <span aria-hidden="true" title={t.required}>
                *
              </span>
              <span className="visually-hidden"> ({t.required})</span>
            </span>
          )}
        </label>
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
    </div>
  );
}
