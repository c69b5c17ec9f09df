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
} from '../api/types';
import type { DataRequest } from './actions';
import type { Language } from '../i18n/types';

const scope = 'connect-widget';

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

/**
 * Every call the flow makes, each defined once; the store's runner sends them.
 * `gcTime: 0`: a finished mutation (and the password or answers in its variables) leaves the cache as soon as the widget
 * lets go of it. The client never throws, so react-query never retries on its own: the flow decides.
 */
export function authorizeMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<AuthorizeResult, Error, CredentialsRequest>({
    mutationKey: [scope, 'authorize'],
    mutationFn: (request) => client.authorize(request, { signal: lifetime?.() }),
    gcTime: 0,
    retry: false,
  });
}

export function answerMfaMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<AuthorizeResult, Error, MfaAnswerRequest>({
    mutationKey: [scope, 'answer-mfa'],
    mutationFn: (request) => client.answerMfa(request, { signal: lifetime?.() }),
    gcTime: 0,
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
    gcTime: 0,
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

/** The account data after a 200: fetched once, or asked of the Async endpoint after a 202. */
export function accountsMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<AccountsDataResult, Error, AccountsRequest>({
    mutationKey: [scope, 'accounts'],
    mutationFn: (request) => fetchAccounts(client, request, lifetime?.()),
    gcTime: 0,
    retry: false,
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
    gcTime: 0,
    retry: false,
  });
}

/** Back from a whole-window trip to the bank: its outcome, collected once. */
export function oauthRedeemMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<OAuthRedeemResult, Error, OAuthReturnTicket>({
    mutationKey: [scope, 'oauth-redeem'],
    mutationFn: (ticket) => client.oauthRedeem(ticket, { signal: lifetime?.() }),
    gcTime: 0,
    retry: false,
  });
}

/**
 * Enhanced MFA: the security questions the bank keeps for a login, or, with `answers`, saving an answer to each for
 * scheduled refreshes (secrets: `gcTime: 0`, as for MFA answers).
 */
export function mfaQuestionsMutation(client: FlinksClient, lifetime?: Lifetime) {
  return mutationOptions<
    MfaQuestionsResult | AnswerMfaQuestionsResult,
    Error,
    { loginId: string; answers?: MfaQuestionsAnswerRequest['answers'] }
  >({
    mutationKey: [scope, 'mfa-questions'],
    mutationFn: ({ loginId, answers }) => {
      const options = { signal: lifetime?.() };
      return answers
        ? client.answerMfaQuestions({ loginId, answers }, options)
        : client.getMfaQuestions(loginId, options);
    },
    gcTime: 0,
    retry: false,
  });
}
