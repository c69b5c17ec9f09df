import { Hono } from 'hono';
import type { ProxyConfig } from './config';

/**
 * Proxy mode: the widget talks to this server's own `/v3/{customerId}/BankingServices/...`, and the server talks to
 * Flinks. The secret key stays here: it only mints the single-use authorize token that each /Authorize needs.
 */
export interface FlinksProxyOptions {
  /** How long one upstream call may take. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** One line per call: method, endpoint and status, never a body or a header. */
  log?: (line: string) => void;
}

/** The Flinks base URL calls go to: `https://{instance}-api.private.fin.ag/v3/{customerId}/BankingServices`. */
export function upstreamBase(proxy: ProxyConfig): string {
  const origin = (proxy.upstreamUrl ?? `https://${proxy.instance}-api.private.fin.ag`).replace(/\/+$/, '');
  return `${origin}/v3/${encodeURIComponent(proxy.customerId)}/BankingServices`;
}

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  endpoint: RegExp;
  /** /Authorize: a freshly minted token goes along. */
  token?: true;
}

// Only the calls the widget makes; an id segment is a plain token, so a path can never climb out of BankingServices.
const ROUTES: readonly Route[] = [
  { method: 'POST', endpoint: /^Authorize$/, token: true },
  { method: 'POST', endpoint: /^GetAccounts(Detail|Summary)$/ },
  { method: 'GET', endpoint: /^GetAccounts(Detail|Summary)Async\/[\w-]+$/ },
  { method: 'DELETE', endpoint: /^DeleteCard\/[\w-]+$/ },
];

const MAX_BODY_BYTES = 1024 * 1024;

function errorResponse(status: number, flinksCode: string, message: string): Response {
  return Response.json(
    { HttpStatusCode: status, FlinksCode: flinksCode, Message: message },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

async function readBody(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return null;
  const bytes = await request.arrayBuffer();
  return bytes.byteLength > MAX_BODY_BYTES ? null : new TextDecoder().decode(bytes);
}

async function tokenOf(response: Response): Promise<string | null> {
  if (!response.ok) return null;
  try {
    const body = (await response.json()) as { Token?: unknown };
    return typeof body.Token === 'string' && body.Token !== '' ? body.Token : null;
  } catch {
    return null;
  }
}

/** The proxy as a Hono app answering `/v3/{anything}/BankingServices/*`; mount it in place of the sandbox. */
export function createFlinksProxy(proxy: ProxyConfig, options: FlinksProxyOptions): Hono {
  const base = upstreamBase(proxy);
  const send = options.fetch ?? fetch;
  const log = options.log ?? (() => {});

  /** One upstream call; when Flinks cannot be reached, the error response the widget gets instead. */
  async function call(
    method: string,
    endpoint: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ response: Response } | { failure: Response }> {
    const name = endpoint.split('/')[0];
    try {
      const response = await send(`${base}/${endpoint}`, {
        method,
        headers: { accept: 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      log(`${method} ${name} ${response.status}`);
      return { response };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      log(`${method} ${name} ${timedOut ? 'timed out' : 'unreachable'}`);
      return {
        failure: timedOut
          ? errorResponse(504, 'RETRY_LATER', 'The bank connection service took too long to answer.')
          : errorResponse(502, 'RETRY_LATER', 'The bank connection service could not be reached.'),
      };
    }
  }

  const app = new Hono();
  app.all('/v3/:customerId/BankingServices/*', async (c) => {
    const request = c.req.raw;
    const endpoint = new URL(request.url).pathname.split('/BankingServices/')[1] ?? '';
    const route = ROUTES.find(
      (candidate) => candidate.method === request.method && candidate.endpoint.test(endpoint),
    );
    if (!route) return errorResponse(404, 'METHOD_NOT_AVAILABLE', 'This endpoint is not available.');

    // Built from scratch: nothing the browser sent (cookies, its own flinks-auth-key) goes upstream.
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (request.method === 'POST') {
      const text = await readBody(request);
      if (text === null) {
        return errorResponse(413, 'INVALID_REQUEST', 'The request body is larger than 1 MB.');
      }
      body = text;
      headers['content-type'] = 'application/json';
    }
    if (route.token) {
      const minted = await call('POST', 'GenerateAuthorizeToken', { 'flinks-auth-key': proxy.secretKey });
      if ('failure' in minted) return minted.failure;
      const token = await tokenOf(minted.response);
      if (token === null) {
        return errorResponse(502, 'ACCESS_DENIED', 'The server could not obtain an authorize token.');
      }
      headers['flinks-auth-key'] = token;
    }

    const forwarded = await call(request.method, endpoint, headers, body);
    if ('failure' in forwarded) return forwarded.failure;
    const { response } = forwarded;
    return new Response(response.body, {
      status: response.status,
      headers: {
        'content-type': response.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
      },
    });
  });
  return app;
}

/** The server concern: in proxy mode, the API under /v3 is Flinks through {@link createFlinksProxy}. */
export function withFlinksProxy(proxy: ProxyConfig, config: { requestTimeoutMs: number }) {
  return (app: Hono): void => {
    app.route(
      '/',
      createFlinksProxy(proxy, {
        timeoutMs: config.requestTimeoutMs,
        log: (line) => console.log(`proxy ${line}`),
      }),
    );
  };
}
