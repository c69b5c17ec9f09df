import type {
  AccountsDataResult,
  ApiError,
  AuthorizeResult,
  CallOptions,
  ClientOptions,
  DeleteCardResult,
  FlinksClient,
  Pending,
} from './types';
import type { AccountsDetailBody, AccountsSummaryBody, AuthorizeBody, StatementsBody } from './wire';
import { answerWithCode, checked, failure, redact, withoutCode } from './answers';
import { loadOnce } from '../loadOnce';
import { codeNotLoaded } from './unloaded';
import { createTransport } from './transport';
import type { Call, CallContext, Exchange } from './exchange';

export { loadChecks } from './transport';

/** The OAuth and catalog calls' reading of their answers: not part of the first screen; fetched anew after a failure. */
const oauthCalls = loadOnce(() => import('./oauth-calls'), { retryOnLoad: true });

/** Enhanced MFA's calls: a chunk fetched the first time a connection needs them; fetched anew after a failure. */
const mfaQuestions = loadOnce(() => import('./mfa-questions'), { retryOnLoad: true });

/** A segment the URL parser would not resolve away ('.', '..') nor collapse (''). */
function pathSegment(value: string): string | null {
  return value === '' || value === '.' || value === '..' ? null : encodeURIComponent(value);
}

/**
 * The client for one connection session, built once its code is in (`createFlinksClient` in ./client.ts).
 *
 * @example
 * const client = createFlinksClient({ baseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices' });
 * const result = await client.authorize({ institution: 'FlinksCapital', username: 'Greatday', password });
 * if (result.kind === 'challenged') showQuestions(result.challenges);
 */
