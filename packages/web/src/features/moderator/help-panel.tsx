import { useId, useState, type FormEvent } from 'react';
import type { LiveHelpRequest } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './moderator.css';

type Open = 'none' | 'help' | 'problem';

/**
 * Asking the host for help (an optional sentence) or reporting a problem at the table, and the
 * state of one's own help requests (waiting, answered with the host's answer, closed).
 */
export function HelpPanel({
  requests,
  onRequestHelp,
  onReportProblem,
}: {
  requests: readonly LiveHelpRequest[];
  onRequestHelp(text: string): Promise<boolean>;
  onReportProblem(text: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const fieldId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const value = text.trim();
    if (open === 'problem' && !value) return;
    setBusy(true);
    const ok = open === 'help' ? await onRequestHelp(value) : await onReportProblem(value);
    setBusy(false);
    if (ok) {
      setResult({ text: open === 'help' ? t.helpSent : t.problemSent, error: false });
      setOpen('none');
      setText('');
    } else setResult({ text: t.actionFailed, error: true });
  }

  const recent = [...requests].sort((a, b) => b.createdAt - a.createdAt).slice(0, 3);
  return (
    <section className="card help-panel" aria-labelledby="help-title">
      <h2 id="help-title" className="card-title">
        {t.helpTitle}
      </h2>
      {open === 'none' ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen('help');
              setResult(null);
            }}
          >
            {t.requestHelp}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setOpen('problem');
              setResult(null);
            }}
          >
            {t.reportProblem}
          </button>
        </div>
      ) : (
        <form className="form help-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor={fieldId} className="field-label">
            {open === 'help' ? t.helpTextLabel : t.problemTextLabel}
          </label>
          <textarea
            id={fieldId}
            className="input textarea"
            rows={3}
            maxLength={1000}
            value={text}
            required={open === 'problem'}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy || (open === 'problem' && text.trim() === '')}>
              {open === 'help' ? t.sendHelpRequest : t.sendProblem}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setOpen('none')}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {result && <p className={result.error ? 'field-error' : 'muted small'}>{result.text}</p>}
      </div>
      {recent.length > 0 && (
        <ul className="help-requests">
          {recent.map((r) => (
            <li key={r.id} className="help-request" data-status={r.status}>
              <span className="badge">{t.helpStatus[r.status]}</span> {r.text && <span>{r.text}</span>}
              {r.answer && <p className="help-answer">{t.helpAnswer(r.answer)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
