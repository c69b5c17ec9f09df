import { mutationOptions, queryOptions, skipToken } from '@tanstack/react-query';
import { createFlinksClient } from '../api';
import type {
  AccountsDataResult,
  AuthorizeResult,
  CachedRequest,
  ClientOptions,
  CredentialsRequest,
  FlinksClient,
  MfaAnswerRequest,
} from '../api/types';

const scope = 'connect-widget';

/**
 * Every call the flow makes, each defined once and shared by the widget, stories and tests.
 * `gcTime: 0`: a finished mutation (and the password or answers in its variables) leaves the cache as soon as the widget
 * lets go of it. The client never throws, so react-query never retries on its own: the flow decides.
 */
export function authorizeMutation(client: FlinksClient) {
  return mutationOptions<AuthorizeResult, Error, CredentialsRequest>({
    mutationKey: [scope, 'authorize'],
    mutationFn: (request) => client.authorize(request),
    gcTime: 0,
    retry: false,
  });
}

export function answerMfaMutation(client: FlinksClient) {
  return mutationOptions<AuthorizeResult, Error, MfaAnswerRequest>({
    mutationKey: [scope, 'answer-mfa'],
    mutationFn: (request) => client.answerMfa(request),
    gcTime: 0,
    retry: false,
  });
}

/** A saved login refreshed from its LoginId (reconnect), or an open MFA RequestId asked for its challenges (resume). */
export type ReopenRequest =
  ({ kind: 'reconnect' } & CachedRequest) | { kind: 'resume'; requestId: string; language: 'en' | 'fr' };

export function cachedAuthorizeMutation(client: FlinksClient) {
  return mutationOptions<AuthorizeResult, Error, ReopenRequest>({
    mutationKey: [scope, 'cached-authorize'],
    mutationFn: (request) =>
      request.kind === 'reconnect'
        ? client.authorizeCached(request)
        : // An answer with no responses is sent as `{ RequestId }` alone: Flinks re-sends the open round (see below).
          client.answerMfa({
            requestId: request.requestId,
            securityResponses: {},
            language: request.language,
          }),
    gcTime: 0,
    retry: false,
  });
}

export interface AccountsQuery {
  requestId: string;
  /** GetAccountsDetail (accounts to choose from) rather than the lighter GetAccountsSummary. */
  detail: boolean;
  /** Poll the Async twin (after a 202). */
  poll: boolean;
  /** Part of the key: "try again" is a new attempt, never an old cached answer. */
  attempt: number;
}

/** The account data after a 200: fetched once, or polled on the Async endpoint after a 202. */
export function accountsQuery(client: FlinksClient, query: AccountsQuery | null) {
  return queryOptions<AccountsDataResult>({
    queryKey: [scope, 'accounts', query],
    queryFn: query ? () => fetchAccounts(client, query) : skipToken,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

function fetchAccounts(
  client: FlinksClient,
  { requestId, detail, poll }: AccountsQuery,
): Promise<AccountsDataResult> {
  if (poll)
    return detail ? client.getAccountsDetailAsync(requestId) : client.getAccountsSummaryAsync(requestId);
  return detail ? client.getAccountsDetail({ requestId }) : client.getAccountsSummary(requestId);
}

/**
 * The widget's client. The shared client has no "resume" call, so an MFA answer with no responses goes out as
 * `{ RequestId }` alone, which is how Flinks (and the sandbox) re-send an open round.
 */
export function createWidgetClient(options: Omit<ClientOptions, 'fetch'>): FlinksClient {
  return createFlinksClient({ ...options, fetch: resumeAwareFetch });
}

const resumeAwareFetch: typeof fetch = (input, init) => {
  const body = init?.body;
  if (
    typeof body === 'string' &&
    String(input).endsWith('/Authorize') &&
    body.includes('"SecurityResponses":{}')
  ) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    delete parsed.SecurityResponses;
    return globalThis.fetch(input, { ...init, body: JSON.stringify(parsed) });
  }
  return globalThis.fetch(input, init);
};
