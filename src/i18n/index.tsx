import { createContext, useContext, type ReactNode } from 'react';
import type { Messages } from './catalog';
import type { Language } from './types';
import { en } from './en';
import { fr } from './fr';

export type { Messages } from './catalog';
export type { Language, Translation } from './types';
export { LANGUAGES } from './types';
export { format } from './format';

const catalogs: Record<Language, Messages> = { en, fr };

/** The catalog of a language. */
export function messagesFor(language: Language): Messages {
  return catalogs[language];
}

interface I18nValue {
  language: Language;
  messages: Messages;
}

const I18nContext = createContext<I18nValue>({ language: 'en', messages: en });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <I18nContext.Provider value={{ language, messages: catalogs[language] }}>{children}</I18nContext.Provider>;
}

/** The current language's strings: `const m = useMessages(); m.ui.credentials.title`. */
export function useMessages(): Messages {
  return useContext(I18nContext).messages;
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}
