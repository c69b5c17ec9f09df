import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  type Sandbox,
  type SandboxOptions,
} from '../../src/sandbox';

// Everything time-related runs on an injected clock and an injected "bank sleep": no real waiting anywhere.
const TTL = 480_000;
const PENDING = 3000;
const START = Date.parse('2026-03-02T15:00:00Z');
const [CITY] = FLINKS_CAPITAL_QUESTIONS;

let clock = START;
let sandbox: Sandbox;

function makeSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({
    now: () => clock,
    random: () => 0,
    latencyMs: 0,
    sessionTtlMs: TTL,
    pendingMs: PENDING,
    ...options,
  });
}

beforeEach(() => {
  clock = START;
  sandbox = makeSandbox();
});

type Json = Record<string, unknown>;

async function call(
  method: string,
  path: string,
  body?: unknown,
  on: Sandbox = sandbox,
  headers: Record<string, string> = {},
) {
  const response = await on.fetch(
    new Request(`http://sandbox.test/v3/any/BankingServices/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const login = (Username: string, on?: Sandbox) =>
  call('POST', 'Authorize', { Institution: 'FlinksCapital', Username, Password: 'Everyday' }, on);
const answerCity = (RequestId: unknown, on?: Sandbox) =>
  call('POST', 'Authorize', { RequestId, SecurityResponses: { [CITY.prompt]: ['Montreal'] } }, on);
const detail = (RequestId: unknown) => call('POST', 'GetAccountsDetail', { RequestId });
const loginIdOf = (result: { body: Json }) => (result.body.Login as Json).Id as string;

/** A bank "sleep" the test releases by hand, telling when a call has reached it. */
function heldBank() {
  const calls: Array<{ ms: number; release: () => void }> = [];
  let arrived: () => void = () => {};
  return {
    calls,
    sleep: (ms: number) =>
      new Promise<void>((release) => {
        calls.push({ ms, release });
        arrived();
      }),
    /** Resolves once `count` calls are waiting at the bank. */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        arrived = () => {
          if (calls.length >= count) resolve();
        };
        arrived();
      }),
  };
}

describe('session expiry (SANDBOX_SESSION_TTL_MS)', () => {
  it.each([
    { idle: TTL, status: 200, code: undefined },
    { idle: TTL + 1, status: 401, code: 'SESSION_EXPIRED' },
  ])('an answer after $idle ms idle: $status $code', async ({ idle, status, code }) => {
    const first = await login('Greatday');
    clock += idle;
    const result = await answerCity(first.body.RequestId);
    expect(result.status).toBe(status);
    expect(result.body.FlinksCode).toBe(code);
  });

  it('counts from the last activity: a wrong answer keeps the session alive', async () => {
    const first = await login('Greatday');
    clock += TTL - 1000;
    const wrong = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [CITY.prompt]: ['Laval'] },
    });
    expect(wrong.body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    clock += TTL - 1000;
    expect((await answerCity(first.body.RequestId)).status).toBe(200);
  });

  it('applies to data calls on an authorized RequestId too', async () => {
    const live = await login('greatday_nomfa');
    clock += TTL + 1;
    expect((await detail(live.body.RequestId)).body.FlinksCode).toBe('SESSION_EXPIRED');
  });

  it('drops expired sessions from stats(), keeping the logins', async () => {
    await login('Greatday');
    await login('test_mfa_triple');
    await login('greatday_nomfa');
    expect(sandbox.stats()).toEqual({ sessions: 3, logins: 1, inFlight: 0 });
    clock += TTL + 1;
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 1, inFlight: 0 });
  });

  it('drops expired sessions on any request, before answering it', async () => {
    await login('Greatday');
    clock += TTL + 1;
    await call('GET', 'Institutions');
    expect(sandbox.stats().sessions).toBe(0);
  });
});

describe('the pending window (SANDBOX_PENDING_MS)', () => {
  it.each([
    { after: 0, status: 202 },
    { after: PENDING - 1, status: 202 },
    { after: PENDING, status: 200 },
  ])('test_pending: a data call $after ms after authorization answers $status', async ({ after, status }) => {
    const live = await login('test_pending');
    clock += after;
    expect((await detail(live.body.RequestId)).status).toBe(status);
    expect((await call('GET', `GetAccountsSummaryAsync/${live.body.RequestId as string}`)).status).toBe(
      status,
    );
  });

  it.each([
    { after: 0, status: 202 },
    { after: PENDING - 1, status: 202 },
    { after: PENDING, status: 200 },
  ])('a cached Authorize $after ms after the live one answers $status', async ({ after, status }) => {
    const live = await login('greatday_nomfa');
    clock += after;
    const cached = await call('POST', 'Authorize', { LoginId: loginIdOf(live), MostRecentCached: true });
    expect(cached.status).toBe(status);
  });

  it('cached flow: 202, then the Async endpoint answers 202 until the window ends, then 200', async () => {
    const live = await login('greatday_nomfa');
    clock += 1000;
    const cached = await call('POST', 'Authorize', { LoginId: loginIdOf(live), MostRecentCached: true });
    expect(cached.body).toMatchObject({ HttpStatusCode: 202, FlinksCode: 'OPERATION_PENDING' });
    const poll = () => call('GET', `GetAccountsDetailAsync/${cached.body.RequestId as string}`);
    expect((await poll()).body.FlinksCode).toBe('OPERATION_PENDING');
    clock += PENDING - 1000;
    const done = await poll();
    expect(done.status).toBe(200);
    expect((done.body.Login as Json).Id).toBe(loginIdOf(live));
  });

  it('each live Authorize restarts the window', async () => {
    const live = await login('greatday_nomfa');
    clock += PENDING - 1;
    await login('greatday_nomfa');
    clock += PENDING - 1;
    const cached = await call('POST', 'Authorize', { LoginId: loginIdOf(live), MostRecentCached: true });
    expect(cached.status).toBe(202);
  });

  it.each([
    { after: PENDING - 1, status: 400, code: 'CARD_IN_USE' },
    { after: PENDING, status: 200, code: undefined },
  ])('DeleteCard $after ms after authorization: $status $code', async ({ after, status, code }) => {
    const live = await login('greatday_nomfa');
    clock += after;
    const result = await call('DELETE', `DeleteCard/${loginIdOf(live)}`);
    expect(result.status).toBe(status);
    expect(result.body.FlinksCode).toBe(code);
  });
});

describe('bank latency and concurrent sessions', () => {
  it('each Authorize waits SANDBOX_LATENCY_MS at the bank', async () => {
    const bank = heldBank();
    const slow = makeSandbox({ latencyMs: 300, sleep: bank.sleep });
    const pending = login('greatday_nomfa', slow);
    await bank.until(1);
    expect(bank.calls.map((waiting) => waiting.ms)).toEqual([300]);
    bank.calls[0]?.release();
    expect((await pending).status).toBe(200);
  });

  it.each([
    {
      case: 'the same username',
      second: { Institution: 'FlinksCapital', Username: 'GREATDAY_NOMFA ', Password: 'Everyday' },
    },
    { case: 'the same LoginId', second: 'loginId' as const },
  ])(
    'a second Authorize for $case while the first is at the bank: 401 CONCURRENT_SESSION',
    async ({ second }) => {
      const bank = heldBank();
      const slow = makeSandbox({ sleep: bank.sleep });
      const first = login('greatday_nomfa', slow);
      await bank.until(1);
      bank.calls[0]?.release();
      const loginId = loginIdOf(await first);

      const again = login('greatday_nomfa', slow);
      await bank.until(2);
      expect(slow.stats().inFlight).toBe(1);
      const secondBody = second === 'loginId' ? { LoginId: loginId, MostRecentCached: true } : second;
      const refused = await call('POST', 'Authorize', secondBody, slow);
      expect(refused.status).toBe(401);
      expect(refused.body.FlinksCode).toBe('CONCURRENT_SESSION');

      bank.calls[1]?.release();
      expect((await again).status).toBe(200);
      expect(slow.stats().inFlight).toBe(0);
    },
  );

  it('another account is not held up by one at the bank', async () => {
    const bank = heldBank();
    const slow = makeSandbox({ sleep: bank.sleep });
    const first = login('greatday_nomfa', slow);
    await bank.until(1);
    const other = login('test_pending', slow);
    await bank.until(2);
    for (const waiting of bank.calls) waiting.release();
    expect([(await first).status, (await other).status]).toEqual([200, 200]);
  });

  it('two MFA answers on one RequestId at once: the second is CONCURRENT_SESSION', async () => {
    const bank = heldBank();
    const slow = makeSandbox({ sleep: bank.sleep });
    const started = login('Greatday', slow);
    await bank.until(1);
    bank.calls[0]?.release();
    const requestId = (await started).body.RequestId;
    const firstAnswer = answerCity(requestId, slow);
    await bank.until(2);
    expect((await answerCity(requestId, slow)).body.FlinksCode).toBe('CONCURRENT_SESSION');
    bank.calls[1]?.release();
    expect((await firstAnswer).status).toBe(200);
  });
});

describe('authorize tokens', () => {
  it.each([
    { after: 30 * 60_000 - 1, status: 200 },
    { after: 30 * 60_000, status: 401 },
  ])('a token used $after ms after minting: $status', async ({ after, status }) => {
    const minted = await call('POST', 'GenerateAuthorizeToken', undefined, sandbox, {
      'flinks-auth-key': 'secret',
    });
    clock += after;
    const body = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };
    const result = await call('POST', 'Authorize', body, sandbox, {
      'flinks-auth-key': minted.body.Token as string,
    });
    expect(result.status).toBe(status);
  });
});

describe('rate limit', () => {
  it('answers 429 TOO_MANY_REQUESTS with Retry-After past the limit, per client, until the window ends', async () => {
    const limited = makeSandbox({ rateLimit: { max: 3, windowMs: 60_000 } });
    const from = (client: string) =>
      call('GET', 'Institutions', undefined, limited, { 'x-forwarded-for': client });
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).status).toBe(200);
    clock += 15_000;
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ HttpStatusCode: 429, FlinksCode: 'TOO_MANY_REQUESTS' });
    expect(refused.headers.get('retry-after')).toBe('45');
    expect((await from('198.51.100.2')).status).toBe(200);
    clock += 45_000;
    expect((await from('203.0.113.7')).status).toBe(200);
  });
});

describe('bounded memory', () => {
  it('keeps the last 1,000 log entries', async () => {
    for (let i = 0; i < 1005; i++) {
      clock += 1;
      await call('GET', 'Institutions');
    }
    expect(sandbox.log).toHaveLength(1000);
    expect(sandbox.log[0]?.at).toBe(START + 6);
    expect(sandbox.log.at(-1)?.at).toBe(START + 1005);
    // About 1 s alone; CPU-bound, so give it room when the whole suite shares two cores with it.
  }, 30_000);

  it('reset() forgets everything', async () => {
    const live = await login('greatday_nomfa');
    sandbox.reset();
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 0, inFlight: 0 });
    expect(sandbox.log).toHaveLength(0);
    expect((await detail(live.body.RequestId)).body.FlinksCode).toBe('SESSION_NONEXISTENT');
  });
});
