import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { handleAuthorize } from './authorize';
import { errorReply, type Reply, type SandboxContext } from './context';
import {
  handleAccountsAsync,
  handleAccountsDetail,
  handleAccountsSummary,
  handleStatements,
  handleDeleteCard,
  handleGenerateToken,
} from './data';
import { SANDBOX_MESSAGES, sandboxError } from './errors';
import {
  createFaultPlan,
  injectFaults,
  isDropped,
  SandboxConnectionReset,
  type FaultKind,
  type FaultOptions,
} from './faults';
import { handleAnswerMfaQuestions, handleGetMfaQuestions } from './enhanced-mfa';
import { institutionsBody } from './institutions';
import { oauthRoutes } from './oauth';
import { RateLimiter, type RateLimit } from './rate-limit';
import { SandboxStore } from './store';

export interface SandboxOptions {
  /** The clock (ms since epoch). Default: the current `Date.now`, looked up at each call. */
  now?: (() => number) | undefined;
  /** Inactivity after which a RequestId expires (SESSION_EXPIRED). Default 480000 (8 minutes). */
  sessionTtlMs?: number | undefined;
  /** How long a new login's data stays "processing" (OPERATION_PENDING, CARD_IN_USE). Default 3000. */
  pendingMs?: number | undefined;
  /** Simulated bank latency of each /Authorize call. Default 300; 0 in tests. */
  latencyMs?: number | undefined;
  /** How latency (and a `slow` or `timeout` fault) is waited for. Default a `setTimeout`; tests pass one they control. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /**
   * Greatday's security question, the same at every sign-in: `0` asks for the city, `1` the country, `2` the shape
   * (`FLINKS_CAPITAL_QUESTIONS[question]`). For tests that answer one question; `flinksCapitalAnswer(prompt)` answers
   * whichever is asked. Without it, each sign-in draws one of the three with `random`.
   */
  question?: 0 | 1 | 2 | undefined;
  /** Draws Greatday's question (one of three) when `question` is not set. Default `Math.random`. */
  random?: (() => number) | undefined;
  /** Origins allowed to call the API from a browser (CORS); `*` allows any. Default none: same origin only. */
  allowedOrigins?: string[] | undefined;
  /** Largest request body accepted (413 INVALID_REQUEST above). Default 1 MB. */
  maxBodyBytes?: number | undefined;
  /** Requests per client per window (429 TOO_MANY_REQUESTS above). Default 300 per minute. */
  rateLimit?: RateLimit | undefined;
  /** Who a request comes from, for the rate limit. Default: the first `x-forwarded-for` address, else one shared key. */
  clientKey?: ((request: Request) => string) | undefined;
  /** Injected failures (SANDBOX_FAULTS): off by default. See `faults.ts`. */
  faults?: FaultOptions | undefined;
  /** Made-up institutions GET /Institutions lists after the real ones. Default 4000. */
  catalogSize?: number | undefined;
  /**
   * Origins besides its own that the OAuth bank may send a browser back to (Flinks whitelists a partner's redirect
   * URLs). Default none: only pages of the server the sandbox runs on.
   */
  oauthRedirectOrigins?: string[] | undefined;
}

/** One request as the sandbox logs it: never a password, an MFA answer or a token. */
export interface SandboxLogEntry {
  method: string;
  path: string;
  /** When it arrived (ms since epoch, from the sandbox's clock). */
  at: number;
  username?: string | undefined;
  requestId?: string | undefined;
  /** The failure injected into this request instead of (or, for `slow`, before) its answer. */
  fault?: FaultKind | undefined;
}

export interface SandboxStats {
  /** Open RequestIds (waiting for MFA, or authorized), expired ones excluded. */
  sessions: number;
  /** LoginIds issued and not deleted. */
  logins: number;
  /** Accounts with an /Authorize call inside its bank latency. */
  inFlight: number;
}

/**
 * The simulated Flinks v3 API (Flinks Capital and its personas). One fetch handler, served by Node
 * (`sandbox/node`), by MSW (`sandbox/msw`) or called in-process.
 *
 * @example
 * const sandbox = createSandbox({ latencyMs: 0 });
 * const response = await sandbox.fetch(
 *   new Request('http://sandbox/v3/any-customer/BankingServices/Authorize', {
 *     method: 'POST',
 *     headers: { 'content-type': 'application/json' },
 *     body: JSON.stringify({ Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' }),
 *   }),
 * );
 */
