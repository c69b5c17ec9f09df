import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenPool, TOKEN_POOL_MAX_AGE_MS, type Minted } from '../../server/token-pool';
import { parseConfig } from '../../server/config';
import {
  callApi,
  newSession,
  NOMFA,
  startCountingUpstream,
  startProxyServer,
  type CountingUpstream,
  type RunningServer,
} from './attack-helpers';
import { SESSION_ENV } from './sessions-helpers';

/**
 * The proxy's authorize-token pool (issue 26): a sign-in on a warm pool waits for its /Authorize only, a token is
 * never spent twice nor after its time, an idle process mints little, and a bank that will not mint is told plainly.
 */

let upstream: CountingUpstream;
const servers: RunningServer[] = [];

beforeAll(async () => {
  upstream = await startCountingUpstream();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  upstream.reset();
  upstream.delayMs = 0;
  upstream.refuseMints = false;
  vi.useRealTimers();
});

afterAll(async () => {
  await upstream.close();
});

async function proxyServer(env: Record<string, string> = {}) {
  // Every sign-in here comes from 127.0.0.1: its share of the calls in flight is raised to the whole process.
  const server = await startProxyServer(
    upstream.url,
    { CONNECT_MAX_IN_FLIGHT_PER_ADDRESS: '1024', ...env },
    { limits: { callsPerAddressPerMinute: 100_000 } },
  );
  servers.push(server);
  return server;
}

const minted = () => upstream.calls.filter((call) => call.endpoint === 'GenerateAuthorizeToken');
const authorizes = () => upstream.calls.filter((call) => call.endpoint === 'Authorize');

describe('the authorize-token pool, through the proxy', () => {
  it('spends on a warm sign-in a token minted before it began: one upstream round trip per Authorize', async () => {
    const server = await proxyServer({ FLINKS_TOKEN_POOL_SIZE: '3' });
    // The first sign-in of the process mints its own token and starts the pool.
    const first = await callApi(server.url, 'Authorize', {
      token: await newSession(server.url),
      body: NOMFA,
    });
    expect(first.status).toBe(200);
    await vi.waitFor(() => expect(minted().filter((call) => call.mintedToken)).toHaveLength(4));

    upstream.delayMs = 150;
    for (let index = 0; index < 8; index += 1) {
      const token = await newSession(server.url);
      const readyBefore = new Set(minted().flatMap((call) => (call.mintedToken ? [call.mintedToken] : [])));
      const callsBefore = upstream.calls.length;
      const answer = await callApi(server.url, 'Authorize', { token, body: NOMFA });
      expect(answer.status).toBe(200);
      const during = upstream.calls.slice(callsBefore);
      const spent = during.find((call) => call.endpoint === 'Authorize');
      // The token was in hand before the sign-in started: no mint on its path.
      expect(readyBefore.has(spent?.authKey ?? '')).toBe(true);
      // What it set off besides its own Authorize is one background mint replacing the token it took.
      expect(during.map((call) => call.endpoint).sort()).toEqual(['Authorize', 'GenerateAuthorizeToken']);
      await vi.waitFor(() =>
        expect(during.every((call) => call.endpoint !== 'GenerateAuthorizeToken' || call.mintedToken)).toBe(
          true,
        ),
      );
    }
  });

  it('never spends a token twice, with 120 sign-ins at once on a pool of 4', async () => {
    const server = await proxyServer({ FLINKS_TOKEN_POOL_SIZE: '4' });
    await callApi(server.url, 'Authorize', { token: await newSession(server.url), body: NOMFA });
    upstream.delayMs = 20;
    const sessions = await Promise.all(Array.from({ length: 40 }, () => newSession(server.url)));
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        callApi(server.url, 'Authorize', { token: sessions[index % 40] ?? '', body: NOMFA }),
      ),
    );
    expect(
      answers.filter((answer) => answer.status !== 200).map((answer) => `${answer.status} ${answer.text}`),
    ).toEqual([]);
    const spent = authorizes().map((call) => call.authKey);
    expect(spent).toHaveLength(121);
    expect(new Set(spent).size).toBe(121);
    const issued = new Set(minted().map((call) => call.mintedToken));
    expect(spent.every((token) => issued.has(token ?? ''))).toBe(true);
  });

  it('mints nothing in a process nobody signs in to', async () => {
    const server = await proxyServer();
    const answer = await callApi(server.url, 'Institutions', {
      method: 'GET',
      token: await newSession(server.url),
    });
    expect(answer.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(minted()).toHaveLength(0);
  });

  it('falls back to minting inline when the bank will not mint ahead, and says plainly why a sign-in fails', async () => {
    const server = await proxyServer({ FLINKS_TOKEN_POOL_SIZE: '4' });
    upstream.refuseMints = true;
    const refused = [];
    for (let index = 0; index < 4; index += 1) {
      refused.push(
        await callApi(server.url, 'Authorize', { token: await newSession(server.url), body: NOMFA }),
      );
    }
    for (const answer of refused) {
      expect(answer.status).toBe(502);
      expect(answer.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
      expect(answer.text).toContain('could not obtain an authorize token');
    }
    // No Authorize went out without a token, and the failing mints did not set off a storm: one per sign-in.
    expect(authorizes()).toHaveLength(0);
    expect(minted()).toHaveLength(4);
    expect(server.logs.join('\n')).toMatch(
      /token pool: GenerateAuthorizeToken failed 3 times in a row \(last status 502\)/,
    );

    // The bank mints again: the next sign-in mints its own, succeeds, and the pool fills once more.
    upstream.refuseMints = false;
    const recovered = await callApi(server.url, 'Authorize', {
      token: await newSession(server.url),
      body: NOMFA,
    });
    expect(recovered.status).toBe(200);
    await vi.waitFor(() => expect(minted().filter((call) => call.mintedToken)).toHaveLength(5));
    const pooled = new Set(minted().map((call) => call.mintedToken));
    upstream.reset();
    const warm = await callApi(server.url, 'Authorize', { token: await newSession(server.url), body: NOMFA });
    expect(warm.status).toBe(200);
    expect(pooled.has(authorizes()[0]?.authKey ?? '')).toBe(true);
  });

  it('with FLINKS_TOKEN_POOL_SIZE=0, mints one token per sign-in and none ahead', async () => {
    const server = await proxyServer({ FLINKS_TOKEN_POOL_SIZE: '0' });
    for (let index = 0; index < 3; index += 1) {
      await callApi(server.url, 'Authorize', { token: await newSession(server.url), body: NOMFA });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.calls.map((call) => call.endpoint)).toEqual([
      'GenerateAuthorizeToken',
      'Authorize',
      'GenerateAuthorizeToken',
      'Authorize',
      'GenerateAuthorizeToken',
      'Authorize',
    ]);
  });
});

