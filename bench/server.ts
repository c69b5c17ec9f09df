/**
 * `npm run bench:server`: the server under many sign-ins at once against a slow bank, on loopback only, bounded in
 * count and time. The bench (the clients) runs here; the server and the stand-in for Flinks each run in a process of
 * their own (bench/server-process.ts), so the memory and event-loop figures are the server's alone.
 *
 * Per level of connections in flight (each client its own loopback address 127.x.y.z, so the per-address cap
 * CONNECT_MAX_IN_FLIGHT_PER_ADDRESS is left at its default and honest): sign-ins completed per second, the server's
 * own added latency p50/p95/p99 (time at the client minus the bank's time, per call), event-loop delay p99, peak RSS
 * and heap, and the bank round trips a sign-in waited for. Then `/embed.html` (the server-drawn first screen) at a
 * fixed rate: p95 time. Then the same with two server processes sharing Redis (redis-server, started here).
 *
 *   npm run bench:server                            levels 200, 1000, 2000; bank latency 2 s
 *   npm run bench:server -- --latency 300 --levels 50,200 --rounds 1 --first-screen-seconds 2
 *   npm run bench:server -- --no-redis              one process only
 *   npm run bench:server -- --pool 64               FLINKS_TOKEN_POOL_SIZE per process (default: the level's
 *                                                   connections on that process, so a burst finds its tokens ready)
 *   npm run bench:server -- --help
 *
 * Exits 1 when a budget is not met (bench/budgets.ts, issue 26).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { createServer, connect } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliDecompressSync } from 'node:zlib';
import { appBuildIsStale, buildApp } from '../server/build';
import { TOKEN_POOL_MAX_SIZE } from '../server/token-pool';
import {
  SERVER_ADDED_P95_MS,
  SERVER_FIRST_SCREEN_P95_MS,
  SERVER_IN_FLIGHT,
  SERVER_LOOP_P99_MS,
  SERVER_ROUND_TRIPS_PER_SIGN_IN,
  SERVER_RSS_MB,
} from './budgets';
import type { ProcessStats } from './server-process';
import { ROOT } from './sizes';
import { mark, renderTable, type Row } from './table';

const { values: args } = parseArgs({
  options: {
    latency: { type: 'string', default: '2000' },
    'mint-latency': { type: 'string' },
    levels: { type: 'string', default: '200,1000,2000' },
    rounds: { type: 'string', default: '2' },
    pool: { type: 'string' },
    'first-screen-rate': { type: 'string', default: '200' },
    'first-screen-seconds': { type: 'string', default: '5' },
    'max-seconds': { type: 'string', default: '900' },
    'no-redis': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(
    'npm run bench:server -- [--latency ms] [--mint-latency ms] [--levels 200,1000,2000] [--rounds 2] [--pool n]\n' +
      '                        [--first-screen-rate 200] [--first-screen-seconds 5] [--max-seconds 900] [--no-redis]',
  );
  process.exit(0);
}

const whole = (name: string, value: string | undefined, min: number): number => {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min)
    throw new Error(`--${name} must be a whole number >= ${min}`);
  return parsed;
};
const LATENCY_MS = whole('latency', args.latency, 1);
const MINT_LATENCY_MS = whole('mint-latency', args['mint-latency'] ?? args.latency, 0);
const LEVELS = (args.levels ?? '').split(',').map((level) => whole('levels', level.trim(), 1));
const ROUNDS = whole('rounds', args.rounds, 1);
const FIRST_SCREEN_RATE = whole('first-screen-rate', args['first-screen-rate'], 1);
const FIRST_SCREEN_SECONDS = whole('first-screen-seconds', args['first-screen-seconds'], 1);
const MAX_SECONDS = whole('max-seconds', args['max-seconds'], 10);
const MAX_LEVEL = 5000;
if (LEVELS.some((level) => level > MAX_LEVEL)) throw new Error(`--levels: at most ${MAX_LEVEL} connections`);

const PARTNER = 'https://partner.example';
const API_KEY = `bench-${randomBytes(18).toString('hex')}`;
const NOMFA = { Institution: 'FlinksCapital', Username: 'greatday_nomfa', Password: 'Everyday' };
const MB = 1024 * 1024;
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);
const deadline = setTimeout(() => {
  console.error(`bench:server: stopped after --max-seconds ${MAX_SECONDS}`);
  stopAll();
  process.exit(2);
}, MAX_SECONDS * 1000);
deadline.unref();

// ---- processes ------------------------------------------------------------------------------------------------

interface Child {
  process: ChildProcess;
  url: string;
  stats(reset?: boolean): Promise<ProcessStats>;
}

function startChild(mode: 'upstream' | 'server', env: Record<string, string>): Promise<Child> {
  const child = fork(join(ROOT, 'bench/server-process.ts'), [mode], {
    // BENCH_CPU_PROFILE=dir: a CPU profile of each server process, for DevTools.
    execArgv: [
      '--import',
      'tsx',
      ...(mode === 'server' && process.env.BENCH_CPU_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const pending: ((stats: ProcessStats) => void)[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the ${mode} process exited (${code}) before it was ready`)),
    );
    child.on('message', (message: { type: string; url?: string; stats?: ProcessStats }) => {
      if (message.type === 'ready' && message.url) {
        resolve({
          process: child,
          url: message.url,
          stats: (reset = false) =>
            new Promise((answer) => {
              pending.push(answer);
              child.send({ type: 'stats', reset });
            }),
        });
      } else if (message.type === 'stats' && message.stats) {
        pending.shift()?.(message.stats);
      }
    });
  });
}

async function stopChild(child: Child) {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  children.push(redis);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (up) break;
    await sleep(100);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => redis.once('exit', resolve));
      redis.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- clients --------------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function call(
  url: string,
  agent: Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const target = new URL(path, url);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('latin1'),
            ms: performance.now() - started,
          }),
        );
        response.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }));
    req.end(body);
  });
}

/** Client `index`'s own loopback address: 127.1.0.1, 127.1.0.2, ... (never .0 or .255). */
const addressOf = (index: number) =>
  `127.${1 + Math.floor(index / 62_500)}.${Math.floor(index / 250) % 250}.${1 + (index % 250)}`;

