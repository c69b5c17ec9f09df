import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { MAX_SESSION_SECONDS, sessionRequestSchema, type SessionRequest } from '../src/api/wire';
import { isLanguage, type Language } from '../src/i18n/types';

/**
 * Connect sessions (CONTRACT §7): the partner's backend decides who may connect. A session is a signed, self-contained
 * token, so any server process that shares `CONNECT_SESSION_SECRET` honours it without sticky routing.
 *
 * Token: `cs1.<payload, base64url JSON>.<HMAC-SHA256 of "cs1.<payload>", base64url>`.
 */
export interface ConnectSession {
  /** Random id: what per-session limits and the RequestIds a session obtained are keyed on. */
  id: string;
  /** The host page's origin: the only origin the session may be used from. */
  parentOrigin: string;
  /** Seconds since the epoch after which the session is refused. */
  expiresAt: number;
  language?: Language;
  /** Sent upstream as `Tag` on every sign-in, whatever the browser says. */
  tag?: string;
  /** Sent upstream as `Save` on every sign-in in proxy mode; the browser's is dropped. */
  save?: boolean;
  /** Sent upstream as `ScheduleRefresh` on every credential sign-in in proxy mode; the browser's is dropped. */
  scheduleRefresh?: boolean;
  /** Reconnect: the one LoginId this session may use. */
  loginId?: string;
  /** Resume: the one RequestId this session may pick up without having obtained it. */
  requestId?: string;
  /** The fingerprint of the API key that created it (server/audit.ts `keyIdOf`), for the audit log. */
  keyId?: string;
}

/** What `POST /connect/sessions` accepts (CONTRACT §7): its schema is in src/api/wire.ts. */
export type { SessionRequest };

export { MAX_SESSION_SECONDS };
const PREFIX = 'cs1';
/** A token longer than this is not ours: refused before any decoding. */
const MAX_TOKEN_LENGTH = 2048;

function sign(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** Signs sessions with the first secret and honours all of them, so a deployment can rotate its secret. */
export class SessionSigner {
  private readonly secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('A session signer needs at least one secret.');
    this.secrets = secrets;
  }

  issue(request: SessionRequest, nowMs: number, keyId?: string): { token: string; session: ConnectSession } {
    const seconds = request.expiresInSeconds ?? MAX_SESSION_SECONDS;
    const session: ConnectSession = {
      id: randomBytes(16).toString('base64url'),
      parentOrigin: request.parentOrigin,
      expiresAt: Math.floor(nowMs / 1000) + seconds,
      ...(request.language ? { language: request.language } : {}),
      ...(request.tag !== undefined ? { tag: request.tag } : {}),
      ...(request.save !== undefined ? { save: request.save } : {}),
      ...(request.scheduleRefresh !== undefined ? { scheduleRefresh: request.scheduleRefresh } : {}),
      ...(request.loginId ? { loginId: request.loginId } : {}),
      ...(request.requestId ? { requestId: request.requestId } : {}),
      ...(keyId ? { keyId } : {}),
    };
    const body = `${PREFIX}.${Buffer.from(JSON.stringify(session)).toString('base64url')}`;
    const mac = sign(this.secrets[0] ?? '', body).toString('base64url');
    return { token: `${body}.${mac}`, session };
  }

  /** The session a token carries, or null when it is not one of ours, was altered, or has expired. */
  verify(token: string, nowMs: number): ConnectSession | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return null;
    const [, payload = '', mac = ''] = parts;
    const given = Buffer.from(mac, 'base64url');
    // Only the encoding the signer writes: no padding, no `+` or `/`, no other spelling of the same bytes.
    if (given.toString('base64url') !== mac) return null;
    const body = `${PREFIX}.${payload}`;
    const signed = this.secrets.some((secret) => {
      const expected = sign(secret, body);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!signed) return null;
    let session: unknown;
    try {
      session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!isSession(session)) return null;
    return session.expiresAt * 1000 > nowMs ? session : null;
  }
}

function isSession(value: unknown): value is ConnectSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Record<string, unknown>;
  return (
    typeof session.id === 'string' &&
    typeof session.parentOrigin === 'string' &&
    typeof session.expiresAt === 'number' &&
    (session.loginId === undefined || typeof session.loginId === 'string') &&
    (session.requestId === undefined || typeof session.requestId === 'string') &&
    (session.keyId === undefined || typeof session.keyId === 'string') &&
    (session.tag === undefined || typeof session.tag === 'string') &&
    (session.save === undefined || typeof session.save === 'boolean') &&
    (session.scheduleRefresh === undefined || typeof session.scheduleRefresh === 'boolean') &&
    (session.language === undefined || isLanguage(session.language))
  );
}

export type SessionRequestCheck = { ok: true; request: SessionRequest } | { ok: false; problem: string };

/** Validates a `POST /connect/sessions` body; `allowedOrigins` is CONNECT_ALLOWED_ORIGINS. */
export function checkSessionRequest(body: unknown, allowedOrigins: readonly string[]): SessionRequestCheck {
  const result = v.safeParse(sessionRequestSchema(allowedOrigins), body, { abortEarly: true });
  if (result.success) return { ok: true, request: result.output };
  return { ok: false, problem: result.issues[0].message };
}

/** Constant-time check of a partner's API key against every configured one. */
export function isApiKey(given: string, keys: readonly string[]): boolean {
  const candidate = Buffer.from(given);
  let match = false;
  for (const key of keys) {
    const expected = Buffer.from(key);
    // Compare every key, always: the time taken says nothing about which one (or how much of one) matched.
    const same = candidate.length === expected.length && timingSafeEqual(candidate, expected);
    match = match || same;
  }
  return match;
}

/** A random secret for a sandbox process that was given none: its sessions die with it. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
