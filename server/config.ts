import { clientKeyOf, parseRange } from './client-address';
import { randomSecret } from './sessions';
import { TOKEN_POOL_MAX_AGE_MS, TOKEN_POOL_MAX_SIZE, TOKEN_POOL_SIZE } from './token-pool';
import { isAppScheme } from '../src/embed/app-link';
import { parseFaults, SANDBOX_CUSTOMER_ID, type FaultOptions, type SandboxOptions } from '../src/sandbox';

/** Forward the widget's calls to a real Flinks instance instead of the sandbox (FLINKS_*). */
export interface ProxyConfig {
  instance: string;
  customerId: string;
  /** Never logged, never sent to a browser. */
  secretKey: string;
  /** FLINKS_UPSTREAM_URL: replaces `https://{instance}-api.private.fin.ag` (e.g. a local sandbox in tests). */
  upstreamUrl: string | null;
  /** FLINKS_TOKEN_POOL_SIZE, FLINKS_TOKEN_POOL_REFRESH_MS: authorize tokens minted ahead (`token-pool.ts`). */
  tokenPool?: { size: number; maxAgeMs: number };
}

/** What `npm start` runs with, from the environment (CONTRACT §2). */
export interface ServerConfig {
  port: number;
  /** An interface to bind (HOST); null binds both loopbacks, 127.0.0.1 and ::1. */
  host: string | null;
  /** Base URL of the Flinks-compatible API the embed page talks to: a same-origin path or an absolute URL. */
  apiUrl: string;
  /** Origins that may frame /embed.html and receive its events. */
  allowedOrigins: string[];
  /** CONNECT_REDIRECT_ORIGINS: where a `redirectUrl` may send the person; unset: the allowed origins. */
  redirectOrigins?: string[];
  requestTimeoutMs: number;
  sandbox: {
    sessionTtlMs: number;
    pendingMs: number;
    latencyMs: number;
    /** Requests per minute per client; 0 turns the limit off. */
    rateLimitPerMinute: number;
    /** SANDBOX_FAULTS: injected failures; unset (the default) for none. */
    faults?: FaultOptions;
  };
  proxy: ProxyConfig | null;
  /** Connect sessions (CONTRACT §7). */
  sessions: SessionConfig;
  /** CONNECT_PUBLIC_ORIGIN: the origins browsers reach this server by; any other Host is refused. */
  publicOrigins: string[];
  /** CONNECT_TRUSTED_PROXIES: addresses and CIDR ranges whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** How much of this process one client, and all of them, may hold at once. */
  limits: ClientLimits;
  /** REDIS_URL: shared state for several server processes; null keeps it in this process. */
  redisUrl: string | null;
  /** CONNECT_APP_SCHEMES: custom schemes (`myapp`) a webview's redirectUrl may use; none by default. */
  appSchemes: string[];
}

/** The in-flight limits a deployment sets (CONNECT_MAX_IN_FLIGHT, CONNECT_MAX_IN_FLIGHT_PER_ADDRESS). */
export interface ClientLimits {
  /** API calls this process handles at once, bodies being read included. */
  inFlight: number;
  /** Of those, how many one client (an IPv4 address, an IPv6 /64) may have. */
  inFlightPerAddress: number;
}

/**
 * Room for well over 1,000 people signing in at once from as many addresses, while one address holds at most 32 of
 * the 1,024 slots. Each slot holds at most 16 kB of body in memory; larger bodies share a separate budget.
 */
export const CLIENT_LIMITS: ClientLimits = { inFlight: 1024, inFlightPerAddress: 32 };

export interface SessionConfig {
  /** CONNECT_API_KEYS: what a partner's backend authenticates with on POST /connect/sessions. Never logged. */
  apiKeys: string[];
  /** CONNECT_SESSION_SECRET, comma-separated: the first signs, all are honoured (rotation). Never logged. */
  secrets: string[];
  /** True when the secret was made up for this process (sandbox mode without CONNECT_SESSION_SECRET). */
  secretIsRandom: boolean;
  /** CONNECT_REQUIRE_SESSION; always true in proxy mode. */
  required: boolean;
}

