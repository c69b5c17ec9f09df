import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisState } from '../../server/shared-state';
import {
  callApi,
  newSession,
  NOMFA,
  postSession,
  startCountingUpstream,
  startProxyServer,
  type CountingUpstream,
  type RunningServer,
  PARTNER,
} from './attack-helpers';
import { API_KEY } from './sessions-helpers';

/**
 * Two server processes of one deployment (same CONNECT_SESSION_SECRET, one Redis), as a load balancer without sticky
 * sessions would use them: each honours the other's sessions, RequestIds and limits, and both refuse every call
 * (fail closed) when Redis is gone. Runs against a real redis-server that this file starts on loopback.
 */
const REDIS_SERVER = '/usr/bin/redis-server';
const hasRedis = existsSync(REDIS_SERVER);

/** A free port in this suite's range (5600-5699). */
async function freePort(): Promise<number> {
  for (let port = 5600; port < 5700; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free port in 5600-5699 for redis-server');
}

function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const redis = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    redis.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(redis);
      }
    });
    redis.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${String(code)}:\n${output}`));
    });
  });
}

function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    redis.once('exit', () => resolve());
    redis.kill('SIGTERM');
  });
}

const QUESTION = 'Which of these streets have you lived on?';

describe.skipIf(!hasRedis)(
  hasRedis
    ? 'two server processes sharing one Redis'
    : `two server processes sharing one Redis (SKIPPED: ${REDIS_SERVER} is missing; apt-get install redis-server)`,
  () => {
    let redis: ChildProcess;
    let upstream: CountingUpstream;
    let a: RunningServer;
    let b: RunningServer;
    let redisUrl: string;
    const states: RedisState[] = [];

    async function startProcess(redisUrl: string): Promise<RunningServer> {
      const state = new RedisState(redisUrl);
      states.push(state);
      return startProxyServer(
        upstream.url,
        { REDIS_URL: redisUrl },
        { state, limits: { callsPerAddressPerMinute: 100_000 } },
      );
    }

    beforeAll(async () => {
      const port = await freePort();
      redis = await startRedis(port);
      upstream = await startCountingUpstream();
      redisUrl = `redis://127.0.0.1:${port}`;
      a = await startProcess(redisUrl);
      b = await startProcess(redisUrl);
    }, 20_000);

    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      await Promise.all(states.map((state) => state.close()));
      await upstream.close();
      await stopRedis(redis);
    }, 20_000);

    beforeEach(() => {
      upstream.reset();
    });

    it('ends on B, at once, a session revoked on A with DELETE /connect/sessions/{id}', async () => {
      const created = await postSession(a.url);
      const token = String(created.json.sessionToken);
      const sessionId = String(created.json.sessionId);
      expect(sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const first = await callApi(b.url, 'Authorize', { token, body: NOMFA });
      expect(first.status).toBe(200);

      const revoke = (url: string, key: string | null = API_KEY) =>
        fetch(`${url}/connect/sessions/${sessionId}`, {
          method: 'DELETE',
          headers: key === null ? {} : { authorization: `Bearer ${key}` },
        });
      // Without the partner's key, nobody may end a session (nor learn whether it exists).
      expect((await revoke(a.url, null)).status).toBe(401);
      expect((await revoke(a.url, `${API_KEY}x`)).status).toBe(401);
      expect(
        (await callApi(b.url, 'GetAccountsSummary', { token, body: { RequestId: first.json.RequestId } }))
          .status,
      ).toBe(200);

      expect((await revoke(a.url)).status).toBe(204);
      upstream.reset();
      for (const process of [a, b]) {
        const summary = await callApi(process.url, 'GetAccountsSummary', {
          token,
          body: { RequestId: first.json.RequestId },
        });
        expect(summary.status).toBe(401);
        expect(summary.json).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
        const oauth = await fetch(`${process.url}/v3/oauth/state`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, origin: PARTNER, 'content-type': 'application/json' },
          body: JSON.stringify({ institution: 'FlinksCapital' }),
        });
        expect(oauth.status).toBe(401);
      }
      expect(upstream.calls).toEqual([]);
      // Another session of the same partner is untouched.
      expect(
        (await callApi(b.url, 'Authorize', { token: await newSession(a.url), body: NOMFA })).status,
      ).toBe(200);
    });

    it('honours on B a session created on A', async () => {
      const token = await newSession(a.url);
      const answer = await callApi(b.url, 'Authorize', { token, body: NOMFA });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ HttpStatusCode: 200, Institution: 'FlinksCapital' });
      const summary = await callApi(a.url, 'GetAccountsSummary', {
        token,
        body: { RequestId: answer.json.RequestId },
      });
      expect(summary.status).toBe(200);
      expect(summary.json.Accounts).toEqual(expect.arrayContaining([expect.anything()]));
    });

    it('takes on B the MFA answer to a RequestId obtained on A, and refuses it to another session on either', async () => {
      const owner = await newSession(a.url);
      const challenge = await callApi(a.url, 'Authorize', {
        token: owner,
        body: { ...NOMFA, Username: 'test_mfa_choice' },
      });
      expect(challenge.json).toMatchObject({ HttpStatusCode: 203 });
      const requestId = String(challenge.json.RequestId);
      upstream.reset();

      const intruder = await newSession(b.url);
      for (const process of [a, b]) {
        const answer = await callApi(process.url, 'Authorize', {
          token: intruder,
          body: { RequestId: requestId, SecurityResponses: { [QUESTION]: ['Rue Sherbrooke'] } },
        });
        expect(answer.status).toBe(403);
        const detail = await callApi(process.url, `GetAccountsDetailAsync/${requestId}`, {
          method: 'GET',
          token: intruder,
        });
        expect(detail.status).toBe(403);
      }
      expect(upstream.calls).toEqual([]);

      const answered = await callApi(b.url, 'Authorize', {
        token: owner,
        body: { RequestId: requestId, SecurityResponses: { [QUESTION]: ['Rue Sherbrooke'] } },
      });
      expect(answered.json).toMatchObject({ HttpStatusCode: 200, RequestId: requestId });
      const detail = await callApi(a.url, `GetAccountsDetailAsync/${requestId}`, {
        method: 'GET',
        token: owner,
      });
      expect(detail.status).toBe(200);
    });

    it('counts sign-ins across both: 20 in one session, wherever they land', async () => {
      const token = await newSession(a.url);
      const statuses: number[] = [];
      for (let index = 0; index < 30; index += 1) {
        const process = index % 2 === 0 ? a : b;
        const answer = await callApi(process.url, 'Authorize', {
          token,
          body: { ...NOMFA, Password: `guess-${index}` },
        });
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
      expect(statuses.slice(20)).toEqual(Array.from({ length: 10 }, () => 429));
      expect(upstream.spent()).toBe(20);
    });

    it('refuses more than 30 wrong API keys a minute, even when 400 arrive at once on both processes', async () => {
      const admin = new Redis(redisUrl);
      const burst = async () => {
        const answers = await Promise.allSettled(
          Array.from({ length: 400 }, (_, index) =>
            postSession((index % 2 === 0 ? a : b).url, {}, `Bearer wrong-${index}-xxxxxxxxxxxxxxxxxxxx`),
          ),
        );
        // A connection the loaded loopback drops is no refusal counted: only answered 401s are.
        return answers.filter((answer) => answer.status === 'fulfilled' && answer.value.status === 401)
          .length;
      };
      try {
        // The first burst warms both processes up; the second comes as fast as a scripted attacker's would.
        await burst();
        await admin.flushall();
        const refusedWithoutLimit = await burst();
        expect(refusedWithoutLimit).toBeLessThanOrEqual(30);
      } finally {
        // Every call here came from one address: lift its lockout for the tests that follow.
        await admin.flushall();
        await admin.quit();
      }
    }, 30_000);

    it('never refuses the right key on either process once 30 refusals locked the address out (issue 22)', async () => {
      const admin = new Redis(redisUrl);
      try {
        const wrong: number[] = [];
        for (let index = 0; index < 31; index += 1) {
          const process = index % 2 === 0 ? a : b;
          const key = index % 3 === 0 ? null : `Bearer wrong-${index}-xxxxxxxxxxxxxxxxxxxx`;
          wrong.push((await postSession(process.url, {}, key)).status);
        }
        // Missing and wrong keys alike, counted once across both processes.
        expect(wrong).toEqual([...Array.from({ length: 30 }, () => 401), 429]);
        for (const process of [a, b]) {
          expect((await postSession(process.url)).status).toBe(201);
          expect((await postSession(process.url, {}, 'Bearer wrong-after-xxxxxxxxxxxxxxxxxxxx')).status).toBe(
            429,
          );
        }
      } finally {
        await admin.flushall();
        await admin.quit();
      }
    });

    it('refuses every call (503) and calls no bank when Redis is gone: it fails closed', async () => {
      const token = await newSession(a.url);
      const ready = await newSession(b.url);
      await stopRedis(redis);
      upstream.reset();

      for (const process of [a, b]) {
        const signIn = await callApi(process.url, 'Authorize', { token, body: NOMFA });
        expect(signIn.status).toBe(503);
        expect(signIn.json).toMatchObject({ FlinksCode: 'RETRY_LATER' });
        const read = await callApi(process.url, 'GetAccountsSummaryAsync/some-request', {
          method: 'GET',
          token: ready,
        });
        expect(read.status).toBe(503);
        const wrongKey = await postSession(process.url, {}, 'Bearer wrong-key-xxxxxxxxxxxxxxxxxxxx');
        expect(wrongKey.status).toBe(503);
      }
      expect(upstream.calls).toEqual([]);
      expect(upstream.spent()).toBe(0);
    }, 30_000);
  },
);
