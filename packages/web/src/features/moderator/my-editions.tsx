import type { ModeratorEdition } from '@tablehop/protocol';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { formatDate, formatTimeRange } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useRequest } from '../../lib/use-request';
import { listMyEditions } from './moderator-api';
import './moderator.css';

const isRunning = (e: ModeratorEdition) => e.status === 'live' || (e.livePhase !== null && e.livePhase !== 'scheduled' && e.livePhase !== 'ended');

/** The moderator's running and upcoming editions, each with the way into its live event. */
export function MyEditions({ load = listMyEditions }: { load?: (signal: AbortSignal) => Promise<ModeratorEdition[]> }) {
  const { t } = useI18n();
  const request = useRequest(load, [load]);
  return (
    <section className="card my-editions-card" aria-labelledby="my-editions-title">
      <h2 id="my-editions-title" className="card-title">
        {t.myEditionsTitle}
      </h2>
      {request.state === 'loading' && <LoadingState />}
      {request.state === 'error' && <ErrorState error={request.error} onRetry={request.reload} />}
      {request.state === 'ok' &&
        (request.data.length === 0 ? (
          <p className="muted">{t.myEditionsEmpty}</p>
        ) : (
          <>
            <ul className="my-editions">
              {request.data.map((edition) => (
                <MyEdition key={edition.id} edition={edition} />
              ))}
            </ul>
            <p className="muted small">{t.myEditionsDoorsHint}</p>
          </>
        ))}
    </section>
  );
}

function MyEdition({ edition }: { edition: ModeratorEdition }) {
  const { t, language } = useI18n();
  const date = formatDate(edition.startsAt, edition.timeZone, language);
  const running = isRunning(edition);
  return (
    <li className="my-edition">
      <div>
        <h3 className="my-edition-title">
          {edition.seriesName}{' '}
          {running ? (
            <span className="badge badge-live">{t.myEditionsLiveNow}</span>
          ) : (
            edition.livePhase && edition.livePhase !== 'scheduled' && <span className="badge">{t.livePhaseBadge[edition.livePhase]}</span>
          )}
        </h3>
        <p className="my-edition-when muted">
          {date} · {formatTimeRange(edition.startsAt, edition.endsAt, edition.timeZone, language)}
        </p>
      </div>
      <Link
        href={edition.liveUrl}
        className={running ? 'button' : 'button button-secondary'}
        aria-label={t.myEditionsOpenLiveOf(edition.seriesName, date)}
      >
        {t.myEditionsOpenLive}
      </Link>
    </li>
  );
}
