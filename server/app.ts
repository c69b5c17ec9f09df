import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { createSandbox, SANDBOX_CUSTOMER_ID, type Sandbox } from '../src/sandbox';
import { auditLog, type Audit } from './audit';
import { bankApi, PARENT_ORIGIN_HEADER, type BankApiLimits } from './bank-api';
import { recordClientAddress } from './client-address';
import { declaredBodyLimit, MAX_BODY_BYTES, tooLarge } from './http';
import { PROJECT_ROOT } from './root';
import { listen, type Listening } from '../src/sandbox/node';
import { boundConfig, sandboxOptions, type ServerConfig } from './config';
import { withConnectedPage } from './connected-page';
import { withEmbedPage } from './embed-config';
import { withInstitutionCatalog } from './catalog';
import { withOAuthRoutes } from './oauth';
import { flinksUpstream, oauthUpstream, sandboxUpstream } from './proxy';
import { withHostAllowList, withSecurityHeaders } from './security';
import { withSandboxBankSite } from './sandbox-bank/site';
import { withSessionRoutes } from './session-routes';
import { SessionSigner } from './sessions';
import { createSharedState, type SharedState } from './shared-state';
import { inFlightLimiter, type InFlightLimits } from './in-flight';

/** Where `vite build --mode app` writes the demo, the embed page and the host SDK. */
export const APP_DIST_DIR = resolve(PROJECT_ROOT, 'dist/app');

export interface ServerAppOptions {
  /** The sandbox to serve; default one built from the configuration. */
  sandbox?: Sandbox;
  /** The built app's folder; default {@link APP_DIST_DIR}. */
  distDir?: string;
  /** Where sessions' RequestIds and counters live; default Redis at REDIS_URL, else this process's memory. */
  state?: SharedState;
  /** The bank API's and the in-flight limits, for tests; default {@link BANK_API_LIMITS}, the configuration's. */
  limits?: Partial<BankApiLimits & InFlightLimits>;
  /** Where upstream calls go in proxy mode; default the global `fetch`. */
  fetch?: typeof fetch;
  /** One line per upstream call and per refusal; default the console. */
  log?: (line: string) => void;
  /**
   * Where the audit log's JSON lines go (server/audit.ts); default `log` when one is given (tests), else stdout.
   */
  audit?: (line: string) => void;
  /** The clock of sessions and OAuth states (ms), for tests; default `Date.now`. */
  now?: () => number;
}

/** One concern of the server (an API, static files, headers...), added to the app in order. */
type Concern = (app: Hono) => void;

/**
 * The Flinks-compatible API under /v3 (CONTRACT §7): the sandbox or Flinks behind connect sessions. CORS answers only
 * CONNECT_ALLOWED_ORIGINS, the partner pages that may run the React component against this API.
 */
function bankApiRoutes(
  config: ServerConfig,
  sandbox: Sandbox,
  state: SharedState,
  options: ServerAppOptions,
  inFlight: MiddlewareHandler,
  audit: Audit,
): Concern {
  const log = options.log ?? ((line: string) => console.log(line));
  const upstream = config.proxy
    ? flinksUpstream(config.proxy, {
        timeoutMs: config.requestTimeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        log: (line) => log(`proxy ${line}`),
      })
    : sandboxUpstream(sandbox, SANDBOX_CUSTOMER_ID);
  const allowed = new Set(config.allowedOrigins);
  return (app) => {
    app.use(
      '/v3/*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['content-type', 'authorization', PARENT_ORIGIN_HEADER, 'flinks-auth-key', 'x-api-key'],
        exposeHeaders: ['retry-after', 'www-authenticate'],
        maxAge: 600,
      }),
    );
    // After CORS, so a page can read the 413, 429 or 503 it gets; a body declared too large takes no in-flight slot.
    app.use('/v3/*', declaredBodyLimit(MAX_BODY_BYTES, tooLarge));
    app.use('/v3/*', inFlight);
    withInstitutionCatalog({
      upstream,
      sandbox: config.proxy === null,
      ...(options.now ? { now: options.now } : {}),
      log: (line) => log(`api ${line}`),
    })(app);
    withOAuthRoutes({
      signer: new SessionSigner(config.sessions.secrets),
      state,
      requireSession: config.sessions.required,
      publicOrigins: config.publicOrigins,
      allowedOrigins: config.allowedOrigins,
      authorize: config.proxy
        ? oauthUpstream(config.proxy, {
            timeoutMs: config.requestTimeoutMs,
            ...(options.fetch ? { fetch: options.fetch } : {}),
            log: (line) => log(`proxy ${line}`),
          })
        : (query, own) => sandbox.fetch(new Request(`${own}/v3/oauth/authorize?${query}`)),
      upstream,
      ...(config.proxy ? {} : { sandboxBank: (request: Request) => sandbox.fetch(request) }),
      ...(options.now ? { now: options.now } : {}),
      log: (line) => log(`api ${line}`),
      audit,
    })(app);
    app.all(
      '/v3/*',
      bankApi({
        upstream,
        signer: new SessionSigner(config.sessions.secrets),
        state,
        requireSession: config.sessions.required,
        ...(config.proxy ? {} : { open: (request: Request) => sandbox.fetch(request) }),
        minimiseData: config.proxy !== null,
        flagsFromSession: config.proxy !== null,
        publicOrigins: config.publicOrigins,
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.now ? { now: options.now } : {}),
        log: (line) => log(`api ${line}`),
        audit,
      }),
    );
  };
}

