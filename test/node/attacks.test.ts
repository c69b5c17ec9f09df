import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServerApp, SDK_VERSION } from '../../server/app';
import { parseConfig } from '../../server/config';
import { SessionSigner } from '../../server/sessions';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  API,
  callApi,
  CUSTOMER as CUSTOMER_ID,
  EVIL,
  FLINKS_SECRET,
  newSession,
  NOMFA,
  PARTNER,
  postSession,
  rawExchange,
  rawRequest,
  startCountingUpstream,
  startProxyServer,
  statusesIn,
  streamChunkedBody,
  transcript,
  type CountingUpstream,
  type RunningServer,
} from './attack-helpers';
import { API_KEY, createSession, SERVER, SESSION_ENV, SESSION_SECRET } from './sessions-helpers';

/**
 * Issue 11, tried again as an outsider would: `npm start` in proxy mode on a real port, a counting stand-in for Flinks
 * behind it. Every attack must be refused before the bank hears of it: no upstream call, no authorize token minted.
 */

let upstream: CountingUpstream;
/** The server most attacks run against: limits per address out of the way, so each test sees only its own. */
let server: RunningServer;
const started: RunningServer[] = [];
/** Every line written to the console while the attacks ran. */
const consoleLines: string[] = [];
/** Every session token the server issued: none may show up in a log line. */
const issuedTokens = new Set<string>();

async function startServer(...args: Parameters<typeof startProxyServer>): Promise<RunningServer> {
  const running = await startProxyServer(...args);
  started.push(running);
  return running;
}

async function session(body: Record<string, unknown> = {}, at = server): Promise<string> {
  const token = await newSession(at.url, body);
  issuedTokens.add(token);
  return token;
}

function expectBankUntouched() {
  expect(upstream.calls.map((call) => `${call.method} ${call.endpoint}`)).toEqual([]);
  expect(upstream.minted()).toBe(0);
}

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '));
    });
  }
  upstream = await startCountingUpstream();
  server = await startServer(upstream.url, {}, { limits: { callsPerAddressPerMinute: 100_000 } });
});

afterAll(async () => {
  await Promise.all(started.map((running) => running.close()));
  await upstream.close();
  vi.restoreAllMocks();
});

beforeEach(() => {
  upstream.reset();
  upstream.delayMs = 0;
});