export function createClientNow(options: ClientOptions): FlinksClient {
  const { send } = createTransport(options);
  const oauthBase = oauthBaseOf(options.baseUrl);

  /** A call's answer, unless the transport or a FlinksCode already decided the result. */
  async function answerOf(
    call: Call,
    callOptions: CallOptions | undefined,
  ): Promise<Exchange | Pending | ApiError> {
    const exchange = await send(call, callOptions);
    if (exchange.kind === 'error') return exchange;
    return answerWithCode(exchange, exchange.context) ?? exchange;
  }

  async function authorizeCall(call: Call, callOptions: CallOptions | undefined): Promise<AuthorizeResult> {
    const answer = await answerOf(call, callOptions);
    if (answer.kind !== 'exchange') return answer;
    if (answer.status === 200) {
      return checked(answer, answer.checks.authorized, (body) => ({
        kind: 'authorized',
        requestId: body.RequestId,
        loginId: body.Login.Id,
        institution: body.Institution,
        body,
      }));
    }
    if (answer.status === 203) {
      return checked(answer, answer.checks.challenged, (body) => ({
        kind: 'challenged',
        requestId: body.RequestId,
        challenges: body.SecurityChallenges,
        ...(body.Institution ? { institution: body.Institution } : {}),
        ...(answer.language ? { language: answer.language } : {}),
      }));
    }
    return withoutCode(answer);
  }

  async function accountsCall(call: Call, callOptions: CallOptions | undefined): Promise<AccountsDataResult> {
    const answer = await answerOf(call, callOptions);
    if (answer.kind !== 'exchange') return answer;
    if (answer.status !== 200) return withoutCode(answer);
    return checked(answer, answer.checks.accounts, (body) => ({
      kind: 'accounts',
      requestId: body.RequestId,
      accounts: body.Accounts,
      loginId: body.Login?.Id ?? null,
      institution: body.Institution ?? null,
    }));
  }

  /** A call with no pending result: a 202 (the login is still being processed) is a code like any other. */
  async function settledCall(call: Call, callOptions: CallOptions | undefined): Promise<Exchange | ApiError> {
    const exchange = await send(call, callOptions);
    if (exchange.kind === 'error') return exchange;
    const coded = answerWithCode(exchange, exchange.context);
    if (coded?.kind === 'pending') {
      return {
        kind: 'error',
        httpStatus: exchange.status,
        flinksCode: coded.flinksCode,
        message: coded.message,
        requestId: coded.requestId,
        cause: 'http',
      };
    }
    return coded ?? exchange;
  }

  async function deleteCall(call: Call, callOptions: CallOptions | undefined): Promise<DeleteCardResult> {
    const answer = await settledCall(call, callOptions);
    if (answer.kind === 'error') return answer;
    if (answer.status !== 200) return withoutCode(answer);
    return checked(answer, answer.checks.deleted, (body) => ({
      kind: 'deleted',
      message: redact(body.Message, answer.context.secrets),
    }));
  }

  const tools = { send: settledCall, checked, failure, withoutCode };

  const invalidSegment = (name: string, context: CallContext): ApiError =>
    failure('malformed', 'INVALID_REQUEST', `The ${name} is empty or not a usable path segment.`, context);

  return {
    authorize(request, callOptions) {
      return authorizeCall(
        {
          method: 'POST',
          path: 'Authorize',
          sendsToken: true,
          requestId: null,
          secrets: [request.password],
          body: {
            Institution: request.institution,
            Username: request.username,
            Password: request.password,
            Language: request.language ?? 'en',
            Save: request.save ?? true,
            MostRecentCached: false,
            Tag: request.tag,
            ScheduleRefresh: request.scheduleRefresh,
          } satisfies AuthorizeBody,
        },
        callOptions,
      );
    },

    authorizeCached(request, callOptions) {
      return authorizeCall(
        {
          method: 'POST',
          path: 'Authorize',
          sendsToken: true,
          requestId: null,
          secrets: [],
          body: {
            LoginId: request.loginId,
            MostRecentCached: true,
            Language: request.language ?? 'en',
            Tag: request.tag,
          } satisfies AuthorizeBody,
        },
        callOptions,
      );
    },

    answerMfa(request, callOptions) {
      return authorizeCall(
        {
          method: 'POST',
          path: 'Authorize',
          sendsToken: true,
          requestId: request.requestId,
          secrets: Object.values(request.securityResponses).flat(),
          body: {
            RequestId: request.requestId,
            SecurityResponses: request.securityResponses,
            Language: request.language ?? 'en',
          } satisfies AuthorizeBody,
        },
        callOptions,
      );
    },

    resumeMfa(request, callOptions) {
      return authorizeCall(
        {
          method: 'POST',
          path: 'Authorize',
          sendsToken: true,
          requestId: request.requestId,
          secrets: [],
          body: { RequestId: request.requestId, Language: request.language ?? 'en' } satisfies AuthorizeBody,
        },
        callOptions,
      );
    },

    getAccountsDetail(request, callOptions) {
      return accountsCall(
        {
          method: 'POST',
          path: 'GetAccountsDetail',
          requestId: request.requestId,
          secrets: [],
          body: {
            RequestId: request.requestId,
            WithAccountIdentity: request.withAccountIdentity ?? true,
            WithKYC: false,
            WithTransactions: request.withTransactions ?? false,
            WithBalance: request.withBalance ?? true,
            DaysOfTransactions: request.daysOfTransactions ?? 'Days90',
          } satisfies AccountsDetailBody,
        },
        callOptions,
      );
    },

    async getAccountsDetailAsync(requestId, callOptions) {
      const context = { requestId, secrets: [] };
      const segment = pathSegment(requestId);
      if (segment === null) return invalidSegment('requestId', context);
      return accountsCall(
        { ...context, method: 'GET', path: `GetAccountsDetailAsync/${segment}` },
        callOptions,
      );
    },

    getAccountsSummary(requestId, callOptions) {
      return accountsCall(
        {
          method: 'POST',
          path: 'GetAccountsSummary',
          requestId,
          secrets: [],
          body: { RequestId: requestId } satisfies AccountsSummaryBody,
        },
        callOptions,
      );
    },

    getStatements(request, callOptions) {
      return accountsCall(
        {
          method: 'POST',
          path: 'GetStatements',
          requestId: request.requestId,
          secrets: [],
          body: {
            RequestId: request.requestId,
            NumberOfStatements: request.numberOfStatements,
          } satisfies StatementsBody,
        },
        callOptions,
      );
    },

    async getAccountsSummaryAsync(requestId, callOptions) {
      const context = { requestId, secrets: [] };
      const segment = pathSegment(requestId);
      if (segment === null) return invalidSegment('requestId', context);
      return accountsCall(
        { ...context, method: 'GET', path: `GetAccountsSummaryAsync/${segment}` },
        callOptions,
      );
    },

    getMfaQuestions: (loginId, callOptions) =>
      mfaQuestions.load().then(
        (calls) => calls.getMfaQuestions(tools, loginId, callOptions),
        () => codeNotLoaded('makes this call'),
      ),

    answerMfaQuestions: (request, callOptions) =>
      mfaQuestions.load().then(
        (calls) => calls.answerMfaQuestions(tools, request, callOptions),
        () => codeNotLoaded('makes this call'),
      ),

    async deleteCard(loginId, callOptions) {
      const context = { requestId: null, secrets: [] };
      const segment = pathSegment(loginId);
      if (segment === null) return invalidSegment('loginId', context);
      return deleteCall({ ...context, method: 'DELETE', path: `DeleteCard/${segment}` }, callOptions);
    },

    // The OAuth and catalog calls read their answers with code fetched when they are first made (src/api/oauth-calls.ts).
    // Code that cannot be downloaded is a network problem, said so (as for the answer checks).
    oauthStart: (request, callOptions) =>
      oauthCalls.load().then(
        (calls) => calls.oauthStart(answerOf, oauthBase, request, callOptions),
        () => codeNotLoaded('makes this call'),
      ),
    institutionCatalog: (callOptions) =>
      oauthCalls.load().then(
        (calls) => calls.institutionCatalog(send, oauthBase, callOptions),
        () => codeNotLoaded('makes this call'),
      ),
    oauthRedeem: (ticket, callOptions) =>
      oauthCalls.load().then(
        (calls) => calls.oauthRedeem(answerOf, oauthBase, ticket, callOptions),
        () => codeNotLoaded('makes this call'),
      ),
  };
}

/** The connect server's OAuth routes sit beside the bank API: `/v3/{customerId}/BankingServices` -> `/v3/oauth`. */
export function oauthBaseOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const match = /^(.*\/v3)\/[^/]+\/BankingServices$/.exec(trimmed);
  return match ? `${match[1]}/oauth` : `${trimmed}/oauth`;
}
