import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveCommand, LiveSnapshot } from '@tablehop/protocol';
import { LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { loginPathFor } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ArrivalsPanel } from './arrivals-panel';
import { BroadcastPanel } from './broadcast-panel';
import { CommandsContext, type Commands } from './commands';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { deriveControlRoom, type ControlRoomView, type PersonRow } from './control-room.logic';
import { describeCommandError, useControlRoomMessages } from './control-room.i18n';
import { HelpQueue } from './help-queue';
import { PeoplePanel } from './people-panel';
import { PlenaryVideo } from './plenary-video';
import { SwapDialog } from './swap-dialog';
import { focusTable, TableGrid } from './table-grid';
import { TimerControls } from './timer-controls';
import { useStaffLive, type StaffLive } from './use-staff-live';
import './control-room.css';

/** `/live/:editionId` for a host: the control room on its own live connection. */
export default function ControlRoomPage({ editionId }: { editionId: string }) {
  const { m } = useControlRoomMessages();
  useDocumentTitle(m.pageTitle);
  const live = useStaffLive(editionId);
  if (live.refused || (live.snapshot && live.snapshot.you.role !== 'host')) {
    const code = live.refused?.code;
    return (
      <div className="card notice notice-error page-notice" role="alert">
        <h1 className="notice-title">{m.refusedTitle}</h1>
        <p>{code === 'ERR_UNAUTHENTICATED' ? m.sessionEnded : code === 'ERR_PROTOCOL_VERSION' ? m.reloadNeeded : m.refused}</p>
        {code === 'ERR_UNAUTHENTICATED' && (
          <Link href={loginPathFor(`/live/${encodeURIComponent(editionId)}`)} className="button">
            {m.logIn}
          </Link>
        )}
        {code === 'ERR_PROTOCOL_VERSION' && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {m.reload}
          </button>
        )}
      </div>
    );
  }
  if (!live.snapshot) return <LoadingState />;
  return <ControlRoomScreen live={live} snapshot={live.snapshot} />;
}

type Feedback = { kind: 'ok' | 'error'; text: string; id: number };

/** A clock that ticks every few seconds (statuses like "offline for 3 min", help waiting times). */
function useNow(serverNow: () => number, everyMs = 5000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow());
    const id = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(id);
  }, [serverNow, everyMs]);
  return now;
}

