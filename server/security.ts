import type { Hono, MiddlewareHandler } from 'hono';

/** What the response headers depend on: where the API lives and who may frame the embed page. */
export interface SecurityOptions {
  /** CONNECT_API_URL: absolute (another origin) or a same-origin path. */
  apiBaseUrl: string;
  /** CONNECT_ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
}

/** `'self'` for a same-origin API path, else the API's origin. */
export function apiSource(apiBaseUrl: string): string {
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
export function hostPagePolicy({ apiBaseUrl }: SecurityOptions): string {
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
 * Security headers for everything `npm start` serves: the embed page's CSP on /embed.html, the host page's on every
 * other HTML page, and `nosniff` and `no-referrer` on every response. (Caching is the static files' concern.)
 */
export function securityHeaders(options: SecurityOptions): MiddlewareHandler {
  const embedPolicy = embedPagePolicy(options);
  const hostPolicy = hostPagePolicy(options);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    const isHtml = headers.get('content-type')?.startsWith('text/html') ?? false;
    if (c.req.path === '/embed.html') {
      headers.set('Content-Security-Policy', embedPolicy);
    } else if (isHtml) {
      headers.set('Content-Security-Policy', hostPolicy);
    }
  };
}

/** The server concern: {@link securityHeaders} around every route (add it first). */
export function withSecurityHeaders(config: { apiUrl: string; allowedOrigins: readonly string[] }) {
  return (app: Hono): void => {
    app.use('*', securityHeaders({ apiBaseUrl: config.apiUrl, allowedOrigins: config.allowedOrigins }));
  };
}