/**
 * `/connect.js` under a versioned path that never changes (`/sdk/v{version}/connect.js`), with CORS, so a partner
 * can pin it with Subresource Integrity.
 */
export const SDK_VERSION: string = (
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

function versionedSdk(distDir: string): Concern {
  const file = join(distDir, 'connect.js');
  return (app) => {
    app.get(`/sdk/v${SDK_VERSION}/connect.js`, (c) => {
      if (!existsSync(file)) return c.text('Not built yet', 503);
      return c.body(readFileSync(file), 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
        'access-control-allow-origin': '*',
      });
    });
  };
}

/** The built pages: `/` (demo), `/embed.html`, `/connect.js` and the hashed `/assets/*`. */
function builtApp(distDir: string): Concern {
  return (app) => {
    if (!existsSync(join(distDir, 'index.html'))) {
      app.get('/', (c) =>
        c.text('The app is not built yet: run `npm run build:app` (or `npm start`, which builds it).', 503),
      );
      return;
    }
    // Hashed file names never change content: cache them for good. Everything else is revalidated.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.ok && !c.res.headers.has('cache-control')) c.header('cache-control', 'no-cache');
    });
    // Brotli or gzip copies written at build time (server/precompress.ts), chosen by the browser's Accept-Encoding.
    // The MSW worker is for tests and Storybook: a production page must never be able to register it.
    app.get('/mockServiceWorker.js', (c) => c.text('Not found', 404));
    app.use('/*', serveStatic({ root: distDir, precompressed: true }));
  };
}

/**
 * The `npm start` server as one Hono app: the sandbox API under /v3, then the built app's files.
 * Each concern is one function, so security headers, the embed page's config or the proxy slot in as their own.
 *
 * @example
 * const app = createServerApp(parseConfig(process.env));
 * await listen({ fetch: app.fetch, port: 5173 });
 */
export function createServerApp(config: ServerConfig, options: ServerAppOptions = {}): Hono {
  const sandbox = options.sandbox ?? createSandbox(sandboxOptions(config));
  const distDir = options.distDir ?? APP_DIST_DIR;
  const state = options.state ?? createSharedState(config.redisUrl);
  const log = options.log ?? ((line: string) => console.log(line));
  // One budget for the whole process: the bank API, OAuth and the demo's sessions share it.
  const inFlight = inFlightLimiter({ ...config.limits, ...options.limits });
  const audit = auditLog(
    options.audit ?? options.log ?? ((line: string) => process.stdout.write(`${line}\n`)),
    options.now,
  );
  const concerns: Concern[] = [
    withHostAllowList(config.publicOrigins),
    (app) => app.use('*', recordClientAddress(config.trustedProxies)),
    withSecurityHeaders(config),
    (app) => app.use('/demo/*', inFlight),
    withSessionRoutes({
      signer: new SessionSigner(config.sessions.secrets),
      state,
      apiKeys: config.sessions.apiKeys,
      allowedOrigins: config.allowedOrigins,
      publicOrigins: config.publicOrigins,
      demo: config.proxy === null,
      ...(options.now ? { now: options.now } : {}),
      log: (line) => log(`sessions ${line}`),
      audit,
    }),
    bankApiRoutes(config, sandbox, state, options, inFlight, audit),
    // The sandbox bank's own pages, where Flinks Capital's links go; a proxy in front of Flinks has no sandbox bank.
    ...(config.proxy ? [] : [withSandboxBankSite]),
    withEmbedPage(config, distDir, { log: (line) => log(`embed ${line}`) }),
    withConnectedPage(),
    versionedSdk(distDir),
    builtApp(distDir),
  ];
  const app = new Hono();
  for (const concern of concerns) concern(app);
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

/**
 * Listens on `config.port` (0: a free one), then serves {@link createServerApp} with the port-derived origins
 * bound to the port actually used ({@link boundConfig}), so the Host allow-list knows its own address.
 *
 * @example
 * const server = await listenServerApp(parseConfig({ PORT: '0' }));
 * await fetch(`${server.url}/embed.html`);
 */
export async function listenServerApp(
  config: ServerConfig,
  options: ServerAppOptions = {},
  hostname = '127.0.0.1',
): Promise<Listening & { config: ServerConfig }> {
  let app: Hono | null = null;
  const server = await listen({
    hostname,
    port: config.port,
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response('Starting', { status: 503 })),
  });
  const bound = boundConfig(config, server.port);
  app = createServerApp(bound, options);
  return { ...server, config: bound };
}
