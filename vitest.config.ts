import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

// Debian's Chromium, never a downloaded browser; flags for a headless run on a small shared machine (TOOLCHAIN.md).
// .storybook/check-chromium.ts checks the same path before the browser suite starts.
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
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
        provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
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
          provide: { chromium: { executablePath: chromiumPath, args: chromiumArgs } },
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
