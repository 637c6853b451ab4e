import { useState, type RefObject } from 'react';
import type { LiveBroadcast } from '@tablehop/protocol';
import { useCommands } from './commands';
import { useControlRoomMessages } from './control-room.i18n';

/** A message to everyone or to one table, and the last ones sent. */
export function BroadcastPanel({
  tables,
  target,
  onTarget,
  broadcasts,
  textRef,
}: {
  tables: number[];
  /** null: everyone. */
  target: number | null;
  onTarget(table: number | null): void;
  broadcasts: LiveBroadcast[];
  textRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { m } = useControlRoomMessages();
  const { run } = useCommands();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const validTarget = target !== null && tables.includes(target) ? target : null;
  return (
    <section className="card cr-panel" aria-labelledby="cr-broadcast-title">
      <h2 id="cr-broadcast-title" className="card-title">
        {m.broadcastTitle}
      </h2>
      <form
        className="cr-broadcast-form"
        onSubmit={(event) => {
          event.preventDefault();
          const message = text.trim();
          if (!message) return;
          setBusy(true);
          void run({ type: 'broadcast', text: message, ...(validTarget !== null ? { table: validTarget } : {}) }, m.broadcastSent).then((ok) => {
            setBusy(false);
            if (ok) setText('');
          });
        }}
      >
        <label className="field-label" htmlFor="cr-broadcast-text">
          {m.broadcastLabel}
        </label>
        <textarea
          id="cr-broadcast-text"
          ref={textRef}
          className="input textarea"
          rows={2}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="cr-broadcast-row">
          <label className="field-label" htmlFor="cr-broadcast-target">
            {m.broadcastTarget}
          </label>
          <select
            id="cr-broadcast-target"
            className="input select cr-select-small"
            value={validTarget ?? ''}
            onChange={(e) => onTarget(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{m.broadcastEveryone}</option>
            {tables.map((table) => (
              <option key={table} value={table}>
                {m.broadcastTable(table)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small" disabled={busy || !text.trim()}>
            {m.broadcastSend}
          </button>
        </div>
      </form>
      {broadcasts.length > 0 && (
        <>
          <h3 className="cr-subtitle">{m.broadcastRecent}</h3>
          <ul className="cr-broadcasts small">
            {broadcasts
              .slice(-4)
              .reverse()
              .map((b) => (
                <li key={b.id}>
                  <span className="muted">{b.table === null ? m.broadcastToEveryone : m.broadcastToTable(b.table)}:</span> {b.text}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
