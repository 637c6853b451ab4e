import { useEffect, useRef, useState } from 'react';
import type { LiveMute, LiveMuteBy, LiveSeat, MediaAssignment } from '@tablehop/protocol';
import { useI18n } from '../../lib/i18n-context';
import type { RemoteFeed, TableMediaState } from '../../lib/media/table-media';

/** Who a feed is: the table's card (the feed's display is the person id), else the display itself. */
export interface TilePerson {
  name: string;
  company: string | null;
}

/**
 * The name on a remote tile. `display` is the publisher's person id (see protocol `media.ts`); it is
 * found in the table's cards. Who is not there (in the plenary: the host, the only one publishing)
 * gets `unknownName`, never the raw id.
 */
export function personOf(seat: LiveSeat | null, display: string, unknownName: string): TilePerson {
  const card = seat?.cards.find((c) => c.personId === display);
  if (card) return { name: card.name, company: card.company || null };
  if (seat?.moderator?.personId === display) return { name: seat.moderator.name, company: null };
  return { name: unknownName, company: null };
}

/** The loudest remote above a threshold: the active speaker. */
export function activeSpeakerOf(remotes: readonly RemoteFeed[], threshold = 0.08): number | null {
  let best: RemoteFeed | null = null;
  for (const r of remotes) if (r.audioLevel >= threshold && (!best || r.audioLevel > best.audioLevel)) best = r;
  return best?.feedId ?? null;
}

/**
 * The video of the table: your own tile with the mute and camera toggles, one tile per other
 * person (name and company, a highlight while they speak, a clear state without camera), or a
 * sentence saying why there is no video.
 */
export function VideoStage({
  assignment,
  media,
  seat,
  self,
  localStream,
  micOn,
  cameraOn,
  onToggleMic,
  onToggleCamera,
  mutes,
  mutedBy,
  onMute,
}: {
  assignment: MediaAssignment | null;
  media: TableMediaState;
  seat: LiveSeat | null;
  self: TilePerson;
  localStream: MediaStream | null;
  micOn: boolean;
  cameraOn: boolean;
  onToggleMic(): void;
  onToggleCamera(): void;
  /** Who is muted now (the table's people); their tiles show a muted microphone. */
  mutes: readonly LiveMute[];
  /** Who muted your own microphone, or null. A mute by the moderator or host shows a notice. */
  mutedBy: LiveMuteBy | null;
  /** Moderators and hosts: mute a person (its `display`, the person id); only feeds with audio (mid "0" is the microphone). Absent for participants. */
  onMute?: (personId: string) => void;
}) {
  const { t } = useI18n();
  const speaker = activeSpeakerOf(media.remotes);
  const hasMic = (localStream?.getAudioTracks().length ?? 0) > 0;
  const hasCamera = (localStream?.getVideoTracks().length ?? 0) > 0;
  // Plenary listeners only watch: no own tile, no toggles.
  const publishing = assignment?.media?.room.publisher ?? true;

  let status: string | null = null;
  if (!assignment?.media) status = assignment ? t.videoUnavailable[assignment.reason] : t.videoUnavailable.preparing;
  else if (media.status === 'joining') status = t.videoJoining;
  else if (media.status === 'reconnecting') status = t.videoReconnecting;
  else if (media.status === 'kicked') status = t.videoKicked;
  else if (media.status === 'refused') status = t.videoRefused;
  else if (media.remotes.length === 0) status = t.videoAlone;

  return (
    <section className="video-stage" aria-labelledby="video-title">
      <h2 id="video-title" className="visually-hidden">
        {t.videoTitle}
      </h2>
      {status && (
        <p
          className="video-status"
          role="status"
          aria-live="polite"
          data-media-status={assignment?.media ? media.status : (assignment?.reason ?? 'none')}
        >
          {status}
        </p>
      )}
      <ul className="tiles" data-count={media.remotes.length + (publishing ? 1 : 0)}>
        {publishing && (
          <li className="tile tile-self">
            <StreamVideo stream={hasCamera && cameraOn ? localStream : null} muted mirrored label={self.name} />
            {!(hasCamera && cameraOn) && <NoCamera person={self} label={t.cameraOffState} />}
            {(!micOn || !hasMic) && <MutedMic label={t.micOffState} />}
            {(mutedBy === 'moderator' || mutedBy === 'host') && (
              <p className="tile-notice" role="status">
                {t.mutedBy[mutedBy]}
              </p>
            )}
            <TileName person={{ ...self, name: `${self.name} (${t.youLabel})` }} />
            <div className="tile-controls">
              <button type="button" className="tile-button" aria-pressed={!micOn} disabled={!hasMic} onClick={onToggleMic}>
                {micOn ? t.mute : t.unmute}
              </button>
              <button type="button" className="tile-button" aria-pressed={!cameraOn} disabled={!hasCamera} onClick={onToggleCamera}>
                {cameraOn ? t.cameraOffAction : t.cameraOnAction}
              </button>
            </div>
          </li>
        )}
        {media.remotes.map((remote) => (
          <RemoteTile
            key={remote.feedId}
            remote={remote}
            person={personOf(seat, remote.display, assignment?.media?.room.kind === 'plenary' ? t.hostTile : t.guestTile)}
            speaking={remote.feedId === speaker}
            muted={mutes.some((m) => m.personId === remote.display)}
            onMute={onMute && (() => onMute(remote.display))}
          />
        ))}
      </ul>
    </section>
  );
}

