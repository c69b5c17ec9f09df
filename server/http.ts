/** Small HTTP pieces the server's routes share: Flinks-shaped errors, bounded body reading, the JSON content type. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const MAX_BODY_BYTES = 1024 * 1024;

/** An error in Flinks' shape, never cached. */
export function flinksError(
  status: number,
  flinksCode: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { HttpStatusCode: status, FlinksCode: flinksCode, Message: message },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

export type BodyRead =
  | { kind: 'text'; text: string }
  | { kind: 'too-large' }
  | { kind: 'broken' }
  /** The body did not arrive within its deadline. */
  | { kind: 'slow' }
  /** Refused by the body budget: the process's ('busy') or the client's ('address-busy'). */
  | { kind: 'busy' }
  | { kind: 'address-busy' };

/**
 * Hono's `bodyLimit` for a body whose length is declared: one over `maxBytes` is refused before anything else is done
 * for it (no in-flight slot, no session lookup), with `onTooLarge`'s answer.
 *
 * A body without a declared length (chunked) is left to {@link readBounded}: Hono's limit would read it whole before
 * the route runs, outside the in-flight limits and with no deadline (a slow body would hold its slot for good), and
 * would then swap the request for a copy, which the per-request records (the client's address, the body budget)
 * are not kept for.
 */
export function declaredBodyLimit(maxBytes: number, onTooLarge: () => Response): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return async (c, next) => {
    const declared =
      c.req.header('content-length') !== undefined && c.req.header('transfer-encoding') === undefined;
    if (!declared) return next();
    return limit(c, next);
  };
}

/** How long a request body may take to arrive once its call is being handled (it is read inside the limits). */
export const BODY_DEADLINE_MS = 10_000;

/**
 * What a call may keep of its body in memory, set by the in-flight limits (server/in-flight.ts) for the call they
 * let in: `take` asks for more bytes and answers whether they fit.
 */
export interface BodyBudget {
  take(bytes: number): 'ok' | 'busy' | 'address-busy';
  deadlineMs: number;
}

const budgets = new WeakMap<Request, BodyBudget>();

/** Binds a request's body reads to `budget`, for {@link readBounded}. */
export function setBodyBudget(request: Request, budget: BodyBudget): void {
  budgets.set(request, budget);
}

/**
 * Reads a request body, stopping as soon as it passes `maxBytes`, whether or not a length was declared and whatever
 * the transfer encoding: a 300 MB chunked upload costs at most `maxBytes` of memory before it is refused. A body that
 * has not arrived within the deadline ({@link BODY_DEADLINE_MS}) is given up on; one that would not fit the call's
 * {@link BodyBudget} is refused before its bytes are kept (at once when its length is declared).
 */
export async function readBounded(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const budget = budgets.get(request);
  const refuse = async (kind: 'too-large' | 'busy' | 'address-busy'): Promise<BodyRead> => {
    await request.body?.cancel().catch(() => undefined);
    return { kind };
  };
  if (declared > maxBytes) return refuse('too-large');
  let taken = 0;
  if (budget && declared > 0) {
    const verdict = budget.take(declared);
    if (verdict !== 'ok') return refuse(verdict);
    taken = declared;
  }
  return readStream(request.body, maxBytes, {
    deadlineMs: budget?.deadlineMs ?? BODY_DEADLINE_MS,
    // A chunked body (no length declared) asks for its bytes as they come.
    ...(budget
      ? {
          take: (size: number) => {
            if (size <= taken) return 'ok';
            const verdict = budget.take(size - taken);
            if (verdict === 'ok') taken = size;
            return verdict;
          },
        }
      : {}),
  });
}

export interface ReadOptions {
  /** Gives up (`slow`) when the whole body has not come in this long. */
  deadlineMs?: number;
  /** Asked with the bytes read so far before each chunk is kept; anything but `ok` ends the read with that kind. */
  take?: (sizeSoFar: number) => 'ok' | 'busy' | 'address-busy';
}

/** {@link readBounded} for any body stream (an upstream answer, say). */
export async function readStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  options: ReadOptions = {},
): Promise<BodyRead> {
  if (!stream) return { kind: 'text', text: '' };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let late = false;
  const timer =
    options.deadlineMs === undefined
      ? null
      : setTimeout(() => {
          late = true;
          // A pending read then ends (done), and the chunks kept so far are dropped with this call.
          void reader.cancel().catch(() => undefined);
        }, options.deadlineMs);
  try {
    for (;;) {
      const chunk = await reader.read();
      if (late) return { kind: 'slow' };
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      const verdict = options.take?.(size) ?? 'ok';
      if (verdict !== 'ok') {
        await reader.cancel().catch(() => undefined);
        return { kind: verdict };
      }
      chunks.push(chunk.value);
    }
  } catch {
    return late ? { kind: 'slow' } : { kind: 'broken' };
  } finally {
    if (timer) clearTimeout(timer);
  }
  return { kind: 'text', text: Buffer.concat(chunks, size).toString('utf8') };
}

/**
 * The answer to a body {@link readBounded} refused, in Flinks' shape. The rest of such a body is never read, so the
 * connection cannot carry another request: it is closed.
 */
export function bodyRefused(read: Exclude<BodyRead, { kind: 'text' }>): Response {
  const close = { connection: 'close' };
  switch (read.kind) {
    case 'too-large':
      return tooLarge();
    case 'broken':
      return flinksError(400, 'INVALID_REQUEST', 'The request is not valid.', close);
    case 'slow':
      return flinksError(408, 'INVALID_REQUEST', 'The request body did not arrive in time.', close);
    case 'busy':
      return flinksError(503, 'RETRY_LATER', 'The service is busy. Try again in a moment.', {
        ...close,
        'retry-after': '1',
      });
    case 'address-busy':
      return flinksError(429, 'TOO_MANY_REQUESTS', 'Too many attempts in a short time.', {
        ...close,
        'retry-after': '1',
      });
  }
}

/** `application/json`, with or without parameters such as `charset`. */
export function isJsonContentType(value: string | null | undefined): boolean {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The answer to a body over the limit: the rest is never read, so the connection cannot carry another request. */
export function tooLarge(): Response {
  return flinksError(413, 'INVALID_REQUEST', 'The request body is larger than 1 MB.', {
    connection: 'close',
  });
}

export function notJson(): Response {
  return flinksError(415, 'INVALID_REQUEST', 'The request body must be sent as application/json.');
}
