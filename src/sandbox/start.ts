import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';

/** The customerId of Flinks' public sandbox docs; the sandbox answers under any customerId. */
export const SANDBOX_CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';

/** `createSandbox`'s options, and where to listen. */
export interface StartSandboxOptions extends SandboxOptions {
  /** The port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Default `127.0.0.1`: only this machine can reach it. */
  hostname?: string | undefined;
}

/** A sandbox served over HTTP by `startSandbox`. */
export interface RunningSandbox {
  /** The server's address, e.g. `http://127.0.0.1:5510`. */
  url: string;
  port: number;
  /** What to give the widget as `apiBaseUrl`: `${url}/v3/{customerId}/BankingServices`. */
  apiBaseUrl: string;
  /** The sandbox behind the server: its request log, `stats()` and `reset()` between tests. */
  sandbox: Sandbox;
  /** Stops the server (idle keep-alive connections included). */
  close(): Promise<void>;
}

/**
 * Serves the sandbox bank over HTTP from Node, for end-to-end tests of your app (Playwright, Cypress, a dev server).
 * The widget in your page talks to it through `apiBaseUrl`; list your page's origin in `allowedOrigins` (CORS).
 *
 * @example
 * const bank = await startSandbox({ port: 0, latencyMs: 0, allowedOrigins: ['http://localhost:3000'] });
 * // <ConnectWidget apiBaseUrl={bank.apiBaseUrl} demo institution="FlinksCapital" />
 * await bank.close();
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, hostname, ...sandboxOptions } = options;
  // Loaded here, not above, so browser code that imports the sandbox never pulls in Node's HTTP server.
  const { listen } = await import('./node');
  const sandbox = createSandbox(sandboxOptions);
  const server = await listen({ fetch: sandbox.fetch, port, ...(hostname ? { hostname } : {}) });
  return {
    url: server.url,
    port: server.port,
    apiBaseUrl: `${server.url}/v3/${SANDBOX_CUSTOMER_ID}/BankingServices`,
    sandbox,
    close: server.close,
  };
}
