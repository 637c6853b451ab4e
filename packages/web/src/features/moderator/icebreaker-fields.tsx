import { MAX_ICEBREAKER_TEXT, MAX_ICEBREAKERS } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './moderator.css';

/**
 * A small editor for a list of icebreaker prompts (one per round, in order): a labelled text box per
 * prompt, add, remove and move up. Controlled, without its own form, so it sits inside the series
 * form as well as in the edition's icebreaker card.
 */
export function IcebreakerFields({ value, onChange, idPrefix }: { value: readonly string[]; onChange(next: string[]): void; idPrefix: string }) {
  const { t } = useI18n();
  const set = (index: number, text: string) => onChange(value.map((v, i) => (i === index ? text : v)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const moveUp = (index: number) => {
    const next = [...value];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    onChange(next);
  };
  return (
    <fieldset className="icebreaker-editor org-fieldset">
      <legend>{t.icebreakersLegend}</legend>
      <p className="field-hint" id={`${idPrefix}-hint`}>
        {t.icebreakersHint}
      </p>
      {value.length === 0 && <p className="muted small">{t.icebreakersEmpty}</p>}
      <ol className="icebreaker-list">
        {value.map((prompt, i) => (
          <li key={i} className="icebreaker-row">
            <label htmlFor={`${idPrefix}-${i}`} className="visually-hidden">
              {t.icebreakerLabel(i + 1)}
            </label>
            <span aria-hidden="true" className="muted small">
              {i + 1}.
            </span>
            <input
              id={`${idPrefix}-${i}`}
              className="input"
              type="text"
              maxLength={MAX_ICEBREAKER_TEXT}
              value={prompt}
              aria-describedby={`${idPrefix}-hint`}
              onChange={(e) => set(i, e.target.value)}
            />
            {i > 0 && (
              <button type="button" className="button button-ghost button-small" aria-label={t.moveIcebreakerUp(i + 1)} onClick={() => moveUp(i)}>
                <span aria-hidden="true">↑</span>
              </button>
            )}
            <button type="button" className="button button-ghost button-small" aria-label={t.removeIcebreaker(i + 1)} onClick={() => remove(i)}>
              <span aria-hidden="true">✕</span>
            </button>
          </li>
        ))}
      </ol>
      {value.length < MAX_ICEBREAKERS && (
        <div>
          <button type="button" className="button button-secondary button-small" onClick={() => onChange([...value, ''])}>
            {t.addIcebreaker}
          </button>
        </div>
      )}
    </fieldset>
  );
}
