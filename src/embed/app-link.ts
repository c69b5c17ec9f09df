/**
 * Which app links a webview's `redirectUrl` may be (CONTRACT §9): only the custom schemes the deployment names in
 * `CONNECT_APP_SCHEMES` (say `myapp`, for `myapp://connected`). Everything else that is not a web page is refused:
 * Android's `intent:` and `content:`, `filesystem:`, `view-source:`, and whatever scheme a browser adds next.
 * A small check of its own, so that whichever code reads `redirectUrl` can ask it.
 */

/** What a scheme may look like (RFC 3986), lower case, short. */
const SCHEME = /^[a-z][a-z0-9+.-]{0,31}$/;

/** Schemes no deployment may name: web pages, code, files, or a browser's own pages and handlers. */
const NEVER_AN_APP = new Set([
  'http',
  'https',
  'javascript',
  'vbscript',
  'data',
  'blob',
  'file',
  'filesystem',
  'about',
  'view-source',
  'intent',
  'content',
  'android-app',
  'chrome',
  'chrome-extension',
  'moz-extension',
  'safari-extension',
  'ms-browser-extension',
  'ftp',
  'ws',
  'wss',
  'mailto',
  'tel',
  'sms',
]);

/** True when `name` (without `:`) may be named in CONNECT_APP_SCHEMES. */
export function isAppScheme(name: string): boolean {
  return SCHEME.test(name) && !NEVER_AN_APP.has(name);
}

/** True when `url` is a link into one of the deployment's own apps. */
export function isAllowedAppLink(url: URL, appSchemes: readonly string[]): boolean {
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  return isAppScheme(scheme) && appSchemes.includes(scheme);
}
