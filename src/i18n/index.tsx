import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { readPromise } from '../suspense';
import type { Messages, UiMessages } from './catalog';
import type { Language } from './types';
import { ui as englishUi } from './en/ui';
import { catalogOf, uiCatalogOf } from './registry';

export type { LaterMessages, Messages, UiMessages } from './catalog';
export type { Language, Translation } from './types';
export { LANGUAGES } from './types';
export { format } from './format';
export { messagesFor } from './all';
export {
  forgetFailedMessages,
  loadedMessages,
  loadedUiMessages,
  loadMessages,
  loadUiMessages,
} from './registry';

interface I18nValue {
  language: Language;
  messages: UiMessages;
}

const I18nContext = createContext<I18nValue>({ language: 'en', messages: { ui: englishUi } });

/**
 * Gives its children the strings of `language`. The first screens' strings not yet in memory (French, the first
 * time) suspend until their chunk arrives: put a `<Suspense>` above.
 */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const catalog = uiCatalogOf(language);
  const messages = 'ready' in catalog ? catalog.ready : readPromise(catalog.loading);
  const value = useMemo(() => ({ language, messages }), [language, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The strings of the first screens and the widget's frame: `const m = useUiMessages(); m.ui.credentials.title`. */
export function useUiMessages(): UiMessages {
  return useContext(I18nContext).messages;
}

/**
 * Every string of the current language, for the later screens. Their text is a chunk of its own: the first call
 * suspends until it is in (a `<Suspense>` above shows meanwhile), and a download that failed throws, for an error
 * boundary that offers to try again.
 */
export function useMessages(): Messages {
  const catalog = catalogOf(useContext(I18nContext).language);
  return 'ready' in catalog ? catalog.ready : readPromise(catalog.loading);
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}
