import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { listenServerApp, type ServerAppOptions } from '../../server/app';
import { parseConfig } from '../../server/config';
import { createSandbox } from '../../src/sandbox';
import { listen, type Listening } from '../../src/sandbox/node';
import { API_KEY, SESSION_ENV } from './sessions-helpers';

/**
 * An outsider's view of `npm start` in proxy mode: a real HTTP server in front of a local stand-in for Flinks that
 * counts every call it gets, so a test can say "refused, and the bank never heard of it".
 */
export const FLINKS_SECRET = 'flinks-secret-key-never-shown-9d2e61b4c7';
export const CUSTOMER = 'cust-attack-42';
/** The partner's page that frames the widget: the only origin its sessions may be used from. */
export const PARTNER = 'https://partner.example';
export const EVIL = 'https://evil.example';
/** Any customer id in the path: the server puts the configured one in its upstream calls. */
export const API = '/v3/any/BankingServices';

export const NOMFA = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };

export interface UpstreamCall {
  method: string;
  /** The path after `/BankingServices/` ('' for a call outside it, such as `/v3/oauth/authorize`). */
  endpoint: string;
  /** The whole path and query, as the stand-in for Flinks received it. */
  url: string;
  body: string;
  authKey: string | null;
  /** GenerateAuthorizeToken: the token it answered, once answered. */
  mintedToken?: string;
}

export interface CountingUpstream {
  url: string;
  /** Every call the stand-in for Flinks received, in order, minted tokens included. */
  readonly calls: UpstreamCall[];
  /** GenerateAuthorizeToken calls: authorize tokens minted with the secret. */
  minted(): number;
  /** Calls other than minting: what the browser's calls became. */
  forwarded(): UpstreamCall[];
  /**
   * Forwarded calls that spent a token this stand-in minted. With the server's token pool, mints run ahead of
   * sign-ins (and refill it in the background), so this, not {@link minted}, is what a sign-in cost at the bank.
   */
  spent(): number;
  /** Each call waits this long before the sandbox answers it (a slow bank). */
  delayMs: number;
  /** True: GenerateAuthorizeToken answers 401 (a revoked secret, a bank refusing to mint). */
  refuseMints: boolean;
  /** Origins its OAuth bank may send a browser back to (Flinks whitelists a partner's redirect URLs); add to it. */
  readonly oauthReturnOrigins: string[];
  reset(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCountingUpstream(): Promise<CountingUpstream> {
  const oauthReturnOrigins: string[] = [];
  const sandbox = createSandbox({
    latencyMs: 0,
    pendingMs: 0,
    rateLimit: { max: Number.POSITIVE_INFINITY, windowMs: 60_000 },
    oauthRedirectOrigins: oauthReturnOrigins,
  });
  const calls: UpstreamCall[] = [];
  const mintedTokens = new Set<string>();
  let server: Listening | null = null;
  const upstream: CountingUpstream = {
    url: '',
    calls,
    delayMs: 0,
    refuseMints: false,
    oauthReturnOrigins,
    minted: () => calls.filter((call) => call.endpoint === 'GenerateAuthorizeToken').length,
    forwarded: () => calls.filter((call) => call.endpoint !== 'GenerateAuthorizeToken'),
    spent: () =>
      calls.filter(
        (call) =>
          call.endpoint !== 'GenerateAuthorizeToken' &&
          call.authKey !== null &&
          mintedTokens.has(call.authKey),
      ).length,
    reset: () => {
      calls.length = 0;
    },
    close: async () => {
      await server?.close();
    },
  };
  server = await listen({
    port: 0,
    fetch: async (request) => {
      const call: UpstreamCall = {
        method: request.method,
        endpoint: new URL(request.url).pathname.split('/BankingServices/')[1] ?? '',
        url: `${new URL(request.url).pathname}${new URL(request.url).search}`,
        body: await request.clone().text(),
        authKey: request.headers.get('flinks-auth-key'),
      };
      calls.push(call);
      if (upstream.delayMs > 0) await sleep(upstream.delayMs);
      if (upstream.refuseMints && call.endpoint === 'GenerateAuthorizeToken') {
        return Response.json({ HttpStatusCode: 401, FlinksCode: 'UNAUTHORIZED' }, { status: 401 });
      }
      const response = await sandbox.fetch(request);
      if (request.url.endsWith('/GenerateAuthorizeToken') && response.ok) {
        const { Token } = (await response.clone().json()) as { Token?: unknown };
        if (typeof Token === 'string') {
          mintedTokens.add(Token);
          call.mintedToken = Token;
        }
      }
      return response;
    },
  });
  upstream.url = server.url;
  return upstream;
}

export interface RunningServer extends Listening {
  /** Every line the server logged. */
  logs: string[];
}

/** `npm start` in proxy mode on a free loopback port, with its bank at `upstreamUrl`. */
export async function startProxyServer(
  upstreamUrl: string,
  env: Record<string, string> = {},
  options: ServerAppOptions = {},
): Promise<RunningServer> {
  const logs: string[] = [];
  const server = await listenServerApp(
    parseConfig({
      PORT: '0',
      FLINKS_INSTANCE: 'toolbox',
      FLINKS_CUSTOMER_ID: CUSTOMER,
      FLINKS_SECRET_KEY: FLINKS_SECRET,
      FLINKS_UPSTREAM_URL: upstreamUrl,
      CONNECT_ALLOWED_ORIGINS: PARTNER,
      ...SESSION_ENV,
      ...env,
    }),
    { log: (line) => logs.push(line), ...options },
  );
  return { url: server.url, port: server.port, close: () => server.close(), logs };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Every answer any test got (status line, headers, body), to look for secrets in. */
export const transcript: string[] = [];

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  transcript.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `POST /connect/sessions` as a partner's backend (or an attacker guessing its key) makes it. */
export async function postSession(
  serverUrl: string,
  body: Record<string, unknown> = {},
  authorization: string | null = `Bearer ${API_KEY}`,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${serverUrl}/connect/sessions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
      ...headers,
    },
    body: JSON.stringify({ parentOrigin: PARTNER, ...body }),
  });
  return answerOf(response);
}

