import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@tablehop/protocol';
import { dictionaries, languageStorageKey, pickLanguage, type Messages } from './i18n';

interface I18nValue {
  language: Language;
  t: Messages;
  /** The person's explicit choice (the NL/EN switch); remembered in localStorage. */
  chooseLanguage(language: Language): void;
  /** A page's default (e.g. the edition's language), used until the person chooses. */
  setPageLanguage(language: Language | null): void;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStored(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<string | null>(readStored);
  const [pageLanguage, setPageLanguage] = useState<Language | null>(null);
  const language = pickLanguage(stored, pageLanguage, navigator.languages ?? [navigator.language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const chooseLanguage = useCallback((next: Language) => {
    setStored(next);
    try {
      window.localStorage.setItem(languageStorageKey, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }, []);

  const value = useMemo<I18nValue>(() => ({ language, t: dictionaries[language], chooseLanguage, setPageLanguage }), [language, chooseLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Makes `language` the default of the current page (until the person picks one themselves). */
export function usePageLanguage(language: Language | null | undefined): void {
  const { setPageLanguage } = useI18n();
  useEffect(() => {
    if (!language) return;
    setPageLanguage(language);
    return () => setPageLanguage(null);
  }, [language, setPageLanguage]);
}
