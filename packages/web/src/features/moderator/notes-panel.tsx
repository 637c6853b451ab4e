import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n-context';
import './moderator.css';

/** Notes are saved this long after the last keystroke (and with the button, and when leaving the box). */
export const notesSaveDelayMs = 1500;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

/**
 * The moderator's own notes for this edition (the server keeps one text per moderator). Saved by
 * itself shortly after typing stops, when the box loses focus, or with the button; the state is
 * shown in words. A newer text from the server (e.g. another tab) replaces it only when nothing is
 * waiting to be saved here.
 */
export function NotesPanel({ notes, onSave }: { notes: string; onSave(text: string): Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState(notes);
  const [state, setState] = useState<SaveState>('saved');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fieldId = useId();

  useEffect(() => {
    if (state === 'saved') setText(notes);
    // Only a new server text should replace the box, not a change of the save state.
  }, [notes]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function save(value: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setState('saving');
    const ok = await onSave(value);
    setState(ok ? 'saved' : 'failed');
  }

  const label = { saved: t.notesSaved, unsaved: t.notesUnsaved, saving: t.notesSaving, failed: t.notesFailed }[state];
  return (
    <section className="card notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title" className="card-title">
        {t.notesTitle}
      </h2>
      <label htmlFor={fieldId} className="field-label">
        {t.notesLabel}
      </label>
      <textarea
        id={fieldId}
        className="input textarea"
        rows={5}
        maxLength={10_000}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          setState('unsaved');
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), notesSaveDelayMs);
        }}
        onBlur={() => {
          if (state === 'unsaved' || state === 'failed') void save(text);
        }}
      />
      <div className="notes-actions">
        <button type="button" className="button button-secondary button-small" disabled={state === 'saving'} onClick={() => void save(text)}>
          {t.saveNotes}
        </button>
        <span role="status" aria-live="polite" className={state === 'failed' ? 'field-error' : 'muted small'}>
          {label}
        </span>
      </div>
    </section>
  );
}
