/**
 * `npm run bench`: builds for production, then prints one table (sizes, throttled cold load, React commits per
 * keystroke, API calls per flow) and writes bench/results.json. The previous results.json, when there is one, is
 * shown beside each number.
 *
 *   npm run bench                      build, then measure
 *   npm run bench -- --no-build        measure the build already in dist/
 *   npm run bench -- --runs 3          fewer cold loads (default 5)
 *   npm run bench -- --dist /tmp/dist  measure another build (dist/app and dist/lib inside)
 *   npm run bench -- --only keystroke  measure only the keystroke in the bank search (no sizes, loads or perf
 *                                      tests; bench/results.json is left as it is), e.g. 3 times while profiling:
 *                                      npm run bench -- --no-build --only keystroke --repeat 3
 *   npm run bench -- --only keystroke --profile /tmp/keys.cpuprofile   and a CPU profile of the keys (DevTools)
 *   npm run bench -- --help            this help
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  COMMITS_PER_KEYSTROKE,
  FORM_USABLE_MS,
  FORM_USABLE_VS_FLOOR,
  KEYSTROKE_FRAMES,
  KEYSTROKE_SCRIPT_MS,
  THROTTLING,
} from './budgets';
import { measureKeystroke, type KeystrokeReport } from './keystroke';
import { measureLoad, type LoadReport, type Stats } from './load';
import { measureSizes, ROOT, type SizeResult } from './sizes';
import { kB, mark, ms, renderTable, type Row } from './table';
import type { FlowReport } from './widget-harness';

const RESULTS = join(ROOT, 'bench', 'results.json');
const PERF_TESTS = ['test/unit/perf-renders.test.tsx', 'test/unit/perf-requests.test.tsx'];

interface RenderResult {
  field: string;
  keystrokes: number;
  commits: number;
}

interface PendingWait {
  windowMs: number;
  pollIntervalMs: number;
  asyncCalls: number;
  report: FlowReport;
}

interface FlowsResult {
  /** Every perf test passed. */
  passed: boolean;
  failures: string[];
  renders: RenderResult[];
  flows: FlowReport[];
  pendingWait: PendingWait | null;
}

export interface BenchResults {
  at: string;
  commit: string | null;
  sizes: SizeResult[];
  load: LoadReport;
  /** What-if, when the server sends the page uncompressed: the same loads through gzip. */
  loadGzip: LoadReport | null;
  flows: FlowsResult;
  /** One keystroke in the bank search over 10,000 institutions (absent in results written before it existed). */
  keystroke?: KeystrokeReport;
}

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    only: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const HELP = `npm run bench [-- options]
  --no-build          measure the build already in dist/
  --runs N            cold loads (default 5)
  --dist DIR          measure another build (DIR/app and DIR/lib)
  --only keystroke    only the keystroke in the bank search over 10,000 institutions; results.json untouched
  --repeat N          with --only keystroke: measure N times, one line each (default 1)
  --profile FILE      with --only keystroke: write a CPU profile of the measured keys (open it in DevTools)
  --help              this help`;

if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (args.only !== undefined && args.only !== 'keystroke') {
  console.error(`Unknown --only ${args.only}: only "keystroke" can be measured alone.\n\n${HELP}`);
  process.exit(2);
}

