import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  type Sandbox,
  type SandboxOptions,
} from '../../src/sandbox';
import { listen, type Listening } from '../../src/sandbox/node';

// The sandbox under load: its body and rate limits hold at their edges, and ten thousand sessions leave nothing
// behind once they expire. Everything runs on an injected clock: nothing waits for real time.

const MEGABYTE = 1024 * 1024;
const TTL = 480_000;
const BASE = 'http://sandbox.test/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const [CITY] = FLINKS_CAPITAL_QUESTIONS;

let clock = Date.parse('2026-03-02T15:00:00Z');
const sandboxWith = (options: SandboxOptions = {}) =>
  createSandbox({ now: () => clock, random: () => 0, latencyMs: 0, sessionTtlMs: TTL, ...options });

type Json = Record<string, unknown>;

/** A POST as a browser sends it: with its Content-Length (a streamed body costs the body limit a copy). */
async function post(sandbox: Sandbox, path: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await sandbox.fetch(
    new Request(`${BASE}/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(new TextEncoder().encode(text).byteLength),
        ...headers,
      },
      body: text,
    }),
  );
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

/**
 * A JSON body of exactly `bytes` bytes: credentials, padded with the whitespace JSON allows after a value (a padded
 * field would meet the field's own length limit first: the sandbox checks the server's wire contract).
 */
function bodyOf(bytes: number): string {
  const credentials = JSON.stringify({
    Institution: 'FlinksCapital',
    Username: 'greatday_nomfa',
    Password: 'Everyday',
  });
  return credentials + ' '.repeat(bytes - credentials.length);
}

describe('the 1 MB body limit', () => {
  let server: Listening;
  const sandbox = sandboxWith();
  beforeAll(async () => {
    server = await listen({ fetch: sandbox.fetch, port: 0 });
  });
  afterAll(() => server.close());

  it.each<[string, number, number]>([
    ['exactly 1 MB', 200, MEGABYTE],
    ['1 MB and one byte', 413, MEGABYTE + 1],
    ['5 MB', 413, 5 * MEGABYTE],
  ])('%s in process: HTTP %i', async (_name, status, bytes) => {
    const body = bodyOf(bytes);
    expect(new TextEncoder().encode(body).byteLength).toBe(bytes);
    const result = await post(sandbox, 'Authorize', body);
    expect(result.status).toBe(status);
    if (status === 413) {
      expect(result.body).toMatchObject({ HttpStatusCode: 413, FlinksCode: 'INVALID_REQUEST' });
      expect(result.headers.get('connection')).toBe('close');
    }
  });

  it.each<[string, boolean]>([
    ['with its length declared', true],
    ['streamed without a length', false],
  ])('over HTTP, %s: 413 INVALID_REQUEST for 2 MB, and nothing was applied', async (_name, declared) => {
    sandbox.reset();
    const bytes = new TextEncoder().encode(bodyOf(2 * MEGABYTE));
    const chunks = (function* () {
      for (let offset = 0; offset < bytes.byteLength; offset += 64 * 1024)
        yield bytes.slice(offset, offset + 64 * 1024);
    })();
    const response = await fetch(`${server.url}/v3/x/BankingServices/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: declared
        ? bytes
        : new ReadableStream<Uint8Array>({
            pull(controller) {
              const next = chunks.next();
              if (next.done) controller.close();
              else controller.enqueue(next.value);
            },
          }),
      ...(declared ? {} : { duplex: 'half' }),
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ FlinksCode: 'INVALID_REQUEST' });
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 0, inFlight: 0 });
  });
});