/** The control room for one snapshot; the page passes its live connection, tests a fake one. */
export function ControlRoomScreen({ live, snapshot }: { live: Pick<StaffLive, 'status' | 'serverNow' | 'send'>; snapshot: LiveSnapshot }) {
  const { m } = useControlRoomMessages();
  const now = useNow(live.serverNow);
  const view = useMemo(() => deriveControlRoom(snapshot, now), [snapshot, now]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const [swapping, setSwapping] = useState<PersonRow | null>(null);
  const [broadcastTarget, setBroadcastTarget] = useState<number | null>(null);
  const broadcastText = useRef<HTMLTextAreaElement>(null);
  const nextId = useRef(0);
  const { send } = live;

  // A success note fades after a few seconds; an error stays until dismissed or replaced.
  useEffect(() => {
    if (feedback?.kind !== 'ok') return;
    const id = setTimeout(() => setFeedback((f) => (f === feedback ? null : f)), 5000);
    return () => clearTimeout(id);
  }, [feedback]);

  const run = useCallback(
    async (command: LiveCommand, success?: string) => {
      const result = await send(command);
      const id = ++nextId.current;
      if (result.ok) setFeedback(success ? { kind: 'ok', text: success, id } : null);
      else setFeedback({ kind: 'error', text: describeCommandError(m, result.error), id });
      return result.ok;
    },
    [send, m],
  );
  const commands = useMemo<Commands>(
    () => ({
      run,
      confirm: setConfirming,
      messageTable: (table) => {
        setBroadcastTarget(table);
        broadcastText.current?.focus();
      },
      swap: setSwapping,
    }),
    [run],
  );

  return (
    <CommandsContext.Provider value={commands}>
      <div className="control-room">
        <header className="cr-header">
          <p className="eyebrow">{snapshot.title}</p>
          <h1 className="cr-title">{m.heading}</h1>
          {live.status !== 'open' && (
            <p className="alert cr-connection" role="status">
              {live.status === 'connecting' ? m.connecting : m.reconnecting}
            </p>
          )}
        </header>

        <div className="cr-feedback-slot">
          <div role="alert">
            {feedback?.kind === 'error' && (
              <div className="alert alert-error cr-feedback">
                <strong>{m.errorTitle}.</strong> {feedback.text}
                <button type="button" className="button button-ghost button-small" onClick={() => setFeedback(null)}>
                  {m.dismiss}
                </button>
              </div>
            )}
          </div>
          <div role="status" aria-live="polite">
            {feedback?.kind === 'ok' && <p className="alert alert-success cr-feedback">{feedback.text}</p>}
          </div>
        </div>

        <TimerControls timer={snapshot.timer} serverNow={live.serverNow} />
        <Summary view={view} />

        <div className="cr-layout">
          <div className="cr-main">
            {view.round !== null ? (
              <>
                <AttentionList view={view} />
                <TableGrid view={view} now={now} />
              </>
            ) : (
              <section className="card" aria-labelledby="cr-tables-title">
                <h2 id="cr-tables-title" className="card-title">
                  {m.noTablesTitle}
                </h2>
                <p className="muted">
                  {snapshot.timer.phase === 'closing' || snapshot.timer.phase === 'ended'
                    ? m.noTables[snapshot.timer.phase]
                    : snapshot.timer.phase === 'plenary'
                      ? m.noTables.plenary
                      : m.noTables.scheduled}
                </p>
              </section>
            )}
          </div>
          <aside className="cr-side" aria-label={m.sideLabel}>
            <HelpQueue open={view.openHelp} answered={view.answeredHelp} now={now} />
            <BroadcastPanel
              tables={view.tables.map((t) => t.table)}
              target={broadcastTarget}
              onTarget={setBroadcastTarget}
              broadcasts={snapshot.broadcasts}
              textRef={broadcastText}
            />
            <ArrivalsPanel view={view} flags={snapshot.staff?.flags ?? []} now={now} />
            <PlenaryVideo assignment={snapshot.media} name={snapshot.you.name} />
          </aside>
        </div>

        <PeoplePanel view={view} now={now} />
        {swapping && (
          <SwapDialog
            // The tables may change while the dialog is open: it works on the person as it sits now.
            person={view.tables.flatMap((t) => t.participants).find((p) => p.personId === swapping.personId) ?? swapping}
            view={view}
            onClose={() => setSwapping(null)}
          />
        )}
        {confirming && <ConfirmDialog request={confirming} cancelLabel={m.confirmCancel} onClose={() => setConfirming(null)} />}
      </div>
    </CommandsContext.Provider>
  );
}

function Summary({ view }: { view: ControlRoomView }) {
  const { m } = useControlRoomMessages();
  const s = view.summary;
  const problems = s.problemTables + s.attentionTables;
  // Table figures mean nothing before a round is seated or after the last one.
  const seated = view.round !== null;
  return (
    <section className="cr-summary" aria-labelledby="cr-summary-title">
      <h2 id="cr-summary-title" className="visually-hidden">
        {m.summaryTitle}
      </h2>
      <dl className="cr-stats">
        {seated && <Stat label={m.statTables} value={String(s.tables)} />}
        {seated && <Stat label={m.statConnected} value={`${s.connectedSeated}/${s.seated}`} />}
        <Stat label={m.statParticipants} value={`${s.connectedParticipants}/${s.participants}`} />
        <Stat label={m.statNotArrived} value={String(s.notArrived)} warn={s.notArrived > 0} />
        <Stat label={m.statHelp} value={String(s.openHelp)} alert={s.openHelp > 0} />
        {seated && <Stat label={m.statProblems} value={String(problems)} alert={s.problemTables > 0} warn={problems > 0} />}
      </dl>
    </section>
  );
}

function Stat({ label, value, warn = false, alert = false }: { label: string; value: string; warn?: boolean; alert?: boolean }) {
  return (
    <div className={`cr-stat${alert ? ' cr-stat-alert' : warn ? ' cr-stat-warn' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The tables that need someone now, most urgent first, one click (or Enter) away. */
function AttentionList({ view }: { view: ControlRoomView }) {
  const { m } = useControlRoomMessages();
  if (view.attention.length === 0) return null;
  return (
    <section className="card cr-attention" aria-labelledby="cr-attention-title">
      <h2 id="cr-attention-title" className="card-title">
        {m.attentionTitle} <span className="cr-count cr-count-alert">{view.attention.length}</span>
      </h2>
      <ul className="cr-attention-list">
        {view.attention.map((row) => (
          <li key={row.table} className={`cr-level-${row.level}`}>
            <button type="button" className="cr-link-button" onClick={() => focusTable(row.table)}>
              {m.tableLabel(row.table)}
            </button>
            : {row.alerts.map((a) => (a === 'missing' ? m.missingCount(row.missing.length) : m.alerts[a])).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
