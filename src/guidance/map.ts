import type { KnownFlinksCode } from '../api/codes';
import type { GuidanceAction, GuidanceEntry, RetryPolicy } from './types';

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

/**
 * Where each action shows: a button that changes the step, a link to the bank's site, the exit button, the buttons of
 * the processing screen (the 202 codes), or the support reference under every guidance screen (no button of its own).
 */
export type ActionPlace = 'step' | 'link' | 'exit' | 'processing' | 'reference';

export const ACTION_PLACES: Readonly<Record<GuidanceAction, ActionPlace>> = {
  tryAgain: 'step',
  answerAgain: 'step',
  reenter: 'step',
  startAgain: 'step',
  doneTryAgain: 'step',
  chooseAnotherBank: 'step',
  reopenBank: 'step',
  openBankSite: 'link',
  contactBank: 'link',
  forgotPassword: 'link',
  forgotUsername: 'link',
  exit: 'exit',
  finishNow: 'processing',
  keepWaiting: 'processing',
  contactSupport: 'reference',
};

const countsTowardLimit: RetryPolicy = { countsTowardLimit: true };
const doesNotCount: RetryPolicy = { countsTowardLimit: false };

/** Long enough for the other tab's request, or the new login's processing, to settle. */
const AUTOMATIC_RETRY_DELAY_MS = 5_000;

const setup: GuidanceEntry = {
  kind: 'setup',
  actions: ['tryAgain', 'exit'],
  retry: doesNotCount,
};

/**
 * Variants that also act differently from their code's usual screen. A session that ended is not a setup problem,
 * and trying again with it cannot work: the widget renews it by itself when the host gave `getSessionToken`, so this
 * screen means it could not; the person leaves (onExit) and the host opens the widget with a new session.
 */
export const GUIDANCE_VARIANT_ENTRIES: Readonly<Partial<Record<GuidanceVariant, GuidanceEntry>>> = {
  sessionEnded: { kind: 'restart', actions: ['exit'], retry: doesNotCount },
};

/**
 * The error-to-UX map (GUIDANCE.md): what each code does for the person. Text lives in the `guidance` catalog
 * namespace under the same key; `guidanceFor()` joins the two.
 */
export const GUIDANCE: Readonly<Record<GuidanceCode, GuidanceEntry>> = {
  INVALID_USERNAME: {
    kind: 'field',
    field: 'username',
    actions: ['reenter', 'forgotUsername'],
    retry: countsTowardLimit,
  },
  INVALID_PASSWORD: {
    kind: 'field',
    field: 'password',
    actions: ['reenter', 'forgotPassword'],
    retry: countsTowardLimit,
  },
  INVALID_LOGIN: {
    kind: 'field',
    field: 'both',
    actions: ['reenter', 'forgotUsername', 'forgotPassword'],
    retry: countsTowardLimit,
  },
  MAXIMUM_RETRY_REACHED: {
    kind: 'bank',
    actions: ['openBankSite', 'exit'],
    retry: doesNotCount,
  },
  INVALID_SECURITY_RESPONSE: {
    kind: 'mfa',
    actions: ['answerAgain'],
    retry: countsTowardLimit,
  },
  INVALID_SECURITY_RESPONSE_NO_RETRY: {
    kind: 'bank',
    actions: ['exit', 'chooseAnotherBank'],
    retry: doesNotCount,
  },
  SECURITYRESPONSES_INCOMPLETE: {
    kind: 'mfa',
    actions: ['answerAgain'],
    retry: doesNotCount,
  },
  UNKNOWN_CHALLENGE_KEY: {
    kind: 'mfa',
    actions: ['answerAgain', 'startAgain'],
    retry: doesNotCount,
  },
  QUESTION_NOT_FOUND: {
    kind: 'bank',
    actions: ['reenter', 'exit'],
    retry: doesNotCount,
  },
  NEW_ACCOUNT: {
    kind: 'bank',
    actions: ['openBankSite', 'doneTryAgain'],
    retry: doesNotCount,
  },
  DISABLED_LOGIN: {
    kind: 'bank',
    actions: ['contactBank', 'chooseAnotherBank', 'exit'],
    retry: doesNotCount,
  },
  UNAUTHORIZED: {
    kind: 'bank',
    actions: ['openBankSite', 'tryAgain'],
    retry: doesNotCount,
  },
  RETRY_LATER: {
    kind: 'retry',
    actions: ['tryAgain', 'chooseAnotherBank'],
    retry: { countsTowardLimit: false, countdownSeconds: 15 },
  },
  AGGREGATION_ERROR: {
    kind: 'retry',
    actions: ['tryAgain', 'contactSupport'],
    retry: doesNotCount,
  },
  TOO_MANY_REQUESTS: {
    kind: 'retry',
    actions: ['tryAgain'],
    retry: { countsTowardLimit: false, countdownSeconds: 30 },
  },
  NETWORK_ERROR: {
    kind: 'retry',
    actions: ['tryAgain'],
    retry: doesNotCount,
    whenOffline: 'offline',
  },
  TIMEOUT: {
    kind: 'retry',
    actions: ['tryAgain', 'chooseAnotherBank'],
    retry: doesNotCount,
  },
  CONCURRENT_SESSION: {
    kind: 'retry',
    actions: ['tryAgain', 'exit'],
    retry: { countsTowardLimit: false, automatic: { times: 1, delayMs: AUTOMATIC_RETRY_DELAY_MS } },
  },
  CARD_IN_USE: {
    kind: 'retry',
    actions: ['tryAgain', 'exit'],
    retry: { countsTowardLimit: false, automatic: { times: 1, delayMs: AUTOMATIC_RETRY_DELAY_MS } },
  },
  SESSION_EXPIRED: {
    kind: 'restart',
    actions: ['startAgain', 'exit'],
    retry: doesNotCount,
  },
  SESSION_NONEXISTENT: {
    kind: 'restart',
    actions: ['startAgain', 'exit'],
    retry: doesNotCount,
  },
  OPERATION_PENDING: {
    kind: 'wait',
    actions: ['exit'],
    retry: doesNotCount,
  },
  OPERATION_DISPATCHED: {
    kind: 'wait',
    actions: ['finishNow', 'keepWaiting'],
    retry: doesNotCount,
  },
  ALREADY_AUTHORIZED: {
    kind: 'none',
    actions: [],
    retry: doesNotCount,
  },
  DISABLED_INSTITUTION: {
    kind: 'blocked',
    actions: ['chooseAnotherBank', 'exit'],
    retry: doesNotCount,
  },
  NO_TRANSACTION: {
    kind: 'blocked',
    actions: ['chooseAnotherBank', 'exit'],
    retry: doesNotCount,
  },
  OAUTH_DENIED: {
    kind: 'bank',
    actions: ['tryAgain', 'chooseAnotherBank', 'exit'],
    retry: doesNotCount,
  },
  OAUTH_CANCELLED: {
    kind: 'retry',
    actions: ['reopenBank', 'chooseAnotherBank', 'exit'],
    retry: doesNotCount,
  },
  OAUTH_STATE_INVALID: {
    kind: 'restart',
    actions: ['startAgain', 'exit'],
    retry: doesNotCount,
  },
  INVALID_REQUEST: setup,
  ACCESS_DENIED: setup,
  METHOD_NOT_AVAILABLE: setup,
  MALFORMED_RESPONSE: setup,
  UNKNOWN: setup,
};
