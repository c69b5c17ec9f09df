import type { Context, Handler } from 'hono';
import * as v from 'valibot';
import {
  accountsDetailBodySchema,
  accountsSummaryBodySchema,
  answerMfaQuestionsBodySchema,
  authorizeBodySchema,
  statementsBodySchema,
  WIRE_ID,
} from '../src/api/wire';
import type { Audit, AuditEventName } from './audit';
import { addressOf, clientKeyOf } from './client-address';
import { bodyRefused, flinksError, isJsonContentType, notJson, readBounded, readStream } from './http';
import { minimisedDataAnswer } from './minimise';
import { oauthLoginKey } from './oauth-keys';
import type { BankUpstream } from './proxy';
import { isRevoked } from './revocation';
import type { ConnectSession, SessionSigner } from './sessions';
import type { SharedState } from './shared-state';

/**
 * The bank API as browsers reach it (CONTRACT §7): only inside a connect session, only the calls the widget makes,
 * only the fields it sends, and only for the RequestIds the session obtained itself. A call refused here never
 * reaches the bank (no authorize token is minted for it).
 */
export interface BankApiOptions {
  upstream: BankUpstream;
  signer: SessionSigner;
  state: SharedState;
  /** CONNECT_REQUIRE_SESSION (always true in proxy mode). */
  requireSession: boolean;
  /** Without a required session, a call that brings none goes here unchanged (the open sandbox). */
  open?: (request: Request) => Promise<Response>;
  /** CONNECT_PUBLIC_ORIGIN: this server's own origins, where the embed page runs. */
  publicOrigins: readonly string[];
  limits?: Partial<BankApiLimits>;
  /**
   * Proxy mode: data answers reach the browser reduced to what the account selector shows (server/minimise.ts).
   * A deployment setting, never a session's: no call and no session can turn it off.
   */
  minimiseData?: boolean;
  /**
   * Proxy mode: `Save`, `ScheduleRefresh` and `Tag` go upstream as the partner's backend set them on the session
   * (POST /connect/sessions), never as the browser sent them.
   */
  flagsFromSession?: boolean;
  now?: () => number;
  /** One line per refusal: the reason and the client's address, never a token or a body. */
  log?: (line: string) => void;
  /** The audit log (server/audit.ts): one event per call that reached the bank, and per refusal. */
  audit?: Audit;
}

export interface BankApiLimits {
  /** Authorize calls in one session: sign-ins, MFA answers and cached reads of a login alike. */
  signInsPerSession: number;
  /** Calls from one client address (an IPv6 one by its /64) in a minute. */
  callsPerAddressPerMinute: number;
  /** Calls of one session waiting for the bank at once. (The process's and each address's: server/in-flight.ts.) */
  inFlightPerSession: number;
}

const BANK_API_LIMITS: BankApiLimits = {
  signInsPerSession: 20,
  callsPerAddressPerMinute: 600,
  inFlightPerSession: 4,
};

/** The embed page names the page that frames it here; believed only from this server's own origins. */
export const PARENT_ORIGIN_HEADER = 'x-connect-parent-origin';

/** How long this server remembers which session obtained a RequestId: past Flinks' 30 minutes of processing. */
const GRANT_TTL_MS = 60 * 60 * 1000;
/** Account details can be large (a year of transactions); the widget itself reads at most 2 MB. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** Each call's body, checked with the wire contract's schema (src/api/wire.ts), the one the widget's bodies are typed from. */
type Fields = v.GenericSchema<unknown, Record<string, unknown>>;
const NO_FIELDS: Fields = v.object({});

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** Matches the path after `/BankingServices/`; group 1, when present, is the RequestId (or LoginId) in the path. */
  endpoint: RegExp;
  fields?: Fields;
  /** An Authorize body: one of its forms, each reduced to its own fields ({@link authorizeKind}). */
  authorize?: true;
  /** The call is about a login (Enhanced MFA): the LoginId, in the path or the body, must be the session's. */
  byLogin?: true;
  /** The answer carries account data: minimised in proxy mode. */
  data?: true;
}

// Only the calls the widget makes. DeleteCard, token minting and everything else are not reachable from a browser.
const ROUTES: readonly Route[] = [
  { method: 'POST', endpoint: /^Authorize$/, fields: authorizeBodySchema, authorize: true },
  { method: 'POST', endpoint: /^GetAccountsDetail$/, fields: accountsDetailBodySchema, data: true },
  { method: 'POST', endpoint: /^GetAccountsSummary$/, fields: accountsSummaryBodySchema, data: true },
  { method: 'POST', endpoint: /^GetStatements$/, fields: statementsBodySchema, data: true },
  { method: 'GET', endpoint: /^GetAccounts(?:Detail|Summary)Async\/([A-Za-z0-9-]{1,64})$/, data: true },
  // Enhanced MFA, right after a sign-in: only for the login that sign-in gave this session.
  { method: 'GET', endpoint: /^GetMFAQuestions\/([A-Za-z0-9-]{1,64})$/, byLogin: true },
  { method: 'PATCH', endpoint: /^AnswerMFAQuestions$/, fields: answerMfaQuestionsBodySchema, byLogin: true },
];

