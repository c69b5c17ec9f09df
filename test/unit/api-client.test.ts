import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient } from '../../src/api';
import type { AuthorizeResult, FlinksClient } from '../../src/api';
import {
  CIRCLE_PNG,
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_CUSTOMER_ID,
  SANDBOX_ONE_TIME_CODE,
  SANDBOX_PASSWORD,
  SQUARE_PNG,
  TRIANGLE_PNG,
} from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

const BASE = `https://sandbox.test/v3/${SANDBOX_CUSTOMER_ID}/BankingServices`;
const PENDING_MS = 3000;

let clock = Date.UTC(2025, 0, 15, 12);
const sandbox = createSandbox({ latencyMs: 0, pendingMs: PENDING_MS, now: () => clock, random: () => 0 });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sandbox.reset());
afterAll(() => server.close());

const client = (authorizeToken?: string) => createFlinksClient({ baseUrl: BASE, authorizeToken });
const login = (flinks: FlinksClient, username: string, password = SANDBOX_PASSWORD) =>
  flinks.authorize({ institution: 'FlinksCapital', username, password });
const passPendingWindow = () => {
  clock += PENDING_MS + 1;
};

function expectKind<K extends AuthorizeResult['kind']>(
  result: AuthorizeResult,
  kind: K,
): Extract<AuthorizeResult, { kind: K }> {
  expect(result).toMatchObject({ kind });
  return result as Extract<AuthorizeResult, { kind: K }>;
}

