import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Hono } from 'hono';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { upstreamBase } from '../../server/proxy';
import { createSandbox } from '../../src/sandbox';
import { listen, type Listening } from '../../src/sandbox/node';
import { createSession, SERVER, SESSION_ENV, sessionHeaders } from './sessions-helpers';

const SECRET = 'proxy-test-secret-7f3a9c';
const CUSTOMER = 'cust-1234';
const API = '/v3/any/BankingServices';

interface SeenRequest {
  method: string;
  path: string;
  authKey: string | null;
  body: string;
  /** What the upstream answered: the minted token is in here for GenerateAuthorizeToken. */
  answer: string;
}

let upstream: Listening;
const seen: SeenRequest[] = [];
const answered: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  const sandbox = createSandbox({ latencyMs: 0, pendingMs: 0 });
  upstream = await listen({
    port: 0,
    fetch: async (request) => {
      const body = await request.clone().text();
      const response = await sandbox.fetch(request);
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname,
        authKey: request.headers.get('flinks-auth-key'),
        body,
        answer: await response.clone().text(),
      });
      return response;
    },
  });
});

afterAll(async () => {
  await upstream.close();
});

afterEach(() => {
  seen.length = 0;
  vi.restoreAllMocks();
});

function proxyApp(env: Record<string, string> = {}) {
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args.join(' '));
  });
  return createServerApp(
    parseConfig({
      SANDBOX_LATENCY_MS: '0',
      FLINKS_INSTANCE: 'toolbox',
      FLINKS_CUSTOMER_ID: CUSTOMER,
      FLINKS_SECRET_KEY: SECRET,
      FLINKS_UPSTREAM_URL: upstream.url,
      ...SESSION_ENV,
      ...env,
    }),
  );
}

/** Each app's session, created once per app as the partner's backend would. */
const sessions = new WeakMap<Hono, Promise<string>>();
function sessionOf(app: Hono): Promise<string> {
  let session = sessions.get(app);
  if (!session) {
    session = createSession(app);
    sessions.set(app, session);
  }
  return session;
}

