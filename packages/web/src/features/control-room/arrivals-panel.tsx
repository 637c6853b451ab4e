import type { LiveFlag, Language } from '@tablehop/protocol';
import { localeOf } from '../../lib/i18n';
import type { ControlRoomView, PersonRow } from './control-room.logic';
import { useControlRoomMessages } from './control-room.i18n';
import { focusTable, MoveSelect, statusText } from './table-grid';

const shownLateJoiners = 8;

function clock(at: number, language: Language): string {
  return new Date(at).toLocaleTimeString(localeOf[language], { hour: '2-digit', minute: '2-digit' });
}

/** Late joiners as they are seated, who has not come (no-shows once a round is seated), who dropped out, and the moderators' reports. */
export function ArrivalsPanel({ view, flags, now }: { view: ControlRoomView; flags: LiveFlag[]; now: number }) {
  const { m, language } = useControlRoomMessages();
  const names = new Map(view.people.map((p) => [p.personId, p.name]));
  const recentFlags = [...flags].reverse().slice(0, 6);
  return (
    <section className="card cr-panel" aria-labelledby="cr-arrivals-title">
      <h2 id="cr-arrivals-title" className="card-title">
        {m.arrivalsTitle}
      </h2>

      <h3 className="cr-subtitle">{m.lateJoinersTitle}</h3>
      {view.lateJoiners.length === 0 ? (
        <p className="muted small">{m.lateJoinersEmpty}</p>
      ) : (
        <ul className="cr-feed small" aria-live="polite">
          {view.lateJoiners.slice(0, shownLateJoiners).map((a) => (
            <li key={`${a.personId}-${a.at}`}>
              <time className="muted">{clock(a.at, language)}</time> {m.lateJoined(a.name, a.table, a.round)}
              {a.role === 'moderator' && <span className="muted"> ({m.lateModerator})</span>}
            </li>
          ))}
        </ul>
      )}

      <PeopleList
        title={view.roundsStarted ? m.noShowsTitle(view.notArrived.length) : m.notArrivedTitle(view.notArrived.length)}
        empty={m.notArrivedEmpty}
        people={view.notArrived}
        now={now}
      />
      <PeopleList title={m.awayTitle(view.away.length)} empty={m.awayEmpty} people={view.away} now={now} withTable />
      {view.unseated.length > 0 && (
        <>
          <h3 className="cr-subtitle">{m.unseatedTitle(view.unseated.length)}</h3>
          <p className="muted small">{m.unseatedHint}</p>
          <ul className="cr-mini-list small">
            {view.unseated.map((p) => (
              <li key={p.personId} className="cr-person">
                <span className="cr-person-name">{p.name}</span>
                <MoveSelect person={p} view={view} />
              </li>
            ))}
          </ul>
        </>
      )}

      {recentFlags.length > 0 && (
        <>
          <h3 className="cr-subtitle">{m.flagsTitle}</h3>
          <ul className="cr-feed small">
            {recentFlags.map((f) => (
              <li key={f.id}>
                <time className="muted">{clock(f.createdAt, language)}</time>{' '}
                {f.kind === 'no_show' ? m.flagNoShow(names.get(f.personId ?? '') ?? '?') : m.flagProblem}
                {f.table !== null && <> · {m.tableLabel(f.table)}</>}
                {f.text && <> · “{f.text}”</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A short list that folds away when long (17 tables can mean 10 no-shows). */
function PeopleList({
  title,
  empty,
  people,
  now,
  withTable = false,
}: {
  title: string;
  empty: string;
  people: PersonRow[];
  now: number;
  withTable?: boolean;
}) {
  const { m } = useControlRoomMessages();
  const items = (
    <ul className="cr-mini-list small">
      {people.map((p) => (
        <li key={p.personId}>
          <span className={`cr-dot cr-dot-${p.status}`} aria-hidden="true" /> {p.name}
          {p.role === 'moderator' && <span className="muted"> ({m.roleModerator})</span>}
          {withTable && p.table !== null && (
            <>
              {' '}
              <button type="button" className="cr-link-button" onClick={() => focusTable(p.table!)}>
                {m.tableLabel(p.table)}
              </button>
            </>
          )}
          {p.status !== 'not_arrived' && <span className="muted"> · {statusText(m, p, now)}</span>}
        </li>
      ))}
    </ul>
  );
  if (people.length === 0)
    return (
      <>
        <h3 className="cr-subtitle">{title}</h3>
        <p className="muted small">{empty}</p>
      </>
    );
  return (
    <details className="cr-fold" open={people.length <= 6}>
      <summary>
        <h3 className="cr-subtitle cr-inline">{title}</h3>
      </summary>
      {items}
    </details>
  );
}
