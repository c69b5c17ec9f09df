import type { MutationOptions } from '@tanstack/react-query';
import type {
  AccountsDataResult,
  AuthorizeResult,
  CachedRequest,
  CredentialsRequest,
  FlinksClient,
  MfaAnswerRequest,
  OAuthRedeemResult,
  OAuthReturnTicket,
  OAuthStartRequest,
  OAuthStartResult,
  MfaQuestionsAnswerRequest,
  MfaQuestionsResult,
  AnswerMfaQuestionsResult,
  ApiError,
} from '../api/types';
import { CallFailed, retryTransient } from '../api/transient';
import type { DataRequest } from './actions';
import type { Language } from '../i18n/types';

/** Every mutation's key starts with it: `useMutationState({ filters: { mutationKey: ['connect-widget'] } })`. */
const scope = 'connect-widget';

/**
 * A secret (a password, answers, an OAuth code) handed to one call: read once, as the call goes out, then let go
 * of. It never sits in the mutation's variables, so the mutation may stay in the host's cache (and its devtools)
 * with nothing secret in it.
 */
function handOnce<Secret>(secret: Secret): () => Secret {
  let held: { secret: Secret } | null = { secret };
  return () => {
    if (!held) throw new Error('A secret goes out with one call only.');
    const { secret: value } = held;
    held = null;
    return value;
  };
}

/** A read's transient failure thrown, for react-query to try again; any other answer is the flow's to read. */
function throwTransient<Result extends { kind: string }>(result: Result): Result {
  if (result.kind === 'error') {
    const failed = new CallFailed(result as Result & ApiError);
    if (failed.transient) throw failed;
  }
  return result;
}

/**
 * Types one call's options, as react-query's own `mutationOptions` does; that helper only came in 5.82, and the
 * package's peer range starts lower (`^5.80`).
 */
function mutationOptions<Result, Failure, Variables>(
  options: MutationOptions<Result, Failure, Variables>,
): MutationOptions<Result, Failure, Variables> {
  return options;
}

/** The signal that ends with the widget: a call still on its way when the widget goes away is cancelled. */
export type Lifetime = () => AbortSignal | undefined;

/** A sign-in's variables: what the cache may show. The username and password stay with the runner. */
export type SignInVariables = Omit<CredentialsRequest, 'username' | 'password'>;

/**
 * Every call the flow makes, each defined once; the store's runner sends them. The mutations stay in the cache (the
 * host's, when it shares its `QueryClient`) with their key, variables and answer: no secret is among them. An answer
 * is data, failures too (`kind: 'error'`): the client never throws. Only a read whose connection dropped throws, so
 * that react-query tries it again; Authorize and MFA answers never retry by themselves (`retry: false` wins over a
 * host's defaults): the flow and the person decide.
 */
export function authorizeMutation(
  client: FlinksClient,
  lifetime: Lifetime | undefined,
  credentials: Pick<CredentialsRequest, 'username' | 'password'>,
) {
  const take = handOnce(credentials);
  return mutationOptions<AuthorizeResult, Error, SignInVariables>({
    mutationKey: [scope, 'authorize'],
    mutationFn: (request) => client.authorize({ ...request, ...take() }, { signal: lifetime?.() }),
    retry: false,
  });
}

export function answerMfaMutation(
  client: FlinksClient,
  lifetime: Lifetime | undefined,
  securityResponses: MfaAnswerRequest['securityResponses'],
) {
  const take = handOnce(securityResponses);
  return mutationOptions<AuthorizeResult, Error, Omit<MfaAnswerRequest, 'securityResponses'>>({
    mutationKey: [scope, 'answer-mfa'],
    mutationFn: (request) =>
      client.answerMfa({ ...request, securityResponses: take() }, { signal: lifetime?.() }),
    retry: false,
  });
}

/** A saved login refreshed from its LoginId (reconnect), or an open MFA RequestId asked for its challenges (resume). */
export type ReopenRequest =
  ({ kind: 'reconnect' } & CachedRequest) | { kind: 'resume'; requestId: string; language: Language };

