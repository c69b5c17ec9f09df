import type { ApiError, Pending, TransportFailure } from './types';
import type { Checked } from './schema';
import type { CallContext, Exchange } from './exchange';

/*
 * Reading answers: what a status and a body mean, by the FlinksCode first. No network here.
 */

export function failure(
  cause: TransportFailure,
  flinksCode: string,
  message: string,
  context: CallContext,
  httpStatus: number | null = null,
): ApiError {
  return { kind: 'error', httpStatus, flinksCode, message, requestId: context.requestId, cause };
}

export function malformed(context: CallContext, httpStatus: number | null, why: string): ApiError {
  return failure('malformed', 'MALFORMED_RESPONSE', why, context, httpStatus);
}

export function redact(text: string, secrets: string[]): string {
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

/**
 * The FlinksCode decides, never the HTTP status: a 401 that says OPERATION_PENDING is pending.
 * `null`: the body carries no usable code, so it must be a success shape.
 */
export function answerWithCode(exchange: Exchange, context: CallContext): Pending | ApiError | null {
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

/** A success status whose body passed its check becomes `result`; a body that did not is MALFORMED_RESPONSE. */
export function checked<Body, Result>(
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
export function withoutCode({ status, context }: Exchange): ApiError {
  return orStatusFailure(status, context, `The API answered HTTP ${status} without a FlinksCode.`);
}

/**
 * An answer with no usable FlinksCode. A 429 is a rate limit whatever its body says; a 5xx (often a gateway's HTML page)
 * is the server's trouble, which AGGREGATION_ERROR tells the person to retry; anything else is MALFORMED_RESPONSE.
 */
export function orStatusFailure(status: number, context: CallContext, why: string): ApiError {
  if (status === 429) return failure('http', 'TOO_MANY_REQUESTS', why, context, status);
  if (status >= 500 && status <= 599) return failure('http', 'AGGREGATION_ERROR', why, context, status);
  return malformed(context, status, why);
}
