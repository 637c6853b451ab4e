import { useEffect, useRef, type ReactNode } from 'react';
import type { Language } from '@tablehop/protocol';
import { Link } from './components/link';
import { EditionListPage } from './features/editions/edition-list-page';
import { EditionPage } from './features/editions/edition-page';
import { ManagePage } from './features/manage/manage-page';
import { NotFoundPage } from './features/not-found/not-found-page';
import { languages } from './lib/i18n';
import { I18nProvider, useI18n } from './lib/i18n-context';
import { matchPath, useLocation, type Location } from './lib/router';

/** The page for a location; the first route that matches wins. */
function renderRoute({ pathname, search }: Location): ReactNode {
  if (matchPath('/', pathname)) return <EditionListPage />;
  const edition = matchPath('/e/:editionId', pathname);
  if (edition?.editionId) return <EditionPage key={edition.editionId} editionId={edition.editionId} />;
  const manage = matchPath('/manage/:token', pathname);
  if (manage?.token) return <ManagePage key={manage.token} token={manage.token} action={new URLSearchParams(search).get('action')} />;
  return <NotFoundPage />;
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
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

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link href="/" className="brand" aria-label={`${t.appName}: ${t.backToEditions}`}>
            <span className="brand-mark" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            <span className="brand-name">{t.appName}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container main">
        {renderRoute(location)}
      </main>
      <footer className="site-footer">
        <div className="container">{t.footer}</div>
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
        <button key={code} type="button" lang={code} aria-pressed={language === code} aria-label={names[code]} onClick={() => chooseLanguage(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
