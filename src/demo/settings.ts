import type { Language } from '../i18n/types';

/** The sandbox API served beside the demo (`npm start`, `npm run dev`). */
export const DEMO_API_BASE_URL = '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

/** The widget page the iframe shows: same origin as the demo. */
const EMBED_PAGE_PATH = '/embed.html';

/** The fictional lender, named by the widget on its consent and account screens. */
export const CUSTOMER_NAME = 'Maple Lending';

/** The lender asks for the account pay goes into: an everyday account, never a card or an investment. */
export const PRODUCT_TYPE = 'banking';

export type Theme = 'light' | 'dark';

/** What the demo's switches choose; both embeds get the same. */
export interface DemoSettings {
  language: Language;
  theme: Theme;
  consentEnable: boolean;
  accountSelectorEnable: boolean;
}

/**
 * `/embed.html` with the settings as its parameters (CONTRACT §3) and the connect session, when there is one;
 * `<ConnectFrame>` adds `parentOrigin`.
 */
export function embedUrl(settings: DemoSettings, sessionToken?: string): string {
  const params = new URLSearchParams({
    demo: 'true',
    language: settings.language,
    theme: settings.theme,
    customerName: CUSTOMER_NAME,
    productType: PRODUCT_TYPE,
    // Said either way: the page shows consent unless told not to (Flinks Connect's default).
    consentEnable: String(settings.consentEnable),
  });
  if (settings.accountSelectorEnable) params.set('accountSelectorEnable', 'true');
  if (sessionToken) params.set('sessionToken', sessionToken);
  return `${EMBED_PAGE_PATH}?${params.toString()}`;
}

/** How the snippets show the session: your backend creates it, your page passes it on. */
const SESSION_IN_URL = '&sessionToken=${sessionToken}';

function attribute(name: string, value: string | boolean): string | null {
  if (value === false) return null;
  return value === true ? `  ${name}` : `  ${name}="${value}"`;
}

/** The `<ConnectWidget>` a partner would write for these settings. Code, so never translated. */
export function componentSnippet(settings: DemoSettings): string {
  const props = [
    attribute('apiBaseUrl', DEMO_API_BASE_URL),
    attribute('language', settings.language),
    attribute('theme', settings.theme),
    attribute('demo', true),
    attribute('customerName', CUSTOMER_NAME),
    attribute('productType', PRODUCT_TYPE),
    attribute('consentEnable', settings.consentEnable),
    attribute('accountSelectorEnable', settings.accountSelectorEnable),
    '  getSessionToken={() => yourBackend.createConnectSession()}',
    '  onEvent={(name, metadata) => track(name, metadata)}',
    '  onSuccess={({ loginId }) => saveLogin(loginId)}',
  ].filter((line) => line !== null);
  return [
    "import { ConnectWidget } from '@connect-widget/react';",
    "import '@connect-widget/react/style.css';",
    '',
    '<ConnectWidget',
    ...props,
    '/>',
  ].join('\n');
}

/** The `<ConnectFrame>` a React partner would write for these settings. */
export function frameSnippet(settings: DemoSettings): string {
  return [
    "import { ConnectFrame } from '@connect-widget/react';",
    '',
    '<ConnectFrame',
    `  url={\`${embedUrl(settings)}${SESSION_IN_URL}\`}`,
    '  onEvent={(name, metadata) => track(name, metadata)}',
    '  onSuccess={({ loginId }) => saveLogin(loginId)}',
    '/>',
  ].join('\n');
}

/** The same iframe from the host script, for pages without React. */
export function scriptSnippet(settings: DemoSettings): string {
  return [
    '<div id="connect"></div>',
    '<script src="/connect.js"></script>',
    '<script>',
    '  ConnectWidget.mount({',
    "    container: document.getElementById('connect'),",
    `    url: \`${embedUrl(settings)}${SESSION_IN_URL}\`,`,
    '    onSuccess: ({ loginId }) => saveLogin(loginId),',
    '  });',
    '</script>',
  ].join('\n');
}
