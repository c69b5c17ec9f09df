import type { Context, Hono } from 'hono';
import { keyIdOf, type Audit } from './audit';
import { addressOf, clientKeyOf } from './client-address';
import { isJsonContentType, readBounded } from './http';
import { revokeSession } from './revocation';
import { checkSessionRequest, isApiKey, type SessionRequest, type SessionSigner } from './sessions';
import type { SharedState } from './shared-state';

export interface SessionRoutesOptions {
  signer: SessionSigner;
  state: SharedState;
  /** CONNECT_API_KEYS. */
  apiKeys: readonly string[];
  /** CONNECT_ALLOWED_ORIGINS: a session's parentOrigin must be one of them. */
  allowedOrigins: readonly string[];
  /** CONNECT_PUBLIC_ORIGIN: the demo page's own origins. */
  publicOrigins: readonly string[];
  /** The demo's own endpoint, for the sandbox only: never where a real bank is behind the server. */
  demo: boolean;
  now?: () => number;
  log?: (line: string) => void;
  /** The audit log (server/audit.ts): sessions created and revoked, keys refused. */
  audit?: Audit;
}

/**
 * Refused `POST /connect/sessions` calls (wrong or missing key) one client (an address, an IPv6 /64) may make in a
 * minute; past them, every wrong or missing key gets 429. Only refused calls count, and the right key is never refused
 * by this limit: a partner's backend that shares its address with others (a load balancer, a NAT) keeps working
 * whatever they send, cross-site `no-cors` posts included.
 */
const REFUSED_SESSION_CALLS_PER_MINUTE = 30;
/** Demo sessions one address (one IPv6 /64) may ask for in a minute. */
const DEMO_SESSIONS_PER_MINUTE = 60;
const MAX_SESSION_BODY_BYTES = 16 * 1024;

function problem(
  c: Context,
  status: 400 | 401 | 403 | 408 | 415 | 429 | 503,
  error: string,
  message: string,
) {
  c.header('cache-control', 'no-store');
  if (status === 401) c.header('www-authenticate', 'Bearer realm="connect-api"');
  return c.json({ error, message }, status);
}

async function jsonBody(
  c: Context,
): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    return {
      ok: false,
      response: problem(c, 415, 'unsupported_media_type', 'Send the body as application/json.'),
    };
  }
  const read = await readBounded(c.req.raw, MAX_SESSION_BODY_BYTES);
  if (read.kind === 'slow') {
    c.header('connection', 'close');
    return { ok: false, response: problem(c, 408, 'request_timeout', 'The body did not arrive in time.') };
  }
  if (read.kind !== 'text') {
    c.header('connection', 'close');
    return { ok: false, response: problem(c, 400, 'invalid_request', 'The body is too large or cut short.') };
  }
  try {
    return { ok: true, json: read.text === '' ? {} : JSON.parse(read.text) };
  } catch {
    return { ok: false, response: problem(c, 400, 'invalid_request', 'The body is not JSON.') };
  }
}

function lockedOut(c: Context) {
  c.header('retry-after', '60');
  return problem(c, 429, 'too_many_requests', 'Too many refused calls from this address; wait a minute.');
}

/**
 * `POST /connect/sessions` (CONTRACT §7): the partner's backend, with one of CONNECT_API_KEYS, creates a session for
 * one connection. Server to server: no CORS, so no browser page can read an answer.
 * `POST /demo/sessions` (sandbox only): the demo page plays the partner's backend for itself.
 */
