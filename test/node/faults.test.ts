import { afterAll, describe, expect, it, vi } from 'vitest';
import { listenServerApp } from '../../server/app';
import { ConfigError, parseConfig, sandboxOptions, type ServerConfig } from '../../server/config';
import { createFlinksClient } from '../../src/api';
import type { AuthorizeResult, FlinksClient, SecurityChallenge, SecurityResponses } from '../../src/api';
import {
  createSandbox,
  FAULT_KINDS,
  FLINKS_CAPITAL_QUESTIONS,
  parseFaults,
  SANDBOX_ONE_TIME_CODE,
  SANDBOX_PERSONAS,
  SandboxConnectionReset,
  TRIANGLE_PNG,
  type FaultKind,
  type FaultOptions,
  type Sandbox,
  type SandboxOptions,
} from '../../src/sandbox';
import { createFaultPlan } from '../../src/sandbox/faults';
import { listen, type Listening } from '../../src/sandbox/node';

const BASE = 'http://sandbox.test/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const NO_MFA = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };

/** Latency 0, a fixed question for Greatday, and every wait over at once unless a test holds it. */
function faultySandbox(faults: FaultOptions, options: SandboxOptions = {}): Sandbox {
  return createSandbox({ latencyMs: 0, random: () => 0, sleep: async () => {}, faults, ...options });
}

