import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { dropsConnections } from '../src/sandbox/node';
import { createServerApp } from './app';
import { boundConfig, parseConfig } from './config';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The server's own routes; everything else is Vite's. */
const SERVER_ROUTES = ['/v3/', '/connect/sessions', '/demo/sessions', '/sandbox-bank'];

function serverMiddleware(port: number): Middleware {
  // The same app as `npm start`, from the same environment: sessions, the API's gate and its limits.
  const app = createServerApp(boundConfig(parseConfig({ ...process.env, PORT: String(port) }), port));
  const listener = getRequestListener(dropsConnections((request, env) => app.fetch(request, env)));
  return (request, response, next) => {
    if (SERVER_ROUTES.some((route) => request.url?.startsWith(route))) void listener(request, response);
    else next();
  };
}

/**
 * Serves the server's API routes (the sandbox or the proxy under /v3, connect sessions, the demo's sessions) in
 * `vite` (dev) and `vite preview`, as `npm start` does, from the same environment (CONTRACT §2).
 */
export function sandboxPlugin(): Plugin {
  return {
    name: 'connect-widget-sandbox',
    configureServer(server) {
      server.middlewares.use(serverMiddleware(server.config.server.port ?? 5173));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serverMiddleware(server.config.preview.port ?? 4173));
    },
  };
}
