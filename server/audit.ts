import { createHash } from 'node:crypto';

/**
 * The audit log: one JSON line per thing a bank's review asks about (a session created or revoked, a sign-in, a
 * reconnect, an MFA answer, a data read, an OAuth return, a refusal), written to stdout for the deployment to ship
 * to its log system. Never a secret: no token, password, answer, API key or LoginId, only ids and a LoginId's hash.
 *
 * `{"audit":1,"time":"2026-…Z","event":"sign_in","sessionId":"…","keyId":"…","origin":"https://…",
 *   "address":"203.0.113.7","loginIdHash":"sha256:…","outcome":"200"}`
 */
export type AuditEventName =
  | 'session_created'
  | 'session_revoked'
  | 'sign_in'
  | 'reconnect'
  | 'mfa_answer'
  | 'data_read'
  | 'oauth_return'
  | 'refused';

export interface AuditEvent {
  event: AuditEventName;
  /** The connect session's id (never its token); null when the call had none. */
  sessionId?: string | null;
  /** Which of CONNECT_API_KEYS created the session: a fingerprint ({@link keyIdOf}), never the key. */
  keyId?: string | null;
  /** The page the call came from, or the session's parent page. */
  origin?: string | null;
  /** The client's address, as the limits see it. */
  address?: string | null;
  /** The LoginId concerned, hashed ({@link hashLoginId}). */
  loginId?: string | null;
  /** What happened: an HTTP status, `created`, `revoked`, `proven`, or why a call was refused. */
  outcome: string;
}

export type Audit = (event: AuditEvent) => void;

/** A LoginId as the audit log names it: `sha256:` and the first 32 hex digits of its SHA-256. */
export function hashLoginId(loginId: string): string {
  return `sha256:${createHash('sha256').update(loginId).digest('hex').slice(0, 32)}`;
}

/** An API key's fingerprint: the first 12 hex digits of its SHA-256; the partner computes the same from its key. */
export function keyIdOf(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 12);
}

/** An audit function writing one JSON line per event with `write` (default: stdout). */
export function auditLog(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => number = Date.now,
): Audit {
  return ({ event, sessionId, keyId, origin, address, loginId, outcome }) => {
    const line = {
      audit: 1,
      time: new Date(now()).toISOString(),
      event,
      sessionId: sessionId ?? null,
      keyId: keyId ?? null,
      origin: origin ?? null,
      address: address ?? null,
      loginIdHash: loginId ? hashLoginId(loginId) : null,
      outcome,
    };
    write(JSON.stringify(line));
  };
}
