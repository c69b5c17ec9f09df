import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createSandbox, type Sandbox } from '../src/sandbox';
import { sandboxOptions, type ServerConfig } from './config';
import { withEmbedPage } from './embed-config';
import { withFlinksProxy } from './proxy';
import { withSecurityHeaders } from './security';

/** Where `vite build --mode app` writes the demo, the embed page and the host SDK. */
export const APP_DIST_DIR = resolve(import.meta.dirname, '../dist/app');

export interface ServerAppOptions {
  /** The sandbox to serve; default one built from the configuration. */
  sandbox?: Sandbox;
  /** The built app's folder; default {@link APP_DIST_DIR}. */
  distDir?: string;
}

/** One concern of the server (an API, static files, headers...), added to the app in order. */
type Concern = (app: Hono) => void;

/** The Flinks-compatible API under /v3: the sandbox answers every customerId. */
function sandboxApi(sandbox: Sandbox): Concern {
  return (app) => {
    app.all('/v3/*', (c) => sandbox.fetch(c.req.raw));
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
  const api = config.proxy ? withFlinksProxy(config.proxy, config) : sandboxApi(sandbox);
  const concerns: Concern[] = [
    withSecurityHeaders(config),
    api,
    withEmbedPage(config, distDir),
    builtApp(distDir),
  ];
  const app = new Hono();
  for (const concern of concerns) concern(app);
  app.notFound((c) => c.text('Not found', 404));
  return app;
}
