/**
 * Every FlinksCode this product knows: each row of the seed table, the codes of Flinks' newer docs,
 * Connect's own MAXIMUM_RETRY_REACHED and the three the client raises itself.
 * Codes outside this list are still carried as plain strings (see `FlinksCode`), never mapped away.
 */
export const KNOWN_FLINKS_CODES = [
  'OPERATION_PENDING',
  'OPERATION_DISPATCHED',
  'INVALID_LOGIN',
  'INVALID_REQUEST',
  'SESSION_NONEXISTENT',
  'CARD_IN_USE',
  'INVALID_USERNAME',
  'INVALID_PASSWORD',
  'INVALID_SECURITY_RESPONSE',
  'QUESTION_NOT_FOUND',
  'RETRY_LATER',
  'UNKNOWN_CHALLENGE_KEY',
  'CONCURRENT_SESSION',
  'UNAUTHORIZED',
  'DISABLED_LOGIN',
  'NEW_ACCOUNT',
  'SESSION_EXPIRED',
  'ALREADY_AUTHORIZED',
  'SECURITYRESPONSES_INCOMPLETE',
  'ACCESS_DENIED',
  'INVALID_SECURITY_RESPONSE_NO_RETRY',
  'TOO_MANY_REQUESTS',
  'DISABLED_INSTITUTION',
  'AGGREGATION_ERROR',
  'NO_TRANSACTION',
  'METHOD_NOT_AVAILABLE',
  'MAXIMUM_RETRY_REACHED',
  'NETWORK_ERROR',
  'TIMEOUT',
  'MALFORMED_RESPONSE',
  'OAUTH_DENIED',
  'OAUTH_CANCELLED',
  'OAUTH_STATE_INVALID',
] as const;

/** A Flinks code the widget has guidance for. */
export type KnownFlinksCode = (typeof KNOWN_FLINKS_CODES)[number];

/**
 * The codes the widget raises itself rather than receives from the API. ABORTED (the caller cancelled the call) only
 * reaches a caller of the client: the widget drops the answers of calls it cancelled, so it has no screen.
 */
export const CLIENT_CODES = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'MALFORMED_RESPONSE',
  'MAXIMUM_RETRY_REACHED',
  'ABORTED',
  // From the bank's OAuth page, through the return page (CONTRACT §8): not answers of the bank API.
  'OAUTH_DENIED',
  'OAUTH_CANCELLED',
  'OAUTH_STATE_INVALID',
] as const;

/** A known code, or any other string an API sent us (kept as is). */
export type FlinksCode = KnownFlinksCode | (string & {});

const known = new Set<string>(KNOWN_FLINKS_CODES);

/** Whether the widget has guidance for this code (any other code gets the honest UNKNOWN screen). */
export function isKnownFlinksCode(code: string): code is KnownFlinksCode {
  return known.has(code);
}