const backend = new Agent({ keepAlive: true, maxSockets: 32 });

async function newSession(url: string): Promise<string> {
  const answer = await call(
    url,
    backend,
    'POST',
    '/connect/sessions',
    { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    JSON.stringify({ parentOrigin: PARTNER }),
  );
  if (answer.status !== 201) throw new Error(`no session: ${answer.status} ${answer.body.slice(0, 200)}`);
  return (JSON.parse(answer.body) as { sessionToken: string }).sessionToken;
}

async function inBatches<T>(count: number, batch: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += batch) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, count - start) }, (_, i) => make(start + i)),
      )),
    );
  }
  return out;
}

const apiHeaders = (token: string) => ({
  authorization: `Bearer ${token}`,
  origin: PARTNER,
  'content-type': 'application/json',
});

interface SignIn {
  ok: boolean;
  statuses: number[];
  authorizeMs: number;
  summaryMs: number;
}

async function signIn(url: string, agent: Agent, token: string): Promise<SignIn> {
  const path = '/v3/any/BankingServices';
  const authorize = await call(
    url,
    agent,
    'POST',
    `${path}/Authorize`,
    apiHeaders(token),
    JSON.stringify(NOMFA),
  );
  let requestId: unknown;
  try {
    requestId = (JSON.parse(authorize.body) as { RequestId?: unknown }).RequestId;
  } catch {
    requestId = undefined;
  }
  if (authorize.status !== 200 || typeof requestId !== 'string') {
    return { ok: false, statuses: [authorize.status], authorizeMs: authorize.ms, summaryMs: Number.NaN };
  }
  const summary = await call(
    url,
    agent,
    'POST',
    `${path}/GetAccountsSummary`,
    apiHeaders(token),
    JSON.stringify({ RequestId: requestId }),
  );
  return {
    ok: summary.status === 200,
    statuses: [authorize.status, summary.status],
    authorizeMs: authorize.ms,
    summaryMs: summary.ms,
  };
}

