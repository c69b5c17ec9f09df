import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CIRCLE_PNG,
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_MESSAGES,
  SANDBOX_PERSONAS,
  SQUARE_PNG,
  TRIANGLE_PNG,
} from '../../src/sandbox';
import { listen, type Listening } from '../../src/sandbox/node';
import { CLIENT_CODES, KNOWN_FLINKS_CODES } from '../../src/api/codes';

// One sandbox behind a real HTTP server on a free port. Latency 0; the clock and the bank's "sleep" are ours,
// so that expiry and concurrency are reproduced without waiting.
let clock = Date.parse('2026-03-02T15:00:00Z');
let random = 0;
let hold: Promise<void> | null = null;
let reachedBank: () => void = () => {};
const sandbox = createSandbox({
  now: () => clock,
  random: () => random,
  latencyMs: 0,
  sleep: () => {
    reachedBank();
    return hold ?? Promise.resolve();
  },
  allowedOrigins: ['http://partner.test'],
});
let server: Listening;
let base: string;

beforeAll(async () => {
  server = await listen({ fetch: sandbox.fetch, port: 0 });
  base = `${server.url}/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices`;
});
afterAll(() => server.close());
beforeEach(() => {
  sandbox.reset();
  clock = Date.parse('2026-03-02T15:00:00Z');
  random = 0;
  hold = null;
});

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${base}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const authorize = (body: unknown, headers?: Record<string, string>) =>
  call('POST', 'Authorize', body, headers);
const login = (Username: string, Password = 'Everyday') =>
  authorize({
    Institution: 'FlinksCapital',
    Username,
    Password,
    Language: 'en',
    Save: true,
    MostRecentCached: false,
  });
const answer = (RequestId: unknown, SecurityResponses: Record<string, string[]>) =>
  authorize({ RequestId, SecurityResponses });
const detail = (RequestId: unknown) =>
  call('POST', 'GetAccountsDetail', { RequestId, WithTransactions: true });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const [CITY, COUNTRY, SHAPE] = FLINKS_CAPITAL_QUESTIONS;

function expectError(result: Answer, status: number, code: string, message?: string) {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({
    HttpStatusCode: status,
    FlinksCode: code,
    Message: message ?? expect.any(String),
    RequestId: expect.stringMatching(GUID),
  });
}

function expectAuthorized(result: Answer) {
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({
    HttpStatusCode: 200,
    Login: {
      Id: expect.stringMatching(GUID),
      Username: expect.any(String),
      IsScheduledRefresh: false,
      LastRefresh: expect.any(String),
      Type: 'Personal',
    },
    Institution: 'FlinksCapital',
    RequestId: expect.stringMatching(GUID),
  });
}

interface Challenge {
  Type: string;
  Prompt: string;
  Iterables?: string[];
}

function challengesOf(result: Answer): Challenge[] {
  expect(result.status).toBe(203);
  expect(result.body).toMatchObject({ HttpStatusCode: 203, RequestId: expect.stringMatching(GUID) });
  return result.body.SecurityChallenges as Challenge[];
}

/** Starts a live login and returns its RequestId once authorized. */
async function authorizedRequestId(username = 'greatday_nomfa'): Promise<string> {
  const result = await login(username);
  expectAuthorized(result);
  return result.body.RequestId as string;
}