describe('the authorize-token pool, on its own clock', () => {
  /** A bank that mints numbered tokens and remembers when. */
  function fakeMint() {
    const mintedAt = new Map<string, number>();
    let fail = false;
    const mint = vi.fn(async (): Promise<Minted> => {
      await Promise.resolve();
      if (fail) return { failure: new Response(null, { status: 503 }) };
      const token = `token-${mintedAt.size + 1}`;
      mintedAt.set(token, Date.now());
      return { token };
    });
    return { mint, mintedAt, failing: (value: boolean) => (fail = value) };
  }

  it('mints at most its size per refresh period while nobody signs in, over ten periods', async () => {
    vi.useFakeTimers();
    const bank = fakeMint();
    const pool = createTokenPool({ size: 5, maxAgeMs: 60_000, mint: bank.mint });
    await pool.take();
    await vi.advanceTimersByTimeAsync(0);
    const afterFirst = bank.mint.mock.calls.length;
    expect(afterFirst).toBe(6);
    for (let period = 0; period < 10; period += 1) {
      const before = bank.mint.mock.calls.length;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(bank.mint.mock.calls.length - before).toBeLessThanOrEqual(5);
    }
    expect(pool.ready()).toBe(5);
    pool.close();
  });

  it('never hands out a token older than its refresh time, and never one older than 25 minutes', async () => {
    vi.useFakeTimers();
    const bank = fakeMint();
    // Asked for 2 hours: held to 30 minutes' validity minus the 5-minute margin.
    const pool = createTokenPool({ size: 3, maxAgeMs: 2 * 3_600_000, mint: bank.mint });
    await pool.take();
    await vi.advanceTimersByTimeAsync(0);
    for (let step = 0; step < 40; step += 1) {
      await vi.advanceTimersByTimeAsync(7 * 60_000 + 13_000);
      const taken = await pool.take();
      if (!('token' in taken)) throw new Error('no token');
      const age = Date.now() - (bank.mintedAt.get(taken.token) ?? 0);
      expect(age).toBeLessThan(TOKEN_POOL_MAX_AGE_MS);
    }
    pool.close();
  });

  it('stops minting ahead after three failures in a row, and starts again once a sign-in mints', async () => {
    vi.useFakeTimers();
    const bank = fakeMint();
    const lines: string[] = [];
    const pool = createTokenPool({
      size: 4,
      maxAgeMs: 60_000,
      mint: bank.mint,
      log: (line) => lines.push(line),
    });
    bank.failing(true);
    const first = await pool.take();
    expect(first).toHaveProperty('failure');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // One failed sign-in and no background retries: the pool starts only on a successful mint.
    expect(bank.mint.mock.calls.length).toBe(1);
    await pool.take();
    await pool.take();
    expect(lines).toEqual([expect.stringContaining('failed 3 times in a row (last status 503)')]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(bank.mint.mock.calls.length).toBe(3);

    bank.failing(false);
    expect(await pool.take()).toHaveProperty('token');
    await vi.advanceTimersByTimeAsync(0);
    expect(pool.ready()).toBe(4);
    pool.close();
  });

  it('reads its size and refresh time from the environment, and refuses a refresh past the margin', () => {
    const base = {
      FLINKS_INSTANCE: 'toolbox',
      FLINKS_CUSTOMER_ID: 'cust',
      FLINKS_SECRET_KEY: 'secret',
      ...SESSION_ENV,
    };
    expect(parseConfig(base).proxy?.tokenPool).toEqual({ size: 4, maxAgeMs: 25 * 60_000 });
    expect(
      parseConfig({ ...base, FLINKS_TOKEN_POOL_SIZE: '16', FLINKS_TOKEN_POOL_REFRESH_MS: '600000' }).proxy
        ?.tokenPool,
    ).toEqual({ size: 16, maxAgeMs: 600_000 });
    expect(() => parseConfig({ ...base, FLINKS_TOKEN_POOL_REFRESH_MS: '1800000' })).toThrow(
      /FLINKS_TOKEN_POOL_REFRESH_MS must be a whole number from 1000 to 1500000/,
    );
    // Large enough for the sign-ins that start within one mint's time at 2,000 in flight, and bounded.
    expect(parseConfig({ ...base, FLINKS_TOKEN_POOL_SIZE: '2000' }).proxy?.tokenPool?.size).toBe(2000);
    expect(() => parseConfig({ ...base, FLINKS_TOKEN_POOL_SIZE: '4097' })).toThrow(
      /FLINKS_TOKEN_POOL_SIZE must be a whole number from 0 to 4096/,
    );
  });
});