/** Thrown by {@link parseConfig} with every problem found, one per line, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The server configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads one variable; an empty value counts as unset. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return fallback;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function origins(
  env: Env,
  name: 'CONNECT_ALLOWED_ORIGINS' | 'CONNECT_PUBLIC_ORIGIN' | 'CONNECT_REDIRECT_ORIGINS',
  port: number,
  problems: string[],
): string[] {
  const value = read(env, name);
  if (value === undefined) return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const list = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const wrong = list.filter((origin) => !isOrigin(origin));
  if (list.length === 0 || wrong.length > 0) {
    problems.push(
      `${name} must be comma-separated origins like https://partner.example or http://localhost:3000, without a path or a trailing slash (got ${wrong.map((origin) => `"${origin}"`).join(', ') || 'an empty list'})`,
    );
  }
  return list;
}

function apiUrl(env: Env, problems: string[]): string {
  const value = read(env, 'CONNECT_API_URL');
  if (value === undefined) return `/v3/${SANDBOX_CUSTOMER_ID}/BankingServices`;
  const withoutSlash = value.replace(/\/+$/, '');
  if (withoutSlash.startsWith('/') && !withoutSlash.startsWith('//')) return withoutSlash;
  try {
    const url = new URL(withoutSlash);
    if (url.protocol === 'http:' || url.protocol === 'https:') return withoutSlash;
  } catch {
    // reported below
  }
  problems.push(
    `CONNECT_API_URL must be an http(s) URL such as https://toolbox-api.private.fin.ag/v3/<customerId>/BankingServices, or a path on this server starting with / (got "${value}")`,
  );
  return withoutSlash;
}

function faults(env: Env, problems: string[]): FaultOptions | undefined {
  const value = read(env, 'SANDBOX_FAULTS');
  if (value === undefined) return undefined;
  const parsed = parseFaults(value);
  if (parsed.ok) return parsed.faults ?? undefined;
  problems.push(
    `SANDBOX_FAULTS must look like rate=0.2,kinds=500|timeout|malformed|slow|reset,seed=42: ${parsed.problem}`,
  );
  return undefined;
}

function proxy(env: Env, problems: string[]): ProxyConfig | null {
  const instance = read(env, 'FLINKS_INSTANCE');
  const customerId = read(env, 'FLINKS_CUSTOMER_ID');
  const secretKey = read(env, 'FLINKS_SECRET_KEY');
  if (instance === undefined && customerId === undefined && secretKey === undefined) return null;
  const missing = [
    ['FLINKS_INSTANCE', instance],
    ['FLINKS_CUSTOMER_ID', customerId],
    ['FLINKS_SECRET_KEY', secretKey],
  ]
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length > 0) {
    problems.push(
      `Proxy mode needs FLINKS_INSTANCE, FLINKS_CUSTOMER_ID and FLINKS_SECRET_KEY together; missing ${missing.join(', ')}`,
    );
    return null;
  }
  if (instance && !/^[a-z0-9-]+$/i.test(instance)) {
    problems.push(
      `FLINKS_INSTANCE must be an instance name such as toolbox (letters, digits, dashes; got "${instance}")`,
    );
  }
  const upstreamUrl = read(env, 'FLINKS_UPSTREAM_URL') ?? null;
  if (upstreamUrl !== null && !/^https?:\/\/[^/]+\/?$/.test(upstreamUrl)) {
    problems.push(
      `FLINKS_UPSTREAM_URL must be an origin such as http://127.0.0.1:5180 (got "${upstreamUrl}")`,
    );
  }
  const tokenPool = {
    size: integer(env, 'FLINKS_TOKEN_POOL_SIZE', TOKEN_POOL_SIZE, 0, TOKEN_POOL_MAX_SIZE, problems),
    // Never longer than the tokens' 30 minutes minus the pool's 5-minute margin.
    maxAgeMs: integer(
      env,
      'FLINKS_TOKEN_POOL_REFRESH_MS',
      TOKEN_POOL_MAX_AGE_MS,
      1000,
      TOKEN_POOL_MAX_AGE_MS,
      problems,
    ),
  };
  return instance && customerId && secretKey
    ? { instance, customerId, secretKey, upstreamUrl, tokenPool }
    : null;
}

function list(env: Env, name: string): string[] {
  return (read(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Long enough that guessing is hopeless; short ones are refused rather than silently weak. */
