import type { Hono } from 'hono';
import { listenServerApp } from '../../server/app';
import { parseConfig, sandboxOptions } from '../../server/config';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { listen } from '../../src/sandbox/node';

/** A partner's page and the widget's server it frames, each on a free port. */
export interface Stage {
  /** The partner's page, an allowed origin: `http://127.0.0.1:B`. */
  hostOrigin: string;
  /** The same partner page under a name the widget does not allow: `http://localhost:B`. */
  foreignHostOrigin: string;
  /** The widget's server (`npm start`'s app): `http://127.0.0.1:A`. */
  widgetOrigin: string;
  /** The sandbox the widget's server answers with, for its log. */
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** No latency, a short pending and no rate limit: a test waits only where its persona makes it. */
const SANDBOX_ENV = {
  SANDBOX_LATENCY_MS: '0',
  SANDBOX_PENDING_MS: '1500',
  SANDBOX_RATE_LIMIT_PER_MINUTE: '0',
  // The app the webview tests stand in for: its deep links (myapp://…) are the only app links allowed.
  CONNECT_APP_SCHEMES: 'myapp',
};

/**
 * Starts the partner's page (`hostApp`, given the widget's origin once known) and the widget's server, which
 * allows that page's origin. `env` adds to, or overrides, the sandbox defaults; as a function, it is given the
 * partner page's origin (to allow it among others).
 */
export async function startStage(
  hostApp: (widgetOrigin: () => string) => Hono,
  env: Record<string, string> | ((hostOrigin: string) => Record<string, string>) = {},
): Promise<Stage> {
  let widgetOrigin = '';
  // The host page needs the widget's address and the widget needs the host's origin: start the host first.
  const host = await listen({ port: 0, fetch: hostApp(() => widgetOrigin).fetch });
  try {
    const extra = typeof env === 'function' ? env(host.url) : env;
    const config = parseConfig({ PORT: '0', CONNECT_ALLOWED_ORIGINS: host.url, ...SANDBOX_ENV, ...extra });
    const sandbox = createSandbox(sandboxOptions(config));
    const widget = await listenServerApp(config, { sandbox });
    widgetOrigin = widget.url;
    return {
      hostOrigin: host.url,
      foreignHostOrigin: `http://localhost:${host.port}`,
      widgetOrigin,
      sandbox,
      close: async () => {
        await Promise.all([host.close(), widget.close()]);
      },
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}
