/**
 * `npm run test:consumers` (CI, after `npm run build:lib`): the packed package installed into five fresh apps, as a
 * team adopting it would, each from the local tarball (and the npm registry for React, Vite, Next.js, React Router):
 * - Vite + React 19 (TypeScript 7, `nodenext`): type-checks against the package's declarations, builds, and connects
 *   Greatday through the security question in Chromium against `startSandbox` from `@connect-widget/react/sandbox`;
 *   also renders the CommonJS build through `require()`;
 *   runs the README's Vitest recipe, taken from README.md (jsdom, MSW, Testing Library), and compiles
 *   strict-types.tsx under `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`;
 * - the same app on React 18 (TypeScript 5.9);
 * - Jest 30 (CommonJS, jsdom): the README's Jest recipe, with its configuration, against the sandbox through MSW;
 * - Next.js 16.5 (App and Pages Router): `next build` with the widget in a server and a client component and the
 *   server-safe entry in a server component, then `next start` serves the pages rendered on the server; in Chromium,
 *   the server-drawn sign-in form sends nothing before hydration (JavaScript off, scripts held back), then connects
 *   (shared/before-hydration.mjs).
 * - React Router 7.18 in framework mode, on the lowest version of every peer the package accepts (React 18.2,
 *   @tanstack/react-query 5.80, react-hook-form 7.54, hono 4.13, @hono/node-server 2.1) and msw 3: the page drawn on
 *   the server at each request, the same check before and after hydration, and the sandbox through MSW.
 * The server-rendered apps run one after the other, beside the Vite and Jest apps (two cores). `CONSUMER_APPS=next`
 * checks only the apps named. Exits 1 when any fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packPackage, ROOT } from '../../scripts/pack';
import { CONNECT_EVENT_NAMES } from '../../src/server';
import { CHROMIUM_PATH } from '../chromium';

const WORK = join(ROOT, '.tmp/consumers');
const PORT_BASE = Number(process.env.CONSUMER_PORT_BASE ?? 5520);

const SHARED = {
  '@tanstack/react-query': '5.108.0',
  'react-hook-form': '7.92.0',
  // Optional peers: the sandbox's server parts, which every app's tests use.
  hono: '4.13.19',
  '@hono/node-server': '2.1.9',
};
const VITE = { vite: '8.3.8', '@vitejs/plugin-react': '6.3.0' };

interface App {
  name: string;
  template: 'vite' | 'next' | 'react-router' | 'jest';
  /** The manifest's `type`; default `module`. */
  type?: 'module' | 'commonjs';
  dependencies: Record<string, string>;
}

const APPS: App[] = [
  {
    name: 'vite-react19',
    template: 'vite',
    dependencies: {
      ...SHARED,
      ...VITE,
      react: '19.3.1',
      'react-dom': '19.3.1',
      '@types/react': '19.3.0',
      '@types/react-dom': '19.3.0',
      typescript: '7.0.2',
      msw: '2.15.0',
      // The README's Vitest recipe.
      vitest: '4.1.12',
      jsdom: '29.1.1',
      '@testing-library/react': '16.3.3',
      '@testing-library/dom': '10.4.2',
      '@testing-library/user-event': '14.6.13',
    },
  },
  {
    name: 'vite-react18',
    template: 'vite',
    dependencies: {
      ...SHARED,
      ...VITE,
      react: '18.3.1',
      'react-dom': '18.3.1',
      '@types/react': '18.3.32',
      '@types/react-dom': '18.3.7',
      typescript: '5.9.3',
    },
  },
  {
    name: 'next',
    template: 'next',
    dependencies: {
      ...SHARED,
      next: '16.5.0',
      react: '19.3.1',
      'react-dom': '19.3.1',
      '@types/react': '19.3.0',
      '@types/react-dom': '19.3.0',
      '@types/node': '20.19.43',
      typescript: '6.0.3',
    },
  },
  {
    // The README's Jest recipe (CommonJS, jsdom): a partner's component test against the sandbox through MSW.
    name: 'jest',
    template: 'jest',
    type: 'commonjs',
    dependencies: {
      ...SHARED,
      react: '19.3.1',
      'react-dom': '19.3.1',
      msw: '2.15.0',
      jest: '30.5.2',
      'jest-environment-jsdom': '30.5.2',
      'jest-fixed-jsdom': '0.0.11',
      'babel-jest': '30.5.2',
      '@babel/core': '7.29.17',
      '@babel/preset-env': '7.29.17',
      '@babel/preset-react': '7.29.17',
      '@testing-library/react': '16.3.3',
      '@testing-library/dom': '10.4.2',
      '@testing-library/user-event': '14.6.13',
    },
  },
  {
    // The lowest versions of every peer the package accepts (package.json `peerDependencies`), and msw 3.
    name: 'react-router',
    template: 'react-router',
    dependencies: {
      'react-router': '7.18.5',
      '@react-router/dev': '7.18.5',
      '@react-router/node': '7.18.5',
      '@react-router/serve': '7.18.5',
      isbot: '5.2.4',
      vite: '8.3.8',
      react: '18.2.0',
      'react-dom': '18.2.0',
      '@tanstack/react-query': '5.80.0',
      'react-hook-form': '7.54.0',
      hono: '4.13.0',
      '@hono/node-server': '2.1.0',
      msw: '3.0.5',
    },
  },
];