describe('a call without a valid session never reaches the bank', () => {
  it('refuses an anonymous sign-in with 401 ACCESS_DENIED and mints no token', async () => {
    const answer = await callApi(server.url, 'Authorize', { body: NOMFA });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ HttpStatusCode: 401, FlinksCode: 'ACCESS_DENIED' });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expectBankUntouched();
  });

  it.each([
    ['anonymous account details', 'GetAccountsDetail', 'POST', { RequestId: 'guessed-request-id' }],
    ['anonymous async details', 'GetAccountsDetailAsync/guessed-request-id', 'GET', undefined],
    ['anonymous cached sign-in', 'Authorize', 'POST', { LoginId: 'victim-login-id', MostRecentCached: true }],
  ])('refuses %s', async (_label, path, method, body) => {
    const answer = await callApi(server.url, path, { method, body });
    expect(answer.status).toBe(401);
    expectBankUntouched();
  });

  const otherDeployment = new SessionSigner(['another-deployment-secret-5b0e7d2a9c41f386']);
  const ours = new SessionSigner([SESSION_SECRET]);
  function tamper(token: string, change: Record<string, unknown>): string {
    const [prefix, payload = '', mac] = token.split('.');
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
    const altered = Buffer.from(JSON.stringify({ ...session, ...change })).toString('base64url');
    return `${prefix}.${altered}.${mac}`;
  }

  it.each<[string, () => Promise<string> | string]>([
    ['a made-up token', () => 'not-a-session-token'],
    [
      'a token signed with another secret',
      () => otherDeployment.issue({ parentOrigin: PARTNER }, Date.now()).token,
    ],
    [
      'a token whose payload was changed (later expiry, another loginId)',
      async () =>
        tamper(await session(), { expiresAt: Math.floor(Date.now() / 1000) + 86_400, loginId: 'victim' }),
    ],
    ['a token without its signature', async () => `${(await session()).split('.').slice(0, 2).join('.')}.`],
    ['a token with only two parts', async () => (await session()).split('.').slice(0, 2).join('.')],
    ['a token whose signature lost a character', async () => (await session()).slice(0, -1)],
    [
      'a token that expired an hour ago',
      () => ours.issue({ parentOrigin: PARTNER }, Date.now() - 3_600_000).token,
    ],
    ['a 10 kB token', () => `cs1.${'A'.repeat(10_000)}.${'B'.repeat(43)}`],
  ])('refuses %s', async (_label, make) => {
    const token = await make();
    upstream.reset();
    const answer = await callApi(server.url, 'Authorize', { token, body: NOMFA });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
    expectBankUntouched();
  });

  it('refuses a session the server made with expiresInSeconds 1 once the second has passed', async () => {
    const token = await session({ expiresInSeconds: 1 });
    // Alive: the gate looks at the call (a RequestId it never gave this session) and refuses it for that reason.
    const before = await callApi(server.url, 'GetAccountsSummaryAsync/someone-elses-request', {
      method: 'GET',
      token,
    });
    expect(before.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const after = await callApi(server.url, 'Authorize', { token, body: NOMFA });
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
    expectBankUntouched();
  });

  it.each<[string, Record<string, string | null>]>([
    ['another origin', { origin: EVIL }],
    ['an opaque origin ("null", a sandboxed frame)', { origin: 'null' }],
    ['the partner host over http', { origin: 'http://partner.example' }],
    ['a look-alike host', { origin: 'https://partner.example.evil.example' }],
    ['another origin claiming the partner as its parent', { origin: EVIL, parent: PARTNER }],
    ['no Origin and no Sec-Fetch-Site (curl)', { origin: null }],
    ['no Origin and a cross-site Sec-Fetch-Site', { origin: null, fetchSite: 'cross-site' }],
  ])('refuses a valid session used from %s', async (_label, from) => {
    const token = await session();
    const headers: Record<string, string> = {};
    if (from.parent) headers['x-connect-parent-origin'] = from.parent;
    if (from.fetchSite) headers['sec-fetch-site'] = from.fetchSite;
    const answer = await callApi(server.url, 'Authorize', {
      token,
      origin: from.origin ?? null,
      body: NOMFA,
      headers,
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
    expectBankUntouched();
  });
});

describe("with only a customer's LoginId (the attack of issue 11)", () => {
  let loginId: string;
  let victimRequestId: string;

  beforeAll(async () => {
    const victim = await session();
    const login = await callApi(server.url, 'Authorize', { token: victim, body: { ...NOMFA, Save: true } });
    expect(login.status).toBe(200);
    loginId = String((login.json.Login as { Id: string }).Id);
    victimRequestId = String(login.json.RequestId);
  });

  const year = {
    WithTransactions: true,
    DaysOfTransactions: 'Days365',
    WithAccountIdentity: true,
    WithKYC: true,
  };

  it('cannot make a cached sign-in without a session', async () => {
    const answer = await callApi(server.url, 'Authorize', {
      origin: null,
      body: { LoginId: loginId, MostRecentCached: true },
    });
    expect(answer.status).toBe(401);
    expectBankUntouched();
  });

  it('cannot make a cached sign-in in a session created for no loginId or another one', async () => {
    for (const token of [await session(), await session({ loginId: 'another-login-id' })]) {
      const answer = await callApi(server.url, 'Authorize', {
        token,
        body: { LoginId: loginId, MostRecentCached: true },
      });
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
    }
    expectBankUntouched();
  });

  it("cannot read a year of the holder's transactions with another session's RequestId", async () => {
    const token = await session();
    const detail = await callApi(server.url, 'GetAccountsDetail', {
      token,
      body: { RequestId: victimRequestId, ...year },
    });
    expect(detail.status).toBe(403);
    const asyncDetail = await callApi(server.url, `GetAccountsDetailAsync/${victimRequestId}`, {
      method: 'GET',
      token,
    });
    expect(asyncDetail.status).toBe(403);
    expect(`${detail.text}${asyncDetail.text}`).not.toMatch(/Transactions|Holder|TransitNumber/);
    expectBankUntouched();
  });

  it('reads them in a session the partner created for that loginId', async () => {
    const token = await session({ loginId });
    const cached = await callApi(server.url, 'Authorize', {
      token,
      body: { LoginId: loginId, MostRecentCached: true },
    });
    expect(cached.status).toBe(200);
    const detail = await callApi(server.url, 'GetAccountsDetail', {
      token,
      body: { RequestId: cached.json.RequestId, ...year },
    });
    expect(detail.status).toBe(200);
    expect(detail.json.Accounts).toEqual(expect.arrayContaining([expect.anything()]));
    expect(upstream.minted()).toBe(1);
  });

  it.each([
    ['DELETE', () => `DeleteCard/${loginId}`],
    ['POST', () => `DeleteCard/${loginId}`],
    ['GET', () => `DeleteCard/${loginId}`],
    ['POST', () => 'GenerateAuthorizeToken'],
    ['GET', () => 'Institutions'],
    ['GET', () => `GetAccountsDetailAsync/..%2FDeleteCard%2F${loginId}`],
    ['GET', () => 'Authorize'],
  ])('answers %s %s with 404, session or not', async (method, path) => {
    const token = await session({ loginId });
    for (const withSession of [token, null]) {
      const answer = await callApi(server.url, path(), {
        method,
        token: withSession,
        headers: { 'flinks-auth-key': FLINKS_SECRET },
      });
      expect(answer.status).toBe(404);
    }
    expectBankUntouched();
  });
});

describe('RequestIds obtained by another session', () => {
  const question = 'Which of these streets have you lived on?';

  it('cannot be answered or read, but the session that obtained one can', async () => {
    const owner = await session();
    const challenge = await callApi(server.url, 'Authorize', {
      token: owner,
      body: { ...NOMFA, Username: 'test_mfa_choice' },
    });
    expect(challenge.json).toMatchObject({ HttpStatusCode: 203 });
    const requestId = String(challenge.json.RequestId);
    upstream.reset();

    const intruder = await session();
    const refused = [
      await callApi(server.url, 'Authorize', {
        token: intruder,
        body: { RequestId: requestId, SecurityResponses: { [question]: ['Rue Sherbrooke'] } },
      }),
      await callApi(server.url, 'GetAccountsSummary', { token: intruder, body: { RequestId: requestId } }),
      await callApi(server.url, 'GetAccountsDetail', { token: intruder, body: { RequestId: requestId } }),
      await callApi(server.url, `GetAccountsSummaryAsync/${requestId}`, { method: 'GET', token: intruder }),
      await callApi(server.url, `GetAccountsDetailAsync/${requestId}`, { method: 'GET', token: intruder }),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expectBankUntouched();

    const answered = await callApi(server.url, 'Authorize', {
      token: owner,
      body: { RequestId: requestId, SecurityResponses: { [question]: ['Rue Sherbrooke'] } },
    });
    expect(answered.json).toMatchObject({ HttpStatusCode: 200 });
  });
});

describe('password guessing', () => {
  const guess = (index: number) => ({ ...NOMFA, Password: `guess-${index}` });

  it('answers 429 after 20 sign-ins in one session: of 320 guesses only 20 reach the bank', async () => {
    const token = await session();
    const statuses: number[] = [];
    for (let index = 0; index < 320; index += 1) {
      statuses.push((await callApi(server.url, 'Authorize', { token, body: guess(index) })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(20)).toEqual(Array.from({ length: 300 }, () => 429));
    expect(upstream.minted()).toBe(20);
    expect(upstream.forwarded().filter((call) => call.endpoint === 'Authorize')).toHaveLength(20);

    // The right password does not get through a spent session either.
    const right = await callApi(server.url, 'Authorize', { token, body: NOMFA });
    expect(right.status).toBe(429);
    expect(right.json).toMatchObject({ FlinksCode: 'TOO_MANY_REQUESTS' });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(upstream.minted()).toBe(20);
  });

  it('lets no more than 20 through when 60 guesses arrive at once', async () => {
    const token = await session();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        callApi(server.url, 'Authorize', { token, body: guess(index) }),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 429).length).toBeLessThanOrEqual(20);
    expect(upstream.minted()).toBeLessThanOrEqual(20);
    expect(upstream.minted()).toBe(answers.filter((answer) => answer.status !== 429).length);
  });
});

describe('a cross-site form post', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'is refused as %s with 415 inside a session',
    async (contentType) => {
      const token = await session();
      const answer = await callApi(server.url, 'Authorize', {
        token,
        body: JSON.stringify(NOMFA),
        headers: { 'content-type': contentType },
      });
      expect(answer.status).toBe(415);
      expectBankUntouched();
    },
  );

  it('is refused without a session (401: no session is checked before the body)', async () => {
    const answer = await callApi(server.url, 'Authorize', {
      origin: EVIL,
      body: JSON.stringify(NOMFA),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(401);
    expectBankUntouched();
  });
});

describe('oversized bodies', () => {
  const MB = 1024 * 1024;

  async function rssGrowthOf(run: () => Promise<void>): Promise<number> {
    const before = process.memoryUsage().rss;
    await run();
    return process.memoryUsage().rss - before;
  }

  it.each<[string, () => Promise<Record<string, string>>, string]>([
    [
      'to /Authorize inside a session',
      async () => ({
        authorization: `Bearer ${await session()}`,
        origin: PARTNER,
        'content-type': 'application/json',
      }),
      `${API}/Authorize`,
    ],
    [
      'to /Authorize without a session',
      () => Promise.resolve({ 'content-type': 'application/json' }),
      `${API}/Authorize`,
    ],
    [
      'to /connect/sessions with the API key',
      () => Promise.resolve({ authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }),
      '/connect/sessions',
    ],
  ])(
    'stops a 300 MB chunked POST %s while it streams, and memory stays flat',
    async (_label, headersOf, path) => {
      const headers = await headersOf();
      let outcome = { status: null as number | null, sentBytes: 0 };
      const growth = await rssGrowthOf(async () => {
        outcome = await streamChunkedBody(server.url, path, headers, 300 * MB);
      });
      expect([413, 401, 400, null]).toContain(outcome.status);
      if (path.endsWith('/Authorize') && headers.authorization) expect([413, null]).toContain(outcome.status);
      // Refused while streaming: the server answered (or hung up) long before the 300 MB were sent.
      expect(outcome.sentBytes).toBeLessThan(64 * MB);
      expect(growth).toBeLessThan(100 * MB);
      expectBankUntouched();
    },
    60_000,
  );

  it('answers 413 at once to a declared 5 MB body that never comes', async () => {
    const token = await session();
    const url = new URL(server.url);
    const raw = await rawExchange(server.url, [
      Buffer.from(
        `POST ${API}/Authorize HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${PARTNER}\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${5 * MB}\r\n\r\n{}`,
      ),
    ]);
    expect(statusesIn(raw)[0]).toBe(413);
    expectBankUntouched();
  });

  it('does not let a short Content-Length smuggle a second request in the body', async () => {
    const token = await session();
    const url = new URL(server.url);
    const smuggled =
      `POST ${API}/Authorize HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${JSON.stringify(NOMFA).length}\r\n\r\n${JSON.stringify(NOMFA)}`;
    const raw = await rawExchange(server.url, [
      Buffer.from(
        `POST ${API}/Authorize HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${PARTNER}\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n` +
          `{"Institution":"Fli${smuggled}${'x'.repeat(2 * MB)}`,
      ),
    ]);
    const statuses = statusesIn(raw);
    expect(statuses[0]).toBe(400);
    // The smuggled request has no session: if it was read at all, it was refused.
    expect(statuses.slice(1).every((status) => status >= 400)).toBe(true);
    expectBankUntouched();
  });

  it('refuses a body with both Content-Length and Transfer-Encoding', async () => {
    const token = await session();
    const url = new URL(server.url);
    const body = JSON.stringify(NOMFA);
    const raw = await rawExchange(server.url, [
      Buffer.from(
        `POST ${API}/Authorize HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${PARTNER}\r\n` +
          `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 4\r\n` +
          `Transfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      ),
    ]);
    expect(statusesIn(raw)[0]).toBe(400);
    expectBankUntouched();
  });
});

describe('per-address limits and X-Forwarded-For', () => {
  const ROTATIONS = 8;
  const probe = (at: RunningServer, token: string, forwardedFor: string) =>
    callApi(at.url, 'GetAccountsSummaryAsync/not-this-sessions-request', {
      method: 'GET',
      token,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  const probeFrom = (at: RunningServer, token: string, localAddress: string) =>
    rawRequest(at.url, `${API}/GetAccountsSummaryAsync/not-this-sessions-request`, {
      headers: { authorization: `Bearer ${token}`, origin: PARTNER },
      localAddress,
    });

  it('ignores a rotating X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    const limited = await startServer(upstream.url, {}, { limits: { callsPerAddressPerMinute: 5 } });
    const token = await session({}, limited);
    const statuses: number[] = [];
    for (let index = 0; index < ROTATIONS; index += 1) {
      statuses.push((await probe(limited, token, `203.0.113.${index + 1}`)).status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429, 429]);
    expectBankUntouched();
  });

  it("keys the limit on each client's socket address: one client spending its calls leaves another's", async () => {
    const limited = await startServer(upstream.url, {}, { limits: { callsPerAddressPerMinute: 5 } });
    const token = await session({}, limited);
    const greedy: number[] = [];
    for (let index = 0; index < 6; index += 1)
      greedy.push((await probeFrom(limited, token, '127.0.0.2')).status);
    expect(greedy).toEqual([403, 403, 403, 403, 403, 429]);
    // Another client (another address) still has its own five calls.
    expect((await probeFrom(limited, token, '127.0.0.3')).status).toBe(403);
    expectBankUntouched();
  });

  it('believes X-Forwarded-For from CONNECT_TRUSTED_PROXIES, and still limits each client', async () => {
    const behindProxy = await startServer(
      upstream.url,
      { CONNECT_TRUSTED_PROXIES: '127.0.0.1' },
      { limits: { callsPerAddressPerMinute: 5 } },
    );
    const token = await session({}, behindProxy);
    const rotating: number[] = [];
    for (let index = 0; index < ROTATIONS; index += 1) {
      rotating.push((await probe(behindProxy, token, `203.0.113.${index + 1}`)).status);
    }
    expect(rotating).toEqual(Array.from({ length: ROTATIONS }, () => 403));
    const oneClient: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      // A client that forges a first hop of its own gets its real address (the hop the proxy added) counted.
      oneClient.push((await probe(behindProxy, token, `198.51.100.${index}, 192.0.2.77`)).status);
    }
    expect(oneClient).toEqual([403, 403, 403, 403, 403, 429]);
    expectBankUntouched();
  });
});

describe('DNS rebinding', () => {
  it.each([
    ['the embed page', '/embed.html', 'GET'],
    ['the session endpoint', '/connect/sessions', 'POST'],
    ['the bank API', `${API}/Authorize`, 'POST'],
    ['the OAuth state endpoint', '/v3/oauth/state', 'POST'],
    ['the OAuth return page', '/oauth/return', 'GET'],
    ['the institution catalog', '/v3/institutions', 'GET'],
    ['the connected page', '/connected', 'GET'],
  ])('answers 421 to %s under a foreign Host', async (_label, path, method) => {
    const token = await session();
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `localhost.evil.example:${server.port}`,
    ]) {
      const answer = await rawRequest(server.url, path, {
        method,
        host,
        headers: {
          authorization: `Bearer ${path.startsWith('/connect') ? API_KEY : token}`,
          origin: PARTNER,
          'content-type': 'application/json',
        },
        ...(method === 'POST'
          ? { body: JSON.stringify(path.startsWith('/connect') ? { parentOrigin: PARTNER } : NOMFA) }
          : {}),
      });
      expect(answer.status).toBe(421);
    }
    expectBankUntouched();
  });

  it('answers under its own host names', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`]) {
      expect((await rawRequest(server.url, '/connect/sessions', { method: 'GET', host })).status).not.toBe(
        421,
      );
    }
  });
});

describe('POST /connect/sessions', () => {
  it('refuses no key, a wrong key and a key one character off, then every call for a minute after 30 refusals', async () => {
    const guarded = await startServer(upstream.url);
    const offByOne = `${API_KEY.slice(0, -1)}${API_KEY.endsWith('a') ? 'b' : 'a'}`;
    const attempts: (string | null)[] = [
      null,
      'Bearer wrong-key-000000000000000000000',
      `Bearer ${offByOne}`,
      `Basic ${API_KEY}`,
      API_KEY,
      `Bearer ${API_KEY.toUpperCase()}`,
    ];
    const statuses: number[] = [];
    for (const authorization of attempts)
      statuses.push((await postSession(guarded.url, {}, authorization)).status);
    expect(statuses).toEqual(attempts.map(() => 401));
    for (let index = attempts.length; index < 30; index += 1) {
      expect((await postSession(guarded.url, {}, `Bearer guess-${index}-xxxxxxxxxxxxxxxxxxxx`)).status).toBe(
        401,
      );
    }
    const thirtyFirst = await postSession(guarded.url, {}, 'Bearer guess-31-xxxxxxxxxxxxxxxxxxxx', {
      'x-forwarded-for': '198.51.100.31',
    });
    expect(thirtyFirst.status).toBe(429);
    const rightKey = await postSession(guarded.url, {}, `Bearer ${API_KEY}`, {
      'x-forwarded-for': '198.51.100.32',
    });
    expect(rightKey.status).toBe(429);
    expect(rightKey.headers.get('retry-after')).toBe('60');
    expect(rightKey.json).not.toHaveProperty('sessionToken');
  });

  it("does not lock the partner's backend out when another address spends 30 wrong keys", async () => {
    const guarded = await startServer(upstream.url);
    const post = (authorization: string, localAddress: string) =>
      rawRequest(guarded.url, '/connect/sessions', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ parentOrigin: PARTNER }),
        localAddress,
      });
    const attacker: number[] = [];
    for (let index = 0; index < 31; index += 1) {
      attacker.push((await post(`Bearer guess-${index}-xxxxxxxxxxxxxxxxxxxx`, '127.0.0.2')).status);
    }
    expect(attacker.slice(0, 30)).toEqual(Array.from({ length: 30 }, () => 401));
    expect(attacker[30]).toBe(429);
    expect((await post(`Bearer ${API_KEY}`, '127.0.0.3')).status).toBe(201);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a parentOrigin not in CONNECT_ALLOWED_ORIGINS', { parentOrigin: EVIL }],
    // (A trailing slash or a path names the same origin and is taken as it: test/node/connect-session.test.ts.)
    ['a parentOrigin on another origin, written as a page address', { parentOrigin: `${EVIL}/${PARTNER}` }],
    ['a parentOrigin over http', { parentOrigin: 'http://partner.example' }],
    ['a wildcard parentOrigin', { parentOrigin: '*' }],
    ['an opaque parentOrigin', { parentOrigin: 'null' }],
    ['expiresInSeconds 1801', { expiresInSeconds: 1801 }],
    ['expiresInSeconds 0', { expiresInSeconds: 0 }],
    ['a fractional expiresInSeconds', { expiresInSeconds: 1.5 }],
    ['an unknown field', { scope: 'admin' }],
    ['a loginId that climbs out of a path', { loginId: '../DeleteCard/x' }],
    ['both a loginId and a requestId', { loginId: 'a', requestId: 'b' }],
  ])('answers 400 to %s', async (_label, body) => {
    const answer = await postSession(server.url, body);
    expect(answer.status).toBe(400);
    expect(answer.json).not.toHaveProperty('sessionToken');
  });

  it('answers 415 to a body that is not JSON, even with the right key', async () => {
    const response = await fetch(`${server.url}/connect/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ parentOrigin: PARTNER }),
    });
    transcript.push(await response.text());
    expect(response.status).toBe(415);
  });

  it('offers no demo sessions in proxy mode', async () => {
    for (const origin of [server.url, PARTNER]) {
      const response = await fetch(`${server.url}/demo/sessions`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{}',
      });
      transcript.push(await response.text());
      expect(response.status).toBe(404);
    }
  });
});

describe('calls in flight', () => {
  it('answers 503 over the cap without calling the bank again', async () => {
    const capped = await startServer(
      upstream.url,
      {},
      { limits: { inFlight: 2, callsPerAddressPerMinute: 1000 } },
    );
    const [first, second, third] = [
      await session({}, capped),
      await session({}, capped),
      await session({}, capped),
    ];
    upstream.reset();
    upstream.delayMs = 400;
    const slow = [first, second].map((token) => callApi(capped.url, 'Authorize', { token, body: NOMFA }));
    await vi.waitFor(() => expect(upstream.calls.length).toBe(2));
    const over = await callApi(capped.url, 'Authorize', { token: third, body: NOMFA });
    expect(over.status).toBe(503);
    expect(over.json).toMatchObject({ FlinksCode: 'RETRY_LATER' });
    expect(over.headers.get('retry-after')).toBeTruthy();
    expect(upstream.calls.length).toBe(2);
    expect((await Promise.all(slow)).map((answer) => answer.status)).toEqual([200, 200]);
    expect(upstream.minted()).toBe(2);
    expect(upstream.calls).toHaveLength(4);
  });
});

describe('what goes upstream', () => {
  const bodyOf = (endpoint: string) =>
    JSON.parse(upstream.forwarded().find((call) => call.endpoint === endpoint)?.body ?? 'null') as unknown;

  it('is only the fields the widget sends, whatever else the browser adds', async () => {
    const token = await session();
    const padded =
      `{"Institution":"FlinksCapital","Username":"greatday_nomfa","Password":"Everyday",` +
      `"__proto__":{"polluted":"yes","HttpStatusCode":200},"constructor":{"prototype":{"polluted":"yes"}},` +
      `"AccountsFilter":["acc-1"],"WithTransactions":true,"DaysOfTransactions":"Days365","FlinksAuthKey":"x",` +
      `"CustomerId":"another-customer","Secret":"x"}`;
    const answer = await callApi(server.url, 'Authorize', {
      token,
      body: padded,
      headers: { 'flinks-auth-key': 'chosen-by-the-browser', cookie: 'session=abc' },
    });
    expect(answer.status).toBe(200);
    expect(bodyOf('Authorize')).toEqual(NOMFA);
    const call = upstream.forwarded().find((forwarded) => forwarded.endpoint === 'Authorize');
    expect(call?.authKey).not.toBe('chosen-by-the-browser');
    expect(call?.authKey).not.toBe(FLINKS_SECRET);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(upstream.calls.every((forwarded) => !forwarded.endpoint.includes('another-customer'))).toBe(true);

    upstream.reset();
    const detail = await callApi(server.url, 'GetAccountsDetail', {
      token,
      body: `{"RequestId":"${String(answer.json.RequestId)}","WithBalance":true,"LoginId":"victim","Username":"x","__proto__":{"a":1}}`,
    });
    expect(detail.status).toBe(200);
    expect(bodyOf('GetAccountsDetail')).toEqual({ RequestId: answer.json.RequestId, WithBalance: true });
  });

  it("sends the session's tag, not the browser's", async () => {
    const token = await session({ tag: 'partner-user-81' });
    await callApi(server.url, 'Authorize', { token, body: { ...NOMFA, Tag: 'chosen-by-the-browser' } });
    expect(bodyOf('Authorize')).toEqual({ ...NOMFA, Tag: 'partner-user-81' });
  });

  it.each<[string, unknown]>([
    ['an operator object as the password', { ...NOMFA, Password: { $ne: '' } }],
    ['a list as the username', { ...NOMFA, Username: ['greatday_nomfa'] }],
    ['a LoginId that climbs out of a path', { LoginId: '../../DeleteCard/x', MostRecentCached: true }],
    ['a body that is a list', [NOMFA]],
  ])('answers 400 to %s without calling the bank', async (_label, body) => {
    const token = await session();
    const answer = await callApi(server.url, 'Authorize', { token, body });
    expect(answer.status).toBe(400);
    expectBankUntouched();
  });
});

describe('response headers', () => {
  let distDir: string;

  beforeAll(() => {
    distDir = mkdtempSync(join(tmpdir(), 'connect-attacks-'));
    mkdirSync(join(distDir, 'assets'));
    const page = (entry: string) =>
      `<!doctype html><html lang="en"><head><script type="module" src="/assets/${entry}"></script></head><body></body></html>`;
    writeFileSync(join(distDir, 'index.html'), page('index-a1.js'));
    writeFileSync(join(distDir, 'embed.html'), page('embed-b2.js'));
    writeFileSync(join(distDir, 'connect.js'), '(()=>{window.FlinksConnect={};})();');
    // Present in the folder, as a careless build might leave it: still never served.
    writeFileSync(join(distDir, 'mockServiceWorker.js'), 'self.addEventListener("fetch",()=>{});');
  });

  afterAll(() => {
    rmSync(distDir, { recursive: true, force: true });
  });

  const appWith = (env: Record<string, string> = {}) =>
    createServerApp(parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', ...env }), {
      distDir,
      log: () => undefined,
    });

  it.each([
    ['/embed.html', 'same-origin-allow-popups', 'cross-origin'],
    ['/', 'same-origin-allow-popups', 'same-origin'],
    ['/connect.js', 'same-origin', 'cross-origin'],
    [`${API}/Authorize`, 'same-origin', 'same-origin'],
  ])('%s has COOP %s, CORP %s and a Permissions-Policy, and no HSTS over http', async (path, coop, corp) => {
    const response = await appWith().request(`${SERVER}${path}`);
    transcript.push(JSON.stringify([...response.headers]));
    expect(response.headers.get('cross-origin-opener-policy')).toBe(coop);
    expect(response.headers.get('cross-origin-resource-policy')).toBe(corp);
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(response.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('never lets /embed.html be stored', async () => {
    const response = await appWith().request(`${SERVER}/embed.html?sessionToken=cs1.x.y`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends HSTS on the https public origin only', async () => {
    const app = appWith({ CONNECT_PUBLIC_ORIGIN: 'https://connect.partner.example,http://localhost:5173' });
    const secure = await app.request('https://connect.partner.example/embed.html');
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=(\d{8,})/);
    expect(
      Number(/max-age=(\d+)/.exec(secure.headers.get('strict-transport-security') ?? '')?.[1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    const plain = await app.request('http://localhost:5173/embed.html');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('publishes /connect.js under a versioned, immutable path with CORS *, for Subresource Integrity', async () => {
    const app = appWith();
    const response = await app.request(`${SERVER}/sdk/v${SDK_VERSION}/connect.js`, {
      headers: { origin: EVIL },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync(join(distDir, 'connect.js'), 'utf8'));
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/immutable/);
    expect(response.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect((await app.request(`${SERVER}/sdk/v0.0.0-not-published/connect.js`)).status).toBe(404);
  });

  it('does not serve /mockServiceWorker.js, even when the build left one behind', async () => {
    const response = await appWith().request(`${SERVER}/mockServiceWorker.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('addEventListener');
  });
});

describe('sandbox mode', () => {
  function countedSandbox() {
    const sandbox = createSandbox({ latencyMs: 0, pendingMs: 0 });
    const hits: string[] = [];
    const counted: Sandbox = {
      fetch: (request) => {
        hits.push(`${request.method} ${new URL(request.url).pathname}`);
        return sandbox.fetch(request);
      },
      get log() {
        return sandbox.log;
      },
      stats: () => sandbox.stats(),
      reset: () => sandbox.reset(),
    };
    return { counted, hits };
  }

  const appWith = (env: Record<string, string>, sandbox: Sandbox) =>
    createServerApp(parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', ...SESSION_ENV, ...env }), {
      sandbox,
      log: () => undefined,
    });

  const signIn = (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}) =>
    app.request(`${SERVER}${API}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SERVER, ...headers },
      body: JSON.stringify(NOMFA),
    });

  it('with CONNECT_REQUIRE_SESSION=true refuses anonymous calls before the sandbox sees them', async () => {
    const { counted, hits } = countedSandbox();
    const app = appWith({ CONNECT_REQUIRE_SESSION: 'true' }, counted);
    const anonymous = await signIn(app);
    expect(anonymous.status).toBe(401);
    const deleting = await app.request(`${SERVER}${API}/DeleteCard/any-login`, { method: 'DELETE' });
    expect(deleting.status).toBe(404);
    expect(hits).toEqual([]);

    const token = await createSession(app);
    const inSession = await signIn(app, { authorization: `Bearer ${token}` });
    expect(inSession.status).toBe(200);
    expect(hits).toHaveLength(1);
  });

  it('by default still serves anonymous calls (partners’ tests rely on it), but refuses a bad session', async () => {
    const { counted, hits } = countedSandbox();
    const app = appWith({}, counted);
    const anonymous = await signIn(app);
    expect(anonymous.status).toBe(200);
    expect(hits).toHaveLength(1);

    const forged = await signIn(app, { authorization: 'Bearer cs1.forged.token' });
    expect(forged.status).toBe(401);
    const notBearer = await signIn(app, { authorization: 'Basic Zm9vOmJhcg==' });
    expect(notBearer.status).toBe(401);
    const textPlain = await app.request(`${SERVER}${API}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body: JSON.stringify(NOMFA),
    });
    expect(textPlain.status).toBe(415);
    expect(hits).toHaveLength(1);
  });
});

