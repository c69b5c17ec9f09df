import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readDeploymentConfig } from './config';
import { EmbedPage } from './page';

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

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <EmbedPage
        config={readDeploymentConfig(document)}
        search={window.location.search}
        parent={window.parent === window ? null : window.parent}
        framing={{
          ancestorOrigin: window.location.ancestorOrigins?.[0] ?? null,
          referrer: document.referrer || null,
        }}
        view={window}
        navigate={navigate}
      />
    </StrictMode>,
  );
}
