import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { I18nProvider, LANGUAGES, type Language } from '../src/i18n';
import './preview.css';

type Theme = 'light' | 'dark';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Every story in the toolbar's language and theme. */
const withLanguageAndTheme: Decorator = (Story, context) => {
  const language = isLanguage(context.globals.language) ? context.globals.language : 'en';
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  return (
    <I18nProvider language={language}>
      <div className="cw-story-root" data-theme={theme} lang={language}>
        <Story />
      </div>
    </I18nProvider>
  );
};

const preview: Preview = {
  globalTypes: {
    language: {
      description: 'Language of the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme of the widget',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { language: 'en', theme: 'light' },
  decorators: [withLanguageAndTheme],
  // Starts the MSW worker (public/mockServiceWorker.js); stories add handlers in `beforeEach({ msw })`.
  loaders: [mswLoader()],
  parameters: {
    // Accessibility violations fail the story's test, not just show in the panel.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