export interface Sandbox {
  /** Rejects with a TypeError ({@link SandboxConnectionReset}) when a fault drops the connection, as `fetch` does. */
  fetch(request: Request): Promise<Response>;
  /** The last 1,000 requests, oldest first. */
  readonly log: ReadonlyArray<Readonly<SandboxLogEntry>>;
  stats(): SandboxStats;
  /** Forgets every session, login, token, rate-limit window and log entry, and replays faults from the seed. */
  reset(): void;
}

const LOG_SIZE = 1000;
const MEGABYTE = 1024 * 1024;

function defaultSleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

function defaultClientKey(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

/**
 * The language of the sandbox's own text (security questions, choices, messages) when nothing chose another: an
 * answer in a session's language (`Language: "fr"` on Authorize) declares that one. Declared on every answer
 * (`Content-Language`), as a bank API should, so the widget marks the bank's text with its `lang` whenever it differs
 * from the screen's.
 */
const SANDBOX_TEXT_LANGUAGE = 'en';

function toResponse(reply: Reply, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-language': reply.language ?? SANDBOX_TEXT_LANGUAGE,
      ...headers,
    },
  });
}

/** Fills the log entry's RequestId from the answer when the handler did not know it beforehand. */
function traced(reply: Reply, entry: SandboxLogEntry): Response {
  if (
    entry.requestId === undefined &&
    'RequestId' in reply.body &&
    typeof reply.body.RequestId === 'string'
  ) {
    entry.requestId = reply.body.RequestId;
  }
  return toResponse(reply);
}

