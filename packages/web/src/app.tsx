import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Language } from '@tablehop/protocol';
import { Link } from './components/link';
import { InvitePage } from './features/auth/invite-page';
import { LoginPage } from './features/auth/login-page';
import { MagicLoginPage } from './features/auth/magic-login-page';
import { EditionListPage } from './features/editions/edition-list-page';
import { EditionPage } from './features/editions/edition-page';
import { ManagePage } from './features/manage/manage-page';
import { NotFoundPage } from './features/not-found/not-found-page';
import { LoadingState } from './components/feedback';
import { languages } from './lib/i18n';
import { I18nProvider, useI18n } from './lib/i18n-context';
import { matchPath, useLocation, type Location } from './lib/router';
import { SessionProvider, useSession } from './lib/session-context';

const StaffRoutes = lazy(() => import('./features/organizer/organizer-routes'));
const JoinPage = lazy(() => import('./features/join/join-page'));
const FollowupRoutes = lazy(() => import('./features/followup/followup-routes'));
// Organizers get the control room, moderators their live view (the role switch is in staff-live-page).
const StaffLivePage = lazy(() => import('./features/live/staff-live-page'));

/** The page for a location; the first route that matches wins. */
function renderRoute({ pathname, search }: Location): ReactNode {
  if (matchPath('/', pathname)) return <EditionListPage />;
  const edition = matchPath('/e/:editionId', pathname);
  if (edition?.editionId) return <EditionPage key={edition.editionId} editionId={edition.editionId} />;
  const manage = matchPath('/manage/:token', pathname);
  if (manage?.token) return <ManagePage key={manage.token} token={manage.token} action={new URLSearchParams(search).get('action')} />;
  // After the event: /manage/:token/met, /feedback, /privacy, /next (features/followup, its own chunk).
  if (matchPath('/manage/:token/:page', pathname))
    return (
      <Suspense fallback={<LoadingState />}>
        <FollowupRoutes pathname={pathname} />
      </Suspense>
    );
  const join = matchPath('/join/:token', pathname);
  if (join?.token)
    return (
      <Suspense fallback={<LoadingState />}>
        <JoinPage key={join.token} token={join.token} search={search} />
      </Suspense>
    );
  const staffLive = matchPath('/live/:editionId', pathname);
  if (staffLive?.editionId)
    return (
      <Suspense fallback={<LoadingState />}>
        <StaffLivePage key={staffLive.editionId} editionId={staffLive.editionId} />
      </Suspense>
    );
  if (matchPath('/login', pathname)) return <LoginPage search={search} />;
  if (matchPath('/login/magic', pathname)) return <MagicLoginPage search={search} />;
  if (matchPath('/invite', pathname)) return <InvitePage search={search} />;
  if (pathname === '/moderator' || pathname === '/organizer' || pathname.startsWith('/moderator/') || pathname.startsWith('/organizer/')) {
    return (
      <Suspense fallback={<LoadingState />}>
        <StaffRoutes pathname={pathname} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page so screen readers start reading there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const container =
    location.pathname.startsWith('/organizer') || location.pathname.startsWith('/join/') || location.pathname.startsWith('/live/')
      ? 'container container-wide'
      : 'container';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className={`${container} header-inner`}>
          <Link href="/" className="brand" aria-label={`${t.appName}: ${t.backToEditions}`}>
            <span className="brand-mark" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            <span className="brand-name">{t.appName}</span>
          </Link>
          <div className="header-tools">
            <SessionMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={`${container} main`}>
        {renderRoute(location)}
      </main>
      <footer className="site-footer">
        <div className={`${container} footer-inner`}>
          <span>{t.footer}</span>
          <FooterLogin />
        </div>
      </footer>
    </div>
  );
}

function LanguageSwitch() {
  const { t, language, chooseLanguage } = useI18n();
  const names: Record<Language, string> = { nl: 'Nederlands', en: 'English' };
  return (
    <div className="lang-switch" role="group" aria-label={t.languageSwitch}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          aria-label={`${code.toUpperCase()}, ${names[code]}`}
          onClick={() => chooseLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

/** Who is logged in, a way into their area and out again; nothing for the public. */
function SessionMenu() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (session.state !== 'signed_in') return null;
  const home = session.user.role === 'organizer' ? '/organizer' : '/moderator';
  return (
    <div className="session-menu">
      <Link href={home} className="session-user" title={t.signedInAs(session.user.name || session.user.email)}>
        <span className="session-avatar" aria-hidden="true">
          {(session.user.name || session.user.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="session-label">{session.user.role === 'organizer' ? t.navOrganizer : session.user.name || session.user.email}</span>
      </Link>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        {t.logout}
      </button>
    </div>
  );
}

/** A quiet way in for organizers and moderators, on every public page. */
function FooterLogin() {
  const { t } = useI18n();
  const { session } = useSession();
  if (session.state === 'signed_in') return null;
  return (
    <Link href="/login" className="footer-link">
      {t.navLogin}
    </Link>
  );
}
