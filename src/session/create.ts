import type { Language } from '../i18n/types';

/** What `createConnectSession` sends to the widget server's `POST /connect/sessions`, besides the API key. */
export interface ConnectSessionRequest {
  /**
   * The origin of the page that shows the widget, e.g. `https://app.example.com`: one of `CONNECT_ALLOWED_ORIGINS`.
   * A page's address is taken as its origin (`https://app.example.com/checkout`).
   */
  parentOrigin: string;
  /** The widget's language for this connection. */
  language?: Language | undefined;
  /** Free text sent to Flinks with the login and echoed in REDIRECT. */
  tag?: string | undefined;
  /** Flinks' `Save` on this session's sign-ins; in proxy mode the browser's own is ignored. */
  save?: boolean | undefined;
  /** Flinks' `ScheduleRefresh` on this session's sign-ins; in proxy mode the browser's own is ignored. */
  scheduleRefresh?: boolean | undefined;
  /** The only saved login this session may reconnect. */
  loginId?: string | undefined;
  /** The only RequestId this session may resume at its MFA. */
  requestId?: string | undefined;
  /** How long the session lasts, in seconds: at most 1800, the default. */
  expiresInSeconds?: number | undefined;
}

/** Where the widget's server is, your API key, and the session's fields. */
export interface CreateConnectSessionOptions extends ConnectSessionRequest {
  /** Where the widget's server is, e.g. `https://connect.example.com`: the origin that serves `/embed.html`. */
  baseUrl: string | URL;
  /** One of the server's `CONNECT_API_KEYS`. A secret: keep it on your backend, never in a page. */
  apiKey: string;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
  /** The `fetch` to call with. Default the global one (Node 18+, Deno, Bun, edge runtimes). */
  fetch?: typeof fetch | undefined;
}

/** A connect session: hand `sessionToken` to the page (the widget's `sessionToken` prop or URL parameter). */
export interface ConnectSession {
  /** Opaque. Give it to the browser that will show the widget, for this one connection. */
  sessionToken: string;
  /** When it stops being honoured, as an ISO 8601 date. */
  expiresAt: string;
  /** Names the session to `revokeConnectSession` and in the server's audit log (absent from older servers). */
  sessionId?: string | undefined;
}

/** Why the server refused to create a session. */
export class ConnectSessionError extends Error {
  override readonly name = 'ConnectSessionError';
  /**
   * The HTTP status: 400 (a field is wrong, e.g. `parentOrigin` not in `CONNECT_ALLOWED_ORIGINS`), 401 (a missing or
   * wrong API key), 429 (too many refused calls), 5xx; 0 when the server could not be reached or its answer not read.
   */
  readonly status: number;
  /** The server's error code (e.g. `invalid_api_key`), when it gave one. */
  readonly code: string | null;

