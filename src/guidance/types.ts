import type { FlinksCode } from '../api/codes';
import type { Language } from '../i18n/types';
import type { GuidanceVariant } from './variants';

/**
 * What kind of moment a code is for the person (GUIDANCE.md):
 * field: back on the credential form with the field marked; mfa: back on the MFA screen with the answer marked;
 * wait: processing screen; retry: something transient; restart: the session is over; bank: the person must act with
 * their bank; blocked: this bank can't be connected now; setup: an integration problem; none: not an error (continue).
 */
export type GuidanceKind =
  'field' | 'mfa' | 'wait' | 'retry' | 'restart' | 'bank' | 'blocked' | 'setup' | 'none';

/** The buttons and links a guidance screen can offer. Labels live in the `guidance.actions` catalog. */
export type GuidanceAction =
  | 'tryAgain'
  | 'answerAgain'
  | 'reenter'
  | 'startAgain'
  | 'openBankSite'
  | 'contactBank'
  | 'doneTryAgain'
  | 'chooseAnotherBank'
  | 'reopenBank'
  | 'forgotPassword'
  | 'forgotUsername'
  | 'contactSupport'
  | 'finishNow'
  | 'keepWaiting'
  | 'exit';

/** How the widget may try again after this code. */
export interface RetryPolicy {
  /** Counts toward `maximumRetry` (INVALID_* credential and MFA answers). */
  countsTowardLimit: boolean;
  /** The widget retries by itself this many times, after `delayMs`, before showing the guidance. */
  automatic?: { times: number; delayMs: number } | undefined;
  /** The "try again" action waits this long, with a visible countdown. */
  countdownSeconds?: number | undefined;
}

/** One entry of the error-to-UX map: data, never a switch. */
export interface GuidanceEntry {
  kind: GuidanceKind;
  /** For `field`: which credential field(s) the error belongs to. */
  field?: 'username' | 'password' | 'both' | undefined;
  /** The primary action first. */
  actions: readonly GuidanceAction[];
  retry: RetryPolicy;
  /** The screen to show instead while the browser is offline. */
  whenOffline?: GuidanceVariant | undefined;
}

/** Text of one guidance screen. `{bank}` in a template is replaced by the institution's display name. */
export interface GuidanceText {
  title: string;
  body: string;
}

/** Integrators' overrides of any entry's text, per language. */
export type GuidanceOverrides = Partial<Record<Language, Partial<Record<FlinksCode, Partial<GuidanceText>>>>>;

/** What a screen needs to show one code: the entry, and its text already resolved in the current language. */
export interface ResolvedGuidance extends GuidanceText {
  code: FlinksCode;
  entry: GuidanceEntry;
}