function post(path: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(`${BASE}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });
}

function clientOf(sandbox: Sandbox, timeoutMs?: number): FlinksClient {
  return createFlinksClient({
    baseUrl: BASE,
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

describe('parseFaults (SANDBOX_FAULTS)', () => {
  it.each<[string, FaultOptions | null]>([
    ['', null],
    ['off', null],
    ['0', null],
    [
      'rate=0.2,kinds=500|timeout|malformed|slow|reset,seed=42',
      { rate: 0.2, kinds: ['500', 'timeout', 'malformed', 'slow', 'reset'], seed: 42 },
    ],
    ['rate=1', { rate: 1, kinds: [...FAULT_KINDS], seed: 1 }],
    [' rate = .5 , kinds = reset | 500 ', { rate: 0.5, kinds: ['reset', '500'], seed: 1 }],
    ['rate=0,kinds=slow|slow', { rate: 0, kinds: ['slow'], seed: 1 }],
    [
      'rate=0.3,kinds=slow|timeout,seed=7,slow=150,hold=900',
      { rate: 0.3, kinds: ['slow', 'timeout'], seed: 7, slowMs: 150, maxHoldMs: 900 },
    ],
  ])('reads %j', (spec, faults) => {
    expect(parseFaults(spec)).toEqual({ ok: true, faults });
  });

  it.each<[string, RegExp]>([
    ['kinds=500', /rate is required/],
    ['rate=1.5', /rate must be a number from 0 to 1 \(got "1.5"\)/],
    ['rate=-0.1', /rate must be/],
    ['rate=abc', /rate must be/],
    ['rate=0.2,kinds=500|teapot', /kinds must be some of 500\|timeout\|malformed\|slow\|reset/],
    ['rate=0.2,kinds=500||reset', /kinds must be/],
    ['rate=0.2,seed=-3', /seed must be a whole number/],
    ['rate=0.2,seed=1.5', /seed must be a whole number/],
    ['rate=0.2,hold=forever', /hold must be a whole number/],
    ['rate=0.2,color=red', /unknown key "color"/],
    ['rate=0.2,rate=0.3', /rate is given twice/],
    ['rate=0.2,kinds', /"kinds" is not a key=value pair/],
    ['rate=0.2,seed=1=2', /is not a key=value pair/],
  ])('refuses %j, saying why', (spec, why) => {
    const parsed = parseFaults(spec);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(why);
  });

  it('reaches the sandbox through the server configuration, held past the embed page own timeout', () => {
    const config = parseConfig({
      SANDBOX_FAULTS: 'rate=0.3,kinds=timeout|reset,seed=9',
      CONNECT_REQUEST_TIMEOUT_MS: '2000',
    });
    expect(sandboxOptions(config).faults).toEqual({
      rate: 0.3,
      kinds: ['timeout', 'reset'],
      seed: 9,
      maxHoldMs: 3000,
    });
    const held = parseConfig({ SANDBOX_FAULTS: 'rate=1,kinds=timeout,hold=500' });
    expect(sandboxOptions(held).faults?.maxHoldMs).toBe(500);
  });

  it.each([{}, { SANDBOX_FAULTS: 'off' }])('is off unless asked for (%j)', (env) => {
    expect(sandboxOptions(parseConfig(env)).faults).toBeUndefined();
  });

  it('names SANDBOX_FAULTS in the configuration error', () => {
    let error: unknown;
    try {
      parseConfig({ SANDBOX_FAULTS: 'rate=2' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^SANDBOX_FAULTS must look like .*rate must be/),
    ]);
  });
});

describe('the seeded plan', () => {
  const drawn = (options: Pick<FaultOptions, 'rate' | 'kinds' | 'seed'>, count: number) => {
    const plan = createFaultPlan(options);
    return Array.from({ length: count }, () => plan.next());
  };

  it('draws the same faults for the same seed, and other faults for another seed', () => {
    const options = { rate: 0.3, kinds: FAULT_KINDS, seed: 42 };
    expect(drawn(options, 500)).toEqual(drawn(options, 500));
    expect(drawn({ ...options, seed: 43 }, 500)).not.toEqual(drawn(options, 500));
  });

  it('replays from the first draw after restart()', () => {
    const plan = createFaultPlan({ rate: 0.5, kinds: FAULT_KINDS, seed: 3 });
    const first = Array.from({ length: 50 }, () => plan.next());
    plan.restart();
    expect(Array.from({ length: 50 }, () => plan.next())).toEqual(first);
  });

  it.each([0, 0.1, 0.3, 0.75, 1])('faults about %s of the calls, with every kind asked for', (rate) => {
    const faults = drawn({ rate, kinds: FAULT_KINDS, seed: 7 }, 5000).filter((fault) => fault !== null);
    expect(faults.length / 5000).toBeCloseTo(rate, 1);
    if (rate >= 0.1) expect(new Set(faults.map((fault) => fault.kind))).toEqual(new Set(FAULT_KINDS));
  });

  it('draws only the kinds asked for', () => {
    const kinds = drawn({ rate: 1, kinds: ['slow', 'reset'], seed: 5 }, 1000).map((fault) => fault?.kind);
    expect(new Set(kinds)).toEqual(new Set(['slow', 'reset']));
  });
});

describe('each kind, in process', () => {
  it('500 answers HTTP 500 in both forms, and the client reads AGGREGATION_ERROR', async () => {
    const sandbox = faultySandbox({ rate: 1, kinds: ['500'], seed: 1 });
    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const response = await sandbox.fetch(post('Authorize', NO_MFA));
      expect(response.status).toBe(500);
      bodies.add((await response.text()).slice(0, 21));
    }
    // A Flinks error body, and the bare page of something in front of the API.
    expect([...bodies].sort()).toEqual(['Internal Server Error', '{"HttpStatusCode":500']);
    const result = await clientOf(sandbox).authorize({
      institution: 'FlinksCapital',
      username: 'greatday_nomfa',
      password: 'Everyday',
    });
    expect(result).toMatchObject({ kind: 'error', flinksCode: 'AGGREGATION_ERROR', httpStatus: 500 });
  });

  it('malformed answers a body the client cannot read: MALFORMED_RESPONSE, never a throw', async () => {
    const sandbox = faultySandbox({ rate: 1, kinds: ['malformed'], seed: 1 });
    const client = clientOf(sandbox);
    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) {
      bodies.add((await (await sandbox.fetch(post('Authorize', NO_MFA))).text()).slice(0, 14));
      const result = await client.getAccountsSummary('any');
      expect(result).toMatchObject({ kind: 'error', flinksCode: 'MALFORMED_RESPONSE' });
    }
    // Both forms: JSON cut in the middle and an HTML page.
    expect([...bodies].sort()).toEqual(['<!doctype html', '{"HttpStatusCo']);
  });

  it('reset rejects like fetch on a dropped connection, and the client reads NETWORK_ERROR', async () => {
    const sandbox = faultySandbox({ rate: 1, kinds: ['reset'], seed: 1 });
    const rejection = sandbox.fetch(post('Authorize', NO_MFA));
    await expect(rejection).rejects.toBeInstanceOf(TypeError);
    await expect(rejection).rejects.toBeInstanceOf(SandboxConnectionReset);
    const result = await clientOf(sandbox).authorize({
      institution: 'FlinksCapital',
      username: 'greatday_nomfa',
      password: 'Everyday',
    });
    expect(result).toMatchObject({ kind: 'error', flinksCode: 'NETWORK_ERROR', cause: 'network' });
  });

  it('timeout holds the call until the caller gives up, which the client reads as TIMEOUT', async () => {
    const holds: number[] = [];
    const sandbox = faultySandbox(
      { rate: 1, kinds: ['timeout'], seed: 1, maxHoldMs: 60_000 },
      { sleep: (ms) => (holds.push(ms), new Promise<void>(() => {})) },
    );
    const result = await clientOf(sandbox, 30).authorize({
      institution: 'FlinksCapital',
      username: 'greatday_nomfa',
      password: 'Everyday',
    });
    expect(result).toMatchObject({ kind: 'error', flinksCode: 'TIMEOUT', cause: 'timeout' });
    expect(holds).toEqual([60_000]);
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 0, inFlight: 0 });
  });

  it('timeout drops the connection after the longest hold when nobody gives up', async () => {
    const sandbox = faultySandbox(
      { rate: 1, kinds: ['timeout'], seed: 1, maxHoldMs: 20 },
      { sleep: undefined },
    );
    const started = performance.now();
    await expect(sandbox.fetch(post('Authorize', NO_MFA))).rejects.toBeInstanceOf(SandboxConnectionReset);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('slow delays the real answer, which is then applied once', async () => {
    const waits: number[] = [];
    const sandbox = faultySandbox(
      { rate: 1, kinds: ['slow'], seed: 1, slowMs: 1500 },
      { sleep: async (ms) => void waits.push(ms) },
    );
    const response = await sandbox.fetch(post('Authorize', NO_MFA));
    expect(response.status).toBe(200);
    // 1500 for the fault, then the bank's own latency (0).
    expect(waits).toEqual([1500, 0]);
    expect(sandbox.stats()).toMatchObject({ sessions: 1, logins: 1 });
  });

  it('slow applies nothing when the caller gave up meanwhile', async () => {
    const sandbox = faultySandbox(
      { rate: 1, kinds: ['slow'], seed: 1 },
      { sleep: () => new Promise<void>(() => {}) },
    );
    const result = await clientOf(sandbox, 30).authorize({
      institution: 'FlinksCapital',
      username: 'greatday_nomfa',
      password: 'Everyday',
    });
    expect(result).toMatchObject({ flinksCode: 'TIMEOUT' });
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 0, inFlight: 0 });
  });

  it.each<FaultKind>(['500', 'malformed', 'reset', 'timeout'])(
    '%s never reaches the bank: the faulted call changes nothing',
    async (kind) => {
      const sandbox = faultySandbox({ rate: 1, kinds: [kind], seed: 1, maxHoldMs: 0 });
      await sandbox.fetch(post('Authorize', NO_MFA)).catch(() => undefined);
      expect(sandbox.stats()).toEqual({ sessions: 0, logins: 0, inFlight: 0 });
      expect(sandbox.log.map((entry) => entry.fault)).toEqual([kind]);
    },
  );

  it('spares CORS preflights, which belong to the browser', async () => {
    const sandbox = faultySandbox(
      { rate: 1, kinds: ['reset'], seed: 1 },
      { allowedOrigins: ['http://partner.test'] },
    );
    const preflight = await sandbox.fetch(
      new Request(`${BASE}/Authorize`, {
        method: 'OPTIONS',
        headers: { origin: 'http://partner.test', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(sandbox.log[0]?.fault).toBeUndefined();
  });
});

/** The right answer to every challenge a persona asks. */
function rightAnswers(challenges: SecurityChallenge[]): SecurityResponses {
  const answers: SecurityResponses = {};
  for (const { Type, Prompt, Iterables = [] } of challenges) {
    const question = FLINKS_CAPITAL_QUESTIONS.find((known) => known.prompt === Prompt);
    if (question) answers[Prompt] = [question.answer];
    else if (Type === 'MultipleChoice') answers[Prompt] = ['Rue Sherbrooke'];
    else if (Type === 'MultipleChoiceMultipleAnswers') answers[Prompt] = ['A bicycle', 'A canoe'];
    else if (Type === 'ImageSelection') answers[Prompt] = [TRIANGLE_PNG];
    else if (Type === 'TextOrCall') answers[Iterables[0] ?? ''] = ['Text'];
    else if (/code/i.test(Prompt)) answers[Prompt] = [SANDBOX_ONE_TIME_CODE];
    else answers[Prompt] = ['anything'];
  }
  return answers;
}

/**
 * Connects a persona as a patient person would: every call the sandbox faulted is sent again, unchanged.
 * Returns what the person ends with, comparable between runs, and how many calls were faulted.
 */
async function connectWithRetries(sandbox: Sandbox, username: string) {
  const client = clientOf(sandbox, 50);
  let faulted = 0;
  const retried = async <T>(send: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const before = sandbox.log.length;
      const result = await send();
      const entry = sandbox.log[before];
      if (entry?.fault === undefined || entry.fault === 'slow') return result;
      faulted += 1;
    }
    throw new Error(`${username}: still faulted after 100 attempts`);
  };

  const steps: string[] = [];
  let result: AuthorizeResult = await retried(() =>
    client.authorize({ institution: 'FlinksCapital', username, password: 'Everyday' }),
  );
  while (result.kind === 'challenged') {
    const { requestId, challenges } = result;
    steps.push(`203 ${challenges.map((challenge) => challenge.Prompt).join(' + ')}`);
    result = await retried(() =>
      client.answerMfa({ requestId, securityResponses: rightAnswers(challenges) }),
    );
  }
  steps.push(result.kind === 'error' ? `error ${result.flinksCode}` : result.kind);
  if (result.kind === 'authorized' || result.kind === 'pending') {
    const { requestId } = result;
    const data = await retried(() => client.getAccountsDetail({ requestId }));
    // The accounts themselves are drawn from the LoginId, which is new in each sandbox.
    steps.push(data.kind === 'error' ? `data ${data.flinksCode}` : data.kind);
    if (data.kind === 'accounts') expect(data.accounts.length).toBeGreaterThan(0);
  }
  return { steps, faulted };
}

describe('faults never corrupt the sandbox', () => {
  it.each<FaultKind>([...FAULT_KINDS])(
    'with %s faults on half the calls, every persona ends as without faults once retried',
    async (kind) => {
      const clean = createSandbox({ latencyMs: 0, random: () => 0 });
      const faulty = faultySandbox({ rate: 0.5, kinds: [kind], seed: 11, maxHoldMs: 0 });
      let faulted = 0;
      for (const { username } of SANDBOX_PERSONAS) {
        const expected = await connectWithRetries(clean, username);
        const actual = await connectWithRetries(faulty, username);
        expect(actual.steps, username).toEqual(expected.steps);
        faulted += actual.faulted;
      }
      if (kind !== 'slow') expect(faulted).toBeGreaterThan(10);
      expect(faulty.stats()).toEqual(clean.stats());
      expect(faulty.stats().inFlight).toBe(0);
    },
  );
});

describe('over HTTP (npm start, npm run dev)', () => {
  let servers: Listening[] = [];
  const serve = async (fetch: (request: Request) => Response | Promise<Response>) => {
    const server = await listen({ fetch, port: 0 });
    servers.push(server);
    return `${server.url}/v3/x/BankingServices`;
  };
  /** The composed `npm start` app, on a free port its Host allow-list knows. */
  const serveApp = async (config: ServerConfig) => {
    const server = await listenServerApp(config, { distDir: '/nonexistent' });
    servers.push(server);
    return `${server.url}/v3/x/BankingServices`;
  };
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  it('reset destroys the socket: the browser gets a network error, and the server keeps serving', async () => {
    const sandbox = createSandbox({ latencyMs: 0, faults: { rate: 0.5, kinds: ['reset'], seed: 2 } });
    const base = await serve(sandbox.fetch);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(
        await fetch(`${base}/Institutions`).then(
          (response) => String(response.status),
          (error: unknown) => (error instanceof TypeError ? 'network error' : 'other'),
        ),
      );
    }
    expect(new Set(outcomes)).toEqual(new Set(['200', 'network error']));
    expect(outcomes.filter((outcome) => outcome === 'network error')).toHaveLength(
      sandbox.log.filter((entry) => entry.fault === 'reset').length,
    );
  });

  it('timeout holds until the caller gives up, then lets go of the connection', async () => {
    const sandbox = createSandbox({
      latencyMs: 0,
      faults: { rate: 1, kinds: ['timeout'], seed: 2, maxHoldMs: 60_000 },
    });
    const base = await serve(sandbox.fetch);
    const started = performance.now();
    await expect(fetch(`${base}/Institutions`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('the composed server drops the socket too, without logging an error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const config = parseConfig({ PORT: '0', SANDBOX_LATENCY_MS: '0', SANDBOX_FAULTS: 'rate=1,kinds=reset' });
    const base = await serveApp(config);
    await expect(fetch(`${base}/Institutions`)).rejects.toBeInstanceOf(TypeError);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('the composed server sends a 500 fault with its usual headers', async () => {
    const config = parseConfig({ PORT: '0', SANDBOX_LATENCY_MS: '0', SANDBOX_FAULTS: 'rate=1,kinds=500' });
    const base = await serveApp(config);
    const response = await fetch(`${base}/Institutions`);
    expect(response.status).toBe(500);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
