/**
 * The processes `npm run bench:server` starts, each on its own so that what it measures is theirs alone:
 *
 *   tsx bench/server-process.ts upstream   a stand-in for Flinks: the sandbox, each call held BENCH_LATENCY_MS
 *                                          (GenerateAuthorizeToken: BENCH_MINT_LATENCY_MS); counts what it got
 *   tsx bench/server-process.ts server     `npm start` in proxy mode (its settings from the environment), reporting
 *                                          its event-loop delay, RSS and heap when asked
 *
 * Each tells the bench its URL over the IPC channel, then answers `{ type: 'stats', reset? }` messages.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { listenServerApp } from '../server/app';
import { parseConfig } from '../server/config';
import { createSandbox } from '../src/sandbox';
import { listen } from '../src/sandbox/node';

export interface ProcessStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay since the last reset, 99th percentile (ms). */
  loopP99Ms: number;
  loopMaxMs: number;
  /** CPU time (user + system) the process spent since the last reset (ms): a figure other load on the machine
   * barely changes, unlike the latencies. */
  cpuMs: number;
  /** The upstream only: calls by endpoint since the last reset. */
  calls?: Record<string, number>;
  /** The server only: authorize tokens minted on a sign-in's path (the pool was empty) since the last reset. */
  mintsOnPath?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: unknown) => process.send?.(message);

async function main() {
  const mode = process.argv[2];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const calls: Record<string, number> = {};
  let mintsOnPath = 0;
  let cpuSince = process.cpuUsage();
  let url: string;
  if (mode === 'upstream') {
    const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 2000);
    const mintLatencyMs = Number(process.env.BENCH_MINT_LATENCY_MS ?? latencyMs);
    const sandbox = createSandbox({
      latencyMs: 0,
      pendingMs: 0,
      rateLimit: { max: Number.POSITIVE_INFINITY, windowMs: 60_000 },
    });
    const server = await listen({
      port: 0,
      fetch: async (request) => {
        const endpoint = new URL(request.url).pathname.split('/BankingServices/')[1] ?? '';
        const name = endpoint.split('/')[0] ?? '';
        calls[name] = (calls[name] ?? 0) + 1;
        await sleep(name === 'GenerateAuthorizeToken' ? mintLatencyMs : latencyMs);
        return sandbox.fetch(request);
      },
    });
    url = server.url;
  } else if (mode === 'server') {
    const server = await listenServerApp(parseConfig(process.env), {
      log: (line) => {
        if (line.includes('GenerateAuthorizeToken') && line.endsWith('(for a sign-in)')) mintsOnPath += 1;
      },
    });
    url = server.url;
  } else {
    throw new Error(`bench/server-process.ts: unknown mode "${mode}" (upstream or server)`);
  }
  process.on('message', (message: { type?: string; reset?: boolean }) => {
    if (message.type !== 'stats') return;
    const memory = process.memoryUsage();
    const stats: ProcessStats = {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuSince)),
      ...(mode === 'upstream' ? { calls: { ...calls } } : { mintsOnPath }),
    };
    if (message.reset) {
      mintsOnPath = 0;
      cpuSince = process.cpuUsage();
      loop.reset();
      for (const name of Object.keys(calls)) delete calls[name];
    }
    send({ type: 'stats', stats });
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  send({ type: 'ready', url });
}

void main();
