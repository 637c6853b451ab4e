import type { LiveTimer } from '@tablehop/protocol';
import { LiveTimerBar } from '../join/live-timer';
import { useCommands } from './commands';
import { roundToStart, timerActions } from './control-room.logic';
import { useControlRoomMessages } from './control-room.i18n';

const extendMinutes = [1, 2, 5] as const;

/** The phase, round and countdown, with the run controls that make sense now. */
export function TimerControls({ timer, serverNow }: { timer: LiveTimer; serverNow(): number }) {
  const { m } = useControlRoomMessages();
  const { run, confirm } = useCommands();
  const actions = new Set(timerActions(timer));
  const has = (a: Parameters<typeof actions.has>[0]) => actions.has(a);
  const round = timer.round;
  return (
    <section className="card cr-run" aria-labelledby="cr-run-title">
      <div className="cr-run-head">
        <h2 id="cr-run-title" className="card-title">
          {m.runTitle}
        </h2>
        <LiveTimerBar timer={timer} serverNow={serverNow} />
      </div>
      {timer.phase === 'ended' ? (
        <p className="muted">{m.eventEnded}</p>
      ) : (
        <div className="cr-run-actions">
          {has('open_doors') && (
            <button type="button" className="button button-secondary button-small" onClick={() => void run({ type: 'open_doors' })}>
              {m.actions.open_doors}
            </button>
          )}
          {has('start_plenary') && (
            <button type="button" className="button button-small" onClick={() => void run({ type: 'start_now' })}>
              {m.actions.start_plenary}
            </button>
          )}
          {has('start_round') && (
            <button type="button" className="button button-small" onClick={() => void run({ type: 'start_now' })}>
              {m.startRound(roundToStart(timer))}
            </button>
          )}
          {has('start_closing') && (
            <button type="button" className="button button-small" onClick={() => void run({ type: 'start_now' })}>
              {m.actions.start_closing}
            </button>
          )}
          {has('end_round_now') && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                confirm({
                  title: m.confirmEndRoundTitle(round),
                  body: m.confirmEndRound,
                  action: m.confirmEndRoundAction,
                  onConfirm: () => void run({ type: 'end_round_now' }),
                })
              }
            >
              {m.endRoundNow(round)}
            </button>
          )}
          {has('pause') && (
            <button type="button" className="button button-secondary button-small" onClick={() => void run({ type: 'pause' })}>
              {m.actions.pause}
            </button>
          )}
          {has('resume') && (
            <button type="button" className="button button-small" onClick={() => void run({ type: 'resume' })}>
              {m.actions.resume}
            </button>
          )}
          {has('extend') && (
            <span className="cr-extend" role="group" aria-label={m.extendGroup}>
              {extendMinutes.map((minutes) => (
                <button
                  key={minutes}
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={m.extendLabel(minutes)}
                  onClick={() => void run({ type: 'extend_round', minutes })}
                >
                  {m.extendBy(minutes)}
                </button>
              ))}
            </span>
          )}
          {has('add_round') && (
            <button type="button" className="button button-ghost button-small" onClick={() => void run({ type: 'add_round' })}>
              {m.actions.add_round}
            </button>
          )}
          {has('drop_round') && (
            <button type="button" className="button button-ghost button-small" onClick={() => void run({ type: 'drop_round' })}>
              {m.actions.drop_round}
            </button>
          )}
          {has('end_event') && (
            <button
              type="button"
              className="button button-danger-ghost button-small cr-end-event"
              onClick={() =>
                confirm({
                  title: m.confirmEndEventTitle,
                  body: m.confirmEndEvent,
                  action: m.confirmEndEventAction,
                  onConfirm: () => void run({ type: 'end_event' }),
                })
              }
            >
              {m.actions.end_event}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
