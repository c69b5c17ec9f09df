import type { Decorator } from '@storybook/react-vite';
import { LANGUAGES, messagesFor, type Language, type Messages } from '../src/i18n';
import { findInstitution, type Institution } from '../src/institutions';
import { StepFocusContext } from '../src/ui';
import '../src/styles/widget.css';

type Globals = Record<string, unknown>;

/** The sandbox's bank: the MFA stories connect to it. */
export const BANK = 'Flinks Capital';

/** A bank with a website, so that the guidance screens show their links to it ("Go to Desjardins’s website"). */
export const BANK_WITH_WEBSITE: Institution = findInstitution('Desjardins') ?? {
  id: 'Desjardins',
  name: { en: 'Desjardins', fr: 'Desjardins' },
  website: 'https://www.desjardins.com',
};

/** A RequestId as Flinks issues them; the guidance screens show its first 8 characters. */
export const REQUEST_ID = '8c2f41d0-5b7e-4f0a-9d3c-2a6e1f4b7c90';

/** The toolbar's language, as the decorator in .storybook/preview.tsx reads it. */
export function languageOf(globals: Globals): Language {
  const value: unknown = globals.language;
  return LANGUAGES.find((language) => language === value) ?? 'en';
}

export function themeOf(globals: Globals): 'light' | 'dark' {
  return globals.theme === 'dark' ? 'dark' : 'light';
}

/**
 * The catalog of the story's language, so that play functions assert what the person reads in either language
 * instead of English copies of it.
 */
export function messagesOf(globals: Globals): Messages {
  return messagesFor(languageOf(globals));
}

/**
 * A single screen inside the widget's frame and theme, as `<ConnectWidget>` shows it. The screen is shown as if
 * the person just arrived from the step before, so its heading takes focus.
 */
export const inWidgetFrame: Decorator = (Story, { globals }) => (
  <div className="cw-widget" data-theme={themeOf(globals)} lang={languageOf(globals)}>
    <div className="cw-card" role="region" aria-label={messagesOf(globals).ui.widget.label}>
      <StepFocusContext.Provider value={true}>
        <Story />
      </StepFocusContext.Provider>
    </div>
  </div>
);

/**
 * Text as Testing Library compares it: its matchers collapse the element's whitespace (the no-break spaces French
 * puts before `:` and `?` included) but not the expected string's.
 */
export function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
