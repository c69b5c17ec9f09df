import { mutationOptions } from '@tanstack/react-query';
import type {
  AccountsDataResult,
  AuthorizeResult,
  CachedRequest,
  CredentialsRequest,
  FlinksClient,
  MfaAnswerRequest,
  MfaQuestionsAnswerRequest,
  MfaQuestionsResult,
  AnswerMfaQuestionsResult,
} from '../api/types';

const scope = 'connect-widget';

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
  ({ kind: 'reconnect' } & CachedRequest) | { kind: 'resume'; requestId: string; language: 'en' | 'fr' };

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

export interface AccountsRequest {
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

function fetchAccounts(
  client: FlinksClient,
  { requestId, detail, poll }: AccountsRequest,
  signal: AbortSignal | undefined,
): Promise<AccountsDataResult> {
  const options = { signal };
  if (poll) {
    return detail
      ? client.getAccountsDetailAsync(requestId, options)
      : client.getAccountsSummaryAsync(requestId, options);
  }
  return detail
    ? client.getAccountsDetail({ requestId }, options)
    : client.getAccountsSummary(requestId, options);
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
