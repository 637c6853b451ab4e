import { useState, type DragEvent } from 'react';
import { useCommands, participantDragType, personDragType, readDraggedPerson, type DraggedPerson } from './commands';
import { moveTargets, type ControlRoomView, type PersonRow, type TableRow } from './control-room.logic';
import { useControlRoomMessages, type ControlRoomMessages } from './control-room.i18n';

/** The id of a table card, for "go to table". */
export const tableCardId = (table: number) => `cr-table-${table}`;

/** Moves focus (and the view) to a table card. */
export function focusTable(table: number): void {
  const card = document.getElementById(tableCardId(table));
  card?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  card?.focus();
}

/** Where a dragged person would land: a table (move), or a person at it (swap). */
interface DropTarget {
  table: number;
  person: PersonRow | null;
}

/**
 * Every table of the round as a compact card; problem tables stand out. People move by drag and drop
 * (onto a table: move; onto a person at another table: swap) or with the buttons next to their name.
 */
export function TableGrid({ view, now }: { view: ControlRoomView; now: number }) {
  const { m } = useControlRoomMessages();
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const shown = onlyAttention ? view.tables.filter((t) => t.level !== 'ok') : view.tables;
  return (
    <section className="cr-tables" aria-labelledby="cr-tables-title">
      <div className="cr-section-head">
        <h2 id="cr-tables-title">{m.tablesTitle(view.round ?? 0)}</h2>
        <label className="cr-toggle">
          <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} />
          {m.onlyAttention}
        </label>
      </div>
      <p className="muted small cr-hint">{m.dragHint}</p>
      {shown.length === 0 ? (
        <p className="card muted">{m.allFine}</p>
      ) : (
        <div className="cr-grid">
          {shown.map((row) => (
            <TableCard
              key={row.table}
              row={row}
              view={view}
              now={now}
              drop={dropTarget?.table === row.table ? dropTarget : null}
              onDropTarget={setDropTarget}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function TableCard({
  row,
  view,
  now,
  drop,
  onDropTarget,
}: {
  row: TableRow;
  view: ControlRoomView;
  now: number;
  drop: DropTarget | null;
  onDropTarget(target: DropTarget | null): void;
}) {
  const dropping = drop !== null;
  const { m } = useControlRoomMessages();
  const { run, messageTable } = useCommands();
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(personDragType);
  const dropPerson = (person: DraggedPerson) => {
    if (person.role === 'moderator') {
      if (row.moderator?.personId !== person.personId)
        void run({ type: 'reassign_moderator', table: row.table, moderatorId: person.personId }, m.moderatorMoved(person.name, row.table));
    } else if (!row.participants.some((p) => p.personId === person.personId)) {
      void run({ type: 'move_person', personId: person.personId, table: row.table }, m.moved(person.name, row.table));
    }
  };
  return (
    <section
      id={tableCardId(row.table)}
      tabIndex={-1}
      className={`cr-table cr-level-${row.level}${dropping ? ' cr-dropping' : ''}`}
      aria-label={m.tableLabel(row.table)}
      data-level={row.level}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!drop || drop.person) onDropTarget({ table: row.table, person: null });
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDropTarget(null);
      }}
      onDrop={(event) => {
        onDropTarget(null);
        const person = readDraggedPerson(event.dataTransfer);
        if (!person) return;
        event.preventDefault();
        dropPerson(person);
      }}
    >
      <header className="cr-table-head">
        <h3 className="cr-table-title">{m.tableLabel(row.table)}</h3>
        <span className="cr-table-count">{m.tableCount(row.connected, row.participants.length)}</span>
      </header>
      {row.alerts.length > 0 && (
        <ul className="cr-alerts">
          {row.alerts.map((alert) => (
            <li key={alert} className={`cr-alert cr-alert-${alert}`}>
              {alert === 'missing' ? m.missingCount(row.missing.length) : m.alerts[alert]}
            </li>
          ))}
        </ul>
      )}
      {row.help
        .filter((h) => h.status === 'open' && h.text)
        .map((h) => (
          <p key={h.id} className="cr-table-help">
            “{h.text}”
          </p>
        ))}
      <ModeratorLine row={row} view={view} now={now} />
      <ul className="cr-people">
        {row.participants.map((person) => (
          <PersonLine
            key={person.personId}
            person={person}
            view={view}
            now={now}
            table={row.table}
            swapTarget={drop?.person?.personId === person.personId}
            onDropTarget={onDropTarget}
          />
        ))}
      </ul>
      <button type="button" className="button button-ghost button-small cr-table-message" onClick={() => messageTable(row.table)}>
        {m.messageTable(row.table)}
      </button>
      {drop && <p className="cr-drop-hint">{drop.person ? m.dropToSwap(drop.person.name) : m.dropHere(row.table)}</p>}
    </section>
  );
}

/** A short status for someone who is not online (the dot's colour never says it alone). */
export function statusText(m: ControlRoomMessages, person: PersonRow, now: number): string {
  if (person.status === 'offline' && person.since !== null) return m.goneFor(Math.floor((now - person.since) / 60_000));
  return m.status[person.status];
}

function dragStart(event: DragEvent, person: PersonRow): void {
  const payload: DraggedPerson = { personId: person.personId, role: person.role, name: person.name };
  event.dataTransfer.setData(personDragType, JSON.stringify(payload));
  if (person.role === 'participant') event.dataTransfer.setData(participantDragType, person.personId);
  event.dataTransfer.setData('text/plain', person.name);
  event.dataTransfer.effectAllowed = 'move';
}

function PersonLine({
  person,
  view,
  now,
  table,
  swapTarget,
  onDropTarget,
}: {
  person: PersonRow;
  view: ControlRoomView;
  now: number;
  table: number;
  swapTarget: boolean;
  onDropTarget(target: DropTarget | null): void;
}) {
  const { m } = useControlRoomMessages();
  const { run, swap } = useCommands();
  // A participant dropped on a participant of another table swaps the two; anything else falls through to the table (move).
  const swapsWith = (dragged: DraggedPerson) => {
    if (dragged.role !== 'participant' || dragged.personId === person.personId) return false;
    const from = view.tables.find((t) => t.participants.some((p) => p.personId === dragged.personId));
    return from !== undefined && from.table !== table;
  };
  return (
    <li
      className={`cr-person${swapTarget ? ' cr-swap-target' : ''}`}
      data-status={person.status}
      draggable
      onDragStart={(event) => dragStart(event, person)}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(participantDragType)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        if (!swapTarget) onDropTarget({ table, person });
      }}
      onDrop={(event) => {
        const dragged = readDraggedPerson(event.dataTransfer);
        if (!dragged || !swapsWith(dragged)) return;
        event.preventDefault();
        event.stopPropagation();
        onDropTarget(null);
        void run({ type: 'swap_people', a: dragged.personId, b: person.personId }, m.swapped(dragged.name, person.name));
      }}
      title={person.company || undefined}
    >
      <span className={`cr-dot cr-dot-${person.status}`} aria-hidden="true" />
      <span className="cr-person-text">
        <span className="cr-person-name">{person.name}</span>
        {person.status !== 'connected' && <span className="cr-person-status">{statusText(m, person, now)}</span>}
        <MutedNote person={person} />
      </span>
      <MoveSelect person={person} view={view} />
      {view.tables.length > 1 && (
        <button
          type="button"
          className="cr-icon-button"
          aria-label={m.swapLabel(person.name)}
          title={m.swapLabel(person.name)}
          onClick={() => swap(person)}
        >
          <span aria-hidden="true">⇄</span>
        </button>
      )}
      <MuteButton person={person} run={run} />
    </li>
  );
}

/** "muted by host" under a name: the state of the person's microphone in this round. */
function MutedNote({ person }: { person: PersonRow }) {
  const { m } = useControlRoomMessages();
  if (!person.muted) return null;
  return (
    <span className="cr-person-muted" title={m.mutedHint}>
      <MicIcon off /> {m.mutedBy[person.muted]}
    </span>
  );
}

/** Mutes a seated person (the server enforces it in the video room); only they can unmute, so a muted person has no button. */
function MuteButton({ person, run }: { person: PersonRow; run: ReturnType<typeof useCommands>['run'] }) {
  const { m } = useControlRoomMessages();
  if (person.muted || person.status === 'removed') return null;
  return (
    <button
      type="button"
      className="cr-icon-button"
      aria-label={m.muteLabel(person.name)}
      title={m.muteLabel(person.name)}
      onClick={() => void run({ type: 'mute_participant', personId: person.personId }, m.mutedDone(person.name))}
    >
      <MicIcon off={false} />
    </button>
  );
}

function MicIcon({ off }: { off: boolean }) {
  return (
    <svg className="cr-mic" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="5.5" y="1.5" width="5" height="8" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.5 7.5a4.5 4.5 0 0 0 9 0M8 12v2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      {off && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
    </svg>
  );
}

/** The keyboard (and list) way to move: a select of the other tables. */
export function MoveSelect({ person, view }: { person: PersonRow; view: Pick<ControlRoomView, 'tables'> }) {
  const { m } = useControlRoomMessages();
  const { run } = useCommands();
  const targets = moveTargets(view, person.personId);
  if (targets.length === 0) return null;
  return (
    <select
      className="input select cr-move"
      aria-label={m.moveLabel(person.name)}
      value=""
      onChange={(event) => {
        const table = Number(event.target.value);
        if (table > 0) void run({ type: 'move_person', personId: person.personId, table }, m.moved(person.name, table));
      }}
    >
      <option value="">{m.moveTo}</option>
      {targets.map((t) => (
        <option key={t.table} value={t.table}>
          {m.moveOption(t.table, t.size)}
        </option>
      ))}
    </select>
  );
}

function ModeratorLine({ row, view, now }: { row: TableRow; view: ControlRoomView; now: number }) {
  const { m } = useControlRoomMessages();
  const { run } = useCommands();
  const moderator = row.moderator;
  // Moderators online without a table first: they are the ones to send.
  const rank = (mod: PersonRow) => (mod.table === null ? 0 : 2) + (mod.status === 'connected' ? 0 : 1);
  const choices = view.moderators.filter((mod) => mod.personId !== moderator?.personId && mod.status !== 'removed').sort((a, b) => rank(a) - rank(b));
  return (
    <div className="cr-moderator">
      {moderator ? (
        <span className={`cr-dot cr-dot-${moderator.status}`} aria-hidden="true" />
      ) : (
        <span className="cr-dot cr-dot-none" aria-hidden="true" />
      )}
      <span className="cr-person-text">
        <span className="cr-moderator-label">{m.moderatorLabel}</span>
        {moderator ? (
          <span
            className="cr-moderator-name"
            title={moderator.name}
            draggable
            onDragStart={(event) => dragStart(event, moderator)}
            data-status={moderator.status}
          >
            {moderator.name}
          </span>
        ) : (
          <span className="cr-moderator-none">{m.noModerator}</span>
        )}
        {moderator && moderator.status !== 'connected' && <span className="cr-person-status">{statusText(m, moderator, now)}</span>}
        {moderator && <MutedNote person={moderator} />}
      </span>
      {moderator && <MuteButton person={moderator} run={run} />}
      {choices.length > 0 && (
        <select
          className="input select cr-move"
          aria-label={m.changeModerator(row.table)}
          value=""
          onChange={(event) => {
            const chosen = choices.find((c) => c.personId === event.target.value);
            if (chosen)
              void run({ type: 'reassign_moderator', table: row.table, moderatorId: chosen.personId }, m.moderatorMoved(chosen.name, row.table));
          }}
        >
          <option value="">{moderator ? m.moderatorChange : m.moderatorAssign}</option>
          {choices.map((c) => (
            <option key={c.personId} value={c.personId}>
              {c.table === null ? m.moderatorFree(c.name) : m.moderatorAtTable(c.name, c.table)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
