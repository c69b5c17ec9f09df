import type {
  AccountsDataResult,
  ApiError,
  AuthorizeResult,
  CallOptions,
  ClientOptions,
  DeleteCardResult,
  FlinksClient,
  Pending,
  TransportFailure,
} from './types';
import { LIMITS } from './limits';
import { refusalMessage, refusedCrossOrigin, reportRefusalInDevelopment } from './refusal';
import type { Checked, Checks } from './schema';

/** Above Flinks' 210 s dispatch limit: a bank login can be slow. */
export const DEFAULT_TIMEOUT_MS = 240_000;

// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647;

interface Exchange {
  kind: 'exchange';
  status: number;
  json: unknown;
  context: CallContext;
  checks: Checks;
}

let checksLoading: Promise<Checks> | null = null;

/**
 * The answer checks (valibot and the schemas), fetched once, the first time a call is sent or the widget asks ahead.
 * A failed download is forgotten, so the next call fetches them again.
 */
export function loadChecks(): Promise<Checks> {
  if (!checksLoading) {
    const loading = import('./schema').then((module) => module.checks);
    loading.catch(() => {
      if (checksLoading === loading) checksLoading = null;
    });
    checksLoading = loading;
  }
  return checksLoading;
}

/** What one call knows besides its answer. */
interface CallContext {
  /** The RequestId the call carried, kept on an error whose body lacks one. */
  requestId: string | null;
  /** Strings that must never come back out, even when a server echoes them. */
  secrets: string[];
}

interface Call extends CallContext {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  sendsToken?: boolean;
}

function failure(
  cause: TransportFailure,
  flinksCode: string,
  message: string,
  context: CallContext,
  httpStatus: number | null = null,
): ApiError {
  return { kind: 'error', httpStatus, flinksCode, message, requestId: context.requestId, cause };
}

function malformed(context: CallContext, httpStatus: number | null, why: string): ApiError {
  return failure('malformed', 'MALFORMED_RESPONSE', why, context, httpStatus);
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce(
    (result, secret) => (secret ? result.split(secret).join('[redacted]') : result),
    text,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a body failed its schema, by field names only: a value from the wire is never echoed. */
function shapeProblem(path: string | null): string {
  return `The API's answer does not have the expected shape${path ? ` (at ${path})` : ''}.`;
}

/** A segment the URL parser would not resolve away ('.', '..') nor collapse (''). */
function pathSegment(value: string): string | null {
  return value === '' || value === '.' || value === '..' ? null : encodeURIComponent(value);
}

type BodyText = { kind: 'text'; text: string } | { kind: 'too-large' } | { kind: 'not-text' };

/** Reads at most LIMITS.bodyBytes, then stops and releases the stream. Rejects when the stream fails or is stopped. */
async function readBody(response: Response, stopped: Promise<never>): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > LIMITS.bodyBytes) {
    response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large' };
  }
  if (!response.body) return { kind: 'text', text: '' };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const chunk = await Promise.race([reader.read(), stopped]);
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > LIMITS.bodyBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }

  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'not-text' };
  }
}

/**
 * Builds the client for one connection session.
 *
 * @example
 * const client = createFlinksClient({ baseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices' });
 * const result = await client.authorize({ institution: 'FlinksCapital', username: 'Greatday', password });
 * if (result.kind === 'challenged') showQuestions(result.challenges);
 */
