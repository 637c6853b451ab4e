import { CalendarIcon } from '../../components/icons';
import type { ManageView } from '../../lib/api-types';
import { formatDateTime, formatTime } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import type { ManageState } from './manage-state';

/**
 * A confirmed seat before or during the event: when the doors open (before), the personal join
 * button (once they are open), and the calendar file.
 */
export function JoinCard({ view, state }: { view: ManageView; state: ManageState }) {
  const { t, language } = useI18n();
  const { edition } = view;
  if (!state.showJoin && !state.showCalendar) return null;
  const sameDay = new Date(state.doorsOpenAt).toDateString() === new Date().toDateString();
  const doorsTime = sameDay
    ? formatTime(state.doorsOpenAt, edition.timeZone, language)
    : formatDateTime(state.doorsOpenAt, edition.timeZone, language);
  return (
    <section className="card action-card join-card" aria-labelledby="join-title">
      <h2 id="join-title" className="card-title">
        {t.pubDoorsTitle}
      </h2>
      {state.showJoin && view.joinUrl ? (
        <>
          <p>{edition.status === 'live' && Date.now() >= Date.parse(edition.startsAt) ? t.pubLiveRunning : t.pubDoorsOpenNow}</p>
          <a className="button button-large button-block" href={view.joinUrl}>
            {t.joinEvent}
          </a>
          <p className="muted small">{t.joinHint}</p>
        </>
      ) : (
        state.stage === 'scheduled' && (
          <p>
            <time dateTime={state.doorsOpenAt} className="doors-time">
              {t.pubDoorsOpenAt(state.doorsOpenMinutes, doorsTime)}
            </time>
          </p>
        )
      )}
      {state.showCalendar && (
        <>
          <a className="button button-secondary button-block" href={view.calendarUrl} download aria-describedby="calendar-hint">
            <CalendarIcon />
            {t.addToCalendar}
          </a>
          <p id="calendar-hint" className="muted small">
            {t.pubCalendarHint}
          </p>
        </>
      )}
    </section>
  );
}
