import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, i18n, isLanguage, type Language } from '../i18n/i18n';

const LANGUAGE_KEY = 'dashboard.language';
const LARGE_DISPLAY_KEY = 'dashboard.largeDisplay';
export const LARGE_DISPLAY_CLASS = 'large-display';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked (privacy settings): fall back to defaults
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not persisted; the choice still applies to this tab
  }
}

export function readStoredLanguage(): Language {
  const stored = readStorage(LANGUAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export function readStoredLargeDisplay(): boolean {
  return readStorage(LARGE_DISPLAY_KEY) === '1';
}

interface Preferences {
  language: Language;
  setLanguage: (language: Language) => void;
  largeDisplay: boolean;
  setLargeDisplay: (on: boolean) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => (isLanguage(i18n.language) ? i18n.language : readStoredLanguage()));
  const [largeDisplay, setLargeDisplayState] = useState<boolean>(readStoredLargeDisplay);

  useLayoutEffect(() => {
    document.documentElement.lang = language;
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);

  useLayoutEffect(() => {
    document.documentElement.classList.toggle(LARGE_DISPLAY_CLASS, largeDisplay);
  }, [largeDisplay]);

  const setLanguage = useCallback((next: Language) => {
    writeStorage(LANGUAGE_KEY, next);
    void i18n.changeLanguage(next); // resources are bundled: this switches synchronously
    setLanguageState(next);
  }, []);

  const setLargeDisplay = useCallback((on: boolean) => {
    writeStorage(LARGE_DISPLAY_KEY, on ? '1' : '0');
    setLargeDisplayState(on);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, largeDisplay, setLargeDisplay }), [language, setLanguage, largeDisplay, setLargeDisplay]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
