import { useEffect, useState } from 'react';
import type { LiveTimer } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';

/** `m:ss` for a duration in milliseconds (never negative). */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const maxCountdownMs = 2 * 3600_000;

/** The phase, round x of N and the countdown, on the server's clock. */
export function LiveTimerBar({ timer, serverNow }: { timer: LiveTimer; serverNow(): number }) {
  const { t } = useI18n();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), 500);
    return () => clearInterval(id);
  }, [serverNow]);
  const left = timer.endsAt !== null ? timer.endsAt - now : timer.pausedRemainingMs;
  // A countdown to a start days away says nothing; the phase badge does.
  const remaining = left !== null && left <= maxCountdownMs ? left : null;
  const showRound = timer.round > 0 && (timer.phase === 'round' || timer.phase === 'moving');
  return (
    <div className="live-bar">
      <span className="badge live-phase" data-phase={timer.phase}>
        {t.phases[timer.phase]}
      </span>
      {showRound && <span className="live-round">{t.roundOf(timer.round, timer.rounds)}</span>}
      {remaining !== null && (
        <span className="live-clock">
          <span className="visually-hidden">{t.timeLeft}: </span>
          <time>{formatRemaining(remaining)}</time>
          {timer.endsAt === null && <span className="muted"> ({t.timerPaused})</span>}
        </span>
      )}
    </div>
  );
}