function RemoteTile({
  remote,
  person,
  speaking,
  muted,
  onMute,
}: {
  remote: RemoteFeed;
  person: TilePerson;
  speaking: boolean;
  muted: boolean;
  onMute: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const showing = useFramesArriving(video, remote.hasVideo);
  return (
    <li className={`tile${speaking ? ' tile-speaking' : ''}`} data-feed={remote.feedId}>
      <StreamVideo ref={video} stream={remote.stream} label={person.name} display={remote.display} remote />
      {!showing && <NoCamera person={person} label={t.cameraOffState} />}
      {muted && <MutedMic label={`${person.name}: ${t.micOffState}`} />}
      {onMute && !muted && remote.hasAudio && (
        <div className="tile-controls">
          <button type="button" className="tile-button" aria-label={t.muteParticipant(person.name)} onClick={onMute}>
            {t.muteAction}
          </button>
        </div>
      )}
      <TileName person={person} speaking={speaking} />
    </li>
  );
}

function StreamVideo({
  stream,
  muted = false,
  mirrored = false,
  remote = false,
  label,
  display,
  ref,
}: {
  stream: MediaStream | null;
  muted?: boolean;
  mirrored?: boolean;
  remote?: boolean;
  label: string;
  display?: string;
  ref?: React.RefObject<HTMLVideoElement | null>;
}) {
  const own = useRef<HTMLVideoElement>(null);
  const element = ref ?? own;
  useEffect(() => {
    const v = element.current;
    if (v && v.srcObject !== stream) v.srcObject = stream;
  });
  return (
    <video
      ref={element}
      className={`tile-video${mirrored ? ' mirrored' : ''}`}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
      data-remote={remote ? '' : undefined}
      data-display={display}
    />
  );
}

/** A crossed-out microphone in the tile's corner. */
function MutedMic({ label }: { label: string }) {
  return (
    <span className="tile-muted" role="img" aria-label={label} title={label}>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
        <path d="M9 9v3a3 3 0 0 0 5.1 2.1M15 9.3V5a3 3 0 0 0-5.9-.7" />
        <path d="M19 10v2a7 7 0 0 1-.6 2.8M5 10v2a7 7 0 0 0 11.9 5M12 19v3M3 3l18 18" />
      </svg>
    </span>
  );
}

function NoCamera({ person, label }: { person: TilePerson; label: string }) {
  const initials = person.name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="tile-placeholder">
      <span className="tile-avatar" aria-hidden="true">
        {initials}
      </span>
      <span className="tile-placeholder-text">{label}</span>
    </div>
  );
}

function TileName({ person, speaking = false }: { person: TilePerson; speaking?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="tile-name">
      <strong>{person.name}</strong>
      {person.company && <span className="tile-company">{person.company}</span>}
      {speaking && <span className="visually-hidden">, {t.speaking}</span>}
    </div>
  );
}

/** Whether a remote video shows moving frames (false while the other's camera is off or no video arrives). */
function useFramesArriving(video: React.RefObject<HTMLVideoElement | null>, hasVideo: boolean): boolean {
  const [arriving, setArriving] = useState(false);
  useEffect(() => {
    if (!hasVideo) {
      setArriving(false);
      return;
    }
    let last = -1;
    let stalledSince = Date.now();
    const timer = setInterval(() => {
      const v = video.current;
      const frames = v?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
      const now = Date.now();
      if (v && v.videoWidth > 0 && frames !== last) {
        last = frames;
        stalledSince = now;
        setArriving(true);
      } else if (now - stalledSince > 2000) setArriving(false);
    }, 500);
    return () => clearInterval(timer);
  }, [video, hasVideo]);
  return arriving;
}
