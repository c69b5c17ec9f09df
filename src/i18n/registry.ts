import { loadOnce, type Once } from '../loadOnce';
import type { LaterMessages, Messages, UiMessages } from './catalog';
import { ui as englishUi } from './en/ui';
import type { Language } from './types';

/*
 * The catalogs, each part of each language loaded once. The `ui` part (first screens, the widget's frame) of English
 * ships with the widget; the rest, the later screens' text, is a chunk per language, fetched when the person starts
 * to sign in. French is all chunks, fetched the first time the widget shows French, so English readers never
 * download it.
 */
const english: UiMessages = { ui: englishUi };

const laterLoaders: Record<Language, () => Promise<LaterMessages>> = {
  en: () => import('./en/later-text').then((module) => module.later),
  fr: () => import('./fr/later-text').then((module) => module.later),
};

/** Should a language's first part fail to download, the widget goes on in English rather than not at all. */
const firstParts: Record<Language, Once<UiMessages>> = {
  en: loadOnce(() => Promise.resolve(english)),
  fr: loadOnce(() =>
    import('./fr/ui').then(
      (module) => ({ ui: module.ui }),
      () => english,
    ),
  ),
};
firstParts.en.set(english);

/**
 * Every string of a language. French text that does not download is replaced by English; English text that does
 * not download fails (the screen says it did not load, and offers to try again) until `forgetFailedMessages()`.
 */
const complete: Record<Language, Once<Messages>> = {
  en: completeLoader('en'),
  fr: completeLoader('fr'),
};

function completeLoader(language: Language): Once<Messages> {
  return loadOnce(async () => {
    const [first, later] = await Promise.all([
      firstParts[language].load(),
      laterLoaders[language]().catch((reason: unknown) =>
        language === 'en' ? Promise.reject(reason) : complete.en.load(),
      ),
    ]);
    return { ...later, ui: first.ui };
  });
}

/** The first screens' strings of a language, if they are in memory. */
export function loadedUiMessages(language: Language): UiMessages | undefined {
  return firstParts[language].current();
}

/** Every string of a language, if they are all in memory. */
export function loadedMessages(language: Language): Messages | undefined {
  return complete[language].current();
}

/** The first screens' strings, for `I18nProvider`: in memory, or suspends until they are. */
export function readUiMessages(language: Language): UiMessages {
  return firstParts[language].read();
}

/** Every string of a language, for `useMessages()`: in memory, or suspends until they are. */
export function readMessages(language: Language): Messages {
  return complete[language].read();
}

/** Loads the first screens' strings of a language once; every caller gets the same promise. Never rejects. */
export function loadUiMessages(language: Language): Promise<UiMessages> {
  return firstParts[language].load();
}

/** Loads every string of a language once; every caller gets the same promise. */
export function loadMessages(language: Language): Promise<Messages> {
  return complete[language].load();
}

/** "Try again" after a failed download: the next screen that needs the text fetches it anew. */
export function forgetFailedMessages(): void {
  complete.en.retry();
  complete.fr.retry();
}

/** Puts a whole catalog in memory, for code that imports it directly (tests, stories, the demo). */
export function addMessages(language: Language, messages: Messages): void {
  firstParts[language].set({ ui: messages.ui });
  complete[language].set(messages);
}
