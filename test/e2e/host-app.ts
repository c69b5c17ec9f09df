import { Hono } from 'hono';

/**
 * The partner's page of the end-to-end tests: another origin that loads `/connect.js` from the widget's server and
 * mounts `/embed.html` with it, under a strict CSP of its own (no inline script or style), as a careful partner would.
 * It records what the SDK hands it (`window.hostLog`) and every message the window receives (`window.hostMessages`).
 */
const HOST_SCRIPT = `
window.hostLog = [];
window.hostMessages = [];
window.addEventListener('message', function (event) {
  window.hostMessages.push({ origin: event.origin, data: event.data });
});
var embed = new URLSearchParams(location.search).get('embed') || '';
window.hostWidget = window.ConnectWidget.mount({
  container: document.getElementById('widget'),
  url: document.body.dataset.widget + '/embed.html' + embed,
  onEvent: function (name, metadata) { window.hostLog.push({ kind: 'event', name: name, metadata: metadata }); },
  onSuccess: function (success) { window.hostLog.push({ kind: 'success', success: success }); },
  onExit: function (error, metadata) { window.hostLog.push({ kind: 'exit', error: error, metadata: metadata }); },
});
`;

export function createHostApp(widgetOrigin: () => string): Hono {
  const app = new Hono();
  app.get('/host.html', (c) => {
    const widget = widgetOrigin();
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'self' ${widget}; frame-src ${widget}; style-src 'self'; base-uri 'none'`,
    );
    return c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner shop</title>
    <script src="${widget}/connect.js"></script>
    <script src="/host.js" defer></script>
  </head>
  <body data-widget="${widget}">
    <h1>Partner shop</h1>
    <div id="widget"></div>
  </body>
</html>`);
  });
  app.get('/host.js', (c) => c.body(HOST_SCRIPT, 200, { 'content-type': 'text/javascript' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
}