describe('every row of the seed table, by its Steps to Reproduce', () => {
  it('200: complete a successful request', async () => {
    expectAuthorized(await login('greatday_nomfa'));
  });

  const rows: Array<{
    status: number;
    code: string;
    steps: string;
    message: string;
    reproduce: () => Promise<Answer>;
  }> = [
    {
      status: 202,
      code: 'OPERATION_PENDING',
      steps: 'perform a cached flow immediately after authorizing a new account',
      message: 'Your operation is still processing.',
      reproduce: async () => {
        const live = await login('greatday_nomfa');
        return authorize({ LoginId: (live.body.Login as Json).Id, MostRecentCached: true });
      },
    },
    {
      status: 202,
      code: 'OPERATION_DISPATCHED',
      steps: 'a live request to gather GetAccountsDetail that runs past 210 seconds (test_dispatched)',
      message: 'Your operations had been dispatched to background process for long running jobs',
      reproduce: async () => detail(await authorizedRequestId('test_dispatched')),
    },
    {
      status: 400,
      code: 'INVALID_LOGIN',
      steps: 'call Authorize using a non existent LoginId',
      message: 'The LoginId provided is either invalid or does not belong to the CustomerId',
      reproduce: () => authorize({ LoginId: '5e0f0c55-1111-4c0a-9a3b-0123456789ab', MostRecentCached: true }),
    },
    {
      status: 400,
      code: 'INVALID_LOGIN',
      steps: 'call Authorize using non valid credentials (test_invalid_login)',
      message: 'The card number (username) or password provided is invalid',
      reproduce: () => login('test_invalid_login'),
    },
    {
      status: 400,
      code: 'INVALID_REQUEST',
      steps: 'make a typo in the input, e.g. remove a comma',
      message: 'The request body is not valid JSON',
      reproduce: () => authorize('{ "Institution": "FlinksCapital" "Username": "Greatday" }'),
    },
    {
      status: 400,
      code: 'SESSION_NONEXISTENT',
      steps: 'use a RequestId that was never issued for a new request',
      message: 'Inputs session id or card if were not found.',
      reproduce: () => answer('0b9a3c2e-1d4f-4e5a-8b6c-7d8e9f0a1b2c', { [CITY.prompt]: ['Montreal'] }),
    },
    {
      status: 400,
      code: 'CARD_IN_USE',
      steps: 'call DeleteCard immediately after authorizing a new account',
      message: 'An operation was requested while the account is still being processed.',
      reproduce: async () => {
        const live = await login('greatday_nomfa');
        return call('DELETE', `DeleteCard/${(live.body.Login as Json).Id as string}`);
      },
    },
    {
      status: 401,
      code: 'INVALID_USERNAME',
      steps: 'provide an invalid username',
      message: 'The username provided was different from what the bank expected',
      reproduce: () => login('nobody_at_all'),
    },
    {
      status: 401,
      code: 'INVALID_PASSWORD',
      steps: 'provide an invalid password',
      message: 'The password provided was different from what the bank expected',
      reproduce: () => login('Greatday', 'Everynight'),
    },
    {
      status: 401,
      code: 'INVALID_SECURITY_RESPONSE',
      steps: 'provide an invalid MFA answer',
      message: 'The MFA response provided was different from what the bank expected',
      reproduce: async () => {
        const first = await login('Greatday');
        return answer(first.body.RequestId, { [CITY.prompt]: ['Toronto'] });
      },
    },
    {
      status: 401,
      code: 'QUESTION_NOT_FOUND',
      steps: 'a prompt without a stored answer (test_question_not_found)',
      message: "The MFA prompt doesn't have a stored answer",
      reproduce: () => login('test_question_not_found'),
    },
    {
      status: 401,
      code: 'RETRY_LATER',
      steps: 'Flinks Capital username test_service_unavailable, password Everyday',
      message: 'Flinks was not able to open a connection with the selected financial institution',
      reproduce: () => login('test_service_unavailable'),
    },
    {
      status: 401,
      code: 'UNKNOWN_CHALLENGE_KEY',
      steps: 'change the MFA prompt in the response',
      message: 'One or more of the Security Challenge Prompts required are missing in the provided response',
      reproduce: async () => {
        const first = await login('Greatday');
        return answer(first.body.RequestId, { [COUNTRY.prompt]: ['Canada'] });
      },
    },
    {
      status: 401,
      code: 'CONCURRENT_SESSION',
      steps: 'open two requests simultaneously with the same account',
      message: 'Another session is already opened with this LoginId',
      reproduce: async () => {
        let release: () => void = () => {};
        hold = new Promise((resolve) => (release = resolve));
        const atTheBank = new Promise<void>((resolve) => (reachedBank = resolve));
        const first = login('greatday_nomfa');
        await atTheBank;
        const second = await login('greatday_nomfa');
        release();
        expectAuthorized(await first);
        return second;
      },
    },
    {
      status: 401,
      code: 'UNAUTHORIZED',
      steps: 'call GetAccountsDetail during an MFA prompt without answering it',
      message: 'You need to be authorized in the bank account before going further.',
      reproduce: async () => detail((await login('Greatday')).body.RequestId),
    },
    {
      status: 401,
      code: 'DISABLED_LOGIN',
      steps: 'log into a deactivated account (test_disabled_account)',
      message:
        'The account has been deactivated by the financial institution. The account holder must contact their bank',
      reproduce: () => login('test_disabled_account'),
    },
    {
      status: 401,
      code: 'NEW_ACCOUNT',
      steps: "log into an account that must act on the bank's website first (test_new_account)",
      message:
        'The end user must take action directly on their online banking before connecting and account with Flinks',
      reproduce: () => login('test_new_account'),
    },
    {
      status: 401,
      code: 'SESSION_EXPIRED',
      steps: 'wait at least 8 minutes before responding to MFA',
      message:
        'The RequestId expired after 8 mins of inactivity during Authorize or 30 mins timeout for data processing',
      reproduce: async () => {
        const first = await login('Greatday');
        clock += 8 * 60_000 + 1;
        return answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
      },
    },
    {
      status: 401,
      code: 'ALREADY_AUTHORIZED',
      steps: 'answer an MFA for an already authorized RequestId',
      message: 'When the /Authorize endpoint is called after the user has already been authorized',
      reproduce: async () => {
        const first = await login('Greatday');
        expectAuthorized(await answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] }));
        return answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
      },
    },
    {
      status: 401,
      code: 'SECURITYRESPONSES_INCOMPLETE',
      steps: 'leave one of the three questions of a triple MFA unanswered (test_mfa_triple)',
      message: 'Not all the prompted MFA questions had answers in the reponse request',
      reproduce: async () => {
        const first = await login('test_mfa_triple');
        return answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'], [COUNTRY.prompt]: ['Canada'] });
      },
    },
  ];

  it.each(rows)('$status $code: $steps', async ({ status, code, message, reproduce }) => {
    expectError(await reproduce(), status, code, message);
  });
});