const MIN_SECRET_LENGTH = 32;
const MIN_API_KEY_LENGTH = 24;

function sessionConfig(env: Env, proxyMode: boolean, problems: string[]): SessionConfig {
  const apiKeys = list(env, 'CONNECT_API_KEYS');
  const secrets = list(env, 'CONNECT_SESSION_SECRET');
  const requireValue = read(env, 'CONNECT_REQUIRE_SESSION');
  if (requireValue !== undefined && requireValue !== 'true' && requireValue !== 'false') {
    problems.push(`CONNECT_REQUIRE_SESSION must be true or false (got "${requireValue}")`);
  }
  if (proxyMode && requireValue === 'false') {
    problems.push(
      'CONNECT_REQUIRE_SESSION cannot be false in proxy mode: a real bank is only reached inside a session',
    );
  }
  if (proxyMode && apiKeys.length === 0) {
    problems.push('Proxy mode needs CONNECT_API_KEYS: the keys your backend uses to create connect sessions');
  }
  if (proxyMode && secrets.length === 0) {
    problems.push(
      'Proxy mode needs CONNECT_SESSION_SECRET (at least 32 characters), the same in every server process',
    );
  }
  if (apiKeys.some((key) => key.length < MIN_API_KEY_LENGTH)) {
    problems.push(`Each of CONNECT_API_KEYS must be at least ${MIN_API_KEY_LENGTH} characters long`);
  }
  if (secrets.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    problems.push(`CONNECT_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  return {
    apiKeys,
    secrets: secrets.length > 0 ? secrets : [randomSecret()],
    secretIsRandom: secrets.length === 0,
    required: proxyMode || requireValue === 'true',
  };
}

function trustedProxies(env: Env, problems: string[]): string[] {
  const proxies = list(env, 'CONNECT_TRUSTED_PROXIES');
  const wrong = proxies.filter((entry) => parseRange(entry) === null);
  if (wrong.length > 0) {
    problems.push(
      `CONNECT_TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges such as 10.0.0.5, 10.0.0.0/8 or fd00::/8 (got ${wrong.map((address) => `"${address}"`).join(', ')})`,
    );
  }
  const everyone = proxies.filter((entry) => parseRange(entry)?.prefix === 0);
  if (everyone.length > 0) {
    problems.push(
      `CONNECT_TRUSTED_PROXIES must name your load balancers, not every address (${everyone.join(', ')}): anyone could then choose the address their limits count`,
    );
  }
  return proxies;
}

function clientLimits(env: Env, problems: string[]): ClientLimits {
  const inFlight = integer(env, 'CONNECT_MAX_IN_FLIGHT', CLIENT_LIMITS.inFlight, 1, 1_000_000, problems);
  const inFlightPerAddress = integer(
    env,
    'CONNECT_MAX_IN_FLIGHT_PER_ADDRESS',
    // With a smaller process cap, a client's default share shrinks with it: an eighth at most.
    Math.min(CLIENT_LIMITS.inFlightPerAddress, Math.max(1, Math.floor(inFlight / 8))),
    1,
    1_000_000,
    problems,
  );
  if (inFlightPerAddress > inFlight) {
    problems.push(
      `CONNECT_MAX_IN_FLIGHT_PER_ADDRESS (${inFlightPerAddress}) must not be above CONNECT_MAX_IN_FLIGHT (${inFlight}): one client could take every slot`,
    );
  }
  return { inFlight, inFlightPerAddress };
}

function appSchemes(env: Env, problems: string[]): string[] {
  const schemes = list(env, 'CONNECT_APP_SCHEMES').map((scheme) => scheme.replace(/:(?:\/\/)?$/, ''));
  const wrong = schemes.filter((scheme) => !isAppScheme(scheme));
  if (wrong.length > 0) {
    problems.push(
      `CONNECT_APP_SCHEMES must be comma-separated lower-case app schemes such as myapp, never a browser's own such as https, intent or content (got ${wrong.map((scheme) => `"${scheme}"`).join(', ')})`,
    );
  }
  return schemes;
}