describe('against the sandbox', () => {
  it('greatday_nomfa is authorized at once, then its accounts come back', async () => {
    const flinks = client();
    const authorized = expectKind(await login(flinks, 'greatday_nomfa'), 'authorized');
    expect(authorized).toMatchObject({ institution: 'FlinksCapital', loginId: expect.any(String) });

    const detail = await flinks.getAccountsDetail({
      requestId: authorized.requestId,
      withTransactions: true,
    });
    expect(detail).toMatchObject({
      kind: 'accounts',
      requestId: authorized.requestId,
      loginId: authorized.loginId,
    });
    expect(detail.kind === 'accounts' && detail.accounts.length).toBeGreaterThan(0);

    const summary = await flinks.getAccountsSummary(authorized.requestId);
    expect(summary).toMatchObject({ kind: 'accounts', requestId: authorized.requestId });
  });

  it('Greatday is challenged with one question, a wrong answer keeps the RequestId, the right one authorizes', async () => {
    const flinks = client();
    const challenged = expectKind(await login(flinks, 'Greatday'), 'challenged');
    const [question] = challenged.challenges;
    const known = FLINKS_CAPITAL_QUESTIONS.find((candidate) => candidate.prompt === question?.Prompt);
    expect(challenged.challenges).toEqual([{ Type: 'QuestionAndAnswer', Prompt: known?.prompt }]);
    // The sandbox declares the language of its questions, so a French screen can mark them lang="en".
    expect(challenged.language).toBe('en');

    const prompt = known?.prompt ?? '';
    const wrong = await flinks.answerMfa({
      requestId: challenged.requestId,
      securityResponses: { [prompt]: ['Paris'] },
    });
    expect(wrong).toMatchObject({
      kind: 'error',
      flinksCode: 'INVALID_SECURITY_RESPONSE',
      httpStatus: 401,
      requestId: challenged.requestId,
      cause: 'http',
    });

    const right = await flinks.answerMfa({
      requestId: challenged.requestId,
      securityResponses: { [prompt]: [known?.answer.toLowerCase() ?? ''] },
    });
    expect(right).toMatchObject({ kind: 'authorized', requestId: challenged.requestId });
  });

  it('test_mfa_image sends three raw base64 images and takes the triangle', async () => {
    const flinks = client();
    const challenged = expectKind(await login(flinks, 'test_mfa_image'), 'challenged');
    const [image] = challenged.challenges;
    expect(image).toMatchObject({
      Type: 'ImageSelection',
      Iterables: [CIRCLE_PNG, TRIANGLE_PNG, SQUARE_PNG],
    });

    const answered = await flinks.answerMfa({
      requestId: challenged.requestId,
      securityResponses: { [image?.Prompt ?? '']: [TRIANGLE_PNG] },
    });
    expect(answered).toMatchObject({ kind: 'authorized' });
  });

  it('test_mfa_text_or_call: a phone and "Text", then the code round', async () => {
    const flinks = client();
    const first = expectKind(await login(flinks, 'test_mfa_text_or_call'), 'challenged');
    const phone = first.challenges[0]?.Iterables?.[0] ?? '';
    expect(first.challenges[0]).toMatchObject({ Type: 'TextOrCall', Iterables: [phone, expect.any(String)] });

    const second = expectKind(
      await flinks.answerMfa({ requestId: first.requestId, securityResponses: { [phone]: ['Text'] } }),
      'challenged',
    );
    const codePrompt = second.challenges[0]?.Prompt ?? '';
    expect(second.challenges).toEqual([{ Type: 'QuestionAndAnswer', Prompt: codePrompt }]);

    const done = await flinks.answerMfa({
      requestId: first.requestId,
      securityResponses: { [codePrompt]: [SANDBOX_ONE_TIME_CODE] },
    });
    expect(done).toMatchObject({ kind: 'authorized' });
  });

  it.each<[string, number, string]>([
    ['test_disabled_account', 401, 'DISABLED_LOGIN'],
    ['test_service_unavailable', 401, 'RETRY_LATER'],
    ['test_new_account', 401, 'NEW_ACCOUNT'],
    ['test_unauthorized', 401, 'UNAUTHORIZED'],
    ['test_invalid_login', 400, 'INVALID_LOGIN'],
    ['test_question_not_found', 401, 'QUESTION_NOT_FOUND'],
    ['test_concurrent_session', 401, 'CONCURRENT_SESSION'],
    ['test_card_in_use', 400, 'CARD_IN_USE'],
    ['test_aggregation_error', 500, 'AGGREGATION_ERROR'],
    ['test_disabled_institution', 405, 'DISABLED_INSTITUTION'],
    ['nobody_at_all', 401, 'INVALID_USERNAME'],
  ])('%s answers %i %s', async (username, httpStatus, flinksCode) => {
    await expect(login(client(), username)).resolves.toMatchObject({
      kind: 'error',
      httpStatus,
      flinksCode,
      message: expect.stringMatching(/\S/),
      cause: 'http',
    });
  });

  it('a persona with another password is INVALID_PASSWORD', async () => {
    await expect(login(client(), 'greatday_nomfa', 'Someday')).resolves.toMatchObject({
      flinksCode: 'INVALID_PASSWORD',
    });
  });

  it('test_pending: data pending, then ready once the window has passed', async () => {
    const flinks = client();
    const { requestId } = expectKind(await login(flinks, 'test_pending'), 'authorized');
    await expect(flinks.getAccountsDetail({ requestId })).resolves.toMatchObject({
      kind: 'pending',
      flinksCode: 'OPERATION_PENDING',
      requestId,
    });
    await expect(flinks.getAccountsDetailAsync(requestId)).resolves.toMatchObject({ kind: 'pending' });
    passPendingWindow();
    await expect(flinks.getAccountsDetailAsync(requestId)).resolves.toMatchObject({
      kind: 'accounts',
      requestId,
    });
  });

  it('test_dispatched: the sync call stays dispatched, the async one answers after the window', async () => {
    const flinks = client();
    const { requestId } = expectKind(await login(flinks, 'test_dispatched'), 'authorized');
    passPendingWindow();
    await expect(flinks.getAccountsSummary(requestId)).resolves.toMatchObject({
      kind: 'pending',
      flinksCode: 'OPERATION_DISPATCHED',
    });
    await expect(flinks.getAccountsSummaryAsync(requestId)).resolves.toMatchObject({
      kind: 'accounts',
      requestId,
    });
  });

  it('a cached Authorize is pending inside the window and authorized after it; DeleteCard likewise', async () => {
    const flinks = client();
    const { loginId } = expectKind(await login(flinks, 'greatday_nomfa'), 'authorized');
    await expect(flinks.authorizeCached({ loginId })).resolves.toMatchObject({
      kind: 'pending',
      flinksCode: 'OPERATION_PENDING',
    });
    await expect(flinks.deleteCard(loginId)).resolves.toMatchObject({
      kind: 'error',
      flinksCode: 'CARD_IN_USE',
    });
    passPendingWindow();
    await expect(flinks.authorizeCached({ loginId })).resolves.toMatchObject({ kind: 'authorized', loginId });
    await expect(flinks.deleteCard(loginId)).resolves.toEqual({
      kind: 'deleted',
      message: expect.any(String),
    });
  });

  it.each<[string, (flinks: FlinksClient) => Promise<unknown>, string]>([
    [
      'a LoginId never issued',
      (flinks) => flinks.authorizeCached({ loginId: 'no-such-login' }),
      'INVALID_LOGIN',
    ],
    [
      'a RequestId never issued',
      (flinks) => flinks.answerMfa({ requestId: 'no-such-request', securityResponses: { 'Q?': ['A'] } }),
      'SESSION_NONEXISTENT',
    ],
  ])('%s is %s', async (_name, run, flinksCode) => {
    await expect(run(client())).resolves.toMatchObject({ kind: 'error', flinksCode, cause: 'http' });
  });

  it('spends the authorize token on the first /Authorize only', async () => {
    const minted = await fetch(`${BASE}/GenerateAuthorizeToken`, {
      method: 'POST',
      headers: { 'flinks-auth-key': 'partner-secret' },
    });
    const { Token } = (await minted.json()) as { Token: string };

    const flinks = client(Token);
    const challenged = expectKind(await login(flinks, 'Greatday'), 'challenged');
    const prompt = challenged.challenges[0]?.Prompt ?? '';
    const answer = FLINKS_CAPITAL_QUESTIONS.find((question) => question.prompt === prompt)?.answer ?? '';
    // Sent again, the spent token would be refused with ACCESS_DENIED.
    await expect(
      flinks.answerMfa({ requestId: challenged.requestId, securityResponses: { [prompt]: [answer] } }),
    ).resolves.toMatchObject({ kind: 'authorized' });
  });

  it('a token the API refuses is ACCESS_DENIED', async () => {
    await expect(login(client('not-a-token'), 'greatday_nomfa')).resolves.toMatchObject({
      kind: 'error',
      httpStatus: 401,
      flinksCode: 'ACCESS_DENIED',
    });
  });
});
