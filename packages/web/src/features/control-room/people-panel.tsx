import { useState } from 'react';
import { useCommands } from './commands';
import type { ControlRoomView, PersonRow } from './control-room.logic';
import { useControlRoomMessages } from './control-room.i18n';
import { MoveSelect, statusText } from './table-grid';

/** Everyone of the edition in one searchable list: status, table, move and remove. */
export function PeoplePanel({ view, now }: { view: ControlRoomView; now: number }) {
  const { m } = useControlRoomMessages();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = needle ? view.people.filter((p) => p.name.toLowerCase().includes(needle) || p.company.toLowerCase().includes(needle)) : view.people;
  return (
    <section className="card cr-people-panel" aria-labelledby="cr-people-title">
      <div className="cr-section-head">
        <h2 id="cr-people-title" className="card-title">
          {m.peopleTitle}
        </h2>
        <span className="muted small" aria-live="polite">
          {m.peopleCount(shown.length, view.people.length)}
        </span>
      </div>
      <label className="field-label" htmlFor="cr-people-filter">
        {m.peopleFilter}
      </label>
      <input
        id="cr-people-filter"
        className="input cr-filter"
        type="search"
        value={query}
        placeholder={m.peopleFilterPlaceholder}
        onChange={(e) => setQuery(e.target.value)}
      />
      {shown.length === 0 ? (
        <p className="muted">{m.peopleNone}</p>
      ) : (
        <div className="cr-people-scroll">
          <table className="cr-people-table">
            <thead>
              <tr>
                <th scope="col">{m.columnName}</th>
                <th scope="col">{m.columnStatus}</th>
                <th scope="col">{m.columnTable}</th>
                <th scope="col">{m.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((person) => (
                <PersonRowView key={person.personId} person={person} view={view} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PersonRowView({ person, view, now }: { person: PersonRow; view: ControlRoomView; now: number }) {
  const { m } = useControlRoomMessages();
  const { run, confirm, swap } = useCommands();
  const participant = person.role === 'participant';
  return (
    <tr data-status={person.status}>
      <th scope="row" className="cr-people-name">
        {person.name}
        {person.company && <span className="muted small"> · {person.company}</span>}
        {!participant && <span className="cr-role"> {m.roleModerator}</span>}
      </th>
      <td>
        <span className={`cr-dot cr-dot-${person.status}`} aria-hidden="true" /> {statusText(m, person, now)}
      </td>
      <td>{person.table ?? m.noTable}</td>
      <td>
        <div className="cr-people-actions">
          {participant && person.status !== 'removed' && view.round !== null && <MoveSelect person={person} view={view} />}
          {participant && person.table !== null && view.tables.length > 1 && (
            <button type="button" className="button button-ghost button-small" aria-label={m.swapLabel(person.name)} onClick={() => swap(person)}>
              {m.swap}
            </button>
          )}
          {participant && person.status !== 'removed' && (
            <button
              type="button"
              className="button button-danger-ghost button-small"
              aria-label={m.removeLabel(person.name)}
              onClick={() =>
                confirm({
                  title: m.confirmRemoveTitle(person.name),
                  body: m.confirmRemove,
                  action: m.confirmRemoveAction,
                  onConfirm: () => void run({ type: 'remove_person', personId: person.personId }, m.removed(person.name)),
                })
              }
            >
              {m.remove}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
