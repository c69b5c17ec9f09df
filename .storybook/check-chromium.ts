import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../test/chromium';

/**
 * Vitest global setup of the storybook project: without the browser, stop at once with one line saying how to
 * fix it, rather than Playwright's long launch error. Same path as the project's `executablePath`.
 */
export function setup(): void {
  const chromiumPath = CHROMIUM_PATH;
  if (existsSync(chromiumPath)) return;
  const hint = `Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROME_PATH`;
  const error = new Error(hint);
  error.stack = hint;
  throw error;
}
