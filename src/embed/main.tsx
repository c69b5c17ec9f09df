import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { loadUiMessages } from '../i18n';
import { readDeploymentConfig } from './config';
import { canHydrate, placeOf, releaseLockedButtons, restoreTypedValues, typedValues } from './hydration';
import { cannotStart, colourCode, configurationCode, EmbedPage, hasColours } from './page';
import { embedSearch } from './params';

/**
 * Sends the window that holds the widget (the host's, when framed) to the success address; with `'self'`, this
 * page's own window (`innerRedirect`, a webview's deep link).
 */
function navigate(href: string, target?: 'self') {
  try {
    // Only the `href` setter of a cross-origin Location is allowed; `assign()` would throw.
    (target === 'self' ? window : (window.top ?? window)).location.href = href;
  } catch {
    // The browser refused (no recent user gesture): REDIRECT reached the host, which can navigate itself.
  }
}

async function start(container: HTMLElement) {
  // Flinks Connect's `/v2/Credential/{institution}/` names the bank in the path: the page reads it as `institution`.
  const search = embedSearch(window.location.pathname, window.location.search);
  // The partner's colours are drawn from the first render (and the server drew them): their code comes first. Should
  // it fail to load, the page still shows, in the theme's colours.
  if (hasColours(search)) await colourCode.load().catch(() => undefined);
  const page = {
    config: readDeploymentConfig(document),
    search,
    parent: window.parent === window ? null : window.parent,
    framing: {
      ancestorOrigin: window.location.ancestorOrigins?.[0] ?? null,
      referrer: document.referrer || null,
    },
  };
  // A page that cannot start shows the configuration screen, whose code comes first too (the server drew it).
  if (cannotStart(page)) await configurationCode.load().catch(() => undefined);
  const tree = (
    <StrictMode>
      <EmbedPage {...page} view={window} navigate={navigate} />
    </StrictMode>
  );
  if (canHydrate(container, placeOf(window))) {
    // The server drew the first screen for this address and place. Its text must be in memory before taking it over,
    // so that nothing suspends (and nothing is redrawn) while the script adopts the server's elements.
    await loadUiMessages(document.documentElement.lang === 'fr' ? 'fr' : 'en');
    const typed = typedValues(container);
    hydrateRoot(container, tree);
    restoreTypedValues(container, typed);
    // The widget lifts the server's lock on its buttons once the screen it drew is hydrated (ReleasePageLock): a tap
    // before then would be lost. The configuration screen has no widget: its lock goes now.
    if (cannotStart(page)) releaseLockedButtons(document);
  } else {
    container.replaceChildren();
    createRoot(container).render(tree);
    releaseLockedButtons(document);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