type Body = Record<string, unknown>;

/**
 * Keeps the known fields of a body, each of the right type and within its bounds; null when one is not (or one the
 * call needs is missing). Checking stops at the first problem: a body of many wrong items costs little.
 */
function pick(json: unknown, fields: Fields): Body | null {
  const result = v.safeParse(fields, json, { abortEarly: true });
  return result.success ? result.output : null;
}

function only(body: Body, names: readonly string[]): Body {
  return Object.fromEntries(
    names.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]),
  );
}

/** What an Authorize body asks for, reduced to the fields that kind of call carries. */
function authorizeKind(body: Body): { kind: 'answer' | 'cached' | 'credentials'; body: Body } | null {
  if (body.RequestId !== undefined) {
    return { kind: 'answer', body: only(body, ['RequestId', 'SecurityResponses', 'Language']) };
  }
  if (body.LoginId !== undefined) {
    return { kind: 'cached', body: only(body, ['LoginId', 'MostRecentCached', 'Language', 'Save', 'Tag']) };
  }
  if (
    typeof body.Institution !== 'string' ||
    typeof body.Username !== 'string' ||
    typeof body.Password !== 'string'
  ) {
    return null;
  }
  return {
    kind: 'credentials',
    body: only(body, [
      'Institution',
      'Username',
      'Password',
      'Language',
      'Save',
      'MostRecentCached',
      'Tag',
      'ScheduleRefresh',
    ]),
  };
}

class Refusal {
  constructor(
    readonly response: Response,
    readonly reason: string,
  ) {}
}

function sessionRefused(description: string): Refusal {
  return new Refusal(
    flinksError(401, 'ACCESS_DENIED', 'This connection needs a valid session.', {
      'www-authenticate': `Bearer realm="connect", error="invalid_token", error_description="${description}"`,
    }),
    description,
  );
}

function outOfScope(description: string): Refusal {
  return new Refusal(
    flinksError(403, 'ACCESS_DENIED', 'This session may not make this call.', {
      'www-authenticate': `Bearer realm="connect", error="insufficient_scope", error_description="${description}"`,
    }),
    description,
  );
}

function limited(description: string, retryAfterSeconds: number): Refusal {
  return new Refusal(
    flinksError(429, 'TOO_MANY_REQUESTS', 'Too many attempts in a short time.', {
      'retry-after': String(retryAfterSeconds),
    }),
    description,
  );
}

