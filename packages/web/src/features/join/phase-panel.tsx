import type { LiveTimer } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import './live-extras.css';

/**
 * Where the event is when you are not (yet) at a table: before the start, the lobby, the plenary,
 * the move to your next table, the closing plenary and the end, in words.
 */
export function PhasePanel({ timer, movingTo }: { timer: LiveTimer; movingTo: number | null }) {
  const { t, language } = useI18n();
  let title: string;
  let text: string;
  switch (timer.phase) {
    case 'scheduled': {
      title = t.scheduledTitle;
      const at = timer.endsAt;
      text =
        at !== null
          ? t.scheduledText(new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at))
          : t.scheduledTextNoTime;
      break;
    }
    case 'doors_open':
      title = t.lobbyTitle;
      text = t.lobbyText;
      break;
    case 'plenary':
      title = t.plenaryTitle;
      text = t.plenaryText;
      break;
    case 'moving':
      title = movingTo !== null ? t.movingTitle(movingTo) : t.phases.moving;
      text = movingTo !== null ? t.movingText : t.noSeat;
      break;
    case 'round':
      title = t.phases.round;
      text = t.noSeat;
      break;
    case 'closing':
      title = t.closingTitle;
      text = t.closingText;
      break;
    case 'ended':
      title = t.endedTitle;
      text = t.endedText;
      break;
  }
  return (
    <section className="card phase-panel" data-phase={timer.phase} aria-labelledby="phase-panel-title">
      <h2 id="phase-panel-title" className="card-title">
        {title}
      </h2>
      <p>{text}</p>
    </section>
  );
}

/** "Where you go next": the next round's table as the plan stands now. */
export function NextTable({ next }: { next: { round: number; table: number } | null }) {
  const { t } = useI18n();
  if (!next) return null;
  return (
    <p className="next-table">
      <span className="visually-hidden">{t.nextUp}: </span>
      {t.nextTable(next.round, next.table)}
    </p>
  );
}