describe('the in-process state under a flood of addresses (one IPv6 /64 holds 2^64 of them)', () => {
  it("keeps a session's spent sign-ins and its RequestIds when 200,001 addresses each leave a counter", async () => {
    const upstreamCalls: string[] = [];
    const bank: typeof fetch = (input, init) => {
      const endpoint = String(input).split('/BankingServices/')[1] ?? '';
      upstreamCalls.push(endpoint);
      if (endpoint === 'GenerateAuthorizeToken') return Promise.resolve(Response.json({ Token: 'minted' }));
      const body = JSON.parse(String(init?.body ?? '{}')) as { Password?: string };
      if (endpoint === 'Authorize' && body.Password !== NOMFA.Password) {
        return Promise.resolve(
          Response.json({ HttpStatusCode: 401, FlinksCode: 'INVALID_PASSWORD' }, { status: 401 }),
        );
      }
      return Promise.resolve(
        Response.json({ HttpStatusCode: 200, RequestId: 'owner-request-1', Accounts: [] }),
      );
    };
    const app = createServerApp(
      parseConfig({
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: CUSTOMER_ID,
        FLINKS_SECRET_KEY: FLINKS_SECRET,
        CONNECT_ALLOWED_ORIGINS: PARTNER,
        ...SESSION_ENV,
      }),
      { fetch: bank, log: () => undefined },
    );
    // What the Node adapter hands the app for a connection from `address`.
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const post = (path: string, headers: Record<string, string>, body: unknown, address = '192.0.2.10') =>
      app.request(
        `${SERVER}${path}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        },
        from(address),
      );
    const created = await post(
      '/connect/sessions',
      { authorization: `Bearer ${API_KEY}` },
      { parentOrigin: PARTNER },
    );
    const token = String(((await created.json()) as { sessionToken: string }).sessionToken);
    const inSession = { authorization: `Bearer ${token}`, origin: PARTNER };

    expect((await post(`${API}/Authorize`, inSession, NOMFA)).status).toBe(200);
    for (let index = 0; index < 19; index += 1) {
      await post(`${API}/Authorize`, inSession, { ...NOMFA, Password: `guess-${index}` });
    }
    expect((await post(`${API}/Authorize`, inSession, { ...NOMFA, Password: 'guess-20' })).status).toBe(429);

    // Each refused key leaves a counter for its address; an attacker on IPv6 has addresses to spare.
    for (let index = 0; index <= 200_000; index += 1) {
      await app.request(
        `${SERVER}/connect/sessions`,
        { method: 'POST', headers: { authorization: 'Bearer wrong' } },
        from(`2001:db8::${index.toString(16)}`),
      );
    }
    upstreamCalls.length = 0;
    const guess = await post(`${API}/Authorize`, inSession, { ...NOMFA, Password: 'guess-21' });
    expect.soft(guess.status, 'the 21st sign-in after the flood').toBe(429);
    const summary = await post(`${API}/GetAccountsSummary`, inSession, { RequestId: 'owner-request-1' });
    expect.soft(summary.status, 'the RequestId this session obtained, after the flood').toBe(200);
    expect(upstreamCalls.filter((endpoint) => endpoint === 'Authorize')).toEqual([]);
  }, 180_000);
});

describe('the secrets', () => {
  it('never appear in an answer, a header or a log line; session tokens and passwords stay out of the logs', () => {
    const logs = [...started.flatMap((running) => running.logs), ...consoleLines];
    expect(transcript.length).toBeGreaterThan(100);
    expect(logs.length).toBeGreaterThan(50);
    for (const text of transcript) {
      expect(text).not.toContain(FLINKS_SECRET);
      expect(text).not.toContain(SESSION_SECRET);
      expect(text).not.toContain(API_KEY);
    }
    expect(issuedTokens.size).toBeGreaterThan(10);
    for (const line of logs) {
      expect(line).not.toContain(FLINKS_SECRET);
      expect(line).not.toContain(SESSION_SECRET);
      expect(line).not.toContain(API_KEY);
      expect(line).not.toContain('Everyday');
      expect(line).not.toMatch(/guess-\d+/);
      for (const token of issuedTokens) expect(line).not.toContain(token);
    }
  });
});