  constructor(message: string, status: number, code: string | null, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

const MAX_EXPIRES_IN_SECONDS = 1800;

function checkedRequest(options: CreateConnectSessionOptions): ConnectSessionRequest {
  const { parentOrigin, language, tag, save, scheduleRefresh, loginId, requestId, expiresInSeconds } =
    options;
  // The server keeps an origin: `https://app.example.com/` or a page's whole address give `https://app.example.com`.
  let origin: string;
  try {
    origin = new URL(parentOrigin).origin;
  } catch {
    origin = 'null';
  }
  if (origin === 'null') {
    throw new TypeError(
      'createConnectSession: parentOrigin must be an origin, such as https://app.example.com (a page’s address also does).',
    );
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('createConnectSession: apiKey is required (one of the server’s CONNECT_API_KEYS).');
  }
  if (
    expiresInSeconds !== undefined &&
    (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_EXPIRES_IN_SECONDS)
  ) {
    throw new RangeError(
      `createConnectSession: expiresInSeconds must be a whole number from 1 to ${MAX_EXPIRES_IN_SECONDS}.`,
    );
  }
  return {
    parentOrigin: origin,
    ...(language !== undefined ? { language } : {}),
    ...(tag !== undefined ? { tag } : {}),
    ...(save !== undefined ? { save } : {}),
    ...(scheduleRefresh !== undefined ? { scheduleRefresh } : {}),
    ...(loginId !== undefined ? { loginId } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}),
  };
}

function isSession(body: unknown): body is ConnectSession {
  if (typeof body !== 'object' || body === null) return false;
  const { sessionToken, expiresAt } = body as Record<string, unknown>;
  return typeof sessionToken === 'string' && sessionToken !== '' && typeof expiresAt === 'string';
}

/**
 * Creates a connect session from your backend: one call to the widget server's
 * `POST /connect/sessions` with your API key. Give the `sessionToken` to the page that shows the widget.
 * Rejects with a `ConnectSessionError` when the server refuses or cannot be reached. The API key is sent only in
 * the `Authorization` header, and never appears in an error.
 *
 * @example
 * // In a route handler or server action of your app:
 * const { sessionToken } = await createConnectSession({
 *   baseUrl: 'https://connect.example.com',
 *   apiKey: process.env.CONNECT_API_KEY!,
 *   parentOrigin: 'https://app.example.com',
 *   language: 'fr',
 * });
 */
export async function createConnectSession(options: CreateConnectSessionOptions): Promise<ConnectSession> {
  const request = checkedRequest(options);
  const url = new URL('connect/sessions', new URL(options.baseUrl).href.replace(/\/?$/, '/'));
  const send = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await send(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(request),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ConnectSessionError(`Could not reach ${url.origin} to create a connect session.`, 0, null, {
      cause,
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && isSession(body)) {
    const { sessionId } = body;
    return {
      sessionToken: body.sessionToken,
      expiresAt: body.expiresAt,
      ...(typeof sessionId === 'string' && sessionId !== '' ? { sessionId } : {}),
    };
  }
  if (response.ok) {
    throw new ConnectSessionError(`${url.origin} answered ${response.status} without a session.`, 0, null);
  }
  const { error, message } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const code = typeof error === 'string' ? error : null;
  const detail = typeof message === 'string' ? `: ${message}` : '';
  throw new ConnectSessionError(
    `${url.origin} refused to create a connect session (${response.status}${code ? ` ${code}` : ''})${detail}`,
    response.status,
    code,
  );
}

/** Where the widget's server is, your API key, and the session to end. */
export interface RevokeConnectSessionOptions {
  /** Where the widget's server is, e.g. `https://connect.example.com`. */
  baseUrl: string | URL;
  /** One of the server's `CONNECT_API_KEYS`. */
  apiKey: string;
  /** The `sessionId` that `createConnectSession` gave. */
  sessionId: string;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
  /** The `fetch` to call with. Default the global one. */
  fetch?: typeof fetch | undefined;
}

/**
 * Ends a connect session at once (`DELETE /connect/sessions/{sessionId}`): every call it makes from then on is
 * refused, by every process of the deployment that shares its Redis. Rejects with a `ConnectSessionError` when the
 * server refuses or cannot be reached.
 *
 * @example
 * await revokeConnectSession({ baseUrl: 'https://connect.example.com', apiKey: process.env.CONNECT_API_KEY!, sessionId });
 */
export async function revokeConnectSession(options: RevokeConnectSessionOptions): Promise<void> {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('revokeConnectSession: apiKey is required (one of the server’s CONNECT_API_KEYS).');
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.sessionId)) {
    throw new TypeError('revokeConnectSession: sessionId must be the sessionId createConnectSession gave.');
  }
  const base = new URL(options.baseUrl).href.replace(/\/?$/, '/');
  const url = new URL(`connect/sessions/${options.sessionId}`, base);
  const send = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await send(url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ConnectSessionError(`Could not reach ${url.origin} to revoke a connect session.`, 0, null, {
      cause,
    });
  }
  if (response.status === 204 || response.ok) return;
  const body: unknown = await response.json().catch(() => null);
  const { error } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof error === 'string' ? error : null;
  throw new ConnectSessionError(
    `${url.origin} refused to revoke the connect session (${response.status}${code ? ` ${code}` : ''})`,
    response.status,
    code,
  );
}