/** A session the partner's backend created; throws when the server would not create it. */
export async function newSession(serverUrl: string, body: Record<string, unknown> = {}): Promise<string> {
  const answer = await postSession(serverUrl, body);
  if (answer.status !== 201) throw new Error(`No session: ${answer.status} ${answer.text}`);
  return String(answer.json.sessionToken);
}

export interface CallOptions {
  method?: string;
  /** The session token, sent as `Authorization: Bearer`; null sends none. */
  token?: string | null;
  /** The page the call comes from; null sends no Origin (curl). */
  origin?: string | null;
  /** A JSON body (stringified) or a raw string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One call to the bank API at `path` (after `/BankingServices/`), as a browser page or curl makes it. */
export async function callApi(serverUrl: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const { method = 'POST', token = null, origin = PARTNER, body, headers = {} } = options;
  const response = await fetch(`${serverUrl}${API}/${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(origin !== null ? { origin } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return answerOf(response);
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The Host header (fetch cannot set one), as a DNS-rebinding page's browser sends it. */
  host?: string;
  /** The address the connection comes from (any of 127.0.0.0/8 on loopback): another client, as the server sees it. */
  localAddress?: string;
}

/** One request over node:http, where the Host header and the client's own address can be chosen. */
export function rawRequest(
  serverUrl: string,
  path: string,
  init: RawRequest = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.host ? { host: init.host } : {}) },
        ...(init.localAddress ? { localAddress: init.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          transcript.push(`${response.statusCode} ${JSON.stringify(response.headers)} ${body}`);
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

export interface StreamOutcome {
  /** The server's answer, or null when it closed the connection without one. */
  status: number | null;
  /** How much of the body went out before the server answered or hung up. */
  sentBytes: number;
}

/**
 * POSTs `totalBytes` as a chunked body (no Content-Length), generated chunk by chunk and written only as fast as
 * the server takes it, so the test's own memory stays flat. Stops writing as soon as the server answers or hangs up.
 */
export function streamChunkedBody(
  serverUrl: string,
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<StreamOutcome> {
  const url = new URL(serverUrl);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  function* chunks() {
    // A JSON string that never ends: the server cannot know it is too large before counting.
    yield Buffer.from('{"Institution":"FlinksCapital","Username":"');
    for (let sent = 0; sent < totalBytes; sent += chunk.length) yield chunk;
    yield Buffer.from('"}');
  }
  return new Promise((resolve) => {
    let sentBytes = 0;
    let finished = false;
    const finish = (status: number | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, sentBytes });
    };
    const timer = setTimeout(() => finish(null), 60_000);
    const request = httpRequest({
      host: url.hostname,
      port: url.port,
      path,
      method: 'POST',
      headers: { ...headers, 'transfer-encoding': 'chunked' },
    });
    request.on('response', (response) => {
      response.resume();
      finish(response.statusCode ?? null);
    });
    request.on('error', () => finish(null));
    const source = chunks();
    const pump = () => {
      for (;;) {
        if (finished) return;
        const next = source.next();
        if (next.done) {
          request.end();
          return;
        }
        sentBytes += next.value.length;
        if (!request.write(next.value)) {
          request.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** Sends raw bytes on a fresh connection and collects what comes back until the server hangs up (or 5 s pass). */
export function rawExchange(serverUrl: string, bytes: Buffer[]): Promise<string> {
  const url = new URL(serverUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    const received: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(received).toString('latin1'));
    };
    const timer = setTimeout(done, 5000);
    socket.on('data', (data: Buffer) => received.push(data));
    socket.on('close', done);
    socket.on('error', done);
    socket.on('connect', () => {
      for (const part of bytes) socket.write(part);
    });
  });
}

/** The status codes of every HTTP answer in a raw exchange, in order. */
export function statusesIn(raw: string): number[] {
  return [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
}

const FILLER = Buffer.alloc(1024 * 1024, 'a');

export interface HeldBody {
  /** The status the server answered with, or null when it hung up without an answer (or `release` was called). */
  readonly answered: Promise<number | null>;
  /** When the exchange ended (answer or hang-up), in ms from `performance.now()`; null while it lasts. */
  endedAt(): number | null;
  /** Hangs up from the client's side. */
  release(): void;
}

/**
 * A slow body, as an attacker holds it: a POST that declares `declaredBytes`, sends `sentBytes` of them at once, then
 * stalls with the connection open. Bounded: the client gives up after `holdMs` whatever the server does.
 */
export function holdSlowBody(
  serverUrl: string,
  path: string,
  headers: Record<string, string>,
  options: { declaredBytes: number; sentBytes: number; localAddress?: string; holdMs?: number },
): HeldBody {
  const url = new URL(serverUrl);
  let ended: number | null = null;
  let release = () => undefined as void;
  const answered = new Promise<number | null>((resolve) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port),
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    let received = '';
    const finish = (status: number | null) => {
      if (ended !== null) return;
      ended = performance.now();
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    release = () => finish(null);
    const timer = setTimeout(() => finish(null), options.holdMs ?? 60_000);
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      if (status) finish(Number(status[1]));
    });
    socket.on('close', () => finish(null));
    socket.on('error', () => finish(null));
    socket.on('connect', () => {
      const head = Object.entries({
        host: url.host,
        'content-length': String(options.declaredBytes),
        ...headers,
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
      // A JSON string left open: nothing the server reads can be parsed before the last byte.
      socket.write('{"Institution":"FlinksCapital","Username":"');
      // One filler shared by every held body, never copied: the test's own memory stays out of the measure.
      let left = Math.max(0, options.sentBytes - 44);
      while (left > 0) {
        const part = FILLER.subarray(0, Math.min(left, FILLER.length));
        socket.write(part);
        left -= part.length;
      }
    });
  });
  return { answered, endedAt: () => ended, release: () => release() };
}