function invalid(description: string): Refusal {
  return new Refusal(flinksError(400, 'INVALID_REQUEST', 'The request is not valid.'), description);
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The page a call comes from. A browser names it in `Origin` (a same-origin GET names none, but says
 * `Sec-Fetch-Site: same-origin`). Our own embed page runs on this server's origin and names the page that frames
 * it in {@link PARENT_ORIGIN_HEADER}; that header is believed only from our own origins.
 */
export function callerOrigin(
  headers: { get(name: string): string | null | undefined },
  ownOrigin: string | null,
  publicOrigins: readonly string[],
): string | null {
  const origin = headers.get('origin');
  let caller: string | null = null;
  if (origin && origin !== 'null') caller = origin;
  else if (!origin && headers.get('sec-fetch-site') === 'same-origin') caller = ownOrigin;
  if (caller !== null && publicOrigins.includes(caller)) return headers.get(PARENT_ORIGIN_HEADER) ?? caller;
  return caller;
}

/** `{scheme}://{Host}` when the Host is one of this server's public origins. */
export function ownOriginFor(host: string | undefined, publicOrigins: readonly string[]): string | null {
  return publicOrigins.find((origin) => new URL(origin).host === host) ?? null;
}

async function readAnswer(
  response: Response,
): Promise<{ text: string; requestId: string | null; loginId: string | null } | null> {
  const read = await readStream(response.body, MAX_ANSWER_BYTES);
  if (read.kind !== 'text') return null;
  let requestId: string | null = null;
  let loginId: string | null = null;
  try {
    const json = JSON.parse(read.text) as { RequestId?: unknown; Login?: { Id?: unknown } | null };
    if (typeof json.RequestId === 'string' && WIRE_ID.test(json.RequestId)) requestId = json.RequestId;
    const login = json.Login?.Id;
    if (typeof login === 'string' && WIRE_ID.test(login)) loginId = login;
  } catch {
    // Not JSON: passed on as it is; the widget's client says what it makes of it.
  }
  return { text: read.text, requestId, loginId };
}

/** The `/v3/{customerId}/BankingServices/*` handler. */
export function bankApi(options: BankApiOptions): Handler {
  const limits = { ...BANK_API_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const audit = options.audit ?? (() => {});
  const { state, signer, upstream, publicOrigins } = options;
  const inFlightBySession = new Map<string, number>();

  const requestKey = (requestId: string) => `request:${requestId}`;
  const loginKey = (loginId: string) => `login:${loginId}`;

  /** The session may ask about this login: its own sign-in gave it, or it was created to reconnect it. */
  async function mayUseLogin(session: ConnectSession, loginId: string): Promise<boolean> {
    if (session.loginId === loginId) return true;
    return (await state.ownerOf(loginKey(loginId))) === session.id;
  }

  /**
   * The session may use this RequestId: it obtained it, or the partner's backend created it to resume that one,
   * whichever session obtained it first (the partner, holding the API key, hands it on).
   */
  async function mayUse(session: ConnectSession, requestId: string): Promise<boolean> {
    if (session.requestId === requestId) return true;
    return (await state.ownerOf(requestKey(requestId))) === session.id;
  }

  /** The session was created for this LoginId, or an OAuth return brought it to this session. */
  async function mayReconnect(session: ConnectSession, loginId: string): Promise<boolean> {
    if (loginId === session.loginId) return true;
    return (await state.ownerOf(oauthLoginKey(loginId, session.id))) === session.id;
  }

  async function gate(
    c: Context,
    route: Route,
    match: RegExpExecArray,
    seen: { session?: ConnectSession },
  ): Promise<Response> {
    const token = bearerToken(c.req.header('authorization'));
    if (token === null) throw sessionRefused('no session');
    const session = signer.verify(token, now());
    if (session === null) throw sessionRefused('session not valid or expired');
    seen.session = session;
    if (await isRevoked(state, session.id)) throw sessionRefused('session revoked');
    const own = ownOriginFor(new URL(c.req.url).host, publicOrigins);
    const caller = callerOrigin({ get: (name) => c.req.header(name) ?? null }, own, publicOrigins);
    if (caller !== session.parentOrigin) throw sessionRefused('session used from another origin');

    const calls = await state.count(`address:${clientKeyOf(c.req.raw)}`, 60_000);
    if (calls > limits.callsPerAddressPerMinute) throw limited('calls per address', 60);

    let body: Body | undefined;
    let requestId = route.byLogin ? null : (match[1] ?? null);
    let loginId = route.byLogin ? (match[1] ?? null) : null;
    let attempt = false;
    let event: AuditEventName = route.data ? 'data_read' : 'mfa_answer';
    if (route.method !== 'GET') {
      if (!isJsonContentType(c.req.header('content-type'))) throw new Refusal(notJson(), 'not json');
      // Read inside the in-flight limits (server/in-flight.ts), within its deadline and the body budget.
      const read = await readBounded(c.req.raw);
      if (read.kind !== 'text') throw new Refusal(bodyRefused(read), `body ${read.kind}`);
      let json: unknown;
      try {
        json = JSON.parse(read.text);
      } catch {
        throw invalid('body not JSON');
      }
      const picked = pick(json, route.fields ?? NO_FIELDS);
      if (picked === null) throw invalid('field of the wrong type');
      body = picked;
      if (route.authorize) {
        const authorize = authorizeKind(picked);
        if (authorize === null) throw invalid('sign-in without institution, username and password');
        body = authorize.body;
        if (authorize.kind === 'cached' && !(await mayReconnect(session, String(body.LoginId)))) {
          throw outOfScope('loginId not of this session');
        }
        attempt = true;
        event = { credentials: 'sign_in', cached: 'reconnect', answer: 'mfa_answer' }[
          authorize.kind
        ] as AuditEventName;
        if (authorize.kind !== 'answer') {
          if (options.flagsFromSession) {
            delete body.Save;
            delete body.ScheduleRefresh;
            delete body.Tag;
            if (session.save !== undefined) body.Save = session.save;
            if (session.scheduleRefresh !== undefined && authorize.kind === 'credentials') {
              body.ScheduleRefresh = session.scheduleRefresh;
            }
          }
          if (session.tag !== undefined) body.Tag = session.tag;
          if (body.Language === undefined && session.language) body.Language = session.language;
        }
      }
      requestId = typeof body.RequestId === 'string' ? body.RequestId : null;
      if (route.byLogin) loginId = typeof body.LoginId === 'string' ? body.LoginId : null;
      else if (!route.authorize && requestId === null) throw invalid('no RequestId');
    }
    if (route.byLogin && (loginId === null || !(await mayUseLogin(session, loginId)))) {
      throw outOfScope('loginId not of this session');
    }
    if (requestId !== null && !(await mayUse(session, requestId))) {
      throw outOfScope('requestId not obtained by this session');
    }
    if (attempt) {
      const windowMs = Math.max(1000, session.expiresAt * 1000 - now());
      const signIns = await state.count(`sign-in:${session.id}`, windowMs);
      if (signIns > limits.signInsPerSession)
        throw limited('Authorize attempts per session', Math.ceil(windowMs / 1000));
    }

    const mine = inFlightBySession.get(session.id) ?? 0;
    if (mine >= limits.inFlightPerSession) throw limited('in flight per session', 1);
    inFlightBySession.set(session.id, mine + 1);
    try {
      const endpoint = match[0];
      const response = await upstream.send({
        method: route.method,
        endpoint,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        authorize: route.authorize === true,
      });
      const answer = await readAnswer(response);
      if (answer === null) {
        return flinksError(
          502,
          'RETRY_LATER',
          'The bank connection service sent an answer too large to pass on.',
        );
      }
      audit({
        event,
        sessionId: session.id,
        keyId: session.keyId ?? null,
        origin: caller,
        address: addressOf(c.req.raw),
        loginId: answer.loginId ?? (typeof body?.LoginId === 'string' ? body.LoginId : loginId),
        outcome: String(response.status),
      });
      const text = route.data && options.minimiseData ? minimisedDataAnswer(answer.text) : answer.text;
      if (text === null) {
        return flinksError(
          502,
          'RETRY_LATER',
          'The bank connection service sent an answer this server could not read.',
        );
      }
      if (answer.requestId !== null) {
        // A RequestId another session holds stays that session's: `mayUse` refuses it to this one.
        await state.claim(requestKey(answer.requestId), session.id, GRANT_TTL_MS);
      }
      if (answer.loginId !== null && route.authorize) {
        // The login this session signed in to: Enhanced MFA may ask about it, no other session may.
        await state.claim(loginKey(answer.loginId), session.id, GRANT_TTL_MS);
      }
      return new Response(text, {
        status: response.status,
        headers: {
          'content-type': response.headers.get('content-type') ?? 'application/json',
          'cache-control': 'no-store',
          ...(response.headers.get('retry-after')
            ? { 'retry-after': response.headers.get('retry-after') ?? '' }
            : {}),
          // The language of the bank's text in the answer: the widget marks it when it differs from the screen's.
          ...(response.headers.get('content-language')
            ? { 'content-language': response.headers.get('content-language') ?? '' }
            : {}),
        },
      });
    } finally {
      const left = (inFlightBySession.get(session.id) ?? 1) - 1;
      if (left > 0) inFlightBySession.set(session.id, left);
      else inFlightBySession.delete(session.id);
    }
  }

  return async (c) => {
    const request = c.req.raw;
    if (!options.requireSession && options.open && c.req.header('authorization') === undefined) {
      // A cross-site form can POST text/plain without a preflight: only JSON reaches the bank, session or not.
      // A bodiless POST (Flinks' GenerateAuthorizeToken) needs no type; any body must be JSON.
      const length = c.req.header('content-length');
      const hasBody = length !== undefined ? Number(length) > 0 : request.body !== null;
      if (request.method === 'POST' && hasBody && !isJsonContentType(c.req.header('content-type')))
        return notJson();
      return options.open(request);
    }
    const endpoint = new URL(request.url).pathname.split('/BankingServices/')[1] ?? '';
    const found = ROUTES.map((route) => ({
      route,
      match: route.method === request.method ? route.endpoint.exec(endpoint) : null,
    })).find((candidate) => candidate.match !== null);
    if (!found?.match) return flinksError(404, 'METHOD_NOT_AVAILABLE', 'This endpoint is not available.');
    const seen: { session?: ConnectSession } = {};
    try {
      return await gate(c, found.route, found.match, seen);
    } catch (error) {
      if (error instanceof Refusal) {
        log(`refused (${error.reason}) from ${addressOf(request)}`);
        audit({
          event: 'refused',
          sessionId: seen.session?.id ?? null,
          keyId: seen.session?.keyId ?? null,
          origin: c.req.header('origin') ?? null,
          address: addressOf(request),
          outcome: error.reason,
        });
        return error.response;
      }
      // The shared state (Redis) could not answer: refuse rather than let an unchecked call through.
      log(`refused (shared state unavailable) from ${addressOf(request)}`);
      return flinksError(503, 'RETRY_LATER', 'The service is busy. Try again in a moment.', {
        'retry-after': '5',
      });
    }
  };
}
