import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { OAUTH_MESSAGE_SOURCE } from '../src/api/oauth-message';
import * as v from 'valibot';
import {
  oauthRedeemBodySchema,
  oauthStateBodySchema,
  WIRE_ID,
  WIRE_OAUTH_STATE,
  type OAuthOutcome,
  type OAuthReturnMessage,
} from '../src/api/wire';
import { bearerToken, callerOrigin, ownOriginFor } from './bank-api';
import { oauthLoginKey } from './oauth-keys';
import { flinksError, isJsonContentType, readBounded, readStream } from './http';
import { oauthReturnPage, OAUTH_RETURN_SCRIPT } from './oauth-page';
import type { BankUpstream } from './proxy';
import type { Audit } from './audit';
import { addressOf } from './client-address';
import { isRevoked } from './revocation';
import type { ConnectSession, SessionSigner } from './sessions';
import type { SharedState } from './shared-state';
import type { Language } from '../src/i18n/types';

/**
 * OAuth institutions (CONTRACT §8), the server's part. The widget asks for a `state` inside its connect session; the
 * bank's page is reached through `GET /v3/oauth/authorize` as with Flinks; the bank sends the browser back to
 * `/oauth/return`, which accepts each `state` once, and only within its session's life, then hands the outcome to the
 * exact origin that asked for it (popup), or sends the whole window back to the page it came from (whole-window flow).
 * Everything a state stands for lives in the shared state (memory, or Redis across processes), never in a URL.
 *
 * The `loginId` in the return's address is only a claim: anyone can type one. Each state holds a nonce that only this
 * server knows; it goes to the bank inside Flinks' `tag` ({@link oauthTag}), the bank stores it with the login the
 * person allowed, and before a return widens a session's scope the server makes its own cached Authorize of the
 * LoginId and checks that the login carries that tag and the state's institution ({@link proveLogin}).
 */
export interface OAuthRoutesOptions {
  signer: SessionSigner;
  state: SharedState;
  requireSession: boolean;
  /** CONNECT_PUBLIC_ORIGIN: where this server's own pages (the embed page, the return page) run. */
  publicOrigins: readonly string[];
  /** CONNECT_ALLOWED_ORIGINS: partner pages a whole-window flow may return to. */
  allowedOrigins: readonly string[];
  /** Flinks' `GET /v3/oauth/authorize` (or the sandbox's): answers 302 to the bank's page. */
  authorize(query: URLSearchParams, ownOrigin: string): Promise<Response>;
  /** Where the server's own cached Authorize of a returned LoginId goes: Flinks in proxy mode, else the sandbox. */
  upstream: BankUpstream;
  /** The sandbox bank's own page, served by this server in sandbox mode. */
  sandboxBank?: (request: Request) => Promise<Response>;
  now?: () => number;
  log?: (line: string) => void;
  /** The audit log (server/audit.ts): one event per OAuth return. */
  audit?: Audit;
}

/** What one state stands for. */
interface Handoff {
  /** The connect session that asked, or null in the open sandbox. */
  sessionId: string | null;
  /** When the state stops being honoured (ms): its own window, cut short by its session's end. */
  expiresAt: number;
  /** The origin of the window that will hear the outcome (popup), exactly. */
  origin: string;
  institution: string;
  /** The page the whole window goes back to, or null for a popup. */
  returnTo: string | null;
  language: Language;
  /** Known only to this server: the bank gets it in `tag` and must show it on the login a return names. */
  nonce: string;
  /** The session's own tag (POST /connect/sessions), kept beside the nonce in what the bank stores. */
  partnerTag: string | null;
}

/**
 * The `tag` sent to Flinks' `/v3/oauth/authorize`: `oauth:<nonce>`, then, when the partner's backend gave its session
 * a tag, `;` and that tag unchanged. A partner that reads tags back from Flinks takes what follows the first `;`.
 */
function oauthTag(nonce: string, partnerTag: string | null): string {
  return partnerTag === null ? `oauth:${nonce}` : `oauth:${nonce};${partnerTag}`;
}

