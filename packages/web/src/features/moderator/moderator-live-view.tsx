import { LoadingState } from '../../components/feedback';
import { useI18n } from '../../lib/i18n-context';
import { chatOf } from '../../lib/live-state';
import { useLiveJoin, type LiveJoin } from '../../lib/use-live-join';
import { Broadcasts } from '../join/broadcasts';
import { ConnectionBanner } from '../join/connection-banner';
import { IcebreakerCard } from '../join/icebreaker-card';
import { LiveTimerBar } from '../join/live-timer';
import { NextTable, PhasePanel } from '../join/phase-panel';
import { TableChat } from '../join/table-chat';
import { TableVideo } from '../join/table-video';
import { HelpPanel } from './help-panel';
import { ModeratorCards } from './moderator-cards';
import { NotesPanel } from './notes-panel';
import './moderator.css';

export interface ModeratorLiveViewProps {
  editionId: string;
  /**
   * The live connection when the caller opened it already (the staff page does, to learn the role
   * from the snapshot): pass it so there is one connection. Without it the view opens its own
   * (`useLiveJoin(editionId, null)`: staff authenticate with the session cookie).
   */
  live?: LiveJoin;
}

/**
 * The moderator's live view at `/live/:editionId`: the table view of a participant (timer, round x
 * of N, video, broadcasts) plus what running a table takes: the cards with what each person offers
 * and looks for, the round's icebreaker, mute and "flag no-show" per person, asking the host for
 * help or reporting a problem, the table chat, and private notes.
 *
 * Contract with `features/live/staff-live-page.tsx`: `import('../moderator/moderator-live-view')`
 * and render `<ModeratorLiveView editionId={…} live={…} />` (named export, also the default).
 */
export function ModeratorLiveView({ editionId, live }: ModeratorLiveViewProps) {
  return live ? <ModeratorTable live={live} /> : <OwnConnection editionId={editionId} />;
}

export default ModeratorLiveView;

function OwnConnection({ editionId }: { editionId: string }) {
  const live = useLiveJoin(editionId, null);
  return <ModeratorTable live={live} />;
}

function ModeratorTable({ live }: { live: LiveJoin }) {
  const { t } = useI18n();
  const { send } = live;
  if (live.refused)
    return (
      <div className="card notice notice-error" role="alert">
        <h1 className="notice-title">{t.joinRefusedTitle}</h1>
        <p>{t.joinRefused}</p>
      </div>
    );
  const snapshot = live.snapshot;
  if (!snapshot) return <LoadingState />;
  const { seat, timer } = snapshot;
  const seated = seat !== null && (timer.phase === 'round' || timer.phase === 'moving');

  return (
    <div className="join-layout moderator-view">
      <header className="join-header">
        <h1 className="join-title">
          {snapshot.title}
          <span className="visually-hidden"> · </span>
          <span className="muted small"> {seated ? t.moderatorTableHeading(seat.table) : t.moderatorViewTitle}</span>
        </h1>
        <LiveTimerBar timer={timer} serverNow={live.serverNow} />
        <ConnectionBanner status={live.status} />
      </header>

      <Broadcasts broadcasts={snapshot.broadcasts} />

      <div className="join-main">
        <div className="join-video moderator-main">
          {!seated && (
            <section className="card" aria-labelledby="moderator-wait-title">
              <h2 id="moderator-wait-title" className="card-title">
                {t.phases[timer.phase]}
              </h2>
              <p>{timer.phase === 'round' || timer.phase === 'moving' ? t.moderatorNoTable : t.moderatorBetweenRounds}</p>
            </section>
          )}
          {!seated && timer.phase === 'ended' && <PhasePanel timer={timer} movingTo={null} />}
          {timer.phase !== 'ended' && <TableVideo live={live} />}
          {seated && (
            <ModeratorCards
              seat={seat}
              mutes={snapshot.mutes}
              onMute={(personId) => send({ type: 'mute_participant', personId })}
              onFlagNoShow={(personId) => send({ type: 'flag', kind: 'no_show', personId })}
            />
          )}
        </div>
        <aside className="join-side moderator-side" aria-label={t.moderatorViewTitle}>
          {seated && <IcebreakerCard prompts={snapshot.icebreakers} round={seat.round} forModerator />}
          <NextTable next={snapshot.next} />
          <HelpPanel
            requests={snapshot.help}
            onRequestHelp={(text) => send(text ? { type: 'request_help', text } : { type: 'request_help' })}
            onReportProblem={(text) => send({ type: 'flag', kind: 'problem', text })}
          />
          {seated && <TableChat messages={chatOf(snapshot)} youId={snapshot.you.personId} onSend={(text) => send({ type: 'send_chat', text })} />}
          <NotesPanel notes={snapshot.notes ?? ''} onSave={(text) => send({ type: 'save_note', text })} />
        </aside>
      </div>
    </div>
  );
}
