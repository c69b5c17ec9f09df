import { Hono, type Context } from 'hono';

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

/**
 * A partner page written as a Flinks Connect integration is (their documented sample): an iframe whose address has
 * no parentOrigin, and a plain `message` listener that reads `e.data.step` and the loginId from REDIRECT's `url`.
 * It checks `e.origin`, as a careful integration does. What it heard: `window.flinksSteps`, `window.flinksLoginId`.
 */
const FLINKS_HOST_SCRIPT = `
window.flinksSteps = [];
window.flinksLoginId = null;
window.flinksWebviewCalls = [];
var widgetOrigin = document.body.dataset.widget;
window.addEventListener('message', function (e) {
  if (e.origin !== widgetOrigin) return;
  window.flinksSteps.push(e.data.step);
  if (e.data.step === 'REDIRECT') {
    window.flinksLoginId = new URL(e.data.url).searchParams.get('loginId');
  }
});
var frame = document.createElement('iframe');
frame.title = 'Flinks Connect';
frame.height = '760';
frame.width = '100%';
frame.src = widgetOrigin + '/embed.html' + (new URLSearchParams(location.search).get('embed') || '');
document.getElementById('widget').appendChild(frame);
`;

/**
 * A partner page written from Flinks Connect's public docs alone: an iframe at the widget's server under the path and
 * query the test gives (`/v2/?demo=true…`, exactly as written, no parentOrigin), and the docs' plain `message`
 * listener, which checks nothing. It keeps every message as it arrived: `window.partnerMessages`.
 */
const PARTNER_SCRIPT = `
window.partnerMessages = [];
window.addEventListener('message', function (e) {
  window.partnerMessages.push(e.data);
});
var asked = new URLSearchParams(location.search);
var frame = document.createElement('iframe');
frame.title = 'Flinks Connect';
frame.height = '760';
frame.width = '100%';
frame.src = document.body.dataset.widget + (asked.get('path') || '/v2/') + (asked.get('query') || '');
document.getElementById('widget').appendChild(frame);
`;

/**
 * A partner page that frames the widget from one script of its own (`script`), under a strict CSP: no inline script or
 * style, frames from the widget's server only.
 */
function scriptedPage(c: Context, widget: string, title: string, script: string): Response {
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'self'; frame-src ${widget}; style-src 'self'; base-uri 'none'`,
  );
  return c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <script src="${script}" defer></script>
  </head>
  <body data-widget="${widget}">
    <h1>${title}</h1>
    <div id="widget"></div>
  </body>
</html>`) as Response;
}

export function createHostApp(widgetOrigin: () => string): Hono {
  const app = new Hono();
  app.get('/partner.html', (c) => scriptedPage(c, widgetOrigin(), 'Partner lender', '/partner.js'));
  app.get('/partner.js', (c) => c.body(PARTNER_SCRIPT, 200, { 'content-type': 'text/javascript' }));
  // Where a partner's redirectUrl leads: the test reads the loginId and institution from its address.
  app.get('/thank-you', (c) =>
    c.html(
      '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Thank you</title></head><body><h1>Thank you</h1></body></html>',
    ),
  );
  app.get('/flinks.html', (c) =>
    scriptedPage(c, widgetOrigin(), 'Partner shop on Flinks Connect', '/flinks.js'),
  );
  app.get('/flinks.js', (c) => c.body(FLINKS_HOST_SCRIPT, 200, { 'content-type': 'text/javascript' }));
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