const percentile = (values: number[], fraction: number) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN
  );
};

// ---- one scenario ---------------------------------------------------------------------------------------------

interface LevelResult {
  scenario: string;
  connections: number;
  signIns: number;
  errors: number;
  refusals: Record<string, number>;
  perSecond: number;
  added: { p50: number; p95: number; p99: number };
  loopP99Ms: number;
  rssMb: number;
  heapMb: number;
  roundTrips: number;
  /** Server CPU time per sign-in (its two calls and its share of the minting), all processes together. */
  cpuMsPerSignIn: number;
  poolSize: number;
  maxInFlight: number;
}

async function runLevel(
  scenario: string,
  servers: Child[],
  upstream: Child,
  connections: number,
  settings: { poolSize: number; maxInFlight: number },
): Promise<LevelResult> {
  const target = (index: number) => servers[index % servers.length] as Child;
  const tokens = await inBatches(connections * ROUNDS, 64, (index) => newSession(target(index).url));
  // The pool starts with a process's first sign-in: one each, then the time for the pool to fill.
  await Promise.all(
    servers.map(async (server, index) =>
      signIn(
        server.url,
        new Agent({ keepAlive: false, localAddress: `127.0.0.${200 + index}` }),
        await newSession(server.url),
      ),
    ),
  );
  await sleep(MINT_LATENCY_MS + 500);
  await Promise.all([...servers.map((server) => server.stats(true)), upstream.stats(true)]);

  let rss = 0;
  let heap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      for (const stats of await Promise.all(servers.map((server) => server.stats()))) {
        rss = Math.max(rss, stats.rssBytes);
        heap = Math.max(heap, stats.heapUsedBytes);
      }
      await sleep(250);
    }
  })();

  const started = performance.now();
  const results = (
    await Promise.all(
      Array.from({ length: connections }, async (_, client) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: addressOf(client) });
        const mine: SignIn[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          mine.push(await signIn(target(client).url, agent, tokens[round * connections + client] ?? ''));
        }
        agent.destroy();
        return mine;
      }),
    )
  ).flat();
  const elapsedS = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const serverStats = await Promise.all(servers.map((server) => server.stats()));

  const completed = results.filter((result) => result.ok);
  const refusals: Record<string, number> = {};
  for (const result of results) {
    for (const status of result.statuses) if (status !== 200) refusals[status] = (refusals[status] ?? 0) + 1;
  }
  const added = completed.flatMap((result) => [
    result.authorizeMs - LATENCY_MS,
    result.summaryMs - LATENCY_MS,
  ]);
  // Each mint a sign-in waited for (its server logs it so) is one more bank round trip on its path.
  const mintsOnPath = serverStats.reduce((sum, stats) => sum + (stats.mintsOnPath ?? 0), 0);
  return {
    scenario,
    connections,
    signIns: completed.length,
    errors: results.length - completed.length,
    refusals,
    perSecond: completed.length / elapsedS,
    added: { p50: percentile(added, 0.5), p95: percentile(added, 0.95), p99: percentile(added, 0.99) },
    loopP99Ms: Math.max(...serverStats.map((stats) => stats.loopP99Ms)),
    rssMb: rss / MB,
    heapMb: heap / MB,
    cpuMsPerSignIn: serverStats.reduce((sum, stats) => sum + stats.cpuMs, 0) / Math.max(1, results.length),
    roundTrips: results.length === 0 ? Number.NaN : 1 + mintsOnPath / results.length,
    ...settings,
  };
}

interface FirstScreenResult {
  scenario: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  rate: number;
}

