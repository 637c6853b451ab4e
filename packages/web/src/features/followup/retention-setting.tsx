import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, requestJson } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n-context';
import { useSession } from '../../lib/session-context';
import { describeFollowupError } from './followup-frame';
import './followup.css';

/**
 * The organizer's retention period of a series: days after each edition when its participants'
 * personal data is removed (empty: kept). Loads and saves on its own (`/api/series/:id/retention`).
 */
export function RetentionSetting({ seriesId }: { seriesId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const id = useId();
  const url = `/api/series/${encodeURIComponent(seriesId)}/retention`;
  const [value, setValue] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    requestJson<{ retentionDays: number | null }>(url, { signal: controller.signal }).then(
      ({ data }) => setValue(data.retentionDays === null ? '' : String(data.retentionDays)),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
      },
    );
    return () => controller.abort();
    // The messages only matter for the error text.
  }, [url]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const text = (value ?? '').trim();
    const days = text === '' ? null : Number(text);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      setError(t.fuRetentionInvalid);
      return;
    }
    setStatus('saving');
    setError(null);
    try {
      const csrfToken = session.state === 'signed_in' ? session.csrfToken : undefined;
      await requestJson(url, { method: 'PUT', body: { retentionDays: days }, csrfToken });
      setStatus('saved');
    } catch (caught) {
      setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
      setStatus('idle');
    }
  };

  if (value === null && !error) return null;
  return (
    <form className="fu-retention" onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={`${id}-days`} className="field-label">
        {t.fuRetentionLabel}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t.fuRetentionHint}
      </p>
      <div className="inline-fields">
        <input
          id={`${id}-days`}
          className="input input-number"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          onChange={(event) => {
            setValue(event.target.value);
            setStatus('idle');
          }}
        />
        <button type="submit" className="button button-small button-secondary" disabled={status === 'saving'}>
          {t.fuRetentionSave}
        </button>
        <span aria-live="polite" className="small">
          {status === 'saved' ? t.fuRetentionSaved : ''}
        </span>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}
