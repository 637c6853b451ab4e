import { useState } from 'react';
import type { LiveHelpRequest } from '@tablehop/protocol';
import { useCommands } from './commands';
import { useControlRoomMessages } from './control-room.i18n';
import { focusTable } from './table-grid';

/** The moderators' help requests: open ones first (oldest first), each with an answer and "handled". */
export function HelpQueue({ open, answered, now }: { open: LiveHelpRequest[]; answered: LiveHelpRequest[]; now: number }) {
  const { m } = useControlRoomMessages();
  return (
    <section className="card cr-panel cr-help" aria-labelledby="cr-help-title">
      <h2 id="cr-help-title" className="card-title">
        {m.helpTitle} {open.length > 0 && <span className="cr-count cr-count-alert">{open.length}</span>}
      </h2>
      {open.length === 0 ? (
        <p className="muted small">{m.helpEmpty}</p>
      ) : (
        <ol className="cr-help-list">
          {open.map((request) => (
            <HelpItem key={request.id} request={request} now={now} />
          ))}
        </ol>
      )}
      {answered.length > 0 && (
        <>
          <h3 className="cr-subtitle">{m.helpAnsweredTitle}</h3>
          <ol className="cr-help-list">
            {answered.map((request) => (
              <HelpItem key={request.id} request={request} now={now} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function HelpItem({ request, now }: { request: LiveHelpRequest; now: number }) {
  const { m } = useControlRoomMessages();
  const { run } = useCommands();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = `cr-help-answer-${request.id}`;
  return (
    <li className={`cr-help-item cr-help-${request.status}`}>
      <p className="cr-help-from">
        <strong>{m.helpFrom(request.moderatorName, request.table)}</strong>{' '}
        <span className="muted small">
          {request.status === 'open' ? m.helpWaiting(Math.floor((now - request.createdAt) / 60_000)) : m.helpAnswered}
        </span>
      </p>
      <p className="cr-help-text">{request.text || <span className="muted">{m.helpNoText}</span>}</p>
      {request.answer && <p className="cr-help-answer small">→ {request.answer}</p>}
      {request.status === 'open' && (
        <form
          className="cr-help-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = answer.trim();
            if (!text) return;
            setBusy(true);
            void run({ type: 'answer_help', requestId: request.id, text }).then((ok) => {
              setBusy(false);
              if (ok) setAnswer('');
            });
          }}
        >
          <label className="visually-hidden" htmlFor={inputId}>
            {m.helpAnswerLabel(request.moderatorName)}
          </label>
          <input
            id={inputId}
            className="input cr-input-small"
            value={answer}
            maxLength={1000}
            placeholder={m.helpAnswerPlaceholder}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <button type="submit" className="button button-small" disabled={busy || !answer.trim()}>
            {m.helpSend}
          </button>
        </form>
      )}
      <div className="cr-help-actions">
        {request.table !== null && (
          <button type="button" className="button button-ghost button-small" onClick={() => focusTable(request.table!)}>
            {m.goToTable(request.table)}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void run({ type: 'close_help', requestId: request.id })}
        >
          {m.helpClose}
        </button>
      </div>
    </li>
  );
}