/** What the bank says of a login, asked by the server itself (a cached Authorize). */
export type LoginProof =
  | { kind: 'login'; tag: string | null; institution: string | null }
  /** The bank does not know the login (or refused to read it): the return is not believed. */
  | { kind: 'unknown' }
  /** The bank could not answer now: the return is neither believed nor refused for good. */
  | { kind: 'unavailable' };

/**
 * A cached Authorize of `loginId`, made by the server with its own credentials: what tag and institution the login
 * carries. Its RequestId is dropped: no session may read data with it. Flinks' answer names the tag `Tag` (the
 * sandbox's does); `Login.Tag` is read too, as where Flinks puts it is not documented.
 */
async function proveLogin(upstream: BankUpstream, loginId: string, language: Language): Promise<LoginProof> {
  let response: Response;
  try {
    response = await upstream.send({
      method: 'POST',
      endpoint: 'Authorize',
      body: JSON.stringify({ LoginId: loginId, MostRecentCached: true, Language: language }),
      authorize: true,
    });
  } catch {
    return { kind: 'unavailable' };
  }
  const read = await readStream(response.body, 256 * 1024);
  if (response.status >= 400 && response.status < 500 && response.status !== 429) return { kind: 'unknown' };
  if (response.status !== 200 || read.kind !== 'text') return { kind: 'unavailable' };
  try {
    const body = JSON.parse(read.text) as {
      Tag?: unknown;
      Institution?: unknown;
      Login?: { Id?: unknown; Tag?: unknown } | null;
    };
    if (body.Login?.Id !== undefined && body.Login.Id !== loginId) return { kind: 'unknown' };
    const tag =
      typeof body.Tag === 'string' ? body.Tag : typeof body.Login?.Tag === 'string' ? body.Login.Tag : null;
    const institution = typeof body.Institution === 'string' ? body.Institution : null;
    return { kind: 'login', tag, institution };
  } catch {
    return { kind: 'unavailable' };
  }
}

/** How long a person may take on the bank's page. */
const OAUTH_STATE_TTL_MS = 15 * 60_000;
/** How long the server remembers a state after it stopped being valid: a late return is told so, not ignored. */
const RECORD_TTL_MS = 60 * 60_000;
/** States one session may ask for: each is a new window on the bank's page. */
const STATES_PER_SESSION = 20;
const STATE = WIRE_OAUTH_STATE;
const BANK_ERROR = /^[a-z_]{1,64}$/;

const key = {
  handoff: (state: string) => `oauth:${state}`,
  returned: (state: string) => `oauth-returned:${state}`,
  /** The outcome of a return, once the server checked it. */
  outcome: (state: string) => `oauth-outcome:${state}`,
  redeemed: (state: string) => `oauth-redeemed:${state}`,
  login: oauthLoginKey,
  /** Set once the state went to the bank: a return for a state that never did is refused without asking the bank. */
  sent: (state: string) => `oauth-sent:${state}`,
  minted: (sessionId: string) => `oauth-states:${sessionId}`,
};

class Refused extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

function denied(description: string): Refused {
  return new Refused(
    flinksError(401, 'ACCESS_DENIED', 'This connection needs a valid session.', {
      'www-authenticate': `Bearer realm="connect", error="invalid_token", error_description="${description}"`,
    }),
  );
}

function stateInvalid(): Response {
  return flinksError(
    409,
    'OAUTH_STATE_INVALID',
    'The return from the bank does not match a connection in progress.',
  );
}

/** A checked return's outcome, and for the whole-window flow the digest of the code its browser was given. */
interface StoredOutcome {
  outcome: OAuthOutcome;
  codeHash: string | null;
}

function parseStored(text: string | null): StoredOutcome | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as StoredOutcome;
  } catch {
    return null;
  }
}

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url');

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function parseHandoff(text: string | null): Handoff | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Handoff;
  } catch {
    return null;
  }
}