describe('the per-client rate limit', () => {
  it('answers 429 TOO_MANY_REQUESTS past N in a window, to that client only, until the window ends', async () => {
    const limited = sandboxWith({ rateLimit: { max: 50, windowMs: 60_000 } });
    const from = (client: string) =>
      post(
        limited,
        'GetAccountsSummary',
        { RequestId: 'none' },
        { 'x-forwarded-for': `${client}, 10.0.0.1` },
      );
    const statuses = [];
    for (let i = 0; i < 60; i++) statuses.push((await from('203.0.113.7')).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    expect(statuses.slice(0, 50).every((status) => status !== 429)).toBe(true);

    clock += 59_999;
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ HttpStatusCode: 429, FlinksCode: 'TOO_MANY_REQUESTS' });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await from('198.51.100.2')).status).not.toBe(429);

    clock += 1;
    expect((await from('203.0.113.7')).status).not.toBe(429);
  });

  it('keeps counting correctly for thousands of clients at once', async () => {
    const limited = sandboxWith({ rateLimit: { max: 2, windowMs: 60_000 } });
    const from = (client: number) =>
      post(
        limited,
        'GetAccountsSummary',
        { RequestId: 'none' },
        { 'x-forwarded-for': `198.51.${client >> 8}.${client & 255}` },
      );
    for (let client = 0; client < 3000; client++) await from(client);
    for (let client = 0; client < 3000; client += 250) {
      expect((await from(client)).status).not.toBe(429);
      expect((await from(client)).status).toBe(429);
    }
    // About 1 s alone; CPU-bound, so give it room when the whole suite shares two cores with it.
  }, 30_000);
});

/** The garbage collector, if this process can have it: `global.gc`, or V8's flag turned on now. */
function collector(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

describe('a soak of 10,000 sessions', () => {
  it('leaves no session behind once the TTL has passed, and the heap back near where it started', async () => {
    const sandbox = sandboxWith({ rateLimit: { max: Number.POSITIVE_INFINITY, windowMs: 60_000 } });
    const gc = collector();
    // Request copies are released by finalizers, which run on later turns of the event loop: let a few pass.
    const heap = async () => {
      for (let turn = 0; turn < 10; turn++) {
        gc?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return process.memoryUsage().heapUsed;
    };
    const login = (Username: string) =>
      post(sandbox, 'Authorize', { Institution: 'FlinksCapital', Username, Password: 'Everyday' });

    // Warm up (code compiled, the first login made), then measure.
    for (let i = 0; i < 200; i++) await login('greatday_nomfa');
    clock += TTL + 1;
    expect(sandbox.stats().sessions).toBe(0);
    const baseline = await heap();

    const requestIds: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      clock += 10;
      // Sessions of every kind: authorized at once, waiting for MFA, and (one in five) authorized after an answer.
      const first = await login(i % 2 === 0 ? 'greatday_nomfa' : 'Greatday');
      const requestId = first.body.RequestId as string;
      requestIds.push(requestId);
      if (i % 10 === 1) {
        const done = await post(sandbox, 'Authorize', {
          RequestId: requestId,
          SecurityResponses: { [CITY.prompt]: [CITY.answer] },
        });
        expect(done.status).toBe(200);
      }
    }
    // The oldest sessions expired during the run: only those active within the TTL remain.
    expect(sandbox.stats().sessions).toBeLessThanOrEqual(10_000);
    expect(sandbox.stats().sessions).toBeGreaterThan(0);

    clock += TTL + 1;
    expect(sandbox.stats()).toEqual({ sessions: 0, logins: 2, inFlight: 0 });
    expect(sandbox.log).toHaveLength(1000);
    const late = await post(sandbox, 'GetAccountsSummary', { RequestId: requestIds.at(-1) });
    expect(late.body.FlinksCode).toBe('SESSION_EXPIRED');

    const growth = (await heap()) - baseline;
    // With a collector, what is left is the bounded bookkeeping (expired ids, the log): a few MB at most.
    expect(growth).toBeLessThan((gc ? 8 : 64) * MEGABYTE);
    // About 14 s alone; under the whole suite on two cores it has taken over 60 s (a timeout, not a leak).
  }, 180_000);
});
