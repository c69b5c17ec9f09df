/**
 * `npm start`: builds the app if needed, then serves the demo, the embed page, the host SDK and the sandbox API
 * on PORT (default 5173), reachable as both http://localhost:PORT and http://127.0.0.1:PORT.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { listen, type Listening, type ListenOptions } from '../src/sandbox/node';
import { APP_DIST_DIR, createServerApp, SDK_VERSION } from './app';
import { appBuildIsStale, buildApp } from './build';
import { boundConfig, ConfigError, parseConfig, type ServerConfig } from './config';
import { createSharedState, type SharedState } from './shared-state';

function loadConfig(): ServerConfig {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function buildIfNeeded(): Promise<void> {
  if (!appBuildIsStale()) return;
  console.log('Building the app (demo, embed page, /connect.js)...');
  try {
    await buildApp();
  } catch {
    console.error('The build failed (see above). Fix it, or run `npm run build:app` to see it alone.');
    process.exit(1);
  }
}

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT';
}

/** Binds HOST, or else both loopbacks so `localhost` works whichever address it resolves to. */
async function listenEverywhere(fetch: ListenOptions['fetch'], config: ServerConfig) {
  if (config.host !== null) return [await listen({ fetch, port: config.port, hostname: config.host })];
  const first = await listen({ fetch, port: config.port, hostname: '127.0.0.1' });
  const servers: Listening[] = [first];
  try {
    servers.push(await listen({ fetch, port: first.port, hostname: '::1' }));
  } catch (error) {
    if (!isUnavailable(error)) {
      await first.close();
      throw error;
    }
    // No IPv6 loopback on this machine: localhost resolves to 127.0.0.1 alone.
  }
  return servers;
}

/** The Subresource Integrity value of the built /connect.js, for partners who pin it. */
function sdkIntegrity(): string | null {
  const file = join(APP_DIST_DIR, 'connect.js');
  if (!existsSync(file)) return null;
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

function stopOnSignals(servers: Listening[], state: SharedState): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    setTimeout(() => process.exit(1), 5000).unref();
    Promise.all([...servers.map((server) => server.close()), state.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  await buildIfNeeded();
  const state = createSharedState(config.redisUrl);
  // The app is made once the port is known (PORT=0 picks a free one): its Host allow-list needs its own address.
  let app: Hono | null = null;
  const fetch = (request: Request, env?: unknown) =>
    app ? app.fetch(request, env) : new Response('Starting', { status: 503 });
  let servers: Listening[];
  try {
    servers = await listenEverywhere(fetch, config);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') {
      console.error(`Port ${config.port} is already in use. Start on another one, e.g. PORT=5174 npm start`);
      process.exit(1);
    }
    throw error;
  }
  const port = servers[0]?.port ?? config.port;
  const bound = boundConfig(config, port);
  app = createServerApp(bound, { state });
  stopOnSignals(servers, state);

  const host = config.host === null ? 'localhost' : config.host;
  const origin = `http://${host}:${port}`;
  const api = config.apiUrl.startsWith('/') ? `${origin}${config.apiUrl}` : config.apiUrl;
  const bank = config.proxy
    ? `forwarded to the Flinks instance "${config.proxy.instance}" (FLINKS_*)`
    : 'sandbox bank FlinksCapital: username Greatday, password Everyday';
  const sessions = bound.sessions.required
    ? 'required: your backend creates them with POST /connect/sessions'
    : 'optional (CONNECT_REQUIRE_SESSION=true to require them); the demo uses them';
  const integrity = sdkIntegrity();
  console.log(`Connect widget server (${servers.map((server) => server.url).join(', ')})
  demo             ${origin}/
  embed page       ${origin}/embed.html
  host SDK         ${origin}/connect.js
                   ${origin}/sdk/v${SDK_VERSION}/connect.js${integrity ? ` (integrity="${integrity}")` : ''}
  API              ${api}/
                   ${bank}
  sessions         ${sessions}
  shared state     ${bound.redisUrl ? 'Redis (REDIS_URL)' : 'this process (set REDIS_URL to run several)'}
Press Ctrl+C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
