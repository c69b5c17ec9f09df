import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  /** 0 picks a free port. */
  port: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
}

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
    const server = serve({ fetch: options.fetch, port: options.port, hostname }, (info: AddressInfo) => {
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
  });
}
