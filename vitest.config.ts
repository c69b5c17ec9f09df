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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        // The same unit and component tests on React 18, the lowest React the package supports (peer `^18.2 || ^19`).
        extends: true,
        resolve: { alias: REACT18_ALIASES },
        test: {
          name: 'unit-react18',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          // The words on every story's screen do not change with React's version: checked once, on React 19.
          exclude: [...configDefaults.exclude, 'test/unit/screen-copy-*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
          globalSetup: ['test/react18/install.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
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
