import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { useControlRoomMessages } from '../control-room/control-room.i18n';
import { loginPathFor } from '../../lib/session';
import { useSession } from '../../lib/session-context';

type LiveView = ComponentType<{ editionId: string }>;

const ControlRoom = lazy(() => import('../control-room/control-room'));
/** The live view the join page shows, for staff: the fallback for moderators until their own view exists. */
const SharedLiveView = lazy(() => import('../join/join-page').then((m) => ({ default: m.StaffLivePage as LiveView })));

/**
 * The moderators' own live view (`features/moderator/moderator-live-view.tsx`, export
 * `ModeratorLiveView({ editionId })`), loaded lazily. A glob rather than a plain import so that this
 * page builds before that file exists: without it moderators keep the shared live view.
 */
const moderatorModules = import.meta.glob<{ ModeratorLiveView?: LiveView; default?: LiveView }>('../moderator/moderator-live-view.tsx');
const loadModeratorView = moderatorModules['../moderator/moderator-live-view.tsx'];
const ModeratorView: LiveView | null = loadModeratorView
  ? lazy(() => loadModeratorView().then((m) => ({ default: m.ModeratorLiveView ?? m.default ?? (SharedLiveView as LiveView) })))
  : null;

/** Which live view a signed-in role gets on `/live/:editionId`. */
export function liveViewFor(role: 'organizer' | 'moderator'): 'control_room' | 'moderator' | 'shared' {
  if (role === 'organizer') return 'control_room';
  return ModeratorView ? 'moderator' : 'shared';
}

/**
 * `/live/:editionId` for staff: organizers get the control room (they are the hosts), moderators
 * their live view. The server checks the session and the assignment again when the live connection
 * opens, so this only picks the view.
 */
export default function StaffLivePage({ editionId }: { editionId: string }) {
  const { m } = useControlRoomMessages();
  const { session } = useSession();
  if (session.state === 'loading') return <LoadingState />;
  if (session.state === 'error')
    return (
      <div className="card notice notice-error" role="alert">
        <h1 className="notice-title">{m.refusedTitle}</h1>
        <p>{m.sessionError}</p>
      </div>
    );
  if (session.state === 'anonymous')
    return (
      <div className="card notice page-notice">
        <h1 className="notice-title">{m.notLoggedInTitle}</h1>
        <p>{m.notLoggedIn}</p>
        <Link href={loginPathFor(`/live/${encodeURIComponent(editionId)}`)} className="button">
          {m.logIn}
        </Link>
      </div>
    );
  const view = liveViewFor(session.user.role);
  const View: LiveView = view === 'control_room' ? ControlRoom : view === 'moderator' && ModeratorView ? ModeratorView : SharedLiveView;
  return (
    <Suspense fallback={<LoadingState />}>
      <View key={editionId} editionId={editionId} />
    </Suspense>
  );
}