describe('the personas of CONTRACT §6', () => {
  it.each([
    { random: 0, question: CITY },
    { random: 0.5, question: COUNTRY },
    { random: 0.99, question: SHAPE },
  ])(
    'Greatday: 203 with "$question.prompt", then 200 on its answer',
    async ({ random: pinned, question }) => {
      random = pinned;
      const first = await login('Greatday');
      expect(challengesOf(first)).toEqual([{ Type: 'QuestionAndAnswer', Prompt: question.prompt }]);
      const done = await answer(first.body.RequestId, {
        [question.prompt]: [`  ${question.answer.toUpperCase()} `],
      });
      expectAuthorized(done);
      expect(done.body.RequestId).toBe(first.body.RequestId);
    },
  );

  it('Greatday: a wrong answer keeps the RequestId open for the right one', async () => {
    const first = await login('Greatday');
    expectError(
      await answer(first.body.RequestId, { [CITY.prompt]: ['Laval'] }),
      401,
      'INVALID_SECURITY_RESPONSE',
    );
    expectAuthorized(await answer(first.body.RequestId, { [CITY.prompt]: ['montreal'] }));
  });

  it('greatday_nomfa: 200 at once, keeping its LoginId for the life of the process', async () => {
    const first = await login('greatday_nomfa');
    const second = await login('greatday_nomfa');
    expectAuthorized(first);
    expect((second.body.Login as Json).Id).toBe((first.body.Login as Json).Id);
    expect(second.body.RequestId).not.toBe(first.body.RequestId);
  });

  it('test_mfa_triple: the three questions at once, all answered together', async () => {
    const first = await login('test_mfa_triple');
    expect(challengesOf(first).map((challenge) => challenge.Prompt)).toEqual([
      CITY.prompt,
      COUNTRY.prompt,
      SHAPE.prompt,
    ]);
    const missingOne = { [CITY.prompt]: ['Montreal'], [COUNTRY.prompt]: ['Canada'], [SHAPE.prompt]: ['  '] };
    expectError(await answer(first.body.RequestId, missingOne), 401, 'SECURITYRESPONSES_INCOMPLETE');
    const all = { [CITY.prompt]: ['Montreal'], [COUNTRY.prompt]: ['Canada'], [SHAPE.prompt]: ['Triangle'] };
    expectAuthorized(await answer(first.body.RequestId, all));
  });

  it('test_mfa_rounds: a second 203 with a different question, then 200', async () => {
    const first = await login('test_mfa_rounds');
    const [round1] = challengesOf(first);
    const second = await answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
    const [round2] = challengesOf(second);
    expect(round1?.Prompt).toBe(CITY.prompt);
    expect(round2?.Prompt).toBe(COUNTRY.prompt);
    expect(second.body.RequestId).toBe(first.body.RequestId);
    expectAuthorized(await answer(first.body.RequestId, { [COUNTRY.prompt]: ['Canada'] }));
  });

  it('test_mfa_choice: MultipleChoice with exactly one right choice, Rue Sherbrooke', async () => {
    const first = await login('test_mfa_choice');
    const [challenge] = challengesOf(first);
    expect(challenge).toMatchObject({
      Type: 'MultipleChoice',
      Prompt: 'Which of these streets have you lived on?',
    });
    expect(challenge?.Iterables).toContain('Rue Sherbrooke');
    const prompt = challenge?.Prompt ?? '';
    for (const wrong of (challenge?.Iterables ?? []).filter((choice) => choice !== 'Rue Sherbrooke')) {
      expectError(
        await answer(first.body.RequestId, { [prompt]: [wrong] }),
        401,
        'INVALID_SECURITY_RESPONSE',
      );
    }
    expectAuthorized(await answer(first.body.RequestId, { [prompt]: ['Rue Sherbrooke'] }));
  });

  it.each(['Text', 'Call'])(
    'test_mfa_text_or_call: the chosen phone answered ["%s"], then a code question, then 200',
    async (method) => {
      const first = await login('test_mfa_text_or_call');
      const [choice] = challengesOf(first);
      expect(choice?.Type).toBe('TextOrCall');
      expect(choice?.Iterables).toHaveLength(2);
      const phone = choice?.Iterables?.[1] ?? '';
      // Keyed by the Prompt, as for other types, it is not what the bank asked.
      expectError(
        await answer(first.body.RequestId, { [choice?.Prompt ?? '']: [method] }),
        401,
        'UNKNOWN_CHALLENGE_KEY',
      );
      const codeRound = await answer(first.body.RequestId, { [phone]: [method] });
      const [code] = challengesOf(codeRound);
      expect(code?.Type).toBe('QuestionAndAnswer');
      expect(code?.Prompt).toMatch(/code/i);
      expect(code?.Prompt).toContain(phone);
      expectError(
        await answer(first.body.RequestId, { [code?.Prompt ?? '']: ['654321'] }),
        401,
        'INVALID_SECURITY_RESPONSE',
      );
      expectAuthorized(await answer(first.body.RequestId, { [code?.Prompt ?? '']: ['123456'] }));
    },
  );

  it('test_mfa_image: a circle, a triangle and a square as raw base64 PNG; the triangle is the answer', async () => {
    const first = await login('test_mfa_image');
    const [challenge] = challengesOf(first);
    expect(challenge?.Type).toBe('ImageSelection');
    expect(challenge?.Prompt).toMatch(/triangle/i);
    expect(challenge?.Iterables).toEqual([CIRCLE_PNG, TRIANGLE_PNG, SQUARE_PNG]);
    for (const image of challenge?.Iterables ?? []) {
      expect(image).not.toMatch(/^data:/);
      expect([...Buffer.from(image, 'base64').subarray(0, 8)]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
    }
    const prompt = challenge?.Prompt ?? '';
    expectError(
      await answer(first.body.RequestId, { [prompt]: [CIRCLE_PNG] }),
      401,
      'INVALID_SECURITY_RESPONSE',
    );
    expectAuthorized(await answer(first.body.RequestId, { [prompt]: [TRIANGLE_PNG] }));
  });

  it.each([
    { username: 'test_disabled_account', status: 401, code: 'DISABLED_LOGIN' },
    { username: 'test_service_unavailable', status: 401, code: 'RETRY_LATER' },
    { username: 'test_new_account', status: 401, code: 'NEW_ACCOUNT' },
    { username: 'test_unauthorized', status: 401, code: 'UNAUTHORIZED' },
    { username: 'test_invalid_login', status: 400, code: 'INVALID_LOGIN' },
    { username: 'test_question_not_found', status: 401, code: 'QUESTION_NOT_FOUND' },
    { username: 'test_concurrent_session', status: 401, code: 'CONCURRENT_SESSION' },
    { username: 'test_card_in_use', status: 400, code: 'CARD_IN_USE' },
    { username: 'test_aggregation_error', status: 500, code: 'AGGREGATION_ERROR' },
    { username: 'test_disabled_institution', status: 405, code: 'DISABLED_INSTITUTION' },
    { username: 'test_too_many_requests', status: 429, code: 'TOO_MANY_REQUESTS' },
    { username: 'test_unknown_code', status: 400, code: 'SOMETHING_NEW' },
    { username: 'someone_else', status: 401, code: 'INVALID_USERNAME' },
  ])('$username: $status $code', async ({ username, status, code }) => {
    expectError(await login(username), status, code);
  });

  it.each(['Greatday', 'greatday_nomfa', 'test_pending', 'test_disabled_account'])(
    '%s with another password: 401 INVALID_PASSWORD',
    async (username) => {
      expectError(await login(username, 'everyday'), 401, 'INVALID_PASSWORD');
    },
  );

  it('test_pending: 200, then the data calls answer 202 OPERATION_PENDING until the window has passed', async () => {
    const requestId = await authorizedRequestId('test_pending');
    expectPending(await detail(requestId), 'OPERATION_PENDING');
    expectPending(await call('GET', `GetAccountsDetailAsync/${requestId}`), 'OPERATION_PENDING');
    clock += 3000;
    expect((await detail(requestId)).status).toBe(200);
    expect((await call('GET', `GetAccountsDetailAsync/${requestId}`)).status).toBe(200);
  });

  it('test_dispatched: the sync call answers 202 OPERATION_DISPATCHED every time; the Async one 200 after the window', async () => {
    const requestId = await authorizedRequestId('test_dispatched');
    expectPending(await call('GET', `GetAccountsDetailAsync/${requestId}`), 'OPERATION_DISPATCHED');
    clock += 3000;
    expectPending(await detail(requestId), 'OPERATION_DISPATCHED');
    expectPending(await call('POST', 'GetAccountsSummary', { RequestId: requestId }), 'OPERATION_DISPATCHED');
    expect((await call('GET', `GetAccountsDetailAsync/${requestId}`)).status).toBe(200);
    expect((await call('GET', `GetAccountsSummaryAsync/${requestId}`)).status).toBe(200);
  });

  function expectPending(result: Answer, code: string) {
    expect(result.status).toBe(202);
    expect(result.body).toEqual({
      HttpStatusCode: 202,
      FlinksCode: code,
      Message: SANDBOX_MESSAGES[code as 'OPERATION_PENDING'],
      RequestId: expect.stringMatching(GUID),
    });
  }
});

describe('the personas beyond the contract, one per remaining code', () => {
  it('test_mfa_multiple: MultipleChoiceMultipleAnswers wants exactly the right set, in any order', async () => {
    const first = await login('test_mfa_multiple');
    const [challenge] = challengesOf(first);
    expect(challenge).toMatchObject({
      Type: 'MultipleChoiceMultipleAnswers',
      Prompt: 'Which of these have you owned?',
    });
    const prompt = challenge?.Prompt ?? '';
    expectError(
      await answer(first.body.RequestId, { [prompt]: ['A bicycle'] }),
      401,
      'INVALID_SECURITY_RESPONSE',
    );
    expectError(
      await answer(first.body.RequestId, { [prompt]: ['A bicycle', 'A canoe', 'A sailboat'] }),
      401,
      'INVALID_SECURITY_RESPONSE',
    );
    expectAuthorized(await answer(first.body.RequestId, { [prompt]: ['a canoe', 'A bicycle'] }));
  });

  it('test_mfa_no_retry: a wrong answer is final', async () => {
    const first = await login('test_mfa_no_retry');
    const [challenge] = challengesOf(first);
    const prompt = challenge?.Prompt ?? '';
    expectError(
      await answer(first.body.RequestId, { [prompt]: ['Laval'] }),
      401,
      'INVALID_SECURITY_RESPONSE_NO_RETRY',
    );
    expectError(await answer(first.body.RequestId, { [prompt]: ['Montreal'] }), 400, 'SESSION_NONEXISTENT');
  });

  it('test_mfa_unknown_type: a challenge Type no widget knows, passed by any answer', async () => {
    const first = await login('test_mfa_unknown_type');
    const [challenge] = challengesOf(first);
    expect(challenge?.Type).toBe('FingerprintScan');
    expectAuthorized(await answer(first.body.RequestId, { [challenge?.Prompt ?? '']: ['done'] }));
  });

  it.each([
    { username: 'test_no_transaction', status: 400, code: 'NO_TRANSACTION' },
    { username: 'test_method_not_available', status: 401, code: 'METHOD_NOT_AVAILABLE' },
  ])('$username: 200, then every data call answers $status $code', async ({ username, status, code }) => {
    const requestId = await authorizedRequestId(username);
    expectError(await detail(requestId), status, code);
    expectError(await call('POST', 'GetAccountsSummary', { RequestId: requestId }), status, code);
    expectError(await call('GET', `GetAccountsDetailAsync/${requestId}`), status, code);
  });

  it('together with the sequences, they reproduce every code the API can send', () => {
    const bySequence = [
      'INVALID_REQUEST',
      'SESSION_NONEXISTENT',
      'SESSION_EXPIRED',
      'INVALID_USERNAME',
      'INVALID_PASSWORD',
      'UNKNOWN_CHALLENGE_KEY',
      'ALREADY_AUTHORIZED',
      'ACCESS_DENIED',
      'OPERATION_PENDING',
      'UNAUTHORIZED',
      'CARD_IN_USE',
    ];
    const reproduced = new Set([...SANDBOX_PERSONAS.flatMap((persona) => persona.codes), ...bySequence]);
    const fromTheApi = KNOWN_FLINKS_CODES.filter(
      (code) => !(CLIENT_CODES as readonly string[]).includes(code),
    );
    expect(fromTheApi.filter((code) => !reproduced.has(code))).toEqual([]);
  });
});

describe('sequences of CONTRACT §6', () => {
  it.each([
    { case: 'a body that is not an object', body: '[1, 2]' },
    { case: 'a missing password', body: { Institution: 'FlinksCapital', Username: 'Greatday' } },
    {
      case: 'an empty username',
      body: { Institution: 'FlinksCapital', Username: ' ', Password: 'Everyday' },
    },
    {
      case: 'a username of the wrong type',
      body: { Institution: 'FlinksCapital', Username: 42, Password: 'Everyday' },
    },
    {
      case: 'answers that are not arrays',
      body: { RequestId: 'x', SecurityResponses: { [CITY.prompt]: 'Montreal' } },
    },
    { case: 'answers without a RequestId', body: { SecurityResponses: { [CITY.prompt]: ['Montreal'] } } },
    {
      case: 'an institution the sandbox does not list',
      body: { Institution: 'Nowhere', Username: 'Greatday', Password: 'Everyday' },
    },
  ])('$case: 400 INVALID_REQUEST naming the problem', async ({ body }) => {
    const result = await authorize(body);
    expectError(result, 400, 'INVALID_REQUEST');
    expect(result.body.Message).not.toBe('');
  });

  // The bounds are the wire contract's (src/api/wire.ts), the ones the connect server holds every call to.
  it.each([
    {
      case: 'a password longer than 1024 characters',
      body: { Institution: 'FlinksCapital', Username: 'Greatday', Password: `Everyday${'x'.repeat(1100)}` },
      value: 'Everyday',
    },
    {
      case: 'a LoginId that is no id',
      body: { LoginId: '../DeleteCard/x', MostRecentCached: true },
      value: '..',
    },
    {
      case: 'more than 50 answers',
      body: { RequestId: 'x', SecurityResponses: fiftyOneAnswers() },
      value: 'Q50',
    },
  ])('$case: 400 INVALID_REQUEST naming the field, not repeating the value', async ({ body, value }) => {
    const result = await authorize(body);
    expectError(result, 400, 'INVALID_REQUEST');
    expect(result.body.Message).toMatch(/The field \w+ is too long or not in the expected form/);
    expect(result.body.Message).not.toContain(value);
  });

  it('a RequestId alone resumes at the current 203; once authorized it is ALREADY_AUTHORIZED', async () => {
    const first = await login('test_mfa_rounds');
    await answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
    const resumed = await authorize({ RequestId: first.body.RequestId });
    expect(challengesOf(resumed)).toEqual([{ Type: 'QuestionAndAnswer', Prompt: COUNTRY.prompt }]);
    expectAuthorized(await answer(first.body.RequestId, { [COUNTRY.prompt]: ['Canada'] }));
    expectError(await authorize({ RequestId: first.body.RequestId }), 401, 'ALREADY_AUTHORIZED');
  });

  it('a live Authorize by LoginId (MostRecentCached false) goes through MFA again, keeping the LoginId', async () => {
    const first = await login('Greatday');
    const done = await answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
    const loginId = (done.body.Login as Json).Id;
    const refresh = await authorize({ LoginId: loginId, MostRecentCached: false });
    expect(challengesOf(refresh)).toEqual([{ Type: 'QuestionAndAnswer', Prompt: CITY.prompt }]);
    const again = await answer(refresh.body.RequestId, { [CITY.prompt]: ['Montreal'] });
    expect((again.body.Login as Json).Id).toBe(loginId);
  });

  it('every listed institution behaves like Flinks Capital, each with its own logins', async () => {
    const body = { Username: 'greatday_nomfa', Password: 'Everyday' };
    const atRbc = await authorize({ ...body, Institution: 'RBC' });
    const atFlinks = await authorize({ ...body, Institution: 'FlinksCapital' });
    expect(atRbc.body).toMatchObject({ HttpStatusCode: 200, Institution: 'RBC' });
    expect((atRbc.body.Login as Json).Id).not.toBe((atFlinks.body.Login as Json).Id);
  });

  it('a cached Authorize after the pending window answers 200 with a new RequestId', async () => {
    const live = await login('greatday_nomfa');
    clock += 3000;
    const cached = await authorize({ LoginId: (live.body.Login as Json).Id, MostRecentCached: true });
    expectAuthorized(cached);
    expect(cached.body.RequestId).not.toBe(live.body.RequestId);
    expect((await detail(cached.body.RequestId)).status).toBe(200);
  });

  it('DeleteCard after the window: 200 { HttpStatusCode, Message }, and the next login gets a new LoginId', async () => {
    const live = await login('greatday_nomfa');
    const loginId = (live.body.Login as Json).Id as string;
    clock += 3000;
    const deleted = await call('DELETE', `DeleteCard/${loginId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ HttpStatusCode: 200, Message: expect.stringContaining(loginId) });
    expectError(await authorize({ LoginId: loginId, MostRecentCached: true }), 400, 'INVALID_LOGIN');
    const again = await login('greatday_nomfa');
    expect((again.body.Login as Json).Id).not.toBe(loginId);
  });

  it('a body over 1 MB: 413 INVALID_REQUEST', async () => {
    const result = await authorize({
      Institution: 'FlinksCapital',
      Username: 'x'.repeat(1024 * 1024),
      Password: 'p',
    });
    expectError(result, 413, 'INVALID_REQUEST');
  });

  it.each([
    ['GET', 'Authorize'],
    ['POST', 'GetAccounts'],
    ['GET', 'DeleteCard'],
  ])('an unknown endpoint (%s %s): 404 with a JSON error body', async (method, path) => {
    expectError(await call(method, path), 404, 'INVALID_REQUEST');
  });

  it('an authorize token from GenerateAuthorizeToken works once on /Authorize', async () => {
    const minted = await call('POST', 'GenerateAuthorizeToken', undefined, {
      'flinks-auth-key': 'any-secret',
    });
    expect(minted.body).toEqual({ HttpStatusCode: 200, Token: expect.stringMatching(GUID) });
    const token = minted.body.Token as string;
    const body = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };
    expectAuthorized(await authorize(body, { 'flinks-auth-key': token }));
    expectError(
      await authorize(body, { 'flinks-auth-key': token }),
      401,
      'ACCESS_DENIED',
      'You must provide a valid authorize token',
    );
    expectError(await authorize(body, { 'flinks-auth-key': 'made-up' }), 401, 'ACCESS_DENIED');
    expectError(await call('POST', 'GenerateAuthorizeToken'), 401, 'ACCESS_DENIED');
  });

  it('GET Institutions lists Flinks Capital, Flinks-shaped', async () => {
    const result = await call('GET', 'Institutions?skip=0&take=1000&countries=CA');
    expect(result.status).toBe(200);
    expect(result.body.Count).toBeGreaterThan(1);
    expect(result.body.Institutions).toContainEqual({
      Id: expect.any(Number),
      Institution: 'FlinksCapital',
      Name: { En: 'Flinks Capital', Fr: 'Flinks Capital' },
      Url: { En: null, Fr: null },
      Country: 'CA',
      // Ours, beside Flinks' fields: the sandbox bank's logo, drawn inline so the widget's CSP loads it (issue 25).
      LogoUrl: expect.stringMatching(/^data:image\/svg\+xml/),
    });
  });

  it('CORS answers the allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/Authorize`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await preflight('http://partner.test')).headers.get('access-control-allow-origin')).toBe(
      'http://partner.test',
    );
    expect((await preflight('http://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('account data', () => {
  it('is Flinks-shaped and believable: 2-4 CAD accounts, transit and institution numbers, holder, ~90 days', async () => {
    const requestId = await authorizedRequestId();
    const result = await call('POST', 'GetAccountsDetail', {
      RequestId: requestId,
      DaysOfTransactions: 'Days90',
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      HttpStatusCode: 200,
      RequestId: requestId,
      Institution: 'FlinksCapital',
    });
    const accounts = result.body.Accounts as Array<Json & { Transactions: Array<Json & { Date: string }> }>;
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    expect(accounts.length).toBeLessThanOrEqual(4);
    for (const account of accounts) {
      expect(account).toMatchObject({
        Id: expect.stringMatching(GUID),
        Title: expect.any(String),
        AccountNumber: expect.any(String),
        TransitNumber: expect.stringMatching(/^\d{5}$/),
        InstitutionNumber: expect.stringMatching(/^\d{3}$/),
        Currency: 'CAD',
        Balance: { Available: expect.any(Number), Current: expect.any(Number) },
        Holder: {
          Name: expect.any(String),
          Email: expect.stringContaining('@'),
          PhoneNumber: expect.any(String),
        },
      });
      const oldest = Date.parse(account.Transactions.at(-1)?.Date.replaceAll('/', '-') ?? '');
      expect(clock - oldest).toBeLessThanOrEqual(91 * 86_400_000);
    }
    const [chequing] = accounts;
    const newest = chequing?.Transactions[0];
    expect(chequing?.Transactions.length).toBeGreaterThan(30);
    expect(newest).toMatchObject({
      Id: expect.stringMatching(GUID),
      Date: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}$/),
      Code: null,
      Description: expect.any(String),
    });
    // The running balance ends on the account's current balance, and each line has a debit or a credit.
    expect(newest?.Balance).toBe((chequing?.Balance as Json).Current);
    for (const line of chequing?.Transactions ?? [])
      expect([line.Debit, line.Credit].filter((x) => x !== null)).toHaveLength(1);
  });

  it('is the same for a login on every call (seeded), and Days365 reaches back a year', async () => {
    const first = await authorizedRequestId();
    clock += 3000;
    const second = await authorizedRequestId();
    const a = await detail(first);
    const b = await detail(second);
    expect(b.body.Accounts).toEqual(a.body.Accounts);
    const year = await call('POST', 'GetAccountsDetail', {
      RequestId: second,
      DaysOfTransactions: 'Days365',
    });
    const chequing = (year.body.Accounts as Array<{ Transactions: unknown[] }>)[0];
    expect(chequing?.Transactions.length).toBeGreaterThan(
      ((a.body.Accounts as Array<{ Transactions: unknown[] }>)[0]?.Transactions.length ?? 0) * 3,
    );
  });

  it('the summary has balances and no transactions', async () => {
    const requestId = await authorizedRequestId();
    const result = await call('POST', 'GetAccountsSummary', { RequestId: requestId });
    expect(result.status).toBe(200);
    for (const account of result.body.Accounts as Json[]) {
      expect(account).not.toHaveProperty('Transactions');
      expect(account.Balance).toMatchObject({ Current: expect.any(Number) });
    }
  });
});

describe('the request log', () => {
  it('records method, path, username and RequestId, never a password, an answer or a token', async () => {
    const minted = await call('POST', 'GenerateAuthorizeToken', undefined, {
      'flinks-auth-key': 'secret-key-123',
    });
    const token = minted.body.Token as string;
    const first = await authorize(
      { Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday' },
      { 'flinks-auth-key': token },
    );
    await answer(first.body.RequestId, { [CITY.prompt]: ['Montreal'] });
    expect(sandbox.log.at(-1)).toEqual({
      method: 'POST',
      path: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize',
      at: clock,
      username: 'Greatday',
      requestId: first.body.RequestId,
    });
    const written = JSON.stringify(sandbox.log);
    for (const secret of ['Everyday', 'Montreal', token, 'secret-key-123'])
      expect(written).not.toContain(secret);
  });
});

describe('statements (detailsAndStatementEnable, issue 13)', () => {
  it('GetStatements answers one statement per month asked for, per account, for an authorized RequestId', async () => {
    const requestId = await authorizedRequestId();
    const detail = await call('POST', 'GetAccountsDetail', { RequestId: requestId });
    expect(detail.status).toBe(200);
    const accounts = detail.body.Accounts as Json[];
    for (const [asked, count] of [
      ['MostRecent', 1],
      ['Months12', 12],
    ] as const) {
      const result = await call('POST', 'GetStatements', { RequestId: requestId, NumberOfStatements: asked });
      expect(result.status).toBe(200);
      const byAccount = result.body.StatementsByAccount as Array<{ Statements: Json[] }>;
      expect(byAccount).toHaveLength(accounts.length);
      for (const entry of byAccount) {
        expect(entry.Statements).toHaveLength(count);
        expect(entry.Statements[0]).toMatchObject({ FileType: 'PDF', Base64Bytes: expect.any(String) });
      }
    }
  });

  it('refuses an unknown NumberOfStatements and an unknown RequestId', async () => {
    const requestId = await authorizedRequestId();
    const bad = await call('POST', 'GetStatements', { RequestId: requestId, NumberOfStatements: 'Months6' });
    expect(bad.body).toMatchObject({ FlinksCode: 'INVALID_REQUEST' });
    const unknown = await call('POST', 'GetStatements', {
      RequestId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.body).toMatchObject({ FlinksCode: 'SESSION_NONEXISTENT' });
  });

  it('takes ScheduleRefresh on Authorize', async () => {
    const result = await call('POST', 'Authorize', {
      Institution: 'FlinksCapital',
      Username: 'greatday_nomfa',
      Password: 'Everyday',
      ScheduleRefresh: true,
    });
    expect(result.status).toBe(200);
  });
});

function fiftyOneAnswers(): Record<string, string[]> {
  return Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`Q${index}`, ['a']]));
}
