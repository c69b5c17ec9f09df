import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { createSandbox, type SandboxOptions } from '../src/sandbox';
import { dropsConnections } from '../src/sandbox/node';
import { parseConfig, sandboxOptions } from './config';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

function sandboxMiddleware(options: SandboxOptions): Middleware {
  const sandbox = createSandbox(options);
  const listener = getRequestListener(dropsConnections((request) => sandbox.fetch(request)));
  return (request, response, next) => {
    if (request.url?.startsWith('/v3/')) void listener(request, response);
    else next();
  };
}

/**
 * Serves the sandbox API under /v3 in `vite` (dev) and `vite preview`, as `npm start` does.
 * Options default to the environment's SANDBOX_* values (CONTRACT §2).
 */
export function sandboxPlugin(options?: SandboxOptions): Plugin {
  const resolveOptions = () => options ?? sandboxOptions(parseConfig(process.env));
  return {
    name: 'connect-widget-sandbox',
    configureServer(server) {
      server.middlewares.use(sandboxMiddleware(resolveOptions()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sandboxMiddleware(resolveOptions()));
    },
  };
}
