import type * as v from 'valibot';
import type { FlinksCode } from './codes';
import type {
  accountSchema,
  accountsBodySchema,
  authorizeSuccessSchema,
  challengeBodySchema,
  challengeSchema,
  errorBodySchema,
  holderSchema,
  mfaQuestionsBodySchema,
  pendingBodySchema,
  transactionSchema,
} from './schema';
import type { OAuthOutcome } from './wire';
import type { securityResponsesSchema } from './wire';
import type { Language } from '../i18n/types';

/**
 * The API's answers, as the client reads them: each type is what its schema in ./schema.ts gives (the schemas are
 * the one definition). The `…Body` types are what a Flinks-compatible API sends (the sandbox builds its answers
 * with them): the schema's input, plus the fields Flinks sends that the client does not read.
 */

/** One prompt of a 203 answer. `Iterables`: choices, masked phone numbers or raw base64 images, depending on `Type`. */
export type SecurityChallenge = v.InferOutput<typeof challengeSchema>;

/** Prompt text -> answers, as `/Authorize` expects them. */
export type SecurityResponses = v.InferOutput<typeof securityResponsesSchema>;

export type Holder = v.InferOutput<typeof holderSchema>;
export type Transaction = v.InferOutput<typeof transactionSchema>;
export type Account = v.InferOutput<typeof accountSchema>;

/**
 * A 200 from /Authorize. `Tag`: the free-text tag the login was last authorized with; the client does not read it
 * (the connect server checks its OAuth nonce in it, from the raw answer).
 */
export type AuthorizeSuccessBody = v.InferInput<typeof authorizeSuccessSchema> & {
  HttpStatusCode: 200;
  Tag?: string;
};

export type ChallengeBody = v.InferInput<typeof challengeBodySchema> & { HttpStatusCode: 203 };

export type AccountsBody = v.InferInput<typeof accountsBodySchema> & { HttpStatusCode: 200 };

/** A 202: Flinks always names the RequestId to poll with; the client tolerates its absence. */
export type PendingBody = v.InferInput<typeof pendingBodySchema> & { HttpStatusCode: 202; RequestId: string };

/** GET /GetMFAQuestions/{loginId} (Enhanced MFA); the client reads only `Questions`. */
export type MfaQuestionsBody = v.InferInput<typeof mfaQuestionsBodySchema> & {
  HttpStatusCode: 200;
  LoginId: string;
};

/** Any answer with a FlinksCode; the client reads the code, the message and the RequestId. */
export type ErrorBody = v.InferInput<typeof errorBodySchema> & {
  HttpStatusCode: number;
  FlinksCode: FlinksCode;
};

/**
 * Why a call failed, when the client raised it rather than the API.
 * `refused`: the browser refused a cross-origin call the API could have answered (CORS, see `refusal.ts`).
 * `session`: the server refused the connect session (missing, expired, from another origin) and it could not be renewed.
 */
export type TransportFailure =
  'network' | 'refused' | 'timeout' | 'malformed' | 'aborted' | 'http' | 'session';

/**
 * Every failure of a call, one shape. `flinksCode` is the API's code when it sent one (kept even when unknown),
 * else NETWORK_ERROR, TIMEOUT, MALFORMED_RESPONSE or ABORTED.
 */
export interface ApiError {
  kind: 'error';
  httpStatus: number | null;
  flinksCode: FlinksCode;
  message: string;
  requestId: string | null;
  /** Where the failure came from: the API's answer (`http`) or the transport. */
  cause: TransportFailure;
}

export interface Authorized {
  kind: 'authorized';
  requestId: string;
  loginId: string;
  institution: string;
  body: AuthorizeSuccessBody;
}

export interface Challenged {
  kind: 'challenged';
  requestId: string;
  challenges: SecurityChallenge[];
  /** The bank, when the 203 names it (a resumed session learns its bank from it). */
  institution?: string;
  /** The language of the challenges' text, when the answer declares it (`Content-Language`, e.g. `en`). */
  language?: string;
}

export interface Pending {
  kind: 'pending';
  requestId: string;
  flinksCode: 'OPERATION_PENDING' | 'OPERATION_DISPATCHED';
  message: string;
}

export interface AccountsResult {
  kind: 'accounts';
  requestId: string;
  accounts: Account[];
  loginId: string | null;
  institution: string | null;
}

/** The security questions a login keeps at its bank (Enhanced MFA), none when the bank keeps none. */
export interface MfaQuestions {
  kind: 'questions';
  questions: string[];
}

/** AnswerMFAQuestions accepted: scheduled refreshes will answer these questions by themselves. */
export interface MfaQuestionsSaved {
  kind: 'saved';
}

export interface Deleted {
  kind: 'deleted';
  message: string;
}

/** What `/Authorize` can answer. */
export type AuthorizeResult = Authorized | Challenged | Pending | ApiError;
/** What the account data endpoints (sync and async) can answer. */
export type AccountsDataResult = AccountsResult | Pending | ApiError;
export type DeleteCardResult = Deleted | ApiError;
export type MfaQuestionsResult = MfaQuestions | ApiError;
export type AnswerMfaQuestionsResult = MfaQuestionsSaved | ApiError;

/** Answers to a login's stored questions (Enhanced MFA): question -> answer. Secrets: never logged or shown. */
export interface MfaQuestionsAnswerRequest {
  loginId: string;
  answers: Record<string, string>;
}