/** The OAuth routes; add them after the API's CORS and before the bank API's catch-all. */
export function withOAuthRoutes(options: OAuthRoutesOptions) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const audit = options.audit ?? (() => {});
  const { state: shared, signer, publicOrigins } = options;

  /** The session of a call from the widget (or none, in the open sandbox), checked as the bank API checks it. */
  async function sessionOf(c: Context): Promise<ConnectSession | null> {
    const token = bearerToken(c.req.header('authorization'));
    if (token === null) {
      if (options.requireSession) throw denied('no session');
      return null;
    }
    const session = signer.verify(token, now());
    if (session === null) throw denied('session not valid or expired');
    if (await isRevoked(shared, session.id)) throw denied('session revoked');
    const own = ownOriginFor(new URL(c.req.url).host, publicOrigins);
    const caller = callerOrigin({ get: (name) => c.req.header(name) ?? null }, own, publicOrigins);
    if (caller !== session.parentOrigin) throw denied('session used from another origin');
    return session;
  }

  async function jsonOf(c: Context): Promise<Record<string, unknown>> {
    if (!isJsonContentType(c.req.header('content-type'))) throw new Refused(badRequest('not json'));
    const read = await readBounded(c.req.raw, 16 * 1024);
    if (read.kind !== 'text') throw new Refused(badRequest('body too large or cut short'));
    try {
      const json: unknown = JSON.parse(read.text);
      if (typeof json === 'object' && json !== null && !Array.isArray(json))
        return json as Record<string, unknown>;
    } catch {
      // Refused below.
    }
    throw new Refused(badRequest('body not a JSON object'));
  }

  function badRequest(reason: string): Response {
    log(`oauth refused (${reason})`);
    return flinksError(400, 'INVALID_REQUEST', 'The request is not valid.');
  }

  /** Where a whole window may come back to: this server's pages, or an allowed partner's. */
  function returnTarget(value: string | null | undefined): string | null | 'refused' {
    if (value === undefined || value === null) return null;
    try {
      const url = new URL(value);
      const allowed = [...publicOrigins, ...options.allowedOrigins].includes(url.origin);
      return allowed ? url.href : 'refused';
    } catch {
      return 'refused';
    }
  }

  async function mint(c: Context): Promise<Response> {
    const session = await sessionOf(c);
    const parsed = v.safeParse(oauthStateBodySchema, await jsonOf(c), { abortEarly: true });
    if (!parsed.success) {
      throw new Refused(badRequest(v.getDotPath(parsed.issues[0]) ?? 'body'));
    }
    const body = parsed.output;
    const institution = body.institution;
    const returnTo = returnTarget(body.returnTo);
    if (returnTo === 'refused') throw new Refused(badRequest('returnTo not an allowed page'));
    const own = ownOriginFor(new URL(c.req.url).host, publicOrigins);
    const origin = c.req.header('origin') ?? (c.req.header('sec-fetch-site') === 'same-origin' ? own : null);
    if (!origin || origin === 'null' || own === null) throw new Refused(badRequest('no origin'));
    if (session && (await shared.count(key.minted(session.id), RECORD_TTL_MS)) > STATES_PER_SESSION) {
      return flinksError(429, 'TOO_MANY_REQUESTS', 'Too many attempts in a short time.', {
        'retry-after': '60',
      });
    }
    const state = randomBytes(32).toString('base64url');
    const expiresAt = Math.min(now() + OAUTH_STATE_TTL_MS, session ? session.expiresAt * 1000 : Infinity);
    const language = body.language === 'fr' ? 'fr' : (session?.language ?? 'en');
    const handoff: Handoff = {
      sessionId: session?.id ?? null,
      expiresAt,
      origin,
      institution,
      returnTo,
      language,
      nonce: randomBytes(16).toString('base64url'),
      partnerTag: session?.tag ?? null,
    };
    await shared.claim(key.handoff(state), JSON.stringify(handoff), RECORD_TTL_MS);
    const query = new URLSearchParams({
      institution_id: institution,
      redirect_uri: `${own}/oauth/return`,
      state,
      language,
    });
    return Response.json(
      { state, authorizeUrl: `${own}/v3/oauth/authorize?${query}` },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    );
  }

  /** The hand-off of a state that is still valid, or null. */
  async function liveHandoff(state: string | undefined): Promise<Handoff | null> {
    if (!state || !STATE.test(state)) return null;
    const handoff = parseHandoff(await shared.ownerOf(key.handoff(state)));
    return handoff && handoff.expiresAt > now() ? handoff : null;
  }

  async function authorize(c: Context): Promise<Response> {
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? undefined;
    const handoff = await liveHandoff(state);
    const own = ownOriginFor(new URL(c.req.url).host, publicOrigins);
    const returned = state ? await shared.ownerOf(key.returned(state)) : null;
    if (
      !handoff ||
      returned !== null ||
      own === null ||
      query.get('institution_id') !== handoff.institution ||
      query.get('redirect_uri') !== `${own}/oauth/return`
    ) {
      // Straight back to the return page, which tells the widget the state is not (or no longer) good.
      const back = new URLSearchParams({ state: state ?? '', error: 'state_invalid' });
      return noStore(new Response(null, { status: 302, headers: { location: `/oauth/return?${back}` } }));
    }
    // Rebuilt from the checked hand-off: nothing else the browser put in the address reaches the bank.
    const asked = new URLSearchParams({
      institution_id: handoff.institution,
      redirect_uri: `${own}/oauth/return`,
      state: state ?? '',
      lang: handoff.language,
      tag: oauthTag(handoff.nonce, handoff.partnerTag),
    });
    const upstream = await options.authorize(asked, own);
    const location = upstream.headers.get('location');
    if (upstream.status < 300 || upstream.status > 399 || !location) {
      log(`oauth authorize upstream answered ${upstream.status}`);
      const back = new URLSearchParams({ state: state ?? '', error: 'temporarily_unavailable' });
      return noStore(new Response(null, { status: 302, headers: { location: `/oauth/return?${back}` } }));
    }
    await shared.claim(key.sent(state ?? ''), '1', RECORD_TTL_MS);
    return noStore(new Response(null, { status: 302, headers: { location } }));
  }

  /** The bank's answer, once per state; a replay, a forged or an expired state is told it is not valid. */
  async function returned(c: Context): Promise<Response> {
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? '';
    const record = STATE.test(state) ? parseHandoff(await shared.ownerOf(key.handoff(state))) : null;
    if (!record) return oauthReturnPage({ language: 'en', message: null });
    const claimed = outcomeOf(query, record);
    const first = randomBytes(8).toString('base64url');
    const valid = record.expiresAt > now();
    const fresh = valid && (await shared.claim(key.returned(state), first, RECORD_TTL_MS)) === first;
    const result: OAuthOutcome = fresh ? await proven(state, record, claimed) : { error: 'state_invalid' };
    // The outcome goes to whoever brings this one-time code, which only the browser that came back from the bank
    // has (in the address it is sent back to, or in the message the popup posts to its opener). Someone who minted
    // the state and sent another person to the bank gets nothing: the session is granted the login at redeem.
    const code = randomBytes(32).toString('base64url');
    if (fresh) {
      const stored: StoredOutcome = { outcome: result, codeHash: digest(code) };
      await shared.claim(key.outcome(state), JSON.stringify(stored), RECORD_TTL_MS);
    }
    log(`oauth return ${'loginId' in result ? 'proven' : result.error}`);
    audit({
      event: 'oauth_return',
      sessionId: record.sessionId,
      origin: record.origin,
      address: addressOf(c.req.raw),
      loginId: 'loginId' in claimed ? claimed.loginId : null,
      outcome: 'loginId' in result ? 'proven' : result.error,
    });
    if (record.returnTo !== null) {
      const back = new URL(record.returnTo);
      back.searchParams.set('state', state);
      if ('loginId' in result) {
        back.searchParams.set('loginId', result.loginId);
        back.searchParams.set('institution', result.institution);
      } else back.searchParams.set('error', result.error);
      if (fresh) back.searchParams.set('code', code);
      return noStore(new Response(null, { status: 302, headers: { location: back.href } }));
    }
    const message: OAuthReturnMessage = {
      source: OAUTH_MESSAGE_SOURCE,
      version: 1,
      state,
      ...result,
      ...(fresh ? { code } : {}),
    };
    return oauthReturnPage({
      language: record.language,
      message: { targetOrigin: record.origin, data: message },
    });
  }

  /**
   * The outcome a return claims, believed only once the bank itself shows the login carries this state's nonce and
   * institution. A state that never went to the bank is refused without asking it.
   */
  async function proven(state: string, record: Handoff, claimed: OAuthOutcome): Promise<OAuthOutcome> {
    if (!('loginId' in claimed)) return claimed;
    if ((await shared.ownerOf(key.sent(state))) === null) return { error: 'state_invalid' };
    const proof = await proveLogin(options.upstream, claimed.loginId, record.language);
    if (proof.kind === 'unavailable') return { error: 'temporarily_unavailable' };
    if (
      proof.kind === 'login' &&
      proof.tag === oauthTag(record.nonce, record.partnerTag) &&
      proof.institution === record.institution
    ) {
      return { loginId: claimed.loginId, institution: record.institution };
    }
    return { error: 'state_invalid' };
  }

  /**
   * What the bank's redirect says. Flinks' return carries `loginId` and `state`, not always `institution`: the
   * institution is the state's own, and a return that names another one is not believed.
   */
  function outcomeOf(query: URLSearchParams, record: Handoff): OAuthOutcome {
    const loginId = query.get('loginId') ?? '';
    const institution = query.get('institution');
    if (WIRE_ID.test(loginId)) {
      return institution === null || institution === record.institution
        ? { loginId, institution: record.institution }
        : { error: 'state_invalid' };
    }
    const error = query.get('error') ?? '';
    return { error: BANK_ERROR.test(error) ? error : 'server_error' };
  }

  /**
   * The last step of either flow: the widget collects the outcome once, with the code its browser brought back (the
   * popup's message, or the address the whole window came back to); only then may the session read the login.
   */
  async function redeem(c: Context): Promise<Response> {
    const session = await sessionOf(c);
    // A body that is no redeem (no state, no code, too long) is a return that does not match: said the same way.
    const parsed = v.safeParse(oauthRedeemBodySchema, await jsonOf(c), { abortEarly: true });
    if (!parsed.success) return stateInvalid();
    const { state, code } = parsed.output;
    const record = parseHandoff(await shared.ownerOf(key.handoff(state)));
    if (!record || record.sessionId !== (session?.id ?? null)) return stateInvalid();
    const stored = parseStored(await shared.ownerOf(key.outcome(state)));
    // The code first: a wrong one spends nothing, so it cannot be used to spoil the right one.
    if (stored === null || stored.codeHash === null || !sameDigest(stored.codeHash, digest(code))) {
      log('oauth redeem refused (no outcome, or not the code the returning browser got)');
      return stateInvalid();
    }
    const first = randomBytes(8).toString('base64url');
    if ((await shared.claim(key.redeemed(state), first, RECORD_TTL_MS)) !== first) return stateInvalid();
    const { outcome } = stored;
    if ('loginId' in outcome && record.sessionId !== null) {
      await shared.claim(key.login(outcome.loginId, record.sessionId), record.sessionId, RECORD_TTL_MS);
    }
    return Response.json({ HttpStatusCode: 200, ...outcome }, { headers: { 'cache-control': 'no-store' } });
  }

  const guarded =
    (handler: (c: Context) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof Refused) return error.response;
        log('oauth refused (shared state unavailable)');
        return flinksError(503, 'RETRY_LATER', 'The service is busy. Try again in a moment.', {
          'retry-after': '5',
        });
      }
    };

  return (app: Hono): void => {
    app.post('/v3/oauth/state', guarded(mint));
    app.post('/v3/oauth/redeem', guarded(redeem));
    app.get('/v3/oauth/authorize', guarded(authorize));
    app.get('/oauth/return', guarded(returned));
    app.get('/oauth/return.js', () =>
      noStore(
        new Response(OAUTH_RETURN_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } }),
      ),
    );
    const bank = options.sandboxBank;
    if (bank) app.all('/sandbox/oauth/*', async (c) => noStore(await bank(c.req.raw)));
  };
}

function noStore(response: Response): Response {
  response.headers.set('cache-control', 'no-store');
  // Opened in a popup: the widget's window keeps its hold on it, to hear from it and see it close.
  response.headers.set('cross-origin-opener-policy', 'unsafe-none');
  return response;
}
