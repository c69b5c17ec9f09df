import type { ApiError, CallOptions, ClientOptions } from './types';
import { LIMITS } from './limits';
import { failure, malformed, orStatusFailure } from './answers';
import { refusalMessage, refusedCrossOrigin, reportRefusalInDevelopment } from './refusal';
import type { Checks } from './schema';
import type { Call, CallContext, Exchange } from './exchange';
import { loadOnce } from '../loadOnce';
import { DEFAULT_TIMEOUT_MS } from './timeout';

/*
 * The transport: how one call goes out and its answer comes back as JSON, whatever the network does. Every header,
 * the timeout, the caller's cancel and the body limit are here, and nowhere else.
 */

// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The answer checks (valibot and the schemas), fetched once, the first time a call is sent or the widget asks ahead.
 * A failed download is forgotten, so the next call fetches them again.
 */
const checks = loadOnce(() => import('./schema').then((module) => module.checks), { retryOnLoad: true });

export function loadChecks(): Promise<Checks> {
  return checks.load();
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
 * The transport of one client: `send` never rejects; whatever goes wrong on the way becomes an ApiError.
 * The single-use authorize token rides on the first /Authorize call only.
 */
export function createTransport(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let authorizeToken = options.authorizeToken;
  let sessionToken = options.sessionToken;
  let renewing: Promise<string | undefined> | null = null;

  /** One renewal at a time: calls refused together wait for the same new session. */
  function renewSession(): Promise<string | undefined> {
    const getSessionToken = options.getSessionToken;
    if (!getSessionToken) return Promise.resolve(undefined);
    renewing ??= getSessionToken()
      .then(
        (token) => (typeof token === 'string' && token !== '' ? token : undefined),
        () => undefined,
      )
      .then((token) => {
        renewing = null;
        if (token) sessionToken = token;
        return token;
      });
    return renewing;
  }

  /** Never rejects: whatever goes wrong on the way becomes an ApiError. */
  async function send(call: Call, callOptions: CallOptions | undefined): Promise<Exchange | ApiError> {
    try {
      if (sessionToken === undefined && options.getSessionToken) await renewSession();
      const first = await transmit(call, callOptions);
      if (first.kind !== 'exchange' || !first.sessionRefused) return first;
      // Refused before it reached the bank, so sending it again with a new session is safe.
      const refusedToken = sessionToken;
      const renewed = await renewSession();
      if (renewed !== undefined && renewed !== refusedToken) {
        const second = await transmit(call, callOptions);
        if (second.kind !== 'exchange' || !second.sessionRefused) return second;
      }
      return failure(
        'session',
        'ACCESS_DENIED',
        'The server refused the connect session (missing, expired or from another origin).',
        call,
        401,
      );
    } catch {
      return failure('network', 'NETWORK_ERROR', 'The call could not be sent.', call);
    }
  }

  async function transmit(call: Call, callOptions: CallOptions | undefined): Promise<Exchange | ApiError> {
    const signal = callOptions?.signal;
    if (signal?.aborted) return failure('aborted', 'ABORTED', 'The call was cancelled.', call);
    // Fetched while the request is on its way: the answer is checked as soon as it is read.
    const checking = checks.load();

    const headers = new Headers(options.headers);
    // The token is single use and only for /Authorize: it never rides along as a generic header.
    headers.delete('flinks-auth-key');
    headers.set('Accept', 'application/json');
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    const secrets = [...call.secrets];
    if (sessionToken) {
      headers.set('Authorization', `Bearer ${sessionToken}`);
      secrets.push(sessionToken);
    }
    if (options.parentOrigin) headers.set('X-Connect-Parent-Origin', options.parentOrigin);
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
          fetchImpl(call.url ?? `${baseUrl}/${call.path}`, {
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
        if (await refusedCrossOrigin(call.url ?? `${baseUrl}/${call.path}`, fetchImpl)) {
          const message = refusalMessage(call.url ?? `${baseUrl}/${call.path}`);
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
      const sessionRefused =
        status === 401 && /error="invalid_token"/.test(response.headers.get('www-authenticate') ?? '');
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
      const declared = response.headers.get('content-language')?.split(',')[0]?.trim().toLowerCase() ?? '';
      const language = /^[a-z]{2,3}(-|$)/.test(declared) ? (declared.split('-')[0] ?? null) : null;
      return { kind: 'exchange', status, sessionRefused, json, context, checks, language };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return { send };
}
