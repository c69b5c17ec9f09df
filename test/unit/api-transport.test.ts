import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient } from '../../src/api';
import type { ClientOptions, FlinksClient } from '../../src/api';

const BASE = 'https://api.test/v3/customer/BankingServices';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

let seen: Seen[] = [];
/** Handlers still holding a request open; released after each test so nothing leaks. */
let holds: Array<() => void> = [];

afterEach(() => {
  holds.forEach((release) => release());
  holds = [];
  seen = [];
  server.resetHandlers();
});

/** Records every call and answers it with `reply` (a plain error body unless told). */
function record(
  reply: () => Response = () =>
    HttpResponse.json({ FlinksCode: 'RETRY_LATER', Message: 'Later.' }, { status: 401 }),
) {
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: text ? JSON.parse(text) : null,
      });
      return reply();
    }),
  );
}

/** A server that never answers: the request stays open until the client gives up (or the test ends). */
function hang(whenReached?: () => void) {
  server.use(
    http.all(`${BASE}/*`, ({ request }) => {
      whenReached?.();
      return new Promise<Response>((resolve) => {
        const release = () => resolve(HttpResponse.error());
        holds.push(release);
        request.signal.addEventListener('abort', release);
      });
    }),
  );
}

/** Headers at once, then a body that never ends; `whenRead` runs once the client is reading it. */
function stall(whenRead?: () => void) {
  server.use(
    http.all(`${BASE}/*`, () => {
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"HttpStatusCode":200,'));
            holds.push(() => {
              try {
                controller.close();
              } catch {
                // already cancelled by the client
              }
            });
          },
          pull() {
            whenRead?.();
          },
        },
        { highWaterMark: 0 },
      );
      return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

const make = (options: Partial<ClientOptions> = {}) => createFlinksClient({ baseUrl: BASE, ...options });
const credentials = { institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday-Secret-1' };

describe('transport failures', () => {
  it('a network failure is NETWORK_ERROR, with the RequestId the call carried', async () => {
    server.use(http.all(`${BASE}/*`, () => HttpResponse.error()));
    await expect(
      make().answerMfa({ requestId: 'req-7', securityResponses: { 'What city?': ['Montreal'] } }),
    ).resolves.toEqual({
      kind: 'error',
      httpStatus: null,
      flinksCode: 'NETWORK_ERROR',
      message: expect.any(String),
      requestId: 'req-7',
      cause: 'network',
    });
  });

  it.each<[string, ClientOptions['fetch']]>([
    [
      'throws at once',
      () => {
        throw new TypeError('boom');
      },
    ],
    ['rejects', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('a fetch that %s still resolves as NETWORK_ERROR', async (_name, fetch) => {
    await expect(make({ fetch }).authorize(credentials)).resolves.toMatchObject({
      flinksCode: 'NETWORK_ERROR',
      cause: 'network',
    });
  });

  it('an unusable extra header resolves as NETWORK_ERROR instead of throwing', async () => {
    await expect(make({ headers: { 'bad header': 'x' } }).getAccountsSummary('req-1')).resolves.toMatchObject(
      {
        flinksCode: 'NETWORK_ERROR',
      },
    );
  });

  it.each<[string, Partial<ClientOptions>, number | undefined]>([
    ['the client default', { timeoutMs: 20 }, undefined],
    ['the per-call timeout over the default', { timeoutMs: 600_000 }, 20],
  ])('a server that never answers is TIMEOUT after %s', async (_name, options, timeoutMs) => {
    hang();
    await expect(make(options).authorize(credentials, { timeoutMs })).resolves.toEqual({
      kind: 'error',
      httpStatus: null,
      flinksCode: 'TIMEOUT',
      message: expect.any(String),
      requestId: null,
      cause: 'timeout',
    });
  });

  it('a body that stops halfway is TIMEOUT', async () => {
    stall();
    await expect(make().getAccountsDetailAsync('req-1', { timeoutMs: 20 })).resolves.toMatchObject({
      flinksCode: 'TIMEOUT',
      cause: 'timeout',
      requestId: 'req-1',
    });
  });

  it.each<[string, typeof hang]>([
    ['waiting for the answer', hang],
    ['reading the body', stall],
  ])('the caller aborting while %s is ABORTED, not TIMEOUT', async (_name, serve) => {
    const controller = new AbortController();
    serve(() => queueMicrotask(() => controller.abort()));
    await expect(make().getAccountsSummary('req-1', { signal: controller.signal })).resolves.toEqual({
      kind: 'error',
      httpStatus: null,
      flinksCode: 'ABORTED',
      message: expect.any(String),
      requestId: 'req-1',
      cause: 'aborted',
    });
  });

  it('a signal already aborted sends nothing', async () => {
    record();
    const result = await make().deleteCard('login-1', { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ flinksCode: 'ABORTED', cause: 'aborted' });
    expect(seen).toHaveLength(0);
  });
});

describe('the authorize token', () => {
  it('rides on the first /Authorize only, then is forgotten', async () => {
    record();
    const client = make({ authorizeToken: 'token-123' });
    await client.authorize(credentials);
    await client.answerMfa({ requestId: 'req-1', securityResponses: { 'What city?': ['Montreal'] } });
    await client.authorize(credentials);
    expect(seen.map((request) => request.headers.get('flinks-auth-key'))).toEqual(['token-123', null, null]);
  });

  it('is never sent to a data endpoint, even on the first call', async () => {
    record();
    const client = make({
      authorizeToken: 'token-123',
      headers: { 'x-api-key': 'data-key', 'flinks-auth-key': 'leak' },
    });
    await client.getAccountsDetail({ requestId: 'req-1' });
    await client.getAccountsSummaryAsync('req-1');
    await client.deleteCard('login-1');
    await client.authorizeCached({ loginId: 'login-1' });
    expect(
      seen.map((request) => [request.headers.get('flinks-auth-key'), request.headers.get('x-api-key')]),
    ).toEqual([
      [null, 'data-key'],
      [null, 'data-key'],
      [null, 'data-key'],
      ['token-123', 'data-key'],
    ]);
  });

  it('is kept when a call is cancelled before it leaves', async () => {
    record();
    const client = make({ authorizeToken: 'token-123' });
    await client.authorize(credentials, { signal: AbortSignal.abort() });
    await client.authorize(credentials);
    expect(seen.map((request) => request.headers.get('flinks-auth-key'))).toEqual(['token-123']);
  });
});

describe('what goes on the wire', () => {
  it.each<[string, (client: FlinksClient) => Promise<unknown>, string, string, unknown]>([
    [
      'authorize',
      (client) => client.authorize({ ...credentials, language: 'fr', tag: 'partner-7' }),
      'POST',
      '/Authorize',
      {
        Institution: 'FlinksCapital',
        Username: 'Greatday',
        Password: 'Everyday-Secret-1',
        Language: 'fr',
        Save: true,
        MostRecentCached: false,
        Tag: 'partner-7',
      },
    ],
    [
      'authorizeCached',
      (client) => client.authorizeCached({ loginId: 'login-1', tag: 't' }),
      'POST',
      '/Authorize',
      { LoginId: 'login-1', MostRecentCached: true, Language: 'en', Tag: 't' },
    ],
    [
      'answerMfa',
      (client) => client.answerMfa({ requestId: 'req-1', securityResponses: { 'What city?': ['Montreal'] } }),
      'POST',
      '/Authorize',
      { RequestId: 'req-1', SecurityResponses: { 'What city?': ['Montreal'] }, Language: 'en' },
    ],
    [
      'getAccountsDetail',
      (client) =>
        client.getAccountsDetail({
          requestId: 'req-1',
          withTransactions: true,
          daysOfTransactions: 'Days365',
        }),
      'POST',
      '/GetAccountsDetail',
      {
        RequestId: 'req-1',
        WithAccountIdentity: true,
        WithKYC: false,
        WithTransactions: true,
        WithBalance: true,
        DaysOfTransactions: 'Days365',
      },
    ],
    [
      'getAccountsSummary',
      (client) => client.getAccountsSummary('req-1'),
      'POST',
      '/GetAccountsSummary',
      { RequestId: 'req-1' },
    ],
    [
      'getAccountsDetailAsync',
      (client) => client.getAccountsDetailAsync('req-1'),
      'GET',
      '/GetAccountsDetailAsync/req-1',
      null,
    ],
    [
      'getAccountsSummaryAsync',
      (client) => client.getAccountsSummaryAsync('req-1'),
      'GET',
      '/GetAccountsSummaryAsync/req-1',
      null,
    ],
    ['deleteCard', (client) => client.deleteCard('login-1'), 'DELETE', '/DeleteCard/login-1', null],
  ])('%s sends %s %s with its body', async (_name, run, method, path, body) => {
    record();
    await run(make({ baseUrl: `${BASE}//` }));
    expect(seen).toEqual([{ method, url: `${BASE}${path}`, headers: expect.any(Headers), body }]);
  });

  it('encodes path segments', async () => {
    record();
    await make().getAccountsDetailAsync('a/b?c#d e');
    expect(seen[0]?.url).toBe(`${BASE}/GetAccountsDetailAsync/a%2Fb%3Fc%23d%20e`);
  });

  it.each(['', '.', '..'])('refuses the path segment %j without calling', async (loginId) => {
    record();
    await expect(make().deleteCard(loginId)).resolves.toMatchObject({
      kind: 'error',
      flinksCode: 'INVALID_REQUEST',
    });
    expect(seen).toHaveLength(0);
  });
});

describe('secrets', () => {
  it.each<[string, (client: FlinksClient) => Promise<unknown>, string]>([
    ['the password', (client) => client.authorize(credentials), 'Everyday-Secret-1'],
    [
      'an MFA answer',
      (client) => client.answerMfa({ requestId: 'req-1', securityResponses: { 'Pet?': ['Rex-the-dog'] } }),
      'Rex-the-dog',
    ],
    ['the authorize token', (client) => client.authorizeCached({ loginId: 'login-1' }), 'token-123'],
  ])('%s echoed by the server does not come back out', async (_name, run, secret) => {
    record(() =>
      HttpResponse.json(
        { FlinksCode: 'INVALID_REQUEST', Message: `Bad value "${secret}" in request` },
        { status: 400 },
      ),
    );
    const result = await run(make({ authorizeToken: 'token-123' }));
    expect(result).toMatchObject({
      flinksCode: 'INVALID_REQUEST',
      message: 'Bad value "[redacted]" in request',
    });
    expect(seen[0]?.url).not.toContain(secret);
  });

  it('no transport error carries the request', async () => {
    server.use(http.all(`${BASE}/*`, () => HttpResponse.error()));
    const result = await make({ authorizeToken: 'token-123' }).authorize(credentials);
    expect(JSON.stringify(result)).not.toMatch(/Everyday-Secret-1|token-123|Greatday/);
  });
});