/** A call as the browser makes it; every answer is kept to check that no secret ever comes back. */
async function browserCall(app: Hono, path: string, init: RequestInit = {}) {
  const headers = { ...sessionHeaders(await sessionOf(app)), ...(init.headers as Record<string, string>) };
  const response = await app.request(`${SERVER}${API}/${path}`, { ...init, headers });
  const text = await response.text();
  answered.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

function authorize(app: Hono, body: object, headers: Record<string, string> = {}) {
  return browserCall(app, 'Authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const nomfa = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };

describe('proxy mode', () => {
  it('mints a token with the secret and spends it on /Authorize (no token pool: FLINKS_TOKEN_POOL_SIZE=0)', async () => {
    // With the pool (the default) the mints run ahead of sign-ins: test/node/token-pool.test.ts.
    const app = proxyApp({ FLINKS_TOKEN_POOL_SIZE: '0' });
    const result = await authorize(app, nomfa);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ HttpStatusCode: 200, Institution: 'FlinksCapital' });

    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `POST /v3/${CUSTOMER}/BankingServices/GenerateAuthorizeToken`,
      `POST /v3/${CUSTOMER}/BankingServices/Authorize`,
    ]);
    const [mint, call] = seen;
    expect(mint?.authKey).toBe(SECRET);
    const token = (JSON.parse(mint?.answer ?? '{}') as { Token?: string }).Token;
    expect(token).toMatch(/\w{8,}/);
    expect(call?.authKey).toBe(token);
    expect(JSON.parse(call?.body ?? '{}')).toEqual(nomfa);
  });

  it('uses a fresh token for each /Authorize of an MFA flow', async () => {
    const app = proxyApp();
    const challenge = await authorize(app, { ...nomfa, Username: 'test_mfa_choice' });
    expect(challenge.body).toMatchObject({ HttpStatusCode: 203 });
    const answer = await authorize(app, {
      RequestId: challenge.body.RequestId,
      SecurityResponses: { 'Which of these streets have you lived on?': ['Rue Sherbrooke'] },
    });
    expect(answer.body).toMatchObject({ HttpStatusCode: 200 });

    const tokens = seen
      .filter((request) => request.path.endsWith('/Authorize'))
      .map((request) => request.authKey);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
  });

  it('puts its own token in place of one the browser sent', async () => {
    const app = proxyApp();
    await authorize(app, nomfa, { 'flinks-auth-key': 'from-the-browser' });
    const call = seen.find((request) => request.path.endsWith('/Authorize'));
    expect(call?.authKey).not.toBe('from-the-browser');
    expect(call?.authKey).not.toBe(SECRET);
  });

  it('forwards the data calls without a secret or a token', async () => {
    const app = proxyApp();
    const login = await authorize(app, nomfa);
    seen.length = 0;
    const detail = await browserCall(app, `GetAccountsDetailAsync/${String(login.body.RequestId)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.Accounts).toEqual(expect.any(Array));
    expect(seen).toEqual([expect.objectContaining({ method: 'GET', authKey: null })]);
  });

  it("sends the session's ScheduleRefresh on Authorize, and GetStatements with NumberOfStatements (issue 13)", async () => {
    const app = proxyApp();
    // In proxy mode the partner's backend decides it, at POST /connect/sessions; the browser's own is dropped.
    sessions.set(app, createSession(app, { scheduleRefresh: true }));
    const login = await authorize(app, { ...nomfa, ScheduleRefresh: false });
    expect(login.status).toBe(200);
    const call = seen.find((request) => request.path.endsWith('/Authorize'));
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ ...nomfa, ScheduleRefresh: true });

    seen.length = 0;
    const statements = await browserCall(app, 'GetStatements', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        RequestId: login.body.RequestId,
        NumberOfStatements: 'Months3',
        Extra: 'dropped',
      }),
    });
    expect(statements.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({
      RequestId: login.body.RequestId,
      NumberOfStatements: 'Months3',
    });
  });

  it.each<[string, string, object, number, string]>([
    ['a login error', 'Authorize', { ...nomfa, Username: 'test_disabled_account' }, 401, 'DISABLED_LOGIN'],
    ['a wrong password', 'Authorize', { ...nomfa, Password: 'nope' }, 401, 'INVALID_PASSWORD'],
    [
      'a sign-in without a password',
      'Authorize',
      { Institution: 'FlinksCapital', Username: 'Greatday' },
      400,
      'INVALID_REQUEST',
    ],
    ['a bad body', 'Authorize', { Institution: 42 }, 400, 'INVALID_REQUEST'],
  ])('passes %s through', async (_label, path, body, status, flinksCode) => {
    const app = proxyApp();
    const result = await browserCall(app, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(result.status).toBe(status);
    expect(result.body.FlinksCode).toBe(flinksCode);
  });

  it('passes a request error through', async () => {
    const app = proxyApp();
    const challenge = await authorize(app, { ...nomfa, Username: 'Greatday' });
    expect(challenge.body).toMatchObject({ HttpStatusCode: 203 });
    const early = await browserCall(app, 'GetAccountsDetail', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RequestId: challenge.body.RequestId }),
    });
    expect(early).toMatchObject({ status: 401, body: { FlinksCode: 'UNAUTHORIZED' } });
  });

  it.each([
    ['an endpoint the widget never calls', 'GenerateAuthorizeToken', 'POST'],
    ['a path that climbs out', 'DeleteCard/..%2F..%2Fsecret', 'DELETE'],
    ['the wrong method', 'Authorize', 'GET'],
  ])('refuses %s without calling Flinks', async (_label, path, method) => {
    const app = proxyApp();
    const result = await browserCall(app, path, { method });
    expect(result.status).toBe(404);
    expect(seen).toEqual([]);
  });

  it('refuses a body over 1 MB', async () => {
    const app = proxyApp();
    const result = await authorize(app, { ...nomfa, Tag: 'x'.repeat(1024 * 1024) });
    expect(result).toMatchObject({ status: 413, body: { FlinksCode: 'INVALID_REQUEST' } });
    expect(seen).toEqual([]);
  });

  it('never shows the secret to a browser: not in the page, an answer, a header or a log line', async () => {
    const app = proxyApp();
    const page = await app.request(`${SERVER}/embed.html`);
    answered.push(await page.text(), JSON.stringify([...page.headers]));
    await authorize(app, nomfa);
    expect(answered.length).toBeGreaterThan(4);
    expect(logged.length).toBeGreaterThan(0);
    for (const text of [...answered, ...logged]) expect(text).not.toContain(SECRET);
  });
});

describe('when Flinks cannot help', () => {
  const proxy = { instance: 'toolbox', customerId: CUSTOMER, secretKey: SECRET, upstreamUrl: null };

  it('targets the instance address by default', () => {
    expect(upstreamBase(proxy)).toBe(`https://toolbox-api.private.fin.ag/v3/${CUSTOMER}/BankingServices`);
  });

  function appWithUpstream(send: typeof fetch) {
    return createServerApp(
      parseConfig({
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: CUSTOMER,
        FLINKS_SECRET_KEY: SECRET,
        ...SESSION_ENV,
      }),
      { fetch: send, log: () => undefined },
    );
  }

  it.each([
    ['refuses the secret', new Response('{"Message":"bad key"}', { status: 401 }), 502, 'ACCESS_DENIED'],
    ['answers no token', Response.json({ HttpStatusCode: 200 }), 502, 'ACCESS_DENIED'],
  ])('answers a clear error when Flinks %s', async (_label, mintAnswer, status, flinksCode) => {
    const send = vi.fn<typeof fetch>().mockResolvedValueOnce(mintAnswer);
    const app = appWithUpstream(send);
    const response = await app.request(`${SERVER}${API}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sessionHeaders(await createSession(app)) },
      body: JSON.stringify(nomfa),
    });
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ HttpStatusCode: status, FlinksCode: flinksCode });
    expect(text).not.toContain(SECRET);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['cannot be reached', new TypeError('fetch failed'), 502],
    ['takes too long', new DOMException('The operation timed out.', 'TimeoutError'), 504],
  ])('answers RETRY_LATER when Flinks %s', async (_label, failure, status) => {
    const send = vi.fn<typeof fetch>().mockRejectedValue(failure);
    const app = appWithUpstream(send);
    const token = await createSession(app);
    const response = await app.request(`${SERVER}${API}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sessionHeaders(token) },
      body: JSON.stringify(nomfa),
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ HttpStatusCode: status, FlinksCode: 'RETRY_LATER' });
  });
});
