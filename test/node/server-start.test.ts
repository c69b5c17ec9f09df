import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp, listenServerApp } from '../../server/app';
import { ConfigError, parseConfig } from '../../server/config';
import { deploymentConfig, embedConfigPlugin } from '../../server/embed-config';
import { createSandbox } from '../../src/sandbox';
import type { Listening } from '../../src/sandbox/node';

const API = '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const emptyDist = mkdtempSync(join(tmpdir(), 'connect-no-dist-'));
const builtDist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
mkdirSync(join(builtDist, 'assets'));
writeFileSync(join(builtDist, 'index.html'), '<!doctype html><title>demo</title>');
writeFileSync(join(builtDist, 'embed.html'), '<!doctype html><title>embed</title>');
writeFileSync(join(builtDist, 'connect.js'), 'window.ConnectWidget = {};');
writeFileSync(join(builtDist, 'assets', 'embed-abc123.js'), 'export {};');

afterAll(() => {
  rmSync(emptyDist, { recursive: true, force: true });
  rmSync(builtDist, { recursive: true, force: true });
});

describe('createServerApp over HTTP', () => {
  let server: Listening;
  beforeAll(async () => {
    const config = parseConfig({ PORT: '0', SANDBOX_LATENCY_MS: '0' });
    server = await listenServerApp(config, { distDir: emptyDist });
  });
  afterAll(() => server.close());

  it('serves the sandbox under /v3 for any customerId', async () => {
    const response = await fetch(`${server.url}/v3/any-customer/BankingServices/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        Institution: 'FlinksCapital',
        Username: 'greatday_nomfa',
        Password: 'Everyday',
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ HttpStatusCode: 200, Institution: 'FlinksCapital' });
  });

  it.each([`${API}/NoSuchEndpoint`, '/v3/somewhere-else', `${API}/GetAccountsDetailAsync`])(
    'answers 404 with a JSON error body for the unknown API path %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ HttpStatusCode: 404, FlinksCode: 'INVALID_REQUEST' });
    },
  );

  it('says the app is not built yet when dist/app is missing', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:app/);
  });
});

describe('createServerApp static files', () => {
  const app = createServerApp(parseConfig({}), {
    distDir: builtDist,
    sandbox: createSandbox({ latencyMs: 0 }),
  });
  const get = (path: string) => app.fetch(new Request(`http://localhost:5173${path}`));

  it.each([
    { path: '/', type: /^text\/html/, text: 'demo' },
    { path: '/embed.html', type: /^text\/html/, text: 'embed' },
    { path: '/connect.js', type: /javascript/, text: 'ConnectWidget' },
    { path: '/assets/embed-abc123.js', type: /javascript/, text: 'export' },
  ])('serves $path from the built app', async ({ path, type, text }) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(await response.text()).toContain(text);
  });

  it.each([
    '/v2',
    '/v2/',
    '/v2/?demo=true&redirectUrl=https://flinks.com/contact/thank-you',
    '/v2/Credential/FlinksCapital/?demo=true',
    '/v2/Testing/?demo=true&consentEnable=true',
    '/v2/Testing',
    '/embed.html/',
  ])('serves the embed page at Flinks Connect’s path %s, as `npm start` runs it', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>embed</title>');
  });

  it.each([
    { path: '/assets/embed-abc123.js', cache: 'public, max-age=31536000, immutable' },
    { path: '/connect.js', cache: 'no-cache' },
  ])('caches $path as "$cache"', async ({ path, cache }) => {
    expect((await get(path)).headers.get('cache-control')).toBe(cache);
  });

  it.each(['/missing.html', '/assets/nope.js', '/..%2Fpackage.json'])('answers 404 for %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('parseConfig', () => {
  it('defaults to CONTRACT §2', () => {
    expect(parseConfig({})).toEqual({
      port: 5173,
      host: null,
      apiUrl: `${API}`,
      allowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      requestTimeoutMs: 240_000,
      sandbox: { sessionTtlMs: 480_000, pendingMs: 3000, latencyMs: 300, rateLimitPerMinute: 300 },
      proxy: null,
      sessions: { apiKeys: [], secrets: [expect.any(String)], secretIsRandom: true, required: false },
      publicOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      trustedProxies: [],
      // Room for 1,000 people signing in at once from as many addresses; one address holds at most 32 slots.
      limits: { inFlight: 1024, inFlightPerAddress: 32 },
      redisUrl: null,
      appSchemes: [],
    });
  });

  it('reads CONNECT_APP_SCHEMES (with or without "://") and tells the embed page', () => {
    const config = parseConfig({ CONNECT_APP_SCHEMES: 'myapp, com.example.bank://' });
    expect(config.appSchemes).toEqual(['myapp', 'com.example.bank']);
    expect(deploymentConfig(config).appSchemes).toEqual(['myapp', 'com.example.bank']);
    expect(deploymentConfig(parseConfig({})).appSchemes).toBeUndefined();
  });

  it('makes up a different session secret for each sandbox process that was given none', () => {
    const [first, second] = [parseConfig({}), parseConfig({})].map((config) => config.sessions.secrets[0]);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '5399',
      CONNECT_API_URL: 'https://toolbox-api.private.fin.ag/v3/abc/BankingServices/',
      CONNECT_ALLOWED_ORIGINS: 'https://partner.example, http://localhost:3000',
      CONNECT_REQUEST_TIMEOUT_MS: '60000',
      SANDBOX_SESSION_TTL_MS: '1000',
      SANDBOX_PENDING_MS: '0',
      SANDBOX_LATENCY_MS: '0',
      FLINKS_INSTANCE: 'toolbox',
      FLINKS_CUSTOMER_ID: 'abc',
      FLINKS_SECRET_KEY: 's3cret',
      CONNECT_API_KEYS: 'partner-backend-key-0000000001, partner-backend-key-0000000002',
      CONNECT_SESSION_SECRET: 'new-secret-0123456789abcdef0123456789,old-secret-0123456789abcdef0123456789',
      CONNECT_PUBLIC_ORIGIN: 'https://connect.partner.example',
      CONNECT_TRUSTED_PROXIES: '10.0.0.5, ::1, 10.1.0.0/16, fd00::/8',
      CONNECT_MAX_IN_FLIGHT: '4000',
      CONNECT_MAX_IN_FLIGHT_PER_ADDRESS: '16',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config).toMatchObject({
      port: 5399,
      apiUrl: 'https://toolbox-api.private.fin.ag/v3/abc/BankingServices',
      allowedOrigins: ['https://partner.example', 'http://localhost:3000'],
      requestTimeoutMs: 60_000,
      sandbox: { sessionTtlMs: 1000, pendingMs: 0, latencyMs: 0 },
      proxy: { instance: 'toolbox', customerId: 'abc', secretKey: 's3cret' },
      sessions: {
        apiKeys: ['partner-backend-key-0000000001', 'partner-backend-key-0000000002'],
        secrets: ['new-secret-0123456789abcdef0123456789', 'old-secret-0123456789abcdef0123456789'],
        secretIsRandom: false,
        required: true,
      },
      publicOrigins: ['https://connect.partner.example'],
      trustedProxies: ['10.0.0.5', '::1', '10.1.0.0/16', 'fd00::/8'],
      limits: { inFlight: 4000, inFlightPerAddress: 16 },
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it("shrinks a client's default share of the calls in flight with a smaller process cap", () => {
    expect(parseConfig({ CONNECT_MAX_IN_FLIGHT: '16' }).limits).toEqual({
      inFlight: 16,
      inFlightPerAddress: 2,
    });
    expect(parseConfig({ CONNECT_MAX_IN_FLIGHT: '1' }).limits).toEqual({
      inFlight: 1,
      inFlightPerAddress: 1,
    });
  });

  it('derives the default allowed origins from PORT', () => {
    expect(parseConfig({ PORT: '8080' }).allowedOrigins).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ]);
  });

  it.each([
    { env: { PORT: 'abc' }, variable: 'PORT' },
    { env: { PORT: '70000' }, variable: 'PORT' },
    { env: { PORT: '-1' }, variable: 'PORT' },
    { env: { CONNECT_API_URL: 'ftp://bank.example/v3' }, variable: 'CONNECT_API_URL' },
    { env: { CONNECT_API_URL: 'not a url' }, variable: 'CONNECT_API_URL' },
    { env: { CONNECT_ALLOWED_ORIGINS: 'https://partner.example/' }, variable: 'CONNECT_ALLOWED_ORIGINS' },
    { env: { CONNECT_ALLOWED_ORIGINS: 'partner.example' }, variable: 'CONNECT_ALLOWED_ORIGINS' },
    { env: { CONNECT_ALLOWED_ORIGINS: ',' }, variable: 'CONNECT_ALLOWED_ORIGINS' },
    { env: { CONNECT_REQUEST_TIMEOUT_MS: '0' }, variable: 'CONNECT_REQUEST_TIMEOUT_MS' },
    { env: { CONNECT_REQUEST_TIMEOUT_MS: '2.5' }, variable: 'CONNECT_REQUEST_TIMEOUT_MS' },
    { env: { SANDBOX_SESSION_TTL_MS: 'eight minutes' }, variable: 'SANDBOX_SESSION_TTL_MS' },
    { env: { SANDBOX_PENDING_MS: '1e3' }, variable: 'SANDBOX_PENDING_MS' },
    { env: { SANDBOX_LATENCY_MS: '-5' }, variable: 'SANDBOX_LATENCY_MS' },
    { env: { FLINKS_INSTANCE: 'toolbox' }, variable: 'FLINKS_CUSTOMER_ID' },
    {
      env: { FLINKS_INSTANCE: 'tool box', FLINKS_CUSTOMER_ID: 'a', FLINKS_SECRET_KEY: 'b' },
      variable: 'FLINKS_INSTANCE',
    },
    { env: { CONNECT_REQUIRE_SESSION: 'yes' }, variable: 'CONNECT_REQUIRE_SESSION' },
    { env: { CONNECT_SESSION_SECRET: 'short' }, variable: 'CONNECT_SESSION_SECRET' },
    { env: { CONNECT_API_KEYS: 'abc' }, variable: 'CONNECT_API_KEYS' },
    { env: { CONNECT_PUBLIC_ORIGIN: 'connect.example' }, variable: 'CONNECT_PUBLIC_ORIGIN' },
    { env: { CONNECT_TRUSTED_PROXIES: 'proxy.local' }, variable: 'CONNECT_TRUSTED_PROXIES' },
    { env: { CONNECT_TRUSTED_PROXIES: '10.0.0.0/33' }, variable: 'CONNECT_TRUSTED_PROXIES' },
    { env: { CONNECT_MAX_IN_FLIGHT: '0' }, variable: 'CONNECT_MAX_IN_FLIGHT' },
    { env: { CONNECT_MAX_IN_FLIGHT_PER_ADDRESS: 'many' }, variable: 'CONNECT_MAX_IN_FLIGHT_PER_ADDRESS' },
    {
      env: { CONNECT_MAX_IN_FLIGHT: '100', CONNECT_MAX_IN_FLIGHT_PER_ADDRESS: '101' },
      variable: 'CONNECT_MAX_IN_FLIGHT_PER_ADDRESS',
    },
    { env: { REDIS_URL: 'localhost:6379' }, variable: 'REDIS_URL' },
    { env: { CONNECT_APP_SCHEMES: 'myapp,intent' }, variable: 'CONNECT_APP_SCHEMES' },
    { env: { CONNECT_APP_SCHEMES: 'https' }, variable: 'CONNECT_APP_SCHEMES' },
    { env: { CONNECT_APP_SCHEMES: 'my app' }, variable: 'CONNECT_APP_SCHEMES' },
    {
      env: {
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: 'a',
        FLINKS_SECRET_KEY: 'b',
        CONNECT_API_KEYS: 'partner-backend-key-0000000001',
        CONNECT_SESSION_SECRET: 'deployment-secret-0123456789abcdef0123',
        CONNECT_REQUIRE_SESSION: 'false',
      },
      variable: 'CONNECT_REQUIRE_SESSION',
    },
  ])('rejects $env with a message naming $variable', ({ env, variable }) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(variable);
  });

  it('lists every problem at once and never echoes the secret key', () => {
    try {
      parseConfig({ PORT: 'x', SANDBOX_LATENCY_MS: 'y', FLINKS_SECRET_KEY: 'top-secret-value' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      // PORT, SANDBOX_LATENCY_MS, the incomplete FLINKS_*, and the proxy's missing CONNECT_API_KEYS and session secret.
      expect((error as ConfigError).problems).toHaveLength(5);
      expect((error as ConfigError).message).toMatch(/CONNECT_API_KEYS[\s\S]*CONNECT_SESSION_SECRET/);
      expect((error as ConfigError).message).not.toContain('top-secret-value');
    }
  });
});

describe('`npm run dev` (the Vite plugin)', () => {
  type Middleware = (request: { url?: string }, response: unknown, next: () => void) => void;
  const served = (url: string): string => {
    const plugin = embedConfigPlugin(() => deploymentConfig(parseConfig({})));
    let middleware: Middleware | undefined;
    const hook = plugin.configureServer as (server: { middlewares: { use(m: Middleware): void } }) => void;
    hook({ middlewares: { use: (m) => (middleware = m) } });
    const request = { url };
    let passed = false;
    middleware!(request, {}, () => (passed = true));
    expect(passed).toBe(true);
    return request.url;
  };

  it.each([
    ['/v2/', '/embed.html'],
    ['/v2?demo=true', '/embed.html?demo=true'],
    ['/v2/?demo=true&language=fr', '/embed.html?demo=true&language=fr'],
    ['/v2/Credential/FlinksCapital/?demo=true', '/embed.html?demo=true'],
    ['/v2/Testing/?demo=true', '/embed.html?demo=true'],
    ['/embed.html/?demo=true', '/embed.html?demo=true'],
  ])('serves the embed page for %s, its query kept', (url, expected) => {
    expect(served(url)).toBe(expected);
  });

  it.each([
    '/embed.html?demo=true',
    '/',
    '/v2/Other/page',
    '/v3/x/BankingServices/Authorize',
    '/src/embed/main.tsx',
  ])('leaves %s alone', (url) => {
    expect(served(url)).toBe(url);
  });
});
