import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AddressInfo, Socket } from 'node:net';
import { isDropped } from './faults';

/** A fetch handler; `env` carries Node's connection (`incoming.socket`), for a server that keys limits on it. */
type FetchHandler = (request: Request, env?: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/**
 * The fetch handler for a Node server, where a connection the sandbox drops (SANDBOX_FAULTS `reset`, `timeout`)
 * becomes a destroyed socket: the browser sees a network error, as it would when a real connection dies.
 * Works for the sandbox alone and for an app that composes it.
 */
export function dropsConnections(fetch: FetchHandler) {
  return async (request: Request, env: HttpBindings | Http2Bindings): Promise<Response> => {
    try {
      const response = await fetch(request, env);
      if (!isDropped(request)) return response;
    } catch (error) {
      if (!isDropped(request)) throw error;
    }
    env.incoming.socket.destroy();
    return RESPONSE_ALREADY_SENT;
  };
}

export interface ListenOptions {
  fetch: FetchHandler;
  /** 0 picks a free port. */
  port: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
}

/**
 * How long a client may take to send a request's headers, then the whole request: Node's own defaults (60 s, 300 s)
 * let a client hold a connection for minutes without finishing one. The app gives a body 10 s once it reads it.
 * Checked every second (Node's default is every 30 s).
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

export interface Listening {
  /** e.g. `http://127.0.0.1:5173` (IPv6 hosts in brackets). */
  url: string;
  port: number;
  /** Stops accepting connections, ends the idle keep-alive ones and resolves once the server is closed. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler (the sandbox, or the whole server app) over Node HTTP.
 *
 * @example
 * const server = await listen({ fetch: createSandbox({ latencyMs: 0 }).fetch, port: 0 });
 * await fetch(`${server.url}/v3/x/BankingServices/Institutions`);
 * await server.close();
 */
export function listen(options: ListenOptions): Promise<Listening> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const fetch = dropsConnections(options.fetch);
    const serverOptions = {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    };
    const server = serve({ fetch, port: options.port, hostname, serverOptions }, (info: AddressInfo) => {
      server.off('error', reject);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
    // headersTimeout starts with a request's first byte: a connection that never sends one is closed as well.
    server.on('connection', (socket: Socket) => {
      const timer = setTimeout(() => {
        if (socket.bytesRead === 0) socket.destroy();
      }, HEADERS_TIMEOUT_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    });
  });
}
