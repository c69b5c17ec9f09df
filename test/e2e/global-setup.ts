import type { TestProject } from 'vitest/node';
import { createServerApp } from '../../server/app';
import { appBuildIsStale, buildApp } from '../../server/build';
import { parseConfig } from '../../server/config';
import { listen, type Listening } from '../../src/sandbox/node';
import { createHostApp } from './host-app';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Debian's Chromium and the flags of TOOLCHAIN.md, from vitest.config.ts. */
    chromium: { executablePath: string; args: string[] };
    /** The widget's server (`npm start`'s app): `http://127.0.0.1:A`. */
    widgetOrigin: string;
    /** The partner's page, an allowed origin: `http://127.0.0.1:B`. */
    hostOrigin: string;
    /** The same partner page under a name the widget does not allow: `http://localhost:B`. */
    foreignHostOrigin: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (appBuildIsStale()) await buildApp({ quiet: true });
  const servers: Listening[] = [];
  let widgetOrigin = '';
  // The host page needs the widget's address and the widget needs the host's origin: start the host first.
  const host = await listen({ port: 0, fetch: createHostApp(() => widgetOrigin).fetch });
  servers.push(host);
  const foreignHostOrigin = `http://localhost:${host.port}`;
  const config = parseConfig({
    PORT: '0',
    CONNECT_ALLOWED_ORIGINS: host.url,
    SANDBOX_LATENCY_MS: '0',
    SANDBOX_PENDING_MS: '1500',
    SANDBOX_RATE_LIMIT_PER_MINUTE: '0',
  });
  const widget = await listen({ port: 0, fetch: createServerApp(config).fetch });
  servers.push(widget);
  widgetOrigin = widget.url;

  project.provide('widgetOrigin', widget.url);
  project.provide('hostOrigin', host.url);
  project.provide('foreignHostOrigin', foreignHostOrigin);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
