import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_CHAT_TEXT, type LiveChatMessage } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './live-extras.css';

/** Shown when fewer characters than this are left. */
const counterFrom = 100;

/**
 * The chat of one's table: the messages of this round (newest at the bottom, announced politely as
 * they arrive) and a labelled input. `onSend` resolves false when the message did not get through;
 * the text then stays in the box with an error.
 */
export function TableChat({
  messages,
  youId,
  onSend,
  disabled = false,
  headingLevel = 2,
}: {
  messages: readonly LiveChatMessage[];
  youId: string;
  onSend(text: string): Promise<boolean>;
  /** No table: the input is shown disabled with a word why. */
  disabled?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    setFailed(false);
    const ok = await onSend(message);
    setSending(false);
    if (ok) setText('');
    else setFailed(true);
  }

  const left = MAX_CHAT_TEXT - text.length;
  const time = new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="card table-chat" aria-labelledby={titleId}>
      <Heading id={titleId} className="card-title">
        {t.chatTitle}
      </Heading>
      {messages.length === 0 ? (
        <p className="muted small">{disabled ? t.chatOnlyAtTable : t.chatEmpty}</p>
      ) : (
        <div ref={list} className="chat-log" role="log" aria-live="polite" aria-labelledby={titleId} tabIndex={0}>
          <ol className="chat-list">
            {messages.map((m) => (
              <li key={m.id} className={`chat-message${m.personId === youId ? ' chat-mine' : ''}`}>
                <p className="chat-meta">
                  <strong>{m.personId === youId ? t.youLabel : m.name}</strong>
                  {m.role === 'moderator' && <span className="muted"> · {t.chatFromModerator}</span>}
                  <span className="muted"> · </span>
                  <time className="muted" dateTime={new Date(m.at).toISOString()}>
                    {time.format(m.at)}
                  </time>
                </p>
                <p className="chat-text">{m.text}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
      <form className="chat-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId} className="field-label">
          {t.chatInputLabel}
        </label>
        <div className="chat-row">
          <input
            id={inputId}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={MAX_CHAT_TEXT}
            value={text}
            disabled={disabled}
            aria-invalid={failed || undefined}
            aria-describedby={failed ? `${inputId}-error` : left < counterFrom ? `${inputId}-left` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setFailed(false);
            }}
          />
          <button type="submit" className="button" disabled={disabled || sending || text.trim() === ''}>
            {t.chatSend}
          </button>
        </div>
        {left < counterFrom && (
          <p id={`${inputId}-left`} className="muted small">
            {t.chatCharactersLeft(left)}
          </p>
        )}
        {failed && (
          <p id={`${inputId}-error`} className="field-error" role="alert">
            {t.chatFailed}
          </p>
        )}
      </form>
    </section>
  );
}
