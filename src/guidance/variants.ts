import type { KnownFlinksCode } from '../api/codes';

/** Every code the map has an entry for: the known codes, and `UNKNOWN`, the honest screen for any other code. */
export type GuidanceCode = KnownFlinksCode | 'UNKNOWN';

/** Screens that differ from their code's usual one, each tied to the only code it can apply to. */
export const GUIDANCE_VARIANTS = {
  /** INVALID_LOGIN while reconnecting a saved LoginId: the saved connection no longer exists. */
  reconnect: 'INVALID_LOGIN',
  /** INVALID_SECURITY_RESPONSE when one MFA try is left: the bank may lock the account. */
  lastTry: 'INVALID_SECURITY_RESPONSE',
  /** MAXIMUM_RETRY_REACHED after wrong security answers: about the answers, not the password. */
  answersLocked: 'MAXIMUM_RETRY_REACHED',
  /** NETWORK_ERROR while the browser reports itself offline. */
  offline: 'NETWORK_ERROR',
  /** ACCESS_DENIED from this server's session check: the connect session ended (expired) and was not renewed. */
  sessionEnded: 'ACCESS_DENIED',
} as const satisfies Record<string, GuidanceCode>;

export type GuidanceVariant = keyof typeof GUIDANCE_VARIANTS;
