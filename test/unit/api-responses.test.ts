import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient, LIMITS } from '../../src/api';
import type { FlinksClient } from '../../src/api';

const BASE = 'https://api.test/v3/customer/BankingServices';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const login = {
  Id: 'login-1',
  Username: 'Greatday',
  IsScheduledRefresh: false,
  LastRefresh: '2024-01-01',
  Type: 'Personal',
};
const authorizedBody = {
  HttpStatusCode: 200,
  Login: login,
  Institution: 'FlinksCapital',
  RequestId: 'req-1',
};
const challengeBody = {
  HttpStatusCode: 203,
  RequestId: 'req-1',
  SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' }],
};
const account = {
  Id: 'acc-1',
  Title: 'Chequing',
  AccountNumber: '1111000',
  Category: 'Operations',
  Type: 'Chequing',
  Currency: 'CAD',
  Balance: { Available: 10, Current: 10, Limit: null },
};
const accountsBody = {
  HttpStatusCode: 200,
  Accounts: [account],
  Login: login,
  Institution: 'FlinksCapital',
  RequestId: 'req-1',
};

type Endpoint = 'authorize' | 'detail' | 'detailAsync' | 'summary' | 'summaryAsync' | 'delete';

const routes: Record<Endpoint, { method: 'get' | 'post' | 'delete'; path: string }> = {
  authorize: { method: 'post', path: '/Authorize' },
  detail: { method: 'post', path: '/GetAccountsDetail' },
  detailAsync: { method: 'get', path: '/GetAccountsDetailAsync/:id' },
  summary: { method: 'post', path: '/GetAccountsSummary' },
  summaryAsync: { method: 'get', path: '/GetAccountsSummaryAsync/:id' },
  delete: { method: 'delete', path: '/DeleteCard/:id' },
};

