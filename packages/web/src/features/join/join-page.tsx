import { useEffect, useState } from 'react';
import { LoadingState } from '../../components/feedback';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { chatOf } from '../../lib/live-state';
import { useLiveJoin, type LiveJoin } from '../../lib/use-live-join';
import { Broadcasts } from './broadcasts';
import { ConnectionBanner } from './connection-banner';
import { IcebreakerCard } from './icebreaker-card';
import { LiveTimerBar } from './live-timer';
import { NextTable, PhasePanel } from './phase-panel';
import { TableCards } from './table-cards';
import { TableChat } from './table-chat';
import { TableVideo } from './table-video';

/**
 * `/join/:token`, the personal link of the registration mails: the live event (phase, timer, round,
 * broadcasts, the table's cards) and the table's video after a device check. Lazy-loaded, so the
 * public pages never carry the media code.
 */
export default function JoinPage({ token, search }: { token: string; search: string }) {
  const { t } = useI18n();
  useDocumentTitle(t.joinTitle);
  const editionId = useEditionOfJoinToken(token, search);
  if (editionId === undefined) return <LoadingState />;
  if (editionId === null)
    return (
      <div className="card notice notice-error" role="alert">
        <h1 className="notice-title">{t.joinRefusedTitle}</h1>
        <p>{t.joinLinkIncomplete}</p>
      </div>
    );
  return <LiveJoin editionId={editionId} token={token} />;
}

/**
 * The edition a join token belongs to: from `GET /api/join/:token` when the server offers it, else
 * from `?edition=` on the link. undefined while looking it up, null when unknown.
 */
function useEditionOfJoinToken(token: string, search: string): string | null | undefined {
  const fromLink = new URLSearchParams(search).get('edition');
  const [editionId, setEditionId] = useState<string | null | undefined>(fromLink ?? undefined);
  useEffect(() => {
    if (fromLink) return;
    let cancelled = false;
    fetch(`/api/join/${encodeURIComponent(token)}`, { headers: { accept: 'application/json' } })
      .then(async (response) => (response.ok ? (((await response.json()) as { editionId?: string }).editionId ?? null) : null))
      .catch(() => null)
      .then((id) => !cancelled && setEditionId(id));
    return () => {
      cancelled = true;
    };
  }, [token, fromLink]);
  return editionId;
}

/**
 * `/live/:editionId`: the same live view for a logged-in host or moderator of the edition (the
 * server checks the session cookie and the assignment when the connection opens).
 */
export function StaffLivePage({ editionId }: { editionId: string }) {
  const { t } = useI18n();
  useDocumentTitle(t.joinTitle);
  return <LiveJoin editionId={editionId} token={null} />;
}

function LiveJoin({ editionId, token }: { editionId: string; token: string | null }) {
  const live = useLiveJoin(editionId, token);
  return <LiveJoinView live={live} />;
}

/**
 * The participant's live view for a live connection: the lobby, plenary and closing states in words,
 * the timer with round x of N, the host's broadcasts as they arrive, the video, the cards of the
 * people at the table, the round's icebreaker, where you go next and the table chat, with a banner
 * while the connection is lost.
 */
export function LiveJoinView({ live }: { live: LiveJoin }) {
  const { t } = useI18n();
  const { send } = live;

  if (live.removed || live.refused)
    return (
      <div className="card notice notice-error" role="alert">
        <h1 className="notice-title">{live.removed ? t.joinRemovedTitle : t.joinRefusedTitle}</h1>
        <p>{live.removed ? t.joinRemoved : t.joinRefused}</p>
      </div>
    );
  const snapshot = live.snapshot;
  if (!snapshot) return <LoadingState />;
  const { seat, timer } = snapshot;
  const atTable = seat !== null && (timer.phase === 'round' || timer.phase === 'moving');

  return (
    <div className="join-layout">
      <header className="join-header">
        <h1 className="join-title">{snapshot.title}</h1>
        <LiveTimerBar timer={timer} serverNow={live.serverNow} />
        <ConnectionBanner status={live.status} />
      </header>

      <Broadcasts broadcasts={snapshot.broadcasts} />

      {timer.phase === 'ended' ? (
        <PhasePanel timer={timer} movingTo={null} />
      ) : (
        <div className="join-main">
          <div className="join-video">
            {!atTable && <PhasePanel timer={timer} movingTo={null} />}
            <TableVideo live={live} muteOnTiles />
          </div>
          <aside className="join-side" aria-label={t.atTableTitle}>
            {atTable && timer.phase === 'moving' && (
              <p className="next-table" role="status">
                {t.movingTitle(seat.table)}
              </p>
            )}
            {atTable && <IcebreakerCard prompts={snapshot.icebreakers} round={seat.round} />}
            {seat ? <TableCards seat={seat} youId={snapshot.you.personId} /> : <p className="card muted">{t.noSeat}</p>}
            <NextTable next={snapshot.next} />
            {atTable && <TableChat messages={chatOf(snapshot)} youId={snapshot.you.personId} onSend={(text) => send({ type: 'send_chat', text })} />}
          </aside>
        </div>
      )}
    </div>
  );
}
