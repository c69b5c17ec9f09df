import type { Checks } from './schema';

/*
 * The shapes a call and its answer take between the transport (which sends) and the answer readers (which judge).
 * Types only, so both sides import them one way.
 */

/** What one call knows besides its answer. */
export interface CallContext {
  /** The RequestId the call carried, kept on an error whose body lacks one. */
  requestId: string | null;
  /** Strings that must never come back out, even when a server echoes them. */
  secrets: string[];
}

/** One call of the endpoint table. */
export interface Call extends CallContext {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** The whole address, for a call outside BankingServices (the OAuth routes); `path` is then only its name. */
  url?: string;
  body?: unknown;
  sendsToken?: boolean;
}

/** A call's answer, read as JSON, with what it takes to judge it. */
export interface Exchange {
  kind: 'exchange';
  status: number;
  /** The server refused the connect session (401 with `WWW-Authenticate: Bearer … error="invalid_token"`). */
  sessionRefused: boolean;
  json: unknown;
  context: CallContext;
  checks: Checks;
  /** The answer's `Content-Language` (primary subtag, lower case): the language of the bank's text, when declared. */
  language: string | null;
}