function run(command: string, commandArgs: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}`.trim() };
}

function step(title: string): () => void {
  const started = performance.now();
  process.stdout.write(`${title}... `);
  return () => console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs the perf tests (jsdom) and reads back the numbers they record in their report. */
function measureFlows(): FlowsResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const report = join(dir, 'perf.json');
  try {
    run('npx', [
      'vitest',
      'run',
      '--project',
      'unit',
      ...PERF_TESTS,
      '--reporter=json',
      `--outputFile=${report}`,
    ]);
    if (!existsSync(report)) throw new Error('The perf tests wrote no report');
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      success: boolean;
      testResults: {
        assertionResults: { title: string; status: string; meta?: { perf?: Record<string, unknown> } }[];
      }[];
    };
    const tests = json.testResults.flatMap((file) => file.assertionResults);
    const result: FlowsResult = {
      passed: json.success,
      failures: [],
      renders: [],
      flows: [],
      pendingWait: null,
    };
    for (const test of tests) {
      if (test.status === 'failed') result.failures.push(test.title);
      const perf = test.meta?.perf ?? {};
      if ('renders' in perf) {
        const field = /in (.+) commits/.exec(test.title)?.[1] ?? test.title;
        result.renders.push({ field, ...(perf.renders as Omit<RenderResult, 'field'>) });
      }
      if ('flow' in perf && test.title.includes('makes the calls'))
        result.flows.push(perf.flow as FlowReport);
      if ('pendingWait' in perf) result.pendingWait = perf.pendingWait as PendingWait;
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function previousResults(): BenchResults | null {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}

const spread = (value: Stats) => `${ms(value.median)} (${ms(value.min)}-${ms(value.max)})`;
const callsOf = (flow: FlowReport) =>
  Object.entries(flow.calls)
    .map(([endpoint, count]) => `${endpoint} ${count}`)
    .join(', ');

function table(results: BenchResults, previous: BenchResults | null): string {
  const rows: Row[] = [];
  const before = (pick: (old: BenchResults) => string | undefined) => {
    if (!previous) return '';
    try {
      return pick(previous) ?? '';
    } catch {
      return '';
    }
  };

  rows.push({ section: 'Sizes: brotli / gzip / minified bytes (size-limit, preset-small-lib)' });
  for (const size of results.sizes) {
    rows.push({
      cells: [
        size.label,
        `${kB(size.brotli)} / ${kB(size.gzip)} / ${kB(size.raw)}`,
        `<= ${kB(size.budget)} br`,
        mark(size.passed),
        before((old) => {
          const match = old.sizes.find((candidate) => candidate.name === size.name);
          return match ? kB(match.brotli) : undefined;
        }),
      ],
    });
  }

  const profile = `${THROTTLING.latencyMs} ms RTT, 1.6/0.75 Mbps, CPU x${THROTTLING.cpuSlowdown}`;
  const loadRows = (label: string, load: LoadReport, pick: (old: BenchResults) => LoadReport | null) => {
    const first = load.runs[0];
    rows.push({ section: `${label}: ${profile}; ${load.runs.length} cold loads, median (min-max)` });
    rows.push({
      cells: [
        'APP_MOUNTED',
        spread(load.appMounted),
        '',
        '',
        before((old) => ms(pick(old)?.appMounted.median ?? NaN)),
      ],
    });
    rows.push({
      cells: [
        'credential form usable (username field enabled)',
        spread(load.formUsable),
        `<= ${ms(FORM_USABLE_MS)} median`,
        mark(load.formUsable.median <= FORM_USABLE_MS),
        before((old) => ms(pick(old)?.formUsable.median ?? NaN)),
      ],
    });
    rows.push({
      cells: [
        'floor: the same form as bare HTML, same server',
        spread(load.floor.formUsable),
        '',
        '',
        before((old) => ms(pick(old)?.floor?.formUsable.median ?? NaN)),
      ],
    });
    rows.push({
      cells: [
        'form usable / floor (medians)',
        `${load.formUsableVsFloor.toFixed(2)}x`,
        `<= ${FORM_USABLE_VS_FLOOR}x`,
        mark(load.formUsableVsFloor <= FORM_USABLE_VS_FLOOR),
        before((old) => {
          const ratio = pick(old)?.formUsableVsFloor;
          return ratio === undefined ? undefined : `${ratio.toFixed(2)}x`;
        }),
      ],
    });
    if (load.firstContentfulPaint) {
      rows.push({ cells: ['first contentful paint', spread(load.firstContentfulPaint), '', '', ''] });
    }
    if (first) {
      rows.push({
        cells: [
          'loaded before the form was usable',
          `${first.requests} requests, ${kB(first.transferredBytes)} on the wire`,
          '',
          '',
          '',
        ],
      });
    }
  };
  loadRows('Cold load of /embed.html as served', results.load, (old) => old.load);
  rows.push({
    cells: [
      'served compressed',
      results.load.compressed ? 'yes' : 'no (identity)',
      '',
      results.load.compressed ? '' : 'note',
      '',
    ],
  });
  rows.push({
    cells: [
      `cache-control ${results.load.caching.assetPath ?? '/assets/*'}`,
      results.load.caching.asset ?? '(none)',
      'immutable',
      mark(results.load.caching.asset?.includes('immutable') ?? false),
      '',
    ],
  });
  rows.push({ cells: ['cache-control /embed.html', results.load.caching.page ?? '(none)', '', '', ''] });
  if (results.loadGzip)
    loadRows('What-if: the same server behind gzip', results.loadGzip, (old) => old.loadGzip);

  const { keystroke } = results;
  if (keystroke) {
    rows.push({
      section: `Bank search: one keystroke over ${keystroke.institutions} institutions, CPU x${THROTTLING.cpuSlowdown}, ${keystroke.keystrokes} keys, median (min-max)`,
    });
    rows.push({
      cells: [
        'work set off by the key (input event to its last microtask)',
        spread(keystroke.scriptMs),
        `<= ${ms(KEYSTROKE_SCRIPT_MS)} median`,
        mark(keystroke.scriptMs.median <= KEYSTROKE_SCRIPT_MS),
        before((old) => (old.keystroke ? ms(old.keystroke.scriptMs.median) : undefined)),
      ],
    });
    if (keystroke.idleKeyMs) {
      rows.push({
        cells: [
          'floor: a key the widget ignores (Shift), same measure',
          spread(keystroke.idleKeyMs),
          '',
          '',
          '',
        ],
      });
    }
    if (keystroke.listLoadLongestTaskMs) {
      rows.push({
        cells: [
          `cold load: longest task until the ${keystroke.institutions} banks are listed`,
          spread(keystroke.listLoadLongestTaskMs),
          '',
          '',
          before((old) =>
            old.keystroke?.listLoadLongestTaskMs ? ms(old.keystroke.listLoadLongestTaskMs.median) : undefined,
          ),
        ],
      });
    }
    rows.push({
      cells: [
        'frames until the results are painted',
        `${keystroke.frames.median} (${keystroke.frames.min}-${keystroke.frames.max})`,
        `<= ${KEYSTROKE_FRAMES} median`,
        mark(keystroke.frames.median <= KEYSTROKE_FRAMES),
        before((old) => (old.keystroke ? String(old.keystroke.frames.median) : undefined)),
      ],
    });
  }

  const { flows } = results;
  rows.push({ section: 'Renders: React commits while typing (whole widget, StrictMode, jsdom)' });
  for (const render of flows.renders) {
    rows.push({
      cells: [
        render.field,
        `${render.commits} commits / ${render.keystrokes} keys`,
        `<= ${COMMITS_PER_KEYSTROKE} per key`,
        mark(render.commits <= render.keystrokes * COMMITS_PER_KEYSTROKE),
        before((old) => {
          const match = old.flows.renders.find((candidate) => candidate.field === render.field);
          return match ? `${match.commits}` : undefined;
        }),
      ],
    });
  }

  rows.push({ section: 'Requests: API calls per persona flow (in-process sandbox, default 10 s polling)' });
  const greatday = flows.flows.find((flow) => flow.username === 'Greatday');
  if (greatday) {
    rows.push({
      cells: [
        'Greatday: Authorize calls',
        `${greatday.calls.Authorize ?? 0}`,
        '= 2',
        mark(greatday.calls.Authorize === 2),
        '',
      ],
    });
  }
  const groups = new Map<string, string[]>();
  for (const flow of flows.flows)
    groups.set(callsOf(flow), [...(groups.get(callsOf(flow)) ?? []), flow.username]);
  for (const [calls, usernames] of groups) {
    const names =
      usernames.length > 3
        ? `${usernames.slice(0, 3).join(', ')} +${usernames.length - 3}`
        : usernames.join(', ');
    rows.push({ cells: [names, calls, '', '', ''] });
  }
  const duplicates = flows.flows.flatMap((flow) => flow.duplicates.map((key) => `${flow.username}: ${key}`));
  rows.push({
    cells: [
      'repeated calls (same endpoint and RequestId)',
      duplicates.join('; ') || 'none',
      'none',
      mark(duplicates.length === 0),
      '',
    ],
  });
  const wait = flows.pendingWait;
  if (wait) {
    rows.push({
      cells: [
        `Async calls in a ${wait.windowMs / 1000} s OPERATION_PENDING wait (poll ${wait.pollIntervalMs / 1000} s)`,
        `${wait.asyncCalls}, shortest gap ${ms(wait.report.minPollGapMs ?? NaN)}`,
        `<= 7, gap >= ${ms(wait.pollIntervalMs)}`,
        mark(wait.asyncCalls <= 7 && (wait.report.minPollGapMs ?? Infinity) >= wait.pollIntervalMs),
        '',
      ],
    });
  }
  rows.push({
    cells: [
      'perf tests',
      flows.passed ? 'all passed' : `failed: ${flows.failures.join('; ')}`,
      '',
      mark(flows.passed),
      '',
    ],
  });
  return renderTable(
    ['measure', 'value', 'budget', '', previous ? `previous (${previous.at.slice(0, 16)})` : ''],
    rows,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const dist = args.dist;
  if (!args['no-build']) {
    const done = step('Building for production (npm run build)');
    const build = run('npm', ['run', 'build']);
    if (!build.ok) {
      console.error(`\n${build.output}\nThe build failed: nothing measured.`);
      process.exit(1);
    }
    done();
  }

  if (args.only === 'keystroke') {
    await keystrokeOnly(dist);
    return;
  }

  let done = step('Sizes');
  const sizes = await measureSizes(dist);
  done();

  const runs = Number.parseInt(args.runs, 10);
  const firstAsset = sizes
    .find((size) => size.name === 'embedFirstLoad')
    ?.files.find((file) => /\/assets\/.+\.js$/.test(file));
  const assetPath = firstAsset
    ? `/${relative(join(dist, 'app'), join(ROOT, firstAsset)).replaceAll('\\', '/')}`
    : null;
  done = step(`Cold loads in Chromium (${runs} + 1 warm-up)`);
  const load = await measureLoad({ distDir: join(dist, 'app'), runs, assetPath });
  done();
  let loadGzip: LoadReport | null = null;
  if (!load.compressed) {
    done = step('The same loads behind gzip (what-if)');
    loadGzip = await measureLoad({ distDir: join(dist, 'app'), runs, assetPath, gzip: true });
    done();
  }

  done = step('One keystroke in the bank search over 10,000 institutions (Chromium, CPU x4)');
  const keystroke = await measureKeystroke({ distDir: join(dist, 'app') });
  done();

  done = step('Renders and requests (perf tests in jsdom)');
  const flows = measureFlows();
  done();

  const commit = run('git', ['rev-parse', '--short', 'HEAD']);
  const results: BenchResults = {
    at: new Date().toISOString(),
    commit: commit.ok ? commit.output : null,
    sizes,
    load,
    loadGzip,
    flows,
    keystroke,
  };
  const previous = previousResults();
  console.log(`\n${table(results, previous)}`);
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\nWrote ${relative(ROOT, RESULTS)} in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
}

/** `--only keystroke`: the bank search alone, `--repeat` times, each run's figures against the budgets. */
async function keystrokeOnly(dist: string): Promise<void> {
  const repeat = Math.max(1, Number.parseInt(args.repeat, 10) || 1);
  let passed = true;
  for (let time = 1; time <= repeat; time += 1) {
    const report = await measureKeystroke({
      distDir: join(dist, 'app'),
      ...(args.profile ? { profile: repeat > 1 ? `${args.profile}.${time}` : args.profile } : {}),
    });
    const script = report.scriptMs;
    const frames = report.frames;
    const tenths = (value: number) => `${value.toFixed(1)} ms`;
    const ok = script.median <= KEYSTROKE_SCRIPT_MS && frames.median <= KEYSTROKE_FRAMES;
    passed &&= ok;
    console.log(
      `keystroke ${time}/${repeat}: ${report.keystrokes} keys over ${report.institutions} institutions, CPU x${THROTTLING.cpuSlowdown}; ` +
        `script ${tenths(script.median)} (${tenths(script.min)}-${tenths(script.max)}) (<= ${ms(KEYSTROKE_SCRIPT_MS)} median), ` +
        `frames ${frames.median} (${frames.min}-${frames.max}) (<= ${KEYSTROKE_FRAMES} median) ${mark(ok)}`,
    );
    const idle = report.idleKeyMs;
    console.log(
      `  floor: a key the widget ignores (Shift), measured the same way: ${tenths(idle.median)} (${tenths(idle.min)}-${tenths(idle.max)})`,
    );
    console.log(
      `  measuring's own cost, subtracted: ${tenths(report.overhead.oneFrameMs)} + ${report.overhead.perFrameMs.toFixed(2)} ms per further frame counted`,
    );
    const list = report.listLoadLongestTaskMs;
    if (list)
      console.log(
        `  cold load: longest task until the ${report.institutions} banks are listed (no budget): ${tenths(list.median)} (${tenths(list.min)}-${tenths(list.max)})`,
      );
    console.log(
      `  per key: ${report.perKey.map((run) => `${run.key} ${run.scriptMs.toFixed(1)}/${run.frames ?? '-'}`).join(', ')}`,
    );
  }
  if (!passed) process.exitCode = 1;
}

await main();
