/**
 * `npm start`: builds the app if needed, then serves the demo, the embed page, the host SDK and the sandbox API
 * on PORT (default 5173), reachable as both http://localhost:PORT and http://127.0.0.1:PORT.
 */
import { listen, type Listening } from '../src/sandbox/node';
import { createServerApp } from './app';
import { appBuildIsStale, buildApp } from './build';
import { ConfigError, parseConfig, type ServerConfig } from './config';

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
async function listenEverywhere(
  fetch: (request: Request) => Response | Promise<Response>,
  config: ServerConfig,
) {
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

function stopOnSignals(servers: Listening[]): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    setTimeout(() => process.exit(1), 5000).unref();
    Promise.all(servers.map((server) => server.close())).then(
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
  const app = createServerApp(config);
  let servers: Listening[];
  try {
    servers = await listenEverywhere(app.fetch, config);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE') {
      console.error(`Port ${config.port} is already in use. Start on another one, e.g. PORT=5174 npm start`);
      process.exit(1);
    }
    throw error;
  }
  stopOnSignals(servers);

  const port = servers[0]?.port ?? config.port;
  const host = config.host === null ? 'localhost' : config.host;
  const origin = `http://${host}:${port}`;
  const api = config.apiUrl.startsWith('/') ? `${origin}${config.apiUrl}` : config.apiUrl;
  const bank = config.proxy
    ? `forwarded to the Flinks instance "${config.proxy.instance}" (FLINKS_*)`
    : 'sandbox bank FlinksCapital: username Greatday, password Everyday';
  console.log(`Connect widget server (${servers.map((server) => server.url).join(', ')})
  demo             ${origin}/
  embed page       ${origin}/embed.html
  host SDK         ${origin}/connect.js
  API              ${api}/
                   ${bank}
Press Ctrl+C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
