import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { ConnectSessionError, createConnectSession, revokeConnectSession } from '../../src/server';
import { API, NOMFA } from './attack-helpers';
import { LANGUAGES } from '../../src/i18n';
import { API_KEY as SERVER_API_KEY, SERVER, SESSION_ENV } from './sessions-helpers';

/*
 * `createConnectSession` against a stand-in for the widget server's `POST /connect/sessions` (CONTRACT §7) that
 * checks what the contract asks of a caller: the method, the path, the Bearer key, JSON, and the body's fields.
 */

const API_KEY = 'ck_test_4f1d9a7e2b';
const ALLOWED_ORIGIN = 'https://app.example.com';

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: ((request: Received) => { status: number; body: unknown }) | null = null;

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/** The contract's rules, as the real endpoint applies them. */
function contractAnswer(request: Received): { status: number; body: unknown } {
  if (request.method !== 'POST' || request.url !== '/connect/sessions') {
    return { status: 404, body: { error: 'not_found', message: 'No such route.' } };
  }
  if (request.authorization !== `Bearer ${API_KEY}`) {
    return {
      status: 401,
      body: { error: 'invalid_api_key', message: 'Send one of CONNECT_API_KEYS as a Bearer token.' },
    };
  }
  const body = request.body as Record<string, unknown>;
  if (request.contentType !== 'application/json' || body.parentOrigin !== ALLOWED_ORIGIN) {
    return {
      status: 400,
      body: { error: 'invalid_request', message: 'parentOrigin must be an allowed origin.' },
    };
  }
  return { status: 201, body: { sessionToken: 'st_signed.opaque', expiresAt: '2026-11-30T21:30:00.000Z' } };
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const text = await read(request);
    const seen: Received = {
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: text ? JSON.parse(text) : null,
    };
    received.push(seen);
    const { status, body } = (answer ?? contractAnswer)(seen);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  answer = null;
});

