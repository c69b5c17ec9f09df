import { createContext, use, useContext, useMemo, type ReactNode } from 'react';
import type { Messages } from './catalog';
import type { Language } from './types';
import { en } from './en';
import { catalogOf } from './registry';

export type { Messages } from './catalog';
export type { Language, Translation } from './types';
export { LANGUAGES } from './types';
export { format } from './format';
export { messagesFor } from './all';
export { loadedMessages, loadMessages } from './registry';

interface I18nValue {
  language: Language;
  messages: Messages;
}

const I18nContext = createContext<I18nValue>({ language: 'en', messages: en });

/**
 * Gives its children the strings of `language`. A catalog not yet in memory (French, the first time) suspends
 * until its chunk arrives: put a `<Suspense>` above.
 */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const catalog = catalogOf(language);
  const messages = 'ready' in catalog ? catalog.ready : use(catalog.loading);
  const value = useMemo(() => ({ language, messages }), [language, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's strings: `const m = useMessages(); m.ui.credentials.title`. */
export function useMessages(): Messages {
  return useContext(I18nContext).messages;
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}
