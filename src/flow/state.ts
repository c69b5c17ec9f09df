import type { FlinksCode } from '../api/codes';
import type { Account, OAuthReturnTicket, SecurityChallenge } from '../api/types';
import type { GuidanceVariant } from '../guidance';

/** Flinks closes a RequestId after 8 minutes without activity during Authorize. */
export const FLINKS_SESSION_TTL_MS = 8 * 60_000;

/** How the connection began: a fresh sign-in, resuming an open MFA RequestId, or refreshing a saved LoginId. */
export type ConnectMode = 'connect' | 'resume' | 'reconnect';

/** How a bank signs people in: our credential form, or its own page (OAuth, CONTRACT §8). */
export type SignIn = 'credentials' | 'oauth';

/**
 * Where an OAuth sign-in is: `ready` (the "Continue to {bank}" button, before any click), `blocked` (the browser
 * stopped the popup: the same button), `opening` (the bank's page is being opened from a click), `waiting` (it is
 * open), `finishing` (back from a whole-window trip: the outcome is being collected).
 */
export type OAuthPhase = 'ready' | 'blocked' | 'opening' | 'waiting' | 'finishing';

/** What every step carries: who is connecting where, and how the attempts went so far. Never a secret. */
export interface FlowContext {
  mode: ConnectMode;
  /** Flinks' institution id, once known. */
  institution: string | null;
  /** How that institution signs in. */
  signIn: SignIn;
  /** Kept across retries so the person types only the password again. */
  username: string;
  /** Failed credential or MFA attempts in a row (the ones that count toward `maximumRetry`). */
  failures: number;
  /** Bumped for every request sent; an answer to an older request is dropped. */
  attempt: number;
  requestId: string | null;
  loginId: string | null;
  /** Codes already retried automatically since the last submit. */
  autoRetried: readonly FlinksCode[];
  /** The last code received or raised: what `onExit` reports. */
  lastError: { code: FlinksCode; requestId: string | null } | null;
  /** MFA rounds met in this connection. */
  rounds: number;
  /** The browser's word on the network: while false, a submit is held and nothing typed is lost. */
  online: boolean;
  /** The bank list was on screen before (COMPONENT_LOAD_INSTITUTION_SELECTOR's `cached`). */
  institutionListShown: boolean;
}

/** One 203: every prompt answered together. */
export interface MfaRound {
  requestId: string;
  challenges: SecurityChallenge[];
  number: number;
  /** The previous round was a TextOrCall choice: this one asks for the code that was sent. */
  expectsOneTimeCode: boolean;
  /** The language of the bank's text in this round, as its answer declared it; unknown (null) without a declaration. */
  language?: string | null;
}

/** A code the bank answered on the credential form, and the field(s) it belongs to. */
export interface FieldError {
  code: FlinksCode;
  field: 'username' | 'password' | 'both';
  variant: GuidanceVariant | null;
  /** One more refused try reaches `maximumRetry`, at a bank that may then lock the account: the form warns. */
  lastTry?: boolean;
}

export interface MfaFailure {
  code: FlinksCode;
  variant: GuidanceVariant | null;
}

/** Where a call that can be re-sent by itself came from. */
export type RetryOrigin = 'signingIn' | 'resuming' | 'gathering';

/** What the processing screen is waiting for. */
export type Activity =
  | { kind: 'signingIn' }
  | { kind: 'resuming' }
  | { kind: 'gathering'; requestId: string }
  /** Enhanced MFA: asking which security questions the bank keeps for the new login. */
  | { kind: 'questions' }
  | {
      kind: 'waiting';
      code: 'OPERATION_PENDING' | 'OPERATION_DISPATCHED';
      requestId: string;
      keepWaiting: boolean;
    }
  | { kind: 'retrying'; code: FlinksCode; of: RetryOrigin };

/** Where "try again" leads from a guidance screen. */
export type RetryTarget = 'credentials' | 'resuming' | 'gathering';

type Step<Name extends string, Data = unknown> = { step: Name; ctx: FlowContext } & Data;

