import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useCommands } from './commands';
import { swapTargets, type ControlRoomView, type PersonRow } from './control-room.logic';
import { useControlRoomMessages } from './control-room.i18n';

/**
 * "Swap with…": a modal list of the people at the other tables, grouped by table (a native select,
 * so arrows and typing a name work). Focus starts on the list, Tab stays inside, Escape cancels, and
 * focus goes back to the button that opened it.
 */
export function SwapDialog({ person, view, onClose }: { person: PersonRow; view: Pick<ControlRoomView, 'tables'>; onClose(): void }) {
  const { m } = useControlRoomMessages();
  const { run } = useCommands();
  const ids = { title: useId(), body: useId(), select: useId() };
  const dialog = useRef<HTMLDivElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = useState('');
  const groups = swapTargets(view, person.personId);
  const other = groups.flatMap((g) => g.people).find((p) => p.personId === chosen);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    (select.current ?? cancel.current)?.focus();
    return () => before?.focus?.();
  }, []);

  const submit = () => {
    if (!other) return;
    onClose();
    void run({ type: 'swap_people', a: person.personId, b: other.personId }, m.swapped(person.name, other.name));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('select, button:not([disabled])') ?? [])];
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      event.preventDefault();
      focusable[(at + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length]?.focus();
    }
  };

  return (
    <div className="cr-dialog-backdrop">
      <div
        ref={dialog}
        className="cr-dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.body}
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.title} className="card-title">
          {m.swapTitle(person.name)}
        </h2>
        <p id={ids.body}>{groups.length > 0 && person.table !== null ? m.swapIntro(person.name, person.table) : m.swapNone}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {groups.length > 0 && (
            <>
              <label className="field-label" htmlFor={ids.select}>
                {m.swapChoose}
              </label>
              <select id={ids.select} ref={select} className="input select" value={chosen} onChange={(event) => setChosen(event.target.value)}>
                <option value="">{m.swapPlaceholder}</option>
                {groups.map((group) => (
                  <optgroup key={group.table} label={m.swapGroup(group.table)}>
                    {group.people.map((p) => (
                      <option key={p.personId} value={p.personId}>
                        {m.swapOption(p.name, p.status === 'connected' ? null : m.status[p.status])}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </>
          )}
          <div className="actions">
            <button ref={cancel} type="button" className="button button-secondary" onClick={onClose}>
              {m.confirmCancel}
            </button>
            {groups.length > 0 && (
              <button type="submit" className="button" disabled={!other}>
                {m.swapAction}
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
