import { useEffect, useState } from 'react';
import { LoadingState } from '../../components/feedback';
import { useI18n } from '../../lib/i18n-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import { muteOf } from '../../lib/live-state';
import { useLiveJoin } from '../../lib/use-live-join';
import { stopStream } from '../../lib/media/devices';
import { useTableMedia } from '../../lib/media/use-table-media';
import { DeviceCheck } from './device-check';
import { LiveTimerBar } from './live-timer';
import { TableCards } from './table-cards';
import { VideoStage } from './video-stage';

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
  const { t } = useI18n();
  const live = useLiveJoin(editionId, token);
  const [stage, setStage] = useState<'check' | 'table'>('check');
  // Once joined, going back to the device check (to change devices) keeps the video room.
  const [joined, setJoined] = useState(false);
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const media = useTableMedia(live.snapshot?.media ?? null, localStream, joined);

  useEffect(() => {
    for (const track of localStream?.getAudioTracks() ?? []) track.enabled = micOn;
  }, [localStream, micOn]);

  // Mute state as the table sees it. A mute by the moderator (or host) turns the microphone off here
  // too; it stays off until you unmute yourself, which also lifts the mute in the video server.
  const { send } = live;
  const mutedBy = live.snapshot ? muteOf(live.snapshot, live.snapshot.you.personId) : null;
  const round = live.snapshot?.seat?.round ?? 0;
  const forced = mutedBy === 'moderator' || mutedBy === 'host';
  useEffect(() => {
    if (forced) setMicOn(false);
  }, [forced]);
  // Your own mute is announced to the table, and again at each new round (mutes are per round).
  useEffect(() => {
    if (!micOn && mutedBy === null && round > 0) void send({ type: 'set_muted', muted: true });
  }, [micOn, mutedBy, round, send]);

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
  const self = seat?.cards.find((c) => c.personId === snapshot.you.personId);

  return (
    <div className="join-layout">
      <header className="join-header">
        <h1 className="join-title">{snapshot.title}</h1>
        <LiveTimerBar timer={timer} serverNow={live.serverNow} />
        {live.status !== 'open' && (
          <p className="alert connection-banner" role="status">
            {live.status === 'connecting' ? t.joinConnecting : t.joinReconnecting}
          </p>
        )}
      </header>

      {snapshot.broadcasts.length > 0 && (
        <section className="card broadcasts" aria-labelledby="broadcasts-title">
          <h2 id="broadcasts-title" className="card-title">
            {t.broadcastsTitle}
          </h2>
          <ol className="broadcast-list" aria-live="polite">
            {snapshot.broadcasts
              .slice(-3)
              .reverse()
              .map((b) => (
                <li key={b.id}>
                  {b.table !== null && <span className="badge">{t.broadcastToTable}</span>} {b.text}
                </li>
              ))}
          </ol>
        </section>
      )}

      <div className="join-main">
        <div className="join-video">
          {stage === 'check' ? (
            <DeviceCheck
              onJoin={(stream) => {
                if (localStream && localStream !== stream) stopStream(localStream);
                setLocalStream(stream);
                setCameraOn(true);
                setJoined(true);
                setStage('table');
              }}
            />
          ) : (
            <>
              <VideoStage
                assignment={snapshot.media}
                media={media}
                seat={seat}
                self={{ name: snapshot.you.name, company: self?.company ?? null }}
                localStream={localStream}
                micOn={micOn}
                cameraOn={cameraOn}
                onToggleMic={() => {
                  if (!micOn && mutedBy !== null) void send({ type: 'set_muted', muted: false });
                  setMicOn(!micOn);
                }}
                mutes={snapshot.mutes}
                mutedBy={mutedBy}
                onMute={snapshot.you.role === 'participant' ? undefined : (personId) => void send({ type: 'mute_participant', personId })}
                onToggleCamera={() => {
                  setCameraOn((on) => {
                    media.setVideoSending(!on);
                    return !on;
                  });
                }}
              />
              <button type="button" className="button button-secondary change-devices" onClick={() => setStage('check')}>
                {t.changeDevices}
              </button>
            </>
          )}
        </div>
        <aside className="join-side">
          {seat ? <TableCards seat={seat} youId={snapshot.you.personId} /> : <p className="card muted">{t.noSeat}</p>}
          {snapshot.next && <p className="muted small next-table">{t.nextTable(snapshot.next.round, snapshot.next.table)}</p>}
        </aside>
      </div>
    </div>
  );
}