export interface CredentialsRequest {
  institution: string;
  username: string;
  password: string;
  language?: Language;
  save?: boolean;
  tag?: string;
  /** Enrols the login in Flinks' scheduled refresh (`ScheduleRefresh`). */
  scheduleRefresh?: boolean;
}

export interface CachedRequest {
  loginId: string;
  language?: Language;
  tag?: string;
}

export interface MfaAnswerRequest {
  requestId: string;
  securityResponses: SecurityResponses;
  language?: Language;
}

export interface ResumeRequest {
  requestId: string;
  language?: Language;
}

export interface AccountsRequest {
  requestId: string;
  withTransactions?: boolean;
  withBalance?: boolean;
  withAccountIdentity?: boolean;
  daysOfTransactions?: 'Days90' | 'Days365';
}

/** POST /GetStatements: the bank's own statements for a login's accounts. */
export interface StatementsRequest {
  requestId: string;
  numberOfStatements: 'MostRecent' | 'Months3' | 'Months12';
}

/** Per call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Milliseconds before the call fails with TIMEOUT. */
  timeoutMs?: number;
}

export interface ClientOptions {
  /** e.g. `https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices` */
  baseUrl: string;
  /** Sent as `flinks-auth-key` on /Authorize. Single use: the client forgets it after the first Authorize. */
  authorizeToken?: string;
  /** Extra headers on every call (e.g. `x-api-key` for the data endpoints). */
  headers?: Record<string, string>;
  /** Default per-request timeout (ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * The connect session your backend created (`POST /connect/sessions`), sent on every call as
   * `Authorization: Bearer …`, never in a URL.
   */
  sessionToken?: string;
  /**
   * Gets a new session when the server refuses the current one (expired): called at most once per call, and before
   * the first call when there is no `sessionToken`. The refused call is then sent again; it never reached the bank.
   */
  getSessionToken?: () => Promise<string>;
  /** The page framing the embed page, said to the server, which believes it only from its own origin. */
  parentOrigin?: string;
}

/** A state for the bank's OAuth page, minted by the connect server (CONTRACT §8). */
export interface OAuthStartRequest {
  institution: string;
  language?: Language;
  /** Whole-window flow: the page the bank sends the window back to; none for a popup. */
  returnTo?: string;
}

export type OAuthStartResult = { kind: 'oauthStarted'; state: string; authorizeUrl: string } | ApiError;

/** What the bank said, as the return page passed it on: a LoginId, or the bank's error word (./wire.ts). */
export type { OAuthOutcome };

/** The connect server's institution catalog (`GET /v3/institutions`), as it sent it. */
export type CatalogResult = { kind: 'catalog'; entries: unknown[] } | ApiError;

/**
 * A whole-window return as the widget's page got it: the state, and the one-time code the return gave this browser
 * (the server hands the outcome only to whoever brings it).
 */
export interface OAuthReturnTicket {
  state: string;
  code: string;
}

export type OAuthRedeemResult = { kind: 'oauthOutcome'; outcome: OAuthOutcome } | ApiError;

/** The Flinks v3 calls the widget makes. Every method resolves; none throws. */
export interface FlinksClient {
  authorize(request: CredentialsRequest, options?: CallOptions): Promise<AuthorizeResult>;
  authorizeCached(request: CachedRequest, options?: CallOptions): Promise<AuthorizeResult>;
  answerMfa(request: MfaAnswerRequest, options?: CallOptions): Promise<AuthorizeResult>;
  /** Asks an open MFA session for its current challenges again (`{ RequestId }` alone): resuming from a `requestId`. */
  resumeMfa(request: ResumeRequest, options?: CallOptions): Promise<AuthorizeResult>;
  getAccountsDetail(request: AccountsRequest, options?: CallOptions): Promise<AccountsDataResult>;
  getAccountsDetailAsync(requestId: string, options?: CallOptions): Promise<AccountsDataResult>;
  getAccountsSummary(requestId: string, options?: CallOptions): Promise<AccountsDataResult>;
  getAccountsSummaryAsync(requestId: string, options?: CallOptions): Promise<AccountsDataResult>;
  /** Asks for the statements (`detailsAndStatementEnable`); a 200 or 202 both mean Flinks took the request. */
  getStatements(request: StatementsRequest, options?: CallOptions): Promise<AccountsDataResult>;
  deleteCard(loginId: string, options?: CallOptions): Promise<DeleteCardResult>;
  /** The connect server's `POST /v3/oauth/state`: a single-use state and the bank page's address (Flinks' route). */
  oauthStart(request: OAuthStartRequest, options?: CallOptions): Promise<OAuthStartResult>;
  /** Whole-window flow, back on the page: the outcome of the bank's page, collected once per state. */
  oauthRedeem(ticket: OAuthReturnTicket, options?: CallOptions): Promise<OAuthRedeemResult>;
  /** The connect server's institution catalog (`GET /v3/institutions`): thousands of banks, for the bank list. */
  institutionCatalog(options?: CallOptions): Promise<CatalogResult>;
  /** Enhanced MFA: the security questions the bank keeps for a login (GET /GetMFAQuestions/{loginId}). */
  getMfaQuestions(loginId: string, options?: CallOptions): Promise<MfaQuestionsResult>;
  /** Enhanced MFA: saves an answer to each of them (PATCH /AnswerMFAQuestions), for scheduled refreshes. */
  answerMfaQuestions(
    request: MfaQuestionsAnswerRequest,
    options?: CallOptions,
  ): Promise<AnswerMfaQuestionsResult>;
}
