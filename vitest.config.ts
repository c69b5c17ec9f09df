import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium';
import { react18Path } from './test/react18/install';

// .storybook/check-chromium.ts checks the same path before the browser suites start.

/** React and the libraries built on it, resolved from test/react18 (React 18) instead of the root (React 19). */
const REACT18_ALIASES = [
  'react',
  'react-dom',
  '@testing-library/react',
  '@tanstack/react-query',
  'react-hook-form',
].map((name) => ({
  find: new RegExp(`^${name.replace('/', '\\/')}(?=$|/)`),
  replacement: react18Path(name),
}));

const TIMED_NODE_TESTS = [
  'test/node/load.test.ts',
  'test/node/soak.test.ts',
  'test/node/attacks.test.ts',
  'test/node/sandbox-timing.test.ts',
  'test/node/token-pool.test.ts',
  // Bodies built to exhaust the page must fail within a second: measured alone, not beside a Storybook run.
  'test/unit/hostile-responses.test.ts',
];

function storybookProject(name: string, initialGlobals: Record<string, string>) {
  return {
    plugins: [storybookTest({ configDir: '.storybook', initialGlobals })],
    test: {
      name,
      globalSetup: ['.storybook/check-chromium.ts'],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  };
}

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default in a run is one worker per core but one: a single worker on a two-core CI machine, which left a
    // core idle while the browser suites waited on Chromium. Two files at a time; the timed node tests, then the e2e
    // suite, each run alone afterwards.
    maxWorkers: 2,
    projects: [
      {
        // Logic without React (the reducer, the client, the parameter table, the guidance map, the copy rules): `.ts`
        // files, once, in Node (a file that needs a small DOM of its own says `@vitest-environment jsdom`).
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: TIMED_NODE_TESTS,
          setupFiles: ['test/setup-matchers.ts'],
          // The API client loads its checks lazily: the first call in a file waits for Vite to compile them, which
          // took over 5 s on a loaded 2-core machine (a fresh clone's `npm test`).
          testTimeout: 15_000,
        },
      },
      {
        // Components: `.tsx` files, in jsdom.
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.tsx', 'src/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
          // A flow through several lazily loaded screens, each compiled on first use (see test/setup-dom.ts).
          testTimeout: 20_000,
        },
      },
      {
        // The same component tests on React 18, the lowest React the package supports (peer `^18.2 || ^19`).
        extends: true,
        resolve: { alias: REACT18_ALIASES },
        test: {
          name: 'unit-react18',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.tsx', 'src/**/*.test.tsx'],
          // The words on every story's screen do not change with React's version: checked once, on React 19.
          exclude: [...configDefaults.exclude, 'test/unit/screen-copy-*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
          testTimeout: 20_000,
          globalSetup: ['test/react18/install.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          exclude: TIMED_NODE_TESTS,
        },
      },
      {
        // What measures time or throughput (hundreds of sign-ins at once, a soak, rate limits, the sandbox's own delays)
        // runs after the rest, one file at a time, so a busy neighbour never decides its result.
        extends: true,
        test: {
          name: 'node-timed',
          environment: 'node',
          include: TIMED_NODE_TESTS,
          setupFiles: ['test/setup-matchers.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The embed page in Chromium, framed by a partner page on another origin (test/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['.storybook/check-chromium.ts', 'test/e2e/global-setup.ts'],
          provide: { chromium: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Every story is a test: it renders, its play function passes and axe finds no violation. The suite runs twice,
      // in the defaults (English, light) and again in French and dark, so no screen is checked in one language only.
      storybookProject('storybook', { language: 'en', theme: 'light' }),
      storybookProject('storybook-fr-dark', { language: 'fr', theme: 'dark' }),
    ],
  },
});
