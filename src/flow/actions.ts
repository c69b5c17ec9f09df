import type {
  AccountsDataResult,
  AnswerMfaQuestionsResult,
  ApiError,
  AuthorizeResult,
  MfaQuestionsResult,
  OAuthReturnTicket,
} from '../api/types';
import type { ConnectEvent } from './events';
import type { ExitReason, FlowState, SignIn } from './state';

/** What the reducer needs from the widget's props. */
export interface FlowConfig {
  /** Failed credential or MFA attempts in a row before the lock-out guidance (default 3). */
  maximumRetry: number;
  accountSelectorEnable: boolean;
  /** The person may choose several accounts (`accountSelectorMultiple`); the selector shows even without `accountSelectorEnable`. */
  accountSelectorMultiple?: boolean;
  /** The consent screen links the partner's terms (`termsUrl`): accepting or declining consent does the same to them. */
  terms?: boolean;
  /** After a live login, ask every security question the bank keeps for it (`enhancedMFA`). */
  enhancedMfa?: boolean;
  /** The person may skip those questions (`skipEnhancedMFA`). */
  skipEnhancedMfa?: boolean;
  /** Polling an Async endpoint gives up after this long. */
  pollTimeoutMs: number;
  /** Flinks' inactivity window for an open RequestId. */
  sessionTtlMs: number;
  tag: string | null;
  /** Where an OAuth bank's page opens: a popup (default), or the whole window (`oauthWindowRedirect`). */
  oauthWindow?: 'popup' | 'whole';
  /** The absolute address REDIRECT's `url` is built on: the host's `redirectUrl`, or the widget's `/connected`. */
  redirectUrl: string;
  /** Lists every account on the selector, not only the ones of `productType`. */
  showAllOperationsAccounts: boolean;
  /** Which accounts the connection is for (Flinks' `productType`); null: every kind. */
  productType: ProductType | null;
  /** What the login and the data calls ask of Flinks (Flinks Connect's data parameters). */
  data?: DataRequest;
}

/**
 * Flinks Connect's data parameters, as the API calls carry them: `scheduleRefresh` on Authorize, `daysOfTransactions`
 * on GetAccountsDetail, `statements` (`monthsOfStatements` when `detailsAndStatementEnable`) on GetStatements.
 */
export interface DataRequest {
  scheduleRefresh?: boolean;
  daysOfTransactions?: 'Days90' | 'Days365';
  statements?: 'MostRecent' | 'Months3' | 'Months12';
}

/** Flinks Connect's `productType`: everyday banking accounts, or investment accounts. */
export type ProductType = 'banking' | 'investment';

/** The guidance actions that change the step (links to the bank's site don't; exit has its own action). */
export type StepAction =
  'tryAgain' | 'answerAgain' | 'reenter' | 'startAgain' | 'doneTryAgain' | 'chooseAnotherBank' | 'reopenBank';

/** Everything that can happen to a connection. Every action that needs the time carries it (`at`, ms). */
export type FlowAction =
  | { type: 'START' }
  | { type: 'ACCEPT_CONSENT'; at: number }
  | { type: 'DENY_CONSENT' }
  | { type: 'SELECT_INSTITUTION'; institution: string; signIn?: SignIn }
  /** The person asks for the bank's page (Continue to {bank}, I closed it by mistake): a click, so a popup may open. */
  | { type: 'OPEN_BANK' }
  | { type: 'POPUP_OPENED'; attempt: number }
  | { type: 'POPUP_BLOCKED'; attempt: number }
  | { type: 'OAUTH_RESULT'; attempt: number; result: OAuthResult; at: number }
  | { type: 'SUBMIT_CREDENTIALS'; username: string; at: number }
  | { type: 'SUBMIT_MFA'; at: number }
  | { type: 'AUTHORIZE_RESULT'; attempt: number; result: AuthorizeResult; at: number }
  | { type: 'DATA_RESULT'; attempt: number; result: AccountsDataResult; at: number }
  | { type: 'SELECT_ACCOUNT'; accountId: string }
  /** With `accountSelectorMultiple`: every account the person chose. */
  | { type: 'SELECT_ACCOUNTS'; accountIds: readonly string[] }
  | {
      type: 'QUESTIONS_RESULT';
      attempt: number;
      result: MfaQuestionsResult | AnswerMfaQuestionsResult;
      at: number;
    }
  | { type: 'SKIP_ENHANCED_MFA'; at: number }
  | { type: 'FINISH_NOW' }
  | { type: 'KEEP_WAITING' }
  | { type: 'GUIDANCE_ACTION'; action: StepAction; at: number }
  | { type: 'BACK' }
  | { type: 'DEADLINE'; at: number }
  | { type: 'ONLINE'; at: number }
  | { type: 'OFFLINE' }
  /** The person leaves; `reason` says why when the host can tell it apart (no bank of theirs on the list). */
  | { type: 'EXIT'; reason?: ExitReason }
  /** "Start again" on the closed screen: the connection's first screen, fresh (`first`: where it starts). */
  | { type: 'START_AGAIN'; first: FlowState }
  /** The person opened the bank's "forgot password" page: only the host is told. */
  | { type: 'CLICK_RESET_PASSWORD' }
  /** The person opened the partner's terms from the consent screen. */
  | { type: 'CLICK_TERMS_URL' };

/** A move between states: the new state and the events it emits, in order. */
export interface Move {
  state: FlowState;
  events: ConnectEvent[];
}

/** A step taken: the move, and the requests to make for it, as data (the store's runner makes them). */
export interface Transition extends Move {
  requests: FlowRequest[];
}

/** What came back from the bank's OAuth page: the login it approved, or the problem, as the flow's other calls say it. */
export type OAuthResult = { kind: 'allowed'; loginId: string; institution: string } | ApiError;

/**
 * The calls and timers a transition asks for, as data: the store's runner makes them and feeds the answers back as
 * actions. Secrets are not here: the runner adds the password or the answers it holds for the attempt.
 */
export type FlowRequest =
  | { kind: 'signIn'; attempt: number; institution: string; username: string; tag: string | null }
  | { kind: 'answer'; attempt: number; requestId: string }
  | { kind: 'resume'; attempt: number; requestId: string }
  | { kind: 'reconnect'; attempt: number; loginId: string; tag: string | null }
  /** The bank's own sign-in page (OAuth): a popup opened within the person's click, or the whole window. */
  | { kind: 'openBank'; attempt: number; institution: string; window: 'popup' | 'whole' }
  /** Back from a whole-window trip: the outcome of that return, collected once. */
  | { kind: 'redeemOAuth'; attempt: number; ticket: OAuthReturnTicket }
  /** Enhanced MFA: the login's stored security questions, then (`save`) the answers the runner holds. */
  | { kind: 'questions'; attempt: number; loginId: string; save: boolean }
  /** The account data after a 200. */
  | { kind: 'gather'; attempt: number; requestId: string; detail: boolean }
  /** The Async twin, one polling interval after the last 202. */
  | { kind: 'poll'; attempt: number; requestId: string; detail: boolean }
  /** DEADLINE at `until` (ms): MFA inactivity, the polling limit, an automatic retry's wait. */
  | { kind: 'wait'; until: number };