function redisUrl(env: Env, problems: string[]): string | null {
  const value = read(env, 'REDIS_URL');
  if (value === undefined) return null;
  if (!/^rediss?:\/\//.test(value)) {
    problems.push('REDIS_URL must look like redis://127.0.0.1:6379 or rediss://… (TLS)');
  }
  return value;
}

/**
 * Reads the server configuration from the environment (CONTRACT §2), validating every value.
 *
 * @throws {ConfigError} listing every variable with a bad value.
 * @example
 * const config = parseConfig({ PORT: '5399', SANDBOX_LATENCY_MS: '0' });
 */
export function parseConfig(env: Env): ServerConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 5173, 0, 65535, problems);
  const config: ServerConfig = {
    port,
    host: read(env, 'HOST') ?? null,
    apiUrl: apiUrl(env, problems),
    allowedOrigins: origins(env, 'CONNECT_ALLOWED_ORIGINS', port, problems),
    ...(read(env, 'CONNECT_REDIRECT_ORIGINS') === undefined
      ? {}
      : { redirectOrigins: origins(env, 'CONNECT_REDIRECT_ORIGINS', port, problems) }),
    requestTimeoutMs: integer(env, 'CONNECT_REQUEST_TIMEOUT_MS', 240_000, 1, 3_600_000, problems),
    sandbox: {
      sessionTtlMs: integer(env, 'SANDBOX_SESSION_TTL_MS', 480_000, 1, 86_400_000, problems),
      pendingMs: integer(env, 'SANDBOX_PENDING_MS', 3000, 0, 3_600_000, problems),
      latencyMs: integer(env, 'SANDBOX_LATENCY_MS', 300, 0, 600_000, problems),
      rateLimitPerMinute: integer(env, 'SANDBOX_RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000, problems),
      faults: faults(env, problems),
    },
    proxy: proxy(env, problems),
    sessions: sessionConfig(
      env,
      read(env, 'FLINKS_INSTANCE') !== undefined || read(env, 'FLINKS_SECRET_KEY') !== undefined,
      problems,
    ),
    publicOrigins: origins(env, 'CONNECT_PUBLIC_ORIGIN', port, problems),
    trustedProxies: trustedProxies(env, problems),
    limits: clientLimits(env, problems),
    redisUrl: redisUrl(env, problems),
    appSchemes: appSchemes(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The sandbox's options for this configuration. */
export function sandboxOptions(config: ServerConfig): SandboxOptions {
  const { sessionTtlMs, pendingMs, latencyMs, rateLimitPerMinute, faults } = config.sandbox;
  return {
    // A held call outlasts the embed page's own wait, so the page meets its TIMEOUT rather than a dropped connection.
    ...(faults ? { faults: { maxHoldMs: config.requestTimeoutMs + 1000, ...faults } } : {}),
    sessionTtlMs,
    pendingMs,
    latencyMs,
    // Limits are keyed on the client's real address (the socket's, or behind CONNECT_TRUSTED_PROXIES the first
    // untrusted hop; an IPv6 one by its /64), never on a header anyone can rotate.
    clientKey: clientKeyOf,
    rateLimit:
      rateLimitPerMinute === 0
        ? { max: Number.POSITIVE_INFINITY, windowMs: 60_000 }
        : { max: rateLimitPerMinute, windowMs: 60_000 },
  };
}

/**
 * The configuration once the server is listening: with PORT=0 (a free port), the origins derived from the port
 * (the defaults of CONNECT_ALLOWED_ORIGINS and CONNECT_PUBLIC_ORIGIN) take the port actually bound.
 */
export function boundConfig(config: ServerConfig, port: number): ServerConfig {
  if (config.port !== 0) return config;
  const bind = (origins: string[]) => origins.map((origin) => origin.replace(/:0$/, `:${port}`));
  return {
    ...config,
    port,
    allowedOrigins: bind(config.allowedOrigins),
    publicOrigins: bind(config.publicOrigins),
  };
}
