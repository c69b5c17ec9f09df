import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  newSession,
  NOMFA,
  startCountingUpstream,
  startProxyServer,
  type CountingUpstream,
  type RunningServer,
} from './attack-helpers';

/**
 * A bounded load test on loopback: 200 people connecting at once through the proxy, each in their own connect
 * session and from their own address (behind a trusted load balancer at 127.0.0.1), each signing in and reading the
 * account summary. Every answer must be right, and memory must stay bounded. The figures go in the README.
 */
const CLIENTS = 200;
const MB = 1024 * 1024;

let upstream: CountingUpstream;
let server: RunningServer;

beforeAll(async () => {
  upstream = await startCountingUpstream();
  server = await startProxyServer(upstream.url, { CONNECT_TRUSTED_PROXIES: '127.0.0.1' });
});

afterAll(async () => {
  await server.close();
  await upstream.close();
});

interface Timed<T> {
  value: T;
  ms: number;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** One person: the partner's backend makes the session, then the widget signs in and reads the summary. */
async function connectOnce(index: number) {
  const token = await newSession(server.url);
  const headers = { 'x-forwarded-for': `10.${Math.floor(index / 250)}.${index % 250}.${1 + (index % 7)}` };
  const signIn = await timed(() => callApi(server.url, 'Authorize', { token, body: NOMFA, headers }));
  const requestId = signIn.value.json.RequestId;
  const summary = await timed(() =>
    callApi(server.url, 'GetAccountsSummary', { token, body: { RequestId: requestId }, headers }),
  );
  return { signIn, summary, requestId };
}

async function round(offset: number) {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: CLIENTS }, (_, index) => connectOnce(offset + index)),
  );
  return { results, elapsedMs: performance.now() - started };
}

function figuresOf(label: string, results: Awaited<ReturnType<typeof connectOnce>>[], elapsedMs: number) {
  const latencies = results.flatMap(({ signIn, summary }) => [signIn.ms, summary.ms]).sort((x, y) => x - y);
  const calls = latencies.length;
  console.info(
    `load (${label}): ${CLIENTS} concurrent sessions, ${calls} API calls through the proxy in ` +
      `${Math.round(elapsedMs)} ms, sessions created too (${Math.round(calls / (elapsedMs / 1000))} API requests/s); ` +
      `latency p50 ${Math.round(percentile(latencies, 0.5))} ms, p95 ${Math.round(percentile(latencies, 0.95))} ms, ` +
      `max ${Math.round(latencies[calls - 1] ?? Number.NaN)} ms; answers not 200: ` +
      `${results.flatMap(({ signIn, summary }) => [signIn, summary]).filter(({ value }) => value.status !== 200).length}`,
  );
}

describe('load', () => {
  it(`connects ${CLIENTS} people at once through the proxy, twice, with no error and bounded memory`, async () => {
    const rssBefore = process.memoryUsage().rss;
    // Cold: a fresh process (JIT, new connections); warm: the same again, as a server that has been up a while.
    const rounds = { cold: await round(0), warm: await round(CLIENTS) };
    const rssAfter = process.memoryUsage().rss;
    // The figures first, so a failing run still says what it measured.
    for (const [label, { results, elapsedMs }] of Object.entries(rounds))
      figuresOf(label, results, elapsedMs);
    console.info(`load: rss ${Math.round(rssBefore / MB)} MB -> ${Math.round(rssAfter / MB)} MB`);

    for (const { results } of Object.values(rounds)) {
      for (const { signIn, summary, requestId } of results) {
        expect(signIn.value.status).toBe(200);
        expect(signIn.value.json).toMatchObject({ HttpStatusCode: 200, Institution: 'FlinksCapital' });
        expect(requestId).toEqual(expect.any(String));
        expect(summary.value.status).toBe(200);
        expect(summary.value.json).toMatchObject({ HttpStatusCode: 200, RequestId: requestId });
        expect(summary.value.json.Accounts).toEqual(expect.arrayContaining([expect.anything()]));
      }
    }
    const requestIds = Object.values(rounds).flatMap(({ results }) =>
      results.map((result) => result.requestId),
    );
    expect(new Set(requestIds).size).toBe(2 * CLIENTS);
    expect(upstream.spent()).toBe(2 * CLIENTS);
    expect(upstream.forwarded()).toHaveLength(4 * CLIENTS);

    for (const [label, { results, elapsedMs }] of Object.entries(rounds))
      figuresOf(label, results, elapsedMs);
    console.info(`load: rss ${Math.round(rssBefore / MB)} MB -> ${Math.round(rssAfter / MB)} MB`);
    expect(rssAfter - rssBefore).toBeLessThan(150 * MB);
  }, 60_000);
});
