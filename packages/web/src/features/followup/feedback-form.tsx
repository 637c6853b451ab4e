import { useId, useState, type FormEvent } from 'react';
import type { FeedbackInput, FeedbackView } from '@tablehop/protocol';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n-context';
import { describeFollowupError } from './followup-frame';

/**
 * Rating 1-5, "would you recommend" 0-10 and a comment; one per person and edition, so sending
 * again replaces the earlier answer. Used by participants and by moderators.
 */
export function FeedbackForm({ view, save }: { view: FeedbackView; save(input: FeedbackInput): Promise<FeedbackView> }) {
  const { t } = useI18n();
  const id = useId();
  const [rating, setRating] = useState<number | null>(view.feedback?.rating ?? null);
  const [recommend, setRecommend] = useState<number | null>(view.feedback?.recommend ?? null);
  const [comment, setComment] = useState(view.feedback?.comment ?? '');
  const [saved, setSaved] = useState(view.feedback !== null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [ratingMissing, setRatingMissing] = useState(false);

  if (!view.open) return <p className="card notice-inline">{t.fuFeedbackNotOpen}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setRatingMissing(true);
      document.getElementById(`${id}-rating-1`)?.focus();
      return;
    }
    setStatus('saving');
    setError(null);
    try {
      await save({ rating, recommend, comment });
      setSaved(true);
      setStatus('saved');
    } catch (caught) {
      setError(describeFollowupError(t, caught instanceof ApiError ? caught.code : 'ERR_UNEXPECTED'));
      setStatus('idle');
    }
  };
  const changed = () => status === 'saved' && setStatus('idle');

  return (
    <form className="card form fu-feedback" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset
        className={ratingMissing && rating === null ? 'fu-fieldset field-invalid' : 'fu-fieldset'}
        aria-describedby={ratingMissing && rating === null ? `${id}-rating-error` : undefined}
      >
        <legend className="field-label">
          {t.fuRatingLegend}{' '}
          <span className="required" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="fu-scale fu-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={rating !== null && n <= rating ? 'fu-star fu-star-on' : 'fu-star'} title={t.fuRatingWords[n - 1]}>
              <input
                type="radio"
                id={`${id}-rating-${n}`}
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  changed();
                }}
                className="visually-hidden"
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t.fuRatingOption(n, t.fuRatingWords[n - 1] ?? '')}</span>
            </label>
          ))}
          {rating !== null && <span className="fu-scale-word">{t.fuRatingWords[rating - 1]}</span>}
        </div>
        {ratingMissing && rating === null && (
          <p className="field-error" id={`${id}-rating-error`}>
            {t.fuRatingRequired}
          </p>
        )}
      </fieldset>

      <fieldset className="fu-fieldset" aria-describedby={`${id}-recommend-scale`}>
        <legend className="field-label">{t.fuRecommendLegend}</legend>
        <p className="field-hint" id={`${id}-recommend-scale`}>
          {t.fuRecommendScale}
        </p>
        <div className="fu-scale fu-numbers">
          {Array.from({ length: 11 }, (_, n) => (
            <label key={n} className={recommend === n ? 'fu-number fu-number-on' : 'fu-number'}>
              <input
                type="radio"
                name={`${id}-recommend`}
                value={n}
                checked={recommend === n}
                onChange={() => {
                  setRecommend(n);
                  changed();
                }}
                className="visually-hidden"
              />
              <span>{n}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-comment`} className="field-label">
          {t.fuCommentLabel}
        </label>
        <p className="field-hint" id={`${id}-comment-hint`}>
          {t.fuCommentHint}
        </p>
        <textarea
          id={`${id}-comment`}
          className="textarea input"
          rows={4}
          maxLength={2000}
          aria-describedby={`${id}-comment-hint`}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            changed();
          }}
        />
      </div>

      <div aria-live="polite">{status === 'saved' && <p className="alert alert-success">{t.fuSaved}</p>}</div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-large" disabled={status === 'saving'}>
        {status === 'saving' ? t.fuSaving : saved ? t.fuUpdate : t.fuSave}
      </button>
    </form>
  );
}
