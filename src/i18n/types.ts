/**
 * The languages of the widget, in one list: a new one is a catalog folder (src/i18n/xx) and an entry here, and the
 * compiler then lists every place that needs its text.
 */
export const LANGUAGES = ['en', 'fr'] as const;

/** A language of the widget: one of LANGUAGES (`'en'`, `'fr'`). */
export type Language = (typeof LANGUAGES)[number];

/** Whether a value from outside (a request body, a stored session) names one of LANGUAGES. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The same tree of keys as `T`, with any string as the value: what another language must provide. */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};
