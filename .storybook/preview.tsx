import type { Decorator, Preview } from '@storybook/react-vite';
import { isCommonAssetRequest } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { I18nProvider, LANGUAGES, TextTokens, type Language } from '../src/i18n';
import { loadLaterSteps } from '../src/widget/laterSteps';
import { A11Y_RULES } from './a11y';
import './preview.css';

type Theme = 'light' | 'dark';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The MSW worker script, next to the page that runs the stories. A static build may be served from any folder of
 * any file server, so the address is relative to `iframe.html`; under Vitest the page lives elsewhere and the
 * project's public folder is at the root.
 */
function workerUrl(): string {
  const { pathname } = window.location;
  return pathname.endsWith('/iframe.html')
    ? new URL('mockServiceWorker.js', window.location.href).pathname
    : '/mockServiceWorker.js';
}

/** Starts the worker quietly; a story's own API calls it doesn't handle are reported, the rest is Storybook's. */
async function startWorker() {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: workerUrl() },
    onUnhandledRequest(request, print) {
      if (isCommonAssetRequest(request) || !new URL(request.url).pathname.includes('/BankingServices/'))
        return;
      print.warning();
    },
  });
  return worker;
}

/** Every story in the toolbar's language and theme, with the bank its `parameters.bank` names (or none yet). */
const withLanguageAndTheme: Decorator = (Story, context) => {
  const language = isLanguage(context.globals.language) ? context.globals.language : 'en';
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const bank = typeof context.parameters.bank === 'string' ? context.parameters.bank : null;
  return (
    <I18nProvider language={language}>
      <TextTokens bank={bank}>
        <div className="cw-story-root" data-theme={theme} lang={language}>
          <Story />
        </div>
      </TextTokens>
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
  // The later screens' chunk is in before a story renders, as it is in the widget by the time those screens show
  // (fetched while the person is on the sign-in form), so a story never opens on the loading fallback.
  loaders: [mswLoader(startWorker), loadLaterSteps],
  parameters: {
    // Accessibility violations fail the story's test, not just show in the panel.
    a11y: { test: 'error', config: { rules: A11Y_RULES } },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