export function createFlinksClient(options: ClientOptions): FlinksClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let authorizeToken = options.authorizeToken;

  /** Never rejects: whatever goes wrong on the way becomes an ApiError. */
  async function send(call: Call, callOptions: CallOptions | undefined): Promise<Exchange | ApiError> {
    try {
      return await transmit(call, callOptions);
    } catch {
      return failure('network', 'NETWORK_ERROR', 'The call could not be sent.', call);
    }
  }

  async function transmit(call: Call, callOptions: CallOptions | undefined): Promise<Exchange | ApiError> {
    const signal = callOptions?.signal;
    if (signal?.aborted) return failure('aborted', 'ABORTED', 'The call was cancelled.', call);
    // Fetched while the request is on its way: the answer is checked as soon as it is read.
    const checking = loadChecks();

    const headers = new Headers(options.headers);
    // The token is single use and only for /Authorize: it never rides along as a generic header.
    headers.delete('flinks-auth-key');
    headers.set('Accept', 'application/json');
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    const secrets = [...call.secrets];
    if (call.sendsToken && authorizeToken) {
      headers.set('flinks-auth-key', authorizeToken);
      secrets.push(authorizeToken);
      authorizeToken = undefined;
    }
    const context: CallContext = { requestId: call.requestId, secrets };

    const controller = new AbortController();
    let stoppedBy: 'timeout' | 'aborted' | null = null;
    const stop = (reason: 'timeout' | 'aborted') => {
      stoppedBy ??= reason;
      controller.abort();
    };
    const onCallerAbort = () => stop('aborted');
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timeoutMs = callOptions?.timeoutMs ?? defaultTimeoutMs;
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => stop('timeout'), Math.min(Math.max(timeoutMs, 0), MAX_TIMER_MS))
      : undefined;
    // A fetch or a body stream that ignores the signal must not hold the call open.
    const stopped = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
    });
    stopped.catch(() => undefined);

    const stoppedFailure = (): ApiError | null => {
      if (stoppedBy === 'timeout')
        return failure('timeout', 'TIMEOUT', 'The API did not answer in time.', context);
      if (stoppedBy === 'aborted') return failure('aborted', 'ABORTED', 'The call was cancelled.', context);
      return null;
    };

    try {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await Promise.race([
          fetchImpl(`${baseUrl}/${call.path}`, {
            method: call.method,
            headers,
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
            signal: controller.signal,
          }),
          stopped,
        ]);
      } catch {
        const stoppedEarly = stoppedFailure();
        if (stoppedEarly) return stoppedEarly;
        if (await refusedCrossOrigin(`${baseUrl}/${call.path}`, fetchImpl)) {
          const message = refusalMessage(`${baseUrl}/${call.path}`);
          reportRefusalInDevelopment(message);
          return failure('refused', 'NETWORK_ERROR', message, context);
        }
        return failure('network', 'NETWORK_ERROR', 'The API could not be reached.', context);
      }

      let body: BodyText;
      try {
        body = await readBody(response, stopped);
      } catch {
        return (
          stoppedFailure() ??
          failure('network', 'NETWORK_ERROR', 'The connection dropped while the answer was read.', context)
        );
      }
      const status = response.status;
      if (body.kind === 'too-large') {
        return malformed(context, status, `The API's answer is larger than ${LIMITS.bodyBytes} bytes.`);
      }
      if (body.kind === 'not-text') return malformed(context, status, "The API's answer is not UTF-8 text.");

      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return orStatusFailure(status, context, "The API's answer is not JSON.");
      }
      let checks: Checks;
      try {
        checks = await Promise.race([checking, stopped]);
      } catch {
        return (
          stoppedFailure() ??
          failure('network', 'NETWORK_ERROR', 'The code that checks answers could not be loaded.', context)
        );
      }
      return { kind: 'exchange', status, json, context, checks };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /**
   * The FlinksCode decides, never the HTTP status: a 401 that says OPERATION_PENDING is pending.
   * `null`: the body carries no usable code, so it must be a success shape.
   */
  function answerWithCode(exchange: Exchange, context: CallContext): Pending | ApiError | null {
    const { json, status, checks } = exchange;
    if (!isRecord(json) || json.FlinksCode === undefined || json.FlinksCode === null) return null;

    const pending = checks.pending(json);
    if (pending.ok) {
      const requestId = pending.value.RequestId ?? context.requestId;
      if (requestId === null) return malformed(context, status, 'A pending answer came without a RequestId.');
      return {
        kind: 'pending',
        requestId,
        flinksCode: pending.value.FlinksCode,
        message: redact(pending.value.Message, context.secrets),
      };
    }
    const error = checks.error(json);
    if (!error.ok) return orStatusFailure(status, context, 'The API sent an unusable FlinksCode.');
    return {
      kind: 'error',
      httpStatus: status,
      flinksCode: error.value.FlinksCode,
      message: redact(error.value.Message, context.secrets),
      requestId: error.value.RequestId ?? context.requestId,
      cause: 'http',
    };
  }

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

  async function deleteCall(call: Call, callOptions: CallOptions | undefined): Promise<DeleteCardResult> {
    const exchange = await send(call, callOptions);
    if (exchange.kind === 'error') return exchange;
    const coded = answerWithCode(exchange, exchange.context);
    if (coded?.kind === 'pending') {
      // DeleteCard has no pending result: the login is still being processed, which is what CARD_IN_USE says.
      return {
        kind: 'error',
        httpStatus: exchange.status,
        flinksCode: coded.flinksCode,
        message: coded.message,
        requestId: coded.requestId,
        cause: 'http',
      };
    }
    if (coded) return coded;
    if (exchange.status !== 200) return withoutCode(exchange);
    return checked(exchange, exchange.checks.deleted, (body) => ({
      kind: 'deleted',
      message: redact(body.Message, exchange.context.secrets),
    }));
  }

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
          },
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
          },
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
          },
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
          body: { RequestId: request.requestId, Language: request.language ?? 'en' },
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
          },
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
          body: { RequestId: requestId },
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

    async deleteCard(loginId, callOptions) {
      const context = { requestId: null, secrets: [] };
      const segment = pathSegment(loginId);
      if (segment === null) return invalidSegment('loginId', context);
      return deleteCall({ ...context, method: 'DELETE', path: `DeleteCard/${segment}` }, callOptions);
    },
  };
}

/** A success status whose body passed its check becomes `result`; a body that did not is MALFORMED_RESPONSE. */
function checked<Body, Result>(
  exchange: Exchange,
  check: (json: unknown) => Checked<Body>,
  result: (body: Body) => Result,
): Result | ApiError {
  const parsed = check(exchange.json);
  return parsed.ok
    ? result(parsed.value)
    : malformed(exchange.context, exchange.status, shapeProblem(parsed.path));
}

/** A status with no success shape for this call, and no FlinksCode to say what it means. */
function withoutCode({ status, context }: Exchange): ApiError {
  return orStatusFailure(status, context, `The API answered HTTP ${status} without a FlinksCode.`);
}

/**
 * An answer with no usable FlinksCode. A 429 is a rate limit whatever its body says; a 5xx (often a gateway's HTML page)
 * is the server's trouble, which AGGREGATION_ERROR tells the person to retry; anything else is MALFORMED_RESPONSE.
 */
function orStatusFailure(status: number, context: CallContext, why: string): ApiError {
  if (status === 429) return failure('http', 'TOO_MANY_REQUESTS', why, context, status);
  if (status >= 500 && status <= 599) return failure('http', 'AGGREGATION_ERROR', why, context, status);
  return malformed(context, status, why);
}
