import type { Messages } from './catalog';
import { en } from './en';
import type { Language } from './types';

/**
 * The catalogs in memory. English ships with the widget; French is its own chunk, loaded the first time the widget
 * shows French, so English readers never download it.
 */
const loaded = new Map<Language, Messages>([['en', en]]);
const loading = new Map<Language, Promise<Messages>>();

const loaders: Record<Language, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr').then((module) => module.fr),
};

/** The catalog of a language if it is already in memory. */
export function loadedMessages(language: Language): Messages | undefined {
  return loaded.get(language);
}

/**
 * A language's catalog for a render: in memory from the start, or the promise of its loading. Once a language has
 * had to load, it is always answered by that same promise, so a render that suspended on it finds it again.
 */
export function catalogOf(language: Language): { ready: Messages } | { loading: Promise<Messages> } {
  const ready = loading.has(language) ? undefined : loaded.get(language);
  return ready ? { ready } : { loading: loadMessages(language) };
}

/** Puts a catalog in memory, for code that imports it directly. */
export function addMessages(language: Language, messages: Messages): void {
  loaded.set(language, messages);
}

/**
 * Loads a language's catalog once; every caller gets the same promise. Should the chunk fail to load (the network
 * dropped), the widget goes on in English rather than not at all.
 */
export function loadMessages(language: Language): Promise<Messages> {
  let pending = loading.get(language);
  const ready = loaded.get(language);
  if (!pending && ready) return Promise.resolve(ready);
  if (!pending) {
    pending = loaders[language]().then(
      (messages) => {
        loaded.set(language, messages);
        return messages;
      },
      () => en,
    );
    loading.set(language, pending);
  }
  return pending;
}
