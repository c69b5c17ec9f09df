import { existsSync } from 'node:fs';

/**
 * Vitest global setup of the storybook project: without the browser, stop at once with one line saying how to
 * fix it, rather than Playwright's long launch error. Same path as the project's `executablePath`.
 */
export function setup(): void {
  const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromiumPath)) return;
  const hint = `Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROME_PATH`;
  const error = new Error(hint);
  error.stack = hint;
  throw error;
}
