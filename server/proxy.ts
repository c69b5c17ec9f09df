import type { Sandbox } from '../src/sandbox';
import type { ProxyConfig } from './config';
import { flinksError } from './http';
import {
  createTokenPool,
  TOKEN_POOL_MAX_AGE_MS,
  TOKEN_POOL_SIZE,
  type Minted,
  type MintPurpose,
} from './token-pool';

/**
 * Where the bank API calls that passed the session gate (`bank-api.ts`) go: Flinks itself in proxy mode, the sandbox
 * otherwise. The secret key stays here: it only mints the single-use authorize token that each /Authorize needs.
 */
export interface BankUpstream {
  /** One call; when the bank API cannot be reached, the Flinks-shaped error the widget gets instead. */
  send(call: UpstreamCall): Promise<Response>;
}

export interface UpstreamCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** The path after `/BankingServices/`, its id segments already checked. */
  endpoint: string;
  body?: string;
  /** /Authorize: a freshly minted authorize token goes along. */
  authorize: boolean;
}

export interface FlinksUpstreamOptions {
  /** How long one upstream call may take. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** One line per call: method, endpoint and status, never a body or a header. */
  log?: (line: string) => void;
  now?: () => number;
}

/** The Flinks base URL calls go to: `https://{instance}-api.private.fin.ag/v3/{customerId}/BankingServices`. */
export function upstreamBase(proxy: ProxyConfig): string {
  const origin = (proxy.upstreamUrl ?? `https://${proxy.instance}-api.private.fin.ag`).replace(/\/+$/, '');
  return `${origin}/v3/${encodeURIComponent(proxy.customerId)}/BankingServices`;
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

/** Flinks, reached with the deployment's secret (proxy mode). */
export function flinksUpstream(proxy: ProxyConfig, options: FlinksUpstreamOptions): BankUpstream {
  const base = upstreamBase(proxy);
  const fetchImpl = options.fetch ?? fetch;
  const log = options.log ?? (() => {});

  async function call(
    method: string,
    endpoint: string,
    headers: Record<string, string>,
    body?: string,
    note = '',
  ): Promise<{ response: Response } | { failure: Response }> {
    const name = endpoint.split('/')[0];
    try {
      const response = await fetchImpl(`${base}/${endpoint}`, {
        method,
        headers: { accept: 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      log(`${method} ${name} ${response.status}${note}`);
      return { response };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      log(`${method} ${name} ${timedOut ? 'timed out' : 'unreachable'}${note}`);
      return {
        failure: timedOut
          ? flinksError(504, 'RETRY_LATER', 'The bank connection service took too long to answer.')
          : flinksError(502, 'RETRY_LATER', 'The bank connection service could not be reached.'),
      };
    }
  }

  // The log says which mints a sign-in waited for (the pool was empty) and which ran ahead of it.
  async function mint(purpose: MintPurpose): Promise<Minted> {
    const minted = await call(
      'POST',
      'GenerateAuthorizeToken',
      { 'flinks-auth-key': proxy.secretKey },
      undefined,
      purpose === 'ahead' ? ' (ahead)' : ' (for a sign-in)',
    );
    if ('failure' in minted) return minted;
    const token = await tokenOf(minted.response);
    return token === null
      ? { failure: flinksError(502, 'ACCESS_DENIED', 'The server could not obtain an authorize token.') }
      : { token };
  }

  const pool = createTokenPool({
    size: proxy.tokenPool?.size ?? TOKEN_POOL_SIZE,
    maxAgeMs: proxy.tokenPool?.maxAgeMs ?? TOKEN_POOL_MAX_AGE_MS,
    mint,
    log,
    ...(options.now ? { now: options.now } : {}),
  });

  return {
    async send({ method, endpoint, body, authorize }) {
      // Built from scratch: nothing the browser sent (cookies, its own flinks-auth-key) goes upstream.
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (authorize) {
        const minted = await pool.take();
        if ('failure' in minted) return minted.failure;
        headers['flinks-auth-key'] = minted.token;
      }
      const forwarded = await call(method, endpoint, headers, body);
      return 'failure' in forwarded ? forwarded.failure : forwarded.response;
    },
  };
}

/** The sandbox, called in-process, for a sandbox deployment whose calls go through connect sessions. */
export function sandboxUpstream(sandbox: Sandbox, customerId: string): BankUpstream {
  return {
    async send({ method, endpoint, body }) {
      const request = new Request(`http://sandbox.internal/v3/${customerId}/BankingServices/${endpoint}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body,
      });
      try {
        return await sandbox.fetch(request);
      } catch {
        // A connection the sandbox drops (SANDBOX_FAULTS) reaches the browser as a bank that could not be reached.
        return flinksError(502, 'RETRY_LATER', 'The bank connection service could not be reached.');
      }
    },
  };
}

/**
 * Flinks' OAuth route (`GET /v3/oauth/authorize`, outside BankingServices), asked on the person's behalf once the
 * state is checked: its 302 to the bank's page is passed on, nothing else.
 */
export function oauthUpstream(
  proxy: ProxyConfig,
  options: FlinksUpstreamOptions,
): (query: URLSearchParams) => Promise<Response> {
  const origin = (proxy.upstreamUrl ?? `https://${proxy.instance}-api.private.fin.ag`).replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const log = options.log ?? (() => {});
  return async (query) => {
    try {
      const response = await fetchImpl(`${origin}/v3/oauth/authorize?${query}`, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      log(`GET oauth/authorize ${response.status}`);
      await response.body?.cancel().catch(() => undefined);
      return response;
    } catch {
      log('GET oauth/authorize unreachable');
      return flinksError(502, 'RETRY_LATER', 'The bank connection service could not be reached.');
    }
  };
}