export function cachedAuthorizeMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<AuthorizeResult, Error, ReopenRequest>({
    mutationKey: [scope, 'cached-authorize'],
    mutationFn: (request) => {
      const options = { signal: lifetime?.() };
      return request.kind === 'reconnect'
        ? client.authorizeCached(request, options)
        : client.resumeMfa(request, options);
    },
    retry: false,
  });
}

export interface AccountsRequest extends DataRequest {
  requestId: string;
  /** GetAccountsDetail (accounts to choose from) rather than the lighter GetAccountsSummary. */
  detail: boolean;
  /** The Async twin (after a 202). */
  poll: boolean;
}

/**
 * The account data after a 200: fetched once, or asked of the Async endpoint after a 202. A read: a dropped
 * connection is tried again with react-query's backoff (the host's `retryDelay`, when its client sets one).
 */
export function accountsMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<AccountsDataResult, Error, AccountsRequest>({
    mutationKey: [scope, 'accounts'],
    mutationFn: (request) => fetchAccounts(client, request, lifetime?.()).then(throwTransient),
    retry: retryTransient,
  });
}

/**
 * The data call: the summary, or the detail (with the transactions `daysOfTransactions` or statements ask for). Once
 * the accounts are in, `statements` asks Flinks for them too (GetStatements): your backend reads them later, so their
 * answer does not hold up the connection.
 */
async function fetchAccounts(
  client: FlinksClient,
  { requestId, detail, poll, daysOfTransactions, statements }: AccountsRequest,
  signal: AbortSignal | undefined,
): Promise<AccountsDataResult> {
  const options = { signal };
  const result = await (poll
    ? detail
      ? client.getAccountsDetailAsync(requestId, options)
      : client.getAccountsSummaryAsync(requestId, options)
    : detail
      ? client.getAccountsDetail(
          {
            requestId,
            ...(daysOfTransactions || statements ? { withTransactions: true } : {}),
            ...(daysOfTransactions ? { daysOfTransactions } : {}),
          },
          options,
        )
      : client.getAccountsSummary(requestId, options));
  if (statements && result.kind === 'accounts') {
    void client.getStatements({ requestId, numberOfStatements: statements }, options);
  }
  return result;
}

/** A state for an OAuth bank's page (CONTRACT §8), asked of the connect server. */
export function oauthStartMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<OAuthStartResult, Error, OAuthStartRequest>({
    mutationKey: [scope, 'oauth-start'],
    mutationFn: (request) => client.oauthStart(request, { signal: lifetime?.() }),
    retry: false,
  });
}

/** Back from the bank's page: its outcome, collected once. The ticket (state and code) stays out of the cache. */
export function oauthRedeemMutation(
  client: FlinksClient,
  lifetime: Lifetime | undefined,
  ticket: OAuthReturnTicket,
) {
  const take = handOnce(ticket);
  return mutationOptions<OAuthRedeemResult, Error, undefined>({
    mutationKey: [scope, 'oauth-redeem'],
    mutationFn: () => client.oauthRedeem(take(), { signal: lifetime?.() }),
    retry: false,
  });
}

/**
 * Enhanced MFA: the security questions the bank keeps for a login, or, with `answers`, saving an answer to each for
 * scheduled refreshes (secrets, held by the runner as MFA answers are; the variables name the login only).
 */
export function mfaQuestionsMutation(
  client: FlinksClient,
  lifetime: Lifetime | undefined,
  answers: MfaQuestionsAnswerRequest['answers'] | null,
) {
  const take = handOnce(answers);
  return mutationOptions<MfaQuestionsResult | AnswerMfaQuestionsResult, Error, { loginId: string }>({
    mutationKey: [scope, 'mfa-questions'],
    mutationFn: ({ loginId }) => {
      const options = { signal: lifetime?.() };
      const saved = take();
      return saved
        ? client.answerMfaQuestions({ loginId, answers: saved }, options)
        : client.getMfaQuestions(loginId, options);
    },
    retry: false,
  });
}
