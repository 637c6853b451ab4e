import { useEffect, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../components/feedback';
import { Link } from '../../components/link';
import { useI18n } from '../../lib/i18n-context';
import { navigate, useLocation } from '../../lib/router';
import { loginPathFor } from '../../lib/session';
import { useSession } from '../../lib/session-context';
import { ModeratorHome } from './moderator-home';
import { OfflineBanner } from './offline-banner';

/**
 * Everything under `/organizer`: only for organizers. Nobody logged in goes to the login page
 * (and comes back here after); a moderator sees their own (for now: waiting) page.
 */
export function OrganizerArea({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { pathname, search } = useLocation();

  useEffect(() => {
    if (session.state === 'anonymous') navigate(loginPathFor(pathname + search), { replace: true });
  }, [session.state, pathname, search]);

  if (session.state === 'loading' || session.state === 'anonymous') return <LoadingState />;
  if (session.state === 'error') return <ErrorState asPage error={session.error} onRetry={() => window.location.reload()} />;
  if (session.user.role !== 'organizer') return <ModeratorHome />;
  return (
    <div className="org">
      <OrganizerNav />
      <OfflineBanner />
      {children}
    </div>
  );
}

function OrganizerNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items = [
    { href: '/organizer', label: t.orgDashboard, active: pathname === '/organizer' || pathname.startsWith('/organizer/editions') },
    { href: '/organizer/moderators', label: t.orgModerators, active: pathname.startsWith('/organizer/moderators') },
    { href: '/organizer/sectors', label: t.orgSectors, active: pathname.startsWith('/organizer/sectors') },
  ];
  return (
    <nav className="org-nav" aria-label={t.orgNavLabel}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.active ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
