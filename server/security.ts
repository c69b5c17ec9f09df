import type { Hono, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { CONNECTED_PAGE_STYLE_SOURCE } from './connected-page';
import { isEmbedPagePath } from './embed-config';

/** What the response headers depend on: where the API lives and who may frame the embed page. */
export interface SecurityOptions {
  /** CONNECT_API_URL: absolute (another origin) or a same-origin path. */
  apiBaseUrl: string;
  /** CONNECT_ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
  /** CONNECT_PUBLIC_ORIGIN: where the server is reached; HSTS is sent on its https ones. */
  publicOrigins?: readonly string[];
}

/** `'self'` for a same-origin API path, else the API's origin. */
function apiSource(apiBaseUrl: string): string {
  try {
    return new URL(apiBaseUrl).origin;
  } catch {
    return "'self'";
  }
}

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * The embed page's CSP: its own scripts and styles, challenge images as data URLs, the API, and framing by the
 * allowed origins only. No 'unsafe-inline', no 'unsafe-eval'.
 */
export function embedPagePolicy({ apiBaseUrl, allowedOrigins }: SecurityOptions): string {
  return policy({
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'connect-src': apiSource(apiBaseUrl),
    'frame-ancestors': allowedOrigins.length > 0 ? allowedOrigins.join(' ') : "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  });
}

/** The demo host page's CSP: like the embed page, plus framing the embed page (same origin); framed by nobody. */
function hostPagePolicy({ apiBaseUrl }: SecurityOptions): string {
  const api = apiSource(apiBaseUrl);
  return policy({
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'connect-src': api === "'self'" ? api : `'self' ${api}`,
    'frame-src': "'self'",
    'frame-ancestors': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  });
}

/**
 * `/connected`, where a connection without `redirectUrl` ends (REDIRECT's `url`; in the frame with `innerRedirect`):
 * text and its one inline style (allowed by hash), framed by the allowed origins like the embed page.
 */
function connectedPagePolicy({ allowedOrigins }: SecurityOptions): string {
  return policy({
    'default-src': "'none'",
    'style-src': CONNECTED_PAGE_STYLE_SOURCE,
    'frame-ancestors': allowedOrigins.length > 0 ? allowedOrigins.join(' ') : "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  });
}

/** Pages that may open a bank's sign-in page in a popup (OAuth) and still hear back from it. */
const POPUP_OPENERS = new Set(['/', '/index.html']);
/** Fetched or framed by partners' pages on other origins (the embed page too, at each of its paths). */
const CROSS_ORIGIN_RESOURCES = /^\/(?:connect\.js|sdk\/.*)$/;

/** No powerful feature is needed by the widget or the demo; none may be used by anything framed in them either. */
const PERMISSIONS = {
  accelerometer: [],
  autoplay: [],
  camera: [],
  displayCapture: [],
  geolocation: [],
  gyroscope: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  payment: [],
  usb: [],
  serial: [],
  hid: [],
  bluetooth: [],
} satisfies NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['permissionsPolicy']>;

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers that are the same on every response, from Hono's `secureHeaders`: `nosniff`, `no-referrer`, the
 * Permissions-Policy, and its other defaults (Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Permitted-Cross-Domain-Policies, X-XSS-Protection: 0). Not X-Frame-Options: who may frame the embed page is its
 * CSP's `frame-ancestors` (partners' origins), which SAMEORIGIN would contradict. The opener and resource policies
 * and the CSP depend on the path and on what a page set for itself, so they are set below, not here.
 */
function everyResponse(hsts: boolean) {
  return secureHeaders({
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    strictTransportSecurity: hsts ? HSTS : false,
    permissionsPolicy: PERMISSIONS,
  });
}

/**
 * Security headers for everything `npm start` serves: the embed page's CSP on /embed.html, the host page's on every
 * other HTML page; {@link everyResponse}'s on every response, a cross-origin opener and resource policy; HSTS when
 * browsers reach the server over https. (Caching is the static files' concern, except /embed.html, whose address can
 * carry a session token: never stored.)
 */
function securityHeaders(options: SecurityOptions): MiddlewareHandler {
  const embedPolicy = embedPagePolicy(options);
  const hostPolicy = hostPagePolicy(options);
  const connectedPolicy = connectedPagePolicy(options);
  const httpsHosts = new Set(
    (options.publicOrigins ?? [])
      .filter((origin) => origin.startsWith('https:'))
      .map((origin) => new URL(origin).host),
  );
  const overHttp = everyResponse(false);
  const overHttps = everyResponse(true);
  return async (c, next) => {
    const common = httpsHosts.has(new URL(c.req.url).host) ? overHttps : overHttp;
    await common(c, async () => {
      await next();
      const headers = c.res.headers;
      const path = c.req.path;
      // A page that set its own (the OAuth pages a popup goes through) keeps it.
      if (!headers.has('Cross-Origin-Opener-Policy')) {
        headers.set(
          'Cross-Origin-Opener-Policy',
          POPUP_OPENERS.has(path) || isEmbedPagePath(path) ? 'same-origin-allow-popups' : 'same-origin',
        );
      }
      if (!headers.has('Cross-Origin-Resource-Policy')) {
        headers.set(
          'Cross-Origin-Resource-Policy',
          CROSS_ORIGIN_RESOURCES.test(path) || isEmbedPagePath(path) ? 'cross-origin' : 'same-origin',
        );
      }
      const isHtml = headers.get('content-type')?.startsWith('text/html') ?? false;
      if (isEmbedPagePath(path)) {
        headers.set('Content-Security-Policy', embedPolicy);
        headers.set('Cache-Control', 'no-store');
      } else if (path === '/connected') {
        headers.set('Content-Security-Policy', connectedPolicy);
      } else if (isHtml && !headers.has('Content-Security-Policy')) {
        // The OAuth return page and the sandbox bank's page bring stricter policies of their own.
        headers.set('Content-Security-Policy', hostPolicy);
      }
    });
  };
}

/** The server concern: {@link securityHeaders} around every route (add it first). */
export function withSecurityHeaders(config: {
  apiUrl: string;
  allowedOrigins: readonly string[];
  publicOrigins: readonly string[];
}) {
  return (app: Hono): void => {
    app.use(
      '*',
      securityHeaders({
        apiBaseUrl: config.apiUrl,
        allowedOrigins: config.allowedOrigins,
        publicOrigins: config.publicOrigins,
      }),
    );
  };
}

/**
 * Refuses a request whose Host (as Node's adapter puts it in the request's URL) is not one of CONNECT_PUBLIC_ORIGIN's: a page on another name that resolves to this
 * server (DNS rebinding) cannot talk to it as if it were same-origin.
 */
export function withHostAllowList(publicOrigins: readonly string[]) {
  const hosts = new Set(publicOrigins.map((origin) => new URL(origin).host));
  return (app: Hono): void => {
    app.use('*', async (c, next) => {
      if (!hosts.has(new URL(c.req.url).host)) {
        return c.text('This server does not answer to that host name (CONNECT_PUBLIC_ORIGIN).', 421);
      }
      await next();
    });
  };
}