describe('createConnectSession', () => {
  it('POSTs the session fields as JSON to /connect/sessions with the key as a Bearer token', async () => {
    const session = await createConnectSession({
      baseUrl,
      apiKey: API_KEY,
      parentOrigin: ALLOWED_ORIGIN,
      language: 'fr',
      tag: 'order-42',
      loginId: 'login-1',
      expiresInSeconds: 600,
    });

    expect(session).toEqual({ sessionToken: 'st_signed.opaque', expiresAt: '2026-11-30T21:30:00.000Z' });
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/connect/sessions',
        authorization: `Bearer ${API_KEY}`,
        contentType: 'application/json',
        body: {
          parentOrigin: ALLOWED_ORIGIN,
          language: 'fr',
          tag: 'order-42',
          loginId: 'login-1',
          expiresInSeconds: 600,
        },
      },
    ]);
  });

  it('sends only the fields given, and keeps a base path', async () => {
    answer = (request) =>
      request.url === '/widget/connect/sessions'
        ? { status: 201, body: { sessionToken: 't', expiresAt: '2026-11-30T21:30:00.000Z' } }
        : { status: 404, body: {} };
    await createConnectSession({
      baseUrl: `${baseUrl}/widget`,
      apiKey: API_KEY,
      parentOrigin: ALLOWED_ORIGIN,
    });
    expect(received[0]?.body).toEqual({ parentOrigin: ALLOWED_ORIGIN });
  });

  it('rejects with the status and code of a refusal, and never with the key in the message', async () => {
    const wrongKey = createConnectSession({
      baseUrl,
      apiKey: 'ck_wrong_secret',
      parentOrigin: ALLOWED_ORIGIN,
    });
    await expect(wrongKey).rejects.toMatchObject({
      name: 'ConnectSessionError',
      status: 401,
      code: 'invalid_api_key',
    });
    await wrongKey.catch((error: Error) => {
      expect(error).toBeInstanceOf(ConnectSessionError);
      expect(`${error.message} ${error.stack}`).not.toContain('ck_wrong_secret');
    });

    await expect(
      createConnectSession({ baseUrl, apiKey: API_KEY, parentOrigin: 'https://elsewhere.example' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringContaining('parentOrigin'),
    });
  });

  it('says so when the server cannot be reached or answers without a session', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      createConnectSession({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: API_KEY,
        parentOrigin: ALLOWED_ORIGIN,
      }),
    ).rejects.toMatchObject({ name: 'ConnectSessionError', status: 0, code: null });

    answer = () => ({ status: 201, body: '<html>not json</html>' });
    await expect(
      createConnectSession({ baseUrl, apiKey: API_KEY, parentOrigin: ALLOWED_ORIGIN }),
    ).rejects.toMatchObject({ status: 0, message: expect.stringContaining('without a session') });
  });

  it('refuses, without calling, a missing key or a lifetime over 30 minutes', async () => {
    await expect(createConnectSession({ baseUrl, apiKey: '', parentOrigin: ALLOWED_ORIGIN })).rejects.toThrow(
      /apiKey is required/,
    );
    await expect(
      createConnectSession({
        baseUrl,
        apiKey: API_KEY,
        parentOrigin: ALLOWED_ORIGIN,
        expiresInSeconds: 1801,
      }),
    ).rejects.toThrow(RangeError);
    expect(received).toEqual([]);
  });

  it('passes an abort through as the abort it is', async () => {
    answer = contractAnswer;
    const controller = new AbortController();
    controller.abort();
    await expect(
      createConnectSession({
        baseUrl,
        apiKey: API_KEY,
        parentOrigin: ALLOWED_ORIGIN,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createConnectSession against the real widget server', () => {
  const app = createServerApp(
    parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', CONNECT_REQUIRE_SESSION: 'true', ...SESSION_ENV }),
    { log: () => undefined },
  );
  const serverFetch: typeof fetch = (input, init) =>
    Promise.resolve(app.request(input instanceof Request ? input : String(input), init));

  it('gets a session the server then honours for a sign-in from the session’s origin', async () => {
    const session = await createConnectSession({
      baseUrl: SERVER,
      apiKey: SERVER_API_KEY,
      parentOrigin: SERVER,
      fetch: serverFetch,
    });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    const signIn = (token: string) =>
      app.request(`${SERVER}${API}/Authorize`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, origin: SERVER, 'content-type': 'application/json' },
        body: JSON.stringify(NOMFA),
      });
    expect((await signIn(session.sessionToken)).status).toBe(200);
    expect((await signIn(`${session.sessionToken}x`)).status).toBe(401);
  });

  it('revokes a session with revokeConnectSession: the server refuses it from then on', async () => {
    const session = await createConnectSession({
      baseUrl: SERVER,
      apiKey: SERVER_API_KEY,
      parentOrigin: SERVER,
      save: true,
      scheduleRefresh: false,
      fetch: serverFetch,
    });
    expect(session.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const signIn = () =>
      app.request(`${SERVER}${API}/Authorize`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${session.sessionToken}`,
          origin: SERVER,
          'content-type': 'application/json',
        },
        body: JSON.stringify(NOMFA),
      });
    expect((await signIn()).status).toBe(200);
    await expect(
      revokeConnectSession({
        baseUrl: SERVER,
        apiKey: 'not-a-key',
        sessionId: session.sessionId ?? '',
        fetch: serverFetch,
      }),
    ).rejects.toMatchObject({ name: 'ConnectSessionError', status: 401 });
    await revokeConnectSession({
      baseUrl: SERVER,
      apiKey: SERVER_API_KEY,
      sessionId: session.sessionId ?? '',
      fetch: serverFetch,
    });
    expect((await signIn()).status).toBe(401);
  });

  it('rejects with the server’s refusal: a wrong key (401), an origin the server does not allow (400)', async () => {
    await expect(
      createConnectSession({
        baseUrl: SERVER,
        apiKey: 'not-a-key',
        parentOrigin: SERVER,
        fetch: serverFetch,
      }),
    ).rejects.toMatchObject({ name: 'ConnectSessionError', status: 401 });
    await expect(
      createConnectSession({
        baseUrl: SERVER,
        apiKey: SERVER_API_KEY,
        parentOrigin: 'https://elsewhere.example',
        fetch: serverFetch,
      }),
    ).rejects.toMatchObject({ name: 'ConnectSessionError', status: 400 });
  });
});

describe('parentOrigin written as a page’s address', () => {
  const app = createServerApp(
    parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', CONNECT_REQUIRE_SESSION: 'true', ...SESSION_ENV }),
    { log: () => undefined },
  );
  /** POST /connect/sessions as any backend sends it, without createConnectSession. */
  const create = (parentOrigin: unknown) =>
    app.request(`${SERVER}/connect/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVER_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ parentOrigin }),
    });

  it('is taken as its origin by the server: a trailing slash, a path, a query', async () => {
    for (const address of [`${SERVER}/`, `${SERVER}/checkout/bank?step=2`, SERVER.toUpperCase()]) {
      expect((await create(address)).status).toBe(201);
    }
  });

  it('is refused by the server when it has no origin, or another one', async () => {
    for (const address of [
      'app.example.com',
      'data:text/html,x',
      'null',
      '',
      42,
      'https://elsewhere.example/',
    ]) {
      const response = await create(address);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('is sent as its origin by createConnectSession, which refuses what has none without calling', async () => {
    answer = () => ({ status: 201, body: { sessionToken: 't', expiresAt: '2026-11-30T21:30:00.000Z' } });
    await createConnectSession({ baseUrl, apiKey: API_KEY, parentOrigin: `${ALLOWED_ORIGIN}/apply/` });
    expect(received[0]?.body).toEqual({ parentOrigin: ALLOWED_ORIGIN });
    await expect(
      createConnectSession({ baseUrl, apiKey: API_KEY, parentOrigin: 'app.example.com' }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(received).toHaveLength(1);
  });
});

describe('the language of a connect session', () => {
  const app = createServerApp(
    parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', CONNECT_REQUIRE_SESSION: 'true', ...SESSION_ENV }),
    { log: () => undefined },
  );
  const create = (language: unknown) =>
    app.request(`${SERVER}/connect/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVER_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ parentOrigin: SERVER, language }),
    });

  it('is one of the widget’s languages', async () => {
    for (const language of LANGUAGES) expect((await create(language)).status).toBe(201);
  });

  it('is refused, naming the languages there are, when it is any other', async () => {
    for (const language of ['de', 'EN', 'en-CA', '', 1, null]) {
      const response = await create(language);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_request',
        message: 'language must be "en" or "fr".',
      });
    }
  });
});