/** The environment without npm's own `npm_*` variables, which would steer the apps' npm to this repository. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

function run(app: string, cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const summary = output
        .trim()
        .split('\n')
        .filter((line) => /connected|require\(\)|served|MSW|^\s*Tests/.test(line));
      console.log(
        `[${app}] ${[command, ...args].join(' ')}: ${code === 0 ? 'ok' : `exit ${code}`} in ${seconds} s`,
      );
      for (const line of summary) console.log(`[${app}]   ${line}`);
      if (code === 0) resolve();
      else {
        console.error(output);
        reject(new Error(`${app}: ${command} ${args.join(' ')} failed`));
      }
    });
  });
}

/** The README's Vitest recipe, taken from README.md as a partner copies it. */
function readmeVitestRecipe(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const recipe = /\*\*A component test with Vitest\*\*[\s\S]*?```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!recipe) throw new Error('README.md has no Vitest recipe any more');
  return recipe;
}

/** A fresh copy of the app's template with the tarball as the package; node_modules kept to reuse what it can. */
function prepare(app: App, tarball: string): string {
  const dir = join(WORK, app.name);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir))
    if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true });
  // The other dependencies may stay from an earlier run, but never the package under test: npm sees the same name and
  // version in a `file:` tarball and would keep the old build.
  rmSync(join(dir, 'node_modules/@connect-widget'), { recursive: true, force: true });
  cpSync(join(import.meta.dirname, app.template), dir, { recursive: true });
  cpSync(join(import.meta.dirname, 'shared'), dir, { recursive: true });
  const manifest = {
    name: `consumer-${app.name}`,
    private: true,
    type: app.type ?? 'module',
    dependencies: { '@connect-widget/react': `file:${tarball}`, ...app.dependencies },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if ('vitest' in app.dependencies) {
    mkdirSync(join(dir, 'test'), { recursive: true });
    writeFileSync(join(dir, 'test/connect.test.tsx'), readmeVitestRecipe());
  }
  return dir;
}

async function install(app: App, dir: string) {
  await run(
    app.name,
    dir,
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    {
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  );
}

async function viteApp(app: App, dir: string, offset: number) {
  const appPort = String(PORT_BASE + offset);
  const sandboxPort = String(PORT_BASE + offset + 1);
  await run(app.name, dir, 'npx', ['tsc', '-p', 'tsconfig.json']);
  await run(app.name, dir, 'npx', ['vite', 'build'], {
    VITE_API_BASE_URL: `http://127.0.0.1:${sandboxPort}/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices`,
  });
  await run(app.name, dir, 'node', ['e2e.mjs'], {
    APP_PORT: appPort,
    SANDBOX_PORT: sandboxPort,
    CHROME_PATH: CHROMIUM_PATH,
    PLAYWRIGHT_CORE: import.meta.resolve('playwright-core'),
  });
  if ('msw' in app.dependencies) await run(app.name, dir, 'node', ['msw.mjs']);
  if ('vitest' in app.dependencies) await run(app.name, dir, 'npx', ['vitest', 'run'], { NO_COLOR: '1' });
}

/** Stops a server started `detached` (its own process group) with everything it started, npx's children included. */
async function stopped(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** Checks pages rendered on the app's server before and after hydration (shared/before-hydration.mjs). */
async function beforeHydration(app: App, dir: string, origin: string, sandboxPort: number, paths: string[]) {
  await run(app.name, dir, 'node', ['before-hydration.mjs', ...paths], {
    APP_ORIGIN: origin,
    SANDBOX_PORT: String(sandboxPort),
    CHROME_PATH: CHROMIUM_PATH,
    PLAYWRIGHT_CORE: import.meta.resolve('playwright-core'),
  });
}

/** The sandbox API address a server-rendered app is built and served with. */
const sandboxApi = (port: number) =>
  `http://127.0.0.1:${port}/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices`;

/** The page at `/` of an app server that is starting: its HTML once it answers (empty after 30 s of trying). */
async function servedPage(port: string | number): Promise<string> {
  let html = '';
  for (let attempt = 0; attempt < 60 && !html; attempt += 1) {
    html = await fetch(`http://127.0.0.1:${port}/`)
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => new Promise<string>((resolve) => setTimeout(() => resolve(''), 500)));
  }
  return html;
}