async function firstScreen(scenario: string, servers: Child[]): Promise<FirstScreenResult> {
  const query = new URLSearchParams({ parentOrigin: PARTNER, institution: 'FlinksCapital' });
  const headers = { 'sec-fetch-dest': 'iframe', 'accept-encoding': 'br' };
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const probe = await call((servers[0] as Child).url, agent, 'GET', `/embed.html?${query}`, headers);
  const html = brotliDecompressSync(Buffer.from(probe.body, 'latin1')).toString('utf8');
  if (probe.status !== 200 || !html.includes('data-first-screen')) {
    throw new Error(`/embed.html did not draw its first screen (${probe.status})`);
  }
  // A server just started compiles its code on the first pages: 100 drawn first, not counted.
  await inBatches(100, 10, (index) =>
    call((servers[index % servers.length] as Child).url, agent, 'GET', `/embed.html?${query}`, headers),
  );
  const count = FIRST_SCREEN_RATE * FIRST_SCREEN_SECONDS;
  const interval = 1000 / FIRST_SCREEN_RATE;
  const pending: Promise<Answer>[] = [];
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(
      call((servers[index % servers.length] as Child).url, agent, 'GET', `/embed.html?${query}`, headers),
    );
  }
  const answers = await Promise.all(pending);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  const times = answers.map((answer) => answer.ms);
  return {
    scenario,
    requests: answers.length,
    errors: answers.filter((answer) => answer.status !== 200).length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    rate: answers.length / elapsedS,
  };
}