/** The connect flow: one step at a time, each with exactly the data its screen needs. */
export type FlowState =
  | Step<'consent'>
  | Step<'institution'>
  | Step<'credentials', { error: FieldError | null }>
  /** `returnState`: the state (and one-time code) of a whole-window return, collected in `finishing`. */
  | Step<'oauth', { phase: OAuthPhase; returnState: OAuthReturnTicket | null }>
  | Step<
      'mfa',
      {
        round: MfaRound;
        error: MfaFailure | null;
        /** The answers are on their way. */
        sending: boolean;
        /** When the bank closes the RequestId for inactivity (ms): the last activity plus its window. */
        expiresAt: number;
      }
    >
  | Step<'processing', { activity: Activity; since: number }>
  /** Enhanced MFA: every security question the bank keeps for the login, answered ahead of scheduled refreshes. */
  | Step<
      'enhancedMfa',
      {
        /** Of the login in `ctx.loginId`, signed in with `ctx.requestId`. */
        questions: string[];
        error: MfaFailure | null;
        /** The answers are on their way. */
        sending: boolean;
      }
    >
  | Step<
      'accounts',
      {
        requestId: string;
        loginId: string;
        accounts: Account[];
        /** The accounts the selector lists (`showAllOperationsAccounts`, `productType`). */
        displayed: Account[];
      }
    >
  | Step<
      'success',
      {
        requestId: string;
        loginId: string;
        accountId: string | null;
        /** What was connected, for the screen to name (none known when the person finished before the data came). */
        connected: readonly Account[];
      }
    >
  | Step<
      'guidance',
      {
        code: FlinksCode;
        variant: GuidanceVariant | null;
        requestId: string | null;
        at: number;
        retryTo: RetryTarget;
      }
    >
  | Step<
      'closed',
      {
        from: StepName;
        error: { code: FlinksCode; requestId: string | null } | null;
        /** Why the person left, when they said (`institution_not_found`: their bank is not on the list). */
        reason?: ExitReason;
      }
    >;

/** Why the person left, as `onExit` tells the host (Plaid's `institution_not_found`). */
export type ExitReason = 'institution_not_found';

export type StepName = FlowState['step'];

/** The props that decide where a connection starts. */
export interface StartOptions {
  consentEnable: boolean;
  institution: string | null;
  /** Resume an open MFA session. */
  requestId: string | null;
  /** Refresh a saved login (cached Authorize). */
  loginId: string | null;
  /** Whether the browser is online at the start. Default true. */
  online?: boolean;
  /** How `institution` signs in. Default credentials. */
  signIn?: SignIn;
  /** Back from the bank's page in the whole window: the state of that return, to collect its outcome (once). */
  oauthReturn?: OAuthReturnTicket | null;
}

function initialContext(start: StartOptions): FlowContext {
  const mode: ConnectMode = start.requestId ? 'resume' : start.loginId ? 'reconnect' : 'connect';
  return {
    mode,
    institution: start.institution,
    signIn: start.signIn ?? 'credentials',
    username: '',
    failures: 0,
    attempt: 0,
    requestId: mode === 'resume' ? start.requestId : null,
    loginId: mode === 'reconnect' ? start.loginId : null,
    autoRetried: [],
    lastError: null,
    rounds: 0,
    online: start.online ?? true,
    institutionListShown: false,
  };
}

/** The state before START: the consent screen, or whatever comes right after it. */
export function initialState(start: StartOptions, at: number): FlowState {
  const ctx = initialContext(start);
  if (start.oauthReturn) {
    const returning = { ...ctx, mode: 'connect' as const, attempt: 1 };
    return { step: 'oauth', ctx: returning, phase: 'finishing', returnState: start.oauthReturn };
  }
  if (start.consentEnable) return { step: 'consent', ctx };
  return firstStep(ctx, at);
}

/** The first screen after consent. */
export function firstStep(ctx: FlowContext, at: number): FlowState {
  if (ctx.mode !== 'connect') {
    return {
      step: 'processing',
      ctx: { ...ctx, attempt: ctx.attempt + 1 },
      activity: { kind: 'resuming' },
      since: at,
    };
  }
  return ctx.institution ? signInStep(ctx, false) : { step: 'institution', ctx };
}

/**
 * The sign-in screen of the bank in `ctx`: the credential form, or, for an OAuth bank, its hand-off. After the
 * person's click (`clicked`) the bank's page opens at once; without one, a button does it.
 */
export function signInStep(ctx: FlowContext, clicked: boolean): FlowState {
  if (ctx.signIn !== 'oauth') return { step: 'credentials', ctx, error: null };
  if (!clicked) return { step: 'oauth', ctx, phase: 'ready', returnState: null };
  return { step: 'oauth', ctx: { ...ctx, attempt: ctx.attempt + 1 }, phase: 'opening', returnState: null };
}

/** True while a connection is under way: leaving then asks for confirmation. */
export function isMidConnection(state: FlowState): boolean {
  return (
    state.step === 'mfa' ||
    state.step === 'processing' ||
    state.step === 'enhancedMfa' ||
    state.step === 'accounts'
  );
}

/** Identifies one screen: a new key mounts a fresh screen (fresh form, heading focused). */
export function screenKey(state: FlowState): string {
  switch (state.step) {
    case 'mfa':
      return `mfa-${state.round.requestId}-${state.round.number}`;
    case 'credentials':
    case 'guidance':
      return `${state.step}-${state.ctx.attempt}`;
    case 'oauth':
      // Opening turns into waiting (or blocked) within the same click: one screen for both.
      return `oauth-${state.phase === 'opening' ? 'waiting' : state.phase}`;
    default:
      return state.step;
  }
}