async function nextApp(app: App, dir: string, offset: number) {
  const port = String(PORT_BASE + offset);
  const sandboxPort = PORT_BASE + offset + 1;
  const env = { NEXT_TELEMETRY_DISABLED: '1', SANDBOX_API_BASE_URL: sandboxApi(sandboxPort) };
  await run(app.name, dir, 'npx', ['next', 'build'], env);
  const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...ENV, ...env },
    stdio: 'ignore',
    detached: true,
  });
  try {
    const html = await servedPage(port);
    // The page prints the package's own count; the contract's list is the source of truth for both.
    const expected = [
      `${CONNECT_EVENT_NAMES.length} event names`,
      'a field problem',
      'Username or card number',
      'Choose your bank',
    ];
    // React separates adjacent text with `<!-- -->` in server-rendered HTML.
    const text = html.replaceAll('<!-- -->', '');
    const missing = expected.filter((wanted) => !text.includes(wanted));
    if (missing.length > 0) throw new Error(`${app.name}: the served page lacks ${missing.join(', ')}`);
    console.log(`[${app.name}] served: the server component and both widgets rendered on the server`);
    // The App Router's page and the Pages Router's, each drawn on the server, before and after hydration.
    await beforeHydration(app, dir, `http://127.0.0.1:${port}`, sandboxPort, ['/', '/pages-router']);
  } finally {
    await stopped(server);
  }
}

/**
 * React Router 7 in framework mode: `react-router build`, then `react-router-serve` draws the page on the server at each
 * request (the widget's address from a loader); checked before and after hydration, and with MSW.
 */
async function reactRouterApp(app: App, dir: string, offset: number) {
  const port = PORT_BASE + offset;
  const sandboxPort = PORT_BASE + offset + 1;
  await run(app.name, dir, 'npx', ['react-router', 'build']);
  const server = spawn('npx', ['react-router-serve', './build/server/index.js'], {
    cwd: dir,
    env: { ...ENV, PORT: String(port), HOST: '127.0.0.1', SANDBOX_API_BASE_URL: sandboxApi(sandboxPort) },
    stdio: 'ignore',
    detached: true,
  });
  try {
    const html = await servedPage(port);
    if (!html.includes('Username or card number'))
      throw new Error(`${app.name}: the served page has no credential form: ${html.slice(0, 300)}`);
    console.log(`[${app.name}] served: the widget rendered on the server`);
    await beforeHydration(app, dir, `http://127.0.0.1:${port}`, sandboxPort, ['/']);
  } finally {
    await stopped(server);
  }
  await run(app.name, dir, 'node', ['msw.mjs']);
}

/** Builds and checks one installed app; `offset` picks its ports (two each, apart from the other apps'). */
function check(app: App, dir: string, offset: number): Promise<void> {
  if (app.template === 'vite') return viteApp(app, dir, offset);
  if (app.template === 'jest') return run(app.name, dir, 'npx', ['jest', '--ci']);
  return app.template === 'next' ? nextApp(app, dir, offset) : reactRouterApp(app, dir, offset);
}

const started = Date.now();
if (!existsSync(join(ROOT, 'dist/lib/index.js'))) throw new Error('Run `npm run build:lib` first.');
// `CONSUMER_APPS=next npm run test:consumers` checks only the apps named (comma-separated).
const only = process.env.CONSUMER_APPS?.split(',');
const chosen = APPS.map((app, index) => ({ app, offset: index * 2 })).filter(
  ({ app }) => !only || only.includes(app.name),
);
const tarball = packPackage();
const prepared = chosen.map((entry) => ({ ...entry, dir: prepare(entry.app, tarball) }));
await Promise.all(prepared.map(({ app, dir }) => install(app, dir)));
// Two lanes for two cores: the Vite and Jest apps one after the other, beside the server-rendered apps likewise.
const lane = async (entries: typeof prepared) => {
  for (const { app, dir, offset } of entries) await check(app, dir, offset);
};
const light = (app: App) => app.template === 'vite' || app.template === 'jest';
const results = await Promise.allSettled([
  lane(prepared.filter(({ app }) => light(app))),
  lane(prepared.filter(({ app }) => !light(app))),
]);
const failures = results.filter((result) => result.status === 'rejected');
for (const failure of failures) console.error(String((failure as PromiseRejectedResult).reason));
console.log(
  `consumer apps: ${failures.length === 0 ? 'all passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (failures.length > 0) process.exit(1);