function call(client: FlinksClient, endpoint: Endpoint, options?: Parameters<FlinksClient['deleteCard']>[1]) {
  switch (endpoint) {
    case 'authorize':
      return client.authorize(
        { institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday' },
        options,
      );
    case 'detail':
      return client.getAccountsDetail({ requestId: 'req-1' }, options);
    case 'detailAsync':
      return client.getAccountsDetailAsync('req-1', options);
    case 'summary':
      return client.getAccountsSummary('req-1', options);
    case 'summaryAsync':
      return client.getAccountsSummaryAsync('req-1', options);
    case 'delete':
      return client.deleteCard('login-1', options);
  }
}

/** Answers the endpoint with a raw body, as a hostile or broken server might. */
function answerRaw(
  endpoint: Endpoint,
  status: number,
  body: BodyInit | null,
  contentType = 'application/json',
) {
  const { method, path } = routes[endpoint];
  server.use(
    http[method](
      `${BASE}${path}`,
      () => new HttpResponse(body, { status, headers: { 'Content-Type': contentType } }),
    ),
  );
}

function answerJson(endpoint: Endpoint, status: number, body: unknown) {
  answerRaw(endpoint, status, JSON.stringify(body));
}

const client = () => createFlinksClient({ baseUrl: BASE });

describe('each kind of answer', () => {
  it('reads a 200 Authorize as authorized', async () => {
    answerJson('authorize', 200, { ...authorizedBody, SomethingNew: { nested: true } });
    await expect(call(client(), 'authorize')).resolves.toEqual({
      kind: 'authorized',
      requestId: 'req-1',
      loginId: 'login-1',
      institution: 'FlinksCapital',
      body: authorizedBody,
    });
  });

  it('reads a 203 Authorize as challenged, Iterables kept', async () => {
    const challenges = [
      { Type: 'MultipleChoice', Prompt: 'Which street?', Iterables: ['Rue Sherbrooke', 'Rue Ontario'] },
      { Type: 'SomeFutureType', Prompt: 'And this?' },
    ];
    answerJson('authorize', 203, { ...challengeBody, SecurityChallenges: challenges });
    await expect(call(client(), 'authorize')).resolves.toEqual({
      kind: 'challenged',
      requestId: 'req-1',
      challenges,
    });
  });

  it('keeps the bank a 203 names, so a resumed session knows it', async () => {
    answerJson('authorize', 203, { ...challengeBody, Institution: 'RBC' });
    await expect(call(client(), 'authorize')).resolves.toMatchObject({
      kind: 'challenged',
      requestId: 'req-1',
      institution: 'RBC',
    });
  });

  it('accepts a challenge image the size Flinks sends (~200 KB of base64)', async () => {
    const image = 'A'.repeat(200 * 1024);
    const challenges = [
      { Type: 'ImageSelection', Prompt: 'Pick the triangle', Iterables: [image, image, image] },
    ];
    answerJson('authorize', 203, { ...challengeBody, SecurityChallenges: challenges });
    const result = await call(client(), 'authorize');
    expect(result.kind === 'challenged' && result.challenges[0]?.Iterables).toEqual([image, image, image]);
  });

  it.each<[Endpoint, string]>([
    ['authorize', 'OPERATION_PENDING'],
    ['detail', 'OPERATION_DISPATCHED'],
    ['detailAsync', 'OPERATION_PENDING'],
    ['summary', 'OPERATION_PENDING'],
    ['summaryAsync', 'OPERATION_DISPATCHED'],
  ])('reads a 202 %s with %s as pending', async (endpoint, code) => {
    answerJson(endpoint, 202, {
      HttpStatusCode: 202,
      FlinksCode: code,
      Message: 'Still processing.',
      RequestId: 'req-9',
    });
    await expect(call(client(), endpoint)).resolves.toEqual({
      kind: 'pending',
      requestId: 'req-9',
      flinksCode: code,
      message: 'Still processing.',
    });
  });

  it.each<Endpoint>(['detail', 'detailAsync', 'summary', 'summaryAsync'])(
    'reads a 200 %s as accounts, nulls of optional fields dropped',
    async (endpoint) => {
      answerJson(endpoint, 200, {
        ...accountsBody,
        Accounts: [{ ...account, TransitNumber: null, Holder: null }],
      });
      await expect(call(client(), endpoint)).resolves.toEqual({
        kind: 'accounts',
        requestId: 'req-1',
        accounts: [account],
        loginId: 'login-1',
        institution: 'FlinksCapital',
      });
    },
  );

  it('reads a 200 DeleteCard as deleted', async () => {
    answerJson('delete', 200, {
      HttpStatusCode: 200,
      Message: 'All of the information about LoginId was removed',
    });
    await expect(call(client(), 'delete')).resolves.toEqual({
      kind: 'deleted',
      message: 'All of the information about LoginId was removed',
    });
  });
});

describe('error bodies: the FlinksCode decides', () => {
  it.each<[Endpoint, number, string, string | undefined, string | null]>([
    ['authorize', 401, 'DISABLED_LOGIN', 'req-2', 'req-2'],
    ['authorize', 400, 'INVALID_LOGIN', undefined, null],
    ['authorize', 401, 'INVALID_LOGIN', undefined, null],
    ['authorize', 401, 'A_CODE_FLINKS_ADDED_LATER', undefined, null],
    ['authorize', 200, 'INVALID_REQUEST', undefined, null],
    ['authorize', 500, 'AGGREGATION_ERROR', undefined, null],
    ['detail', 401, 'UNAUTHORIZED', undefined, 'req-1'],
    ['detailAsync', 401, 'SESSION_EXPIRED', 'req-3', 'req-3'],
    ['delete', 400, 'CARD_IN_USE', undefined, null],
    ['delete', 202, 'OPERATION_PENDING', 'req-4', 'req-4'],
  ])('%s answering %i %s is that code', async (endpoint, status, code, bodyRequestId, requestId) => {
    answerJson(endpoint, status, {
      HttpStatusCode: status,
      FlinksCode: code,
      Message: 'Told by the API.',
      RequestId: bodyRequestId,
    });
    await expect(call(client(), endpoint)).resolves.toEqual({
      kind: 'error',
      httpStatus: status,
      flinksCode: code,
      message: 'Told by the API.',
      requestId,
      cause: 'http',
    });
  });

  it('keeps the code of an error body whose Message is missing', async () => {
    answerJson('authorize', 401, { FlinksCode: 'RETRY_LATER' });
    await expect(call(client(), 'authorize')).resolves.toMatchObject({
      flinksCode: 'RETRY_LATER',
      message: '',
    });
  });

  it('keeps a pending code even under an error status', async () => {
    answerJson('detail', 401, {
      FlinksCode: 'OPERATION_PENDING',
      Message: 'Processing.',
      RequestId: 'req-1',
    });
    await expect(call(client(), 'detail')).resolves.toMatchObject({
      kind: 'pending',
      flinksCode: 'OPERATION_PENDING',
    });
  });

  it('cuts a very long server message', async () => {
    answerJson('authorize', 401, { FlinksCode: 'RETRY_LATER', Message: 'x'.repeat(50_000) });
    const result = await call(client(), 'authorize');
    expect(result.kind === 'error' && result.message.length).toBe(LIMITS.messageChars);
  });
});

const challenge = (prompt: string, extra: object = {}) => ({
  Type: 'QuestionAndAnswer',
  Prompt: prompt,
  ...extra,
});
const challenges = (count: number) => Array.from({ length: count }, (_, i) => challenge(`Question ${i}?`));

describe('answers that cannot be trusted', () => {
  it.each<[string, Endpoint, number, BodyInit | null, string]>([
    ['broken JSON', 'authorize', 200, '{"HttpStatusCode": 200, "Login": ', 'application/json'],
    ['an empty body', 'authorize', 200, '', 'application/json'],
    ['no body at all', 'detail', 200, null, 'application/json'],
    ['an HTML page', 'authorize', 200, '<!doctype html><html><body>Login</body></html>', 'text/html'],
    ['an HTML 404', 'detail', 404, '<html><body>Not found</body></html>', 'text/html'],
    ['JSON without a FlinksCode under 401', 'authorize', 401, '{"Message":"no"}', 'application/json'],
    ['a JSON array', 'authorize', 200, '[]', 'application/json'],
    ['a JSON string', 'detail', 200, '"ok"', 'application/json'],
    ['a FlinksCode that is not a string', 'authorize', 401, '{"FlinksCode":42}', 'application/json'],
    ['an empty FlinksCode', 'authorize', 401, '{"FlinksCode":""}', 'application/json'],
    ['a 202 without a FlinksCode', 'detail', 202, '{"RequestId":"req-1"}', 'application/json'],
    ['a 203 on a data endpoint', 'detail', 203, JSON.stringify(challengeBody), 'application/json'],
    [
      'bytes that are not UTF-8',
      'authorize',
      200,
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      'application/json',
    ],
  ])('%s is MALFORMED_RESPONSE', async (_name, endpoint, status, body, contentType) => {
    answerRaw(endpoint, status, body, contentType);
    await expect(call(client(), endpoint)).resolves.toMatchObject({
      kind: 'error',
      flinksCode: 'MALFORMED_RESPONSE',
      httpStatus: status,
      cause: 'malformed',
    });
  });

  it.each<[string, Endpoint, number, unknown]>([
    ['a 203 without SecurityChallenges', 'authorize', 203, { HttpStatusCode: 203, RequestId: 'req-1' }],
    ['a 203 with no challenge', 'authorize', 203, { ...challengeBody, SecurityChallenges: [] }],
    ['a 203 without RequestId', 'authorize', 203, { SecurityChallenges: challengeBody.SecurityChallenges }],
    [
      'a challenge without Prompt',
      'authorize',
      203,
      { ...challengeBody, SecurityChallenges: [{ Type: 'QuestionAndAnswer' }] },
    ],
    [
      'a challenge with a numeric Prompt',
      'authorize',
      203,
      { ...challengeBody, SecurityChallenges: [challenge(7 as never)] },
    ],
    [
      '51 challenges',
      'authorize',
      203,
      { ...challengeBody, SecurityChallenges: challenges(LIMITS.challenges + 1) },
    ],
    [
      '51 Iterables',
      'authorize',
      203,
      {
        ...challengeBody,
        SecurityChallenges: [challenge('Pick', { Iterables: challenges(51).map((c) => c.Prompt) })],
      },
    ],
    [
      'a prompt over 1,000 chars',
      'authorize',
      203,
      { ...challengeBody, SecurityChallenges: [challenge('q'.repeat(1001))] },
    ],
    [
      'an Iterable over the cap',
      'authorize',
      203,
      {
        ...challengeBody,
        SecurityChallenges: [challenge('Pick', { Iterables: ['A'.repeat(LIMITS.iterableChars + 1)] })],
      },
    ],
    [
      'two equal prompts',
      'authorize',
      203,
      { ...challengeBody, SecurityChallenges: [challenge('Same?'), challenge('Same?')] },
    ],
    [
      'a 200 Authorize without Login',
      'authorize',
      200,
      { HttpStatusCode: 200, Institution: 'FlinksCapital', RequestId: 'r' },
    ],
    ['a Login.Id that is a number', 'authorize', 200, { ...authorizedBody, Login: { ...login, Id: 12 } }],
    ['a 200 that says 203', 'authorize', 200, { ...authorizedBody, HttpStatusCode: 203 }],
    ['a 202 pending without RequestId on Authorize', 'authorize', 202, { FlinksCode: 'OPERATION_PENDING' }],
    ['accounts without Accounts', 'detail', 200, { HttpStatusCode: 200, RequestId: 'req-1' }],
    [
      'an account without Balance',
      'summary',
      200,
      { ...accountsBody, Accounts: [{ ...account, Balance: undefined }] },
    ],
    [
      'an account with a text balance',
      'detail',
      200,
      { ...accountsBody, Accounts: [{ ...account, Balance: { Current: '10' } }] },
    ],
    [
      '201 accounts',
      'detail',
      200,
      { ...accountsBody, Accounts: Array.from({ length: LIMITS.accounts + 1 }, () => account) },
    ],
  ])('%s is MALFORMED_RESPONSE', async (_name, endpoint, status, body) => {
    answerJson(endpoint, status, body);
    await expect(call(client(), endpoint)).resolves.toMatchObject({
      kind: 'error',
      flinksCode: 'MALFORMED_RESPONSE',
      httpStatus: status,
      cause: 'malformed',
    });
  });

  it('names where a body is wrong, never the value it held', async () => {
    answerJson('authorize', 200, {
      ...authorizedBody,
      Login: { ...login, Id: ['<img src=x onerror=alert(1)>'] },
    });
    const result = await call(client(), 'authorize');
    expect(result.kind === 'error' && result.message).toContain('Login.Id');
    expect(result.kind === 'error' && result.message).not.toContain('img');
  });

  it.each<[number, string, string]>([
    [429, '', 'TOO_MANY_REQUESTS'],
    [429, '{"Message":"slow down"}', 'TOO_MANY_REQUESTS'],
    [502, '<html><body>Bad gateway</body></html>', 'AGGREGATION_ERROR'],
    [503, '', 'AGGREGATION_ERROR'],
    [500, '{"Message":"oops"}', 'AGGREGATION_ERROR'],
  ])('an HTTP %i without a FlinksCode (%j) is %s, status kept', async (status, body, code) => {
    answerRaw('authorize', status, body, body.startsWith('<') ? 'text/html' : 'application/json');
    await expect(call(client(), 'authorize')).resolves.toMatchObject({
      kind: 'error',
      flinksCode: code,
      httpStatus: status,
      cause: 'http',
    });
  });
});

describe('oversized bodies', () => {
  it('refuses a body one byte over the cap', async () => {
    answerRaw('detail', 200, ' '.repeat(LIMITS.bodyBytes + 1));
    await expect(call(client(), 'detail')).resolves.toMatchObject({
      flinksCode: 'MALFORMED_RESPONSE',
      httpStatus: 200,
    });
  });

  it('stops reading an endless stream once past the cap', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    server.use(
      http.post(
        `${BASE}/GetAccountsDetail`,
        () =>
          new HttpResponse(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                sent += chunk.byteLength;
                controller.enqueue(chunk);
              },
            }),
            { status: 200 },
          ),
      ),
    );
    await expect(call(client(), 'detail')).resolves.toMatchObject({
      flinksCode: 'MALFORMED_RESPONSE',
      cause: 'malformed',
    });
    // What was pulled stays near the cap: reading stopped instead of draining the stream.
    expect(sent).toBeLessThan(LIMITS.bodyBytes * 2);
  });
});
