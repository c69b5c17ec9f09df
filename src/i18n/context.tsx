import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Messages, UiMessages } from './catalog';
import type { Language } from './types';
import { ui as englishUi } from './en/ui';
import { readMessages, readUiMessages } from './registry';
import { fillTokens, TextTokens, useTokens } from './tokens';

/*
 * The language and strings the widget's components read, and the provider that sets them. Apart from the i18n entry
 * (index.tsx), which only re-exports, so the guidance texts read them without importing the entry back.
 */

interface I18nValue {
  language: Language;
  messages: UiMessages;
}

const I18nContext = createContext<I18nValue>({ language: 'en', messages: { ui: englishUi } });

/**
 * Gives its children the strings of `language`. The first screens' strings not yet in memory (French, the first
 * time) suspend until their chunk arrives: put a `<Suspense>` above.
 */
export function I18nProvider({
  language,
  bank,
  children,
}: {
  language: Language;
  /** The bank's display name, for `{bank}` in every text below (see `TextTokens`). */
  bank?: string | null;
  children: ReactNode;
}) {
  const messages = readUiMessages(language);
  const value = useMemo(() => ({ language, messages }), [language, messages]);
  return (
    <I18nContext.Provider value={value}>
      {bank === undefined ? children : <TextTokens bank={bank}>{children}</TextTokens>}
    </I18nContext.Provider>
  );
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
  return readMessages(useContext(I18nContext).language);
}

export function useLanguage(): Language {
  return useContext(I18nContext).language;
}

/** Fills a text's placeholders, `{bank}` included: `const text = useText(); text(m.ui.credentials.title)`. */
export function useText(): (template: string, values?: Record<string, string | number>) => string {
  const { bank } = useTokens();
  const standIn = useUiMessages().ui.widget.yourBank;
  return useCallback((template, values) => fillTokens(template, bank, standIn, values), [bank, standIn]);
}