async function scenario(name: string, processes: number, redisUrl: string | null, upstream: Child) {
  const levels: LevelResult[] = [];
  let screen: FirstScreenResult | null = null;
  for (const level of LEVELS) {
    const perProcess = Math.ceil(level / processes);
    const poolSize =
      args.pool === undefined ? Math.min(perProcess, TOKEN_POOL_MAX_SIZE) : whole('pool', args.pool, 0);
    // The default cap (1024) stays unless a level needs more: then it is raised and the table says so.
    const maxInFlight = Math.max(1024, Math.ceil(perProcess * 1.25));
    const env: Record<string, string> = {
      PORT: '0',
      FLINKS_INSTANCE: 'bench',
      FLINKS_CUSTOMER_ID: 'bench-customer',
      FLINKS_SECRET_KEY: randomBytes(24).toString('hex'),
      FLINKS_UPSTREAM_URL: upstream.url,
      FLINKS_TOKEN_POOL_SIZE: String(poolSize),
      CONNECT_API_KEYS: API_KEY,
      CONNECT_SESSION_SECRET: randomBytes(32).toString('hex'),
      CONNECT_ALLOWED_ORIGINS: PARTNER,
      CONNECT_MAX_IN_FLIGHT: String(maxInFlight),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const servers = await Promise.all(Array.from({ length: processes }, () => startChild('server', env)));
    try {
      if (screen === null) {
        screen = await firstScreen(name, servers);
        console.log(
          `${name}: /embed.html p95 ${screen.p95.toFixed(1)} ms at ${screen.rate.toFixed(0)} req/s`,
        );
      }
      const result = await runLevel(name, servers, upstream, level, { poolSize, maxInFlight });
      console.log(
        `${name}: ${level} in flight: ${result.signIns} sign-ins, ${result.errors} errors, ` +
          `added p95 ${result.added.p95.toFixed(1)} ms, loop p99 ${result.loopP99Ms.toFixed(1)} ms, ` +
          `RSS ${result.rssMb.toFixed(0)} MB`,
      );
      levels.push(result);
    } finally {
      await Promise.all(servers.map(stopChild));
    }
  }
  return { levels, screen };
}

// ---- main -----------------------------------------------------------------------------------------------------

async function main() {
  if (appBuildIsStale()) {
    console.log('Building the pages the server draws (npm run build:app)...');
    await buildApp({ quiet: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const upstream = await startChild('upstream', {
    BENCH_LATENCY_MS: String(LATENCY_MS),
    BENCH_MINT_LATENCY_MS: String(MINT_LATENCY_MS),
  });
  const runs = [await scenario('1 process', 1, null, upstream)];
  if (!args['no-redis']) {
    const redis = await startRedis();
    try {
      runs.push(await scenario('2 processes + Redis', 2, redis.url, upstream));
    } finally {
      await redis.stop();
    }
  }
  await stopChild(upstream);

  const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  const rows: Row[] = [];
  for (const { levels, screen } of runs) {
    rows.push({ section: levels[0]?.scenario ?? '' });
    for (const level of levels) {
      const refused = Object.entries(level.refusals)
        .map(([status, count]) => `${count}×${status}`)
        .join(' ');
      rows.push({
        cells: [
          `${level.connections} in flight`,
          `${level.signIns} (${level.errors} err${refused ? `: ${refused}` : ''})`,
          f(level.perSecond),
          `${f(level.added.p50)} / ${f(level.added.p95)} / ${f(level.added.p99)}`,
          f(level.loopP99Ms),
          `${f(level.rssMb, 0)} / ${f(level.heapMb, 0)}`,
          f(level.roundTrips, 2),
          f(level.cpuMsPerSignIn, 2),
          `${level.poolSize} / ${level.maxInFlight}${level.maxInFlight > 1024 ? ' (raised)' : ''}`,
        ],
      });
    }
    if (screen) {
      rows.push({
        cells: [
          '/embed.html',
          `${screen.requests} (${screen.errors} err)`,
          f(screen.rate),
          `p50 ${f(screen.p50)} / p95 ${f(screen.p95)}`,
          '',
          '',
          '',
          '',
          '',
        ],
      });
    }
  }
  console.log(
    `\nbench:server: bank latency ${LATENCY_MS} ms (mint ${MINT_LATENCY_MS} ms), ${ROUNDS} sign-in(s) per connection ` +
      `(Authorize + GetAccountsSummary), each connection its own 127.x.y.z; ${machine}; load average ${loadBefore} ` +
      `before, ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} after\n`,
  );
  console.log(
    renderTable(
      [
        'level',
        'sign-ins',
        'per s',
        'added ms p50/p95/p99',
        'loop p99 ms',
        'RSS / heap MB',
        'bank trips',
        'CPU ms/sign-in',
        'pool / CONNECT_MAX_IN_FLIGHT',
      ],
      rows,
    ),
  );

  const all = runs.flatMap((run) => run.levels);
  const top = all.filter((level) => level.connections >= SERVER_IN_FLIGHT);
  const checks: [string, boolean | null][] = [
    [
      `${SERVER_IN_FLIGHT} connections in flight on one process, no error`,
      top.length === 0
        ? null
        : top.filter((level) => level.scenario === '1 process').every((level) => level.errors === 0),
    ],
    ['no error at any level', all.every((level) => level.errors === 0)],
    [
      `added latency p95 <= ${SERVER_ADDED_P95_MS} ms`,
      all.every((level) => level.added.p95 <= SERVER_ADDED_P95_MS),
    ],
    [
      `event-loop delay p99 <= ${SERVER_LOOP_P99_MS} ms`,
      all.every((level) => level.loopP99Ms <= SERVER_LOOP_P99_MS),
    ],
    [`RSS <= ${SERVER_RSS_MB} MB`, all.every((level) => level.rssMb <= SERVER_RSS_MB)],
    [
      `first screen p95 <= ${SERVER_FIRST_SCREEN_P95_MS} ms at ${FIRST_SCREEN_RATE} req/s`,
      runs.every((run) => run.screen !== null && run.screen.p95 <= SERVER_FIRST_SCREEN_P95_MS),
    ],
    [
      `bank round trips per sign-in = ${SERVER_ROUND_TRIPS_PER_SIGN_IN} (with the pool)`,
      all.every((level) => level.roundTrips <= SERVER_ROUND_TRIPS_PER_SIGN_IN),
    ],
  ];
  console.log('');
  for (const [label, passed] of checks) {
    console.log(`${(mark(passed) || 'not run').padEnd(7)} ${label}`);
  }
  backend.destroy();
  process.exitCode = checks.some(([, passed]) => passed === false) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(2);
});
