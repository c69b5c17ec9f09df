import type { LaterMessages, Messages, UiMessages } from './catalog';
import { ui as englishUi } from './en/ui';
import type { Language } from './types';
import { tracked } from '../suspense';

/*
 * The catalogs in memory, in two parts per language. The `ui` part (first screens, the widget's frame) of English
 * ships with the widget; the rest, the later screens' text, is a chunk per language, fetched when the person starts
 * to sign in. French is all chunks, fetched the first time the widget shows French, so English readers never
 * download it.
 */
const english: UiMessages = { ui: englishUi };

const firstParts = new Map<Language, UiMessages>([['en', english]]);
const complete = new Map<Language, Messages>();
const firstPartLoads = new Map<Language, Promise<UiMessages>>();
const completeLoads = new Map<Language, Promise<Messages>>();
/** Loads that failed, kept (no loop of retries) until `forgetFailedMessages()`. */
const failed = new Set<Promise<Messages>>();

const uiLoaders: Record<Language, () => Promise<UiMessages>> = {
  en: () => Promise.resolve(english),
  fr: () => import('./fr/ui').then((module) => ({ ui: module.ui })),
};

const laterLoaders: Record<Language, () => Promise<LaterMessages>> = {
  en: () => import('./en/later-text').then((module) => module.later),
  fr: () => import('./fr/later-text').then((module) => module.later),
};

type Catalog<T> = { ready: T } | { loading: Promise<T> };

/** The first screens' strings of a language, if they are in memory. */
export function loadedUiMessages(language: Language): UiMessages | undefined {
  return firstParts.get(language);
}

/** Every string of a language, if they are all in memory. */
export function loadedMessages(language: Language): Messages | undefined {
  return complete.get(language);
}

/**
 * The first screens' strings, for `I18nProvider`: in memory from the start, or the promise of their loading. Once a
 * part has had to load, it is always answered by that same promise, so a render that suspended on it finds it again.
 */
export function uiCatalogOf(language: Language): Catalog<UiMessages> {
  const ready = firstPartLoads.has(language) ? undefined : firstParts.get(language);
  return ready ? { ready } : { loading: loadUiMessages(language) };
}

/** Every string of a language, for `useMessages()`. */
export function catalogOf(language: Language): Catalog<Messages> {
  const ready = completeLoads.has(language) ? undefined : complete.get(language);
  return ready ? { ready } : { loading: loadMessages(language) };
}

/**
 * Loads the first screens' strings of a language once; every caller gets the same promise. Should the chunk fail to
 * load (the network dropped), the widget goes on in English rather than not at all: this never rejects.
 */
export function loadUiMessages(language: Language): Promise<UiMessages> {
  const ready = firstParts.get(language);
  let pending = firstPartLoads.get(language);
  if (!pending && ready) return Promise.resolve(ready);
  if (!pending) {
    // Tracked from the start, so a render that reads it once it has settled does not suspend again.
    pending = tracked(
      uiLoaders[language]().then(
        (messages) => {
          firstParts.set(language, messages);
          return messages;
        },
        () => english,
      ),
    );
    firstPartLoads.set(language, pending);
  }
  return pending;
}

/**
 * Loads every string of a language once; every caller gets the same promise. French text that does not download is
 * replaced by English; English text that does not download rejects (the screen says it did not load, and offers to
 * try again), and stays failed until `forgetFailedMessages()`.
 */
export function loadMessages(language: Language): Promise<Messages> {
  const ready = complete.get(language);
  let pending = completeLoads.get(language);
  if (!pending && ready) return Promise.resolve(ready);
  if (!pending) {
    const loading: Promise<Messages> = tracked(
      Promise.all([
        loadUiMessages(language),
        laterLoaders[language]().catch((reason: unknown) =>
          language === 'en' ? Promise.reject(reason) : loadMessages('en'),
        ),
      ]).then(([first, later]) => {
        const messages: Messages = { ...later, ui: first.ui };
        complete.set(language, messages);
        return messages;
      }),
    );
    loading.catch(() => failed.add(loading));
    completeLoads.set(language, loading);
    pending = loading;
  }
  return pending;
}

/** "Try again" after a failed download: the next screen that needs the text fetches it anew. */
export function forgetFailedMessages(): void {
  for (const [language, loading] of completeLoads) {
    if (failed.has(loading)) {
      completeLoads.delete(language);
      failed.delete(loading);
    }
  }
}

/** Puts a whole catalog in memory, for code that imports it directly (tests, stories, the demo). */
export function addMessages(language: Language, messages: Messages): void {
  firstParts.set(language, { ui: messages.ui });
  complete.set(language, messages);
}
