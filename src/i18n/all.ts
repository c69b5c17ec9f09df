import type { Messages } from './catalog';
import { en } from './en';
import { fr } from './fr';
import { addMessages } from './registry';
import type { Language } from './types';

/*
 * Every catalog at once, for code that needs any language synchronously: tests, stories, the demo. Importing this
 * module also puts every string in memory for the widget. The widget never imports it, and the package declares its
 * modules free of side effects, so production bundles leave it out and load the text on demand (bench/ checks).
 */
const catalogs: Record<Language, Messages> = { en, fr };
addMessages('en', en);
addMessages('fr', fr);

/** The catalog of a language. */
export function messagesFor(language: Language): Messages {
  return catalogs[language];
}