function numberParam(value: string | undefined): number | undefined {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** A new sandbox bank, with its own sessions and logins: one per test file, `reset()` between tests. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? (() => Date.now()); // read late, so fake timers installed after creation move it too
  const store = new SandboxStore(options.sessionTtlMs ?? 480_000);
  const ctx: SandboxContext = {
    store,
    now,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    question: options.question ?? null,
    latencyMs: options.latencyMs ?? 300,
    pendingMs: options.pendingMs ?? 3000,
  };
  const limiter = new RateLimiter(options.rateLimit ?? { max: 300, windowMs: 60_000 });
  const clientKey = options.clientKey ?? defaultClientKey;
  const log: SandboxLogEntry[] = [];

  const app = new Hono<{ Variables: { entry: SandboxLogEntry } }>();

  // Housekeeping and the log first: every request drops what expired and is recorded, even a refused one.
  app.use(async (c, next) => {
    store.sweep(now());
    const entry: SandboxLogEntry = { method: c.req.method, path: new URL(c.req.url).pathname, at: now() };
    log.push(entry);
    if (log.length > LOG_SIZE) log.shift();
    c.set('entry', entry);
    await next();
  });

  if (options.allowedOrigins) {
    const allowed = options.allowedOrigins;
    app.use(
      cors({
        origin: (origin) => (allowed.includes('*') || allowed.includes(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['content-type', 'flinks-auth-key', 'x-api-key'],
        exposeHeaders: ['retry-after'],
        maxAge: 600,
      }),
    );
  }

  app.use(async (c, next) => {
    const waitMs = limiter.hit(clientKey(c.req.raw), now());
    if (waitMs === null) return next();
    const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
    return toResponse(errorReply(sandboxError(429, 'TOO_MANY_REQUESTS')), { 'retry-after': retryAfter });
  });

  const faultPlan = options.faults ? createFaultPlan(options.faults) : null;
  if (options.faults && faultPlan) {
    app.use(
      '/v3/*',
      injectFaults<{ Variables: { entry: SandboxLogEntry } }>(options.faults, faultPlan, {
        sleep: options.sleep,
        onFault: (c, kind) => {
          c.get('entry').fault = kind;
        },
      }),
    );
  }

  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? MEGABYTE,
      // The rest of the body is never read, so this connection cannot carry another request.
      onError: () =>
        toResponse(errorReply(sandboxError(413, 'INVALID_REQUEST', SANDBOX_MESSAGES.PAYLOAD_TOO_LARGE)), {
          connection: 'close',
        }),
    }),
  );

  const api = new Hono<{ Variables: { entry: SandboxLogEntry } }>();
  api.post('/Authorize', async (c) => {
    const entry = c.get('entry');
    const token = c.req.header('flinks-auth-key') ?? null;
    return traced(await handleAuthorize(ctx, await c.req.text(), token, entry), entry);
  });
  api.post('/GetAccountsDetail', async (c) => {
    const entry = c.get('entry');
    return traced(handleAccountsDetail(ctx, await c.req.text(), entry), entry);
  });
  api.post('/GetAccountsSummary', async (c) => {
    const entry = c.get('entry');
    return traced(handleAccountsSummary(ctx, await c.req.text(), entry), entry);
  });
  api.post('/GetStatements', async (c) => {
    const entry = c.get('entry');
    return traced(handleStatements(ctx, await c.req.text(), entry), entry);
  });
  api.get('/GetAccountsDetailAsync/:requestId', (c) => {
    const entry = c.get('entry');
    entry.requestId = c.req.param('requestId');
    return traced(handleAccountsAsync(ctx, 'detail', entry.requestId), entry);
  });
  api.get('/GetAccountsSummaryAsync/:requestId', (c) => {
    const entry = c.get('entry');
    entry.requestId = c.req.param('requestId');
    return traced(handleAccountsAsync(ctx, 'summary', entry.requestId), entry);
  });
  api.get('/GetMFAQuestions/:loginId', (c) =>
    traced(handleGetMfaQuestions(ctx, c.req.param('loginId')), c.get('entry')),
  );
  api.patch('/AnswerMFAQuestions', async (c) => {
    const entry = c.get('entry');
    // The log learns whose questions they were, never the answers.
    return traced(handleAnswerMfaQuestions(ctx, await c.req.text(), entry), entry);
  });
  api.delete('/DeleteCard/:loginId', (c) =>
    traced(handleDeleteCard(ctx, c.req.param('loginId')), c.get('entry')),
  );
  api.post('/GenerateAuthorizeToken', (c) =>
    // The token itself stays out of the log: `traced` only copies a RequestId.
    toResponse(handleGenerateToken(ctx, c.req.header('flinks-auth-key') ?? null)),
  );
  // A page of the catalog is the same every time: written once, so listing it costs no more than any other call.
  const institutionPages = new Map<string, string>();
  api.get('/Institutions', (c) => {
    const countries = c.req.query('countries');
    const skip = numberParam(c.req.query('skip'));
    const take = numberParam(c.req.query('take'));
    const key = `${skip}:${take}:${countries}`;
    let text = institutionPages.get(key);
    if (text === undefined) {
      text = JSON.stringify(
        institutionsBody({
          skip,
          take,
          ...(options.catalogSize !== undefined ? { generated: options.catalogSize } : {}),
          ...(countries ? { countries: countries.split(',') } : {}),
        }),
      );
      if (institutionPages.size < 100) institutionPages.set(key, text);
    }
    return new Response(text, {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  });

  app.route('/', oauthRoutes(ctx, options.oauthRedirectOrigins ?? []));
  app.route('/v3/:customerId/BankingServices', api);
  app.notFound(() =>
    toResponse(errorReply(sandboxError(404, 'INVALID_REQUEST', SANDBOX_MESSAGES.NOT_FOUND))),
  );
  app.onError((error) => {
    console.error('Sandbox: unexpected failure', error);
    return toResponse(errorReply(sandboxError(500, 'AGGREGATION_ERROR')));
  });

  return {
    fetch: async (request) => {
      const response = await app.fetch(request);
      // A dropped connection is no answer at all: reject as fetch does on a network failure.
      if (isDropped(request)) throw new SandboxConnectionReset();
      return response;
    },
    get log() {
      return log;
    },
    stats() {
      store.sweep(now());
      return store.stats();
    },
    reset() {
      store.clear();
      limiter.clear();
      log.length = 0;
      faultPlan?.restart();
    },
  };
}