export function withSessionRoutes(options: SessionRoutesOptions) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const audit = options.audit ?? (() => {});

  function issue(c: Context, request: SessionRequest, keyId?: string) {
    const { token, session } = options.signer.issue(request, now(), keyId);
    audit({
      event: 'session_created',
      sessionId: session.id,
      keyId: keyId ?? null,
      origin: session.parentOrigin,
      address: addressOf(c.req.raw),
      outcome: 'created',
    });
    c.header('cache-control', 'no-store');
    return c.json(
      {
        sessionToken: token,
        sessionId: session.id,
        expiresAt: new Date(session.expiresAt * 1000).toISOString(),
      },
      201,
    );
  }

  /**
   * The partner's key, checked first: the right one is never refused by the refused-key limit, whoever else shares the
   * address (a load balancer, a NAT), cross-site `no-cors` posts included. Only wrong or missing keys count.
   */
  async function partnerKey(
    c: Context,
    what: string,
  ): Promise<{ ok: true; key: string } | { ok: false; response: Response }> {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given !== undefined && isApiKey(given, options.apiKeys)) return { ok: true, key: given };
    const address = addressOf(c.req.raw);
    const refusedKey = `refused-sessions:${clientKeyOf(c.req.raw)}`;
    try {
      if ((await options.state.peek(refusedKey)) >= REFUSED_SESSION_CALLS_PER_MINUTE) {
        return { ok: false, response: lockedOut(c) };
      }
      // Counted first, then compared: calls racing in together cannot all slip under the limit.
      const refused = await options.state.count(refusedKey, 60_000);
      if (refused > REFUSED_SESSION_CALLS_PER_MINUTE) return { ok: false, response: lockedOut(c) };
    } catch {
      return {
        ok: false,
        response: problem(c, 503, 'unavailable', 'The session service is unavailable; try again shortly.'),
      };
    }
    log(`refused (${what} without a valid API key) from ${address}`);
    audit({ event: 'refused', address, outcome: `${what} without a valid API key` });
    return {
      ok: false,
      response: problem(c, 401, 'invalid_api_key', 'Send one of CONNECT_API_KEYS as a Bearer token.'),
    };
  }

  return (app: Hono): void => {
    app.post('/connect/sessions', async (c) => {
      const key = await partnerKey(c, 'connect session');
      if (!key.ok) return key.response;
      const body = await jsonBody(c);
      if (!body.ok) return body.response;
      const checked = checkSessionRequest(body.json, options.allowedOrigins);
      if (!checked.ok) return problem(c, 400, 'invalid_request', checked.problem);
      return issue(c, checked.request, keyIdOf(key.key));
    });

    // Revocation: the partner's backend ends a session at once, in every process (the mark is in the shared state).
    app.delete('/connect/sessions/:id', async (c) => {
      const key = await partnerKey(c, 'session revocation');
      if (!key.ok) return key.response;
      const id = c.req.param('id');
      if (!/^[A-Za-z0-9_-]{22}$/.test(id)) {
        return problem(
          c,
          400,
          'invalid_request',
          'The session id is the sessionId POST /connect/sessions gave.',
        );
      }
      try {
        await revokeSession(options.state, id);
      } catch {
        return problem(c, 503, 'unavailable', 'The session service is unavailable; try again shortly.');
      }
      audit({
        event: 'session_revoked',
        sessionId: id,
        keyId: keyIdOf(key.key),
        address: addressOf(c.req.raw),
        outcome: 'revoked',
      });
      c.header('cache-control', 'no-store');
      return c.body(null, 204);
    });

    if (!options.demo) return;
    app.post('/demo/sessions', async (c) => {
      // Only the demo page itself, on this server's own origin, and only for itself as the parent page.
      const origin = c.req.header('origin') ?? '';
      if (!options.publicOrigins.includes(origin) || !options.allowedOrigins.includes(origin)) {
        return problem(c, 403, 'forbidden', 'Demo sessions are for the demo page on this server only.');
      }
      try {
        const asked = await options.state.count(`demo-sessions:${clientKeyOf(c.req.raw)}`, 60_000);
        if (asked > DEMO_SESSIONS_PER_MINUTE) {
          c.header('retry-after', '60');
          return problem(c, 429, 'too_many_requests', 'Too many demo sessions; wait a minute.');
        }
      } catch {
        return problem(c, 503, 'unavailable', 'The session service is unavailable; try again shortly.');
      }
      const body = await jsonBody(c);
      if (!body.ok) return body.response;
      const input = (typeof body.json === 'object' && body.json !== null ? body.json : {}) as Record<
        string,
        unknown
      >;
      const checked = checkSessionRequest({ ...input, parentOrigin: origin }, options.allowedOrigins);
      if (!checked.ok) return problem(c, 400, 'invalid_request', checked.problem);
      return issue(c, checked.request);
    });
  };
}
