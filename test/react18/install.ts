import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder whose node_modules hold React 18 and the libraries the `unit-react18` project aliases to it. */
export const REACT18_DIR = import.meta.dirname;

/** Where the project resolves `name` from on React 18. */
export function react18Path(name: string): string {
  return join(REACT18_DIR, 'node_modules', name);
}

/**
 * Vitest global setup of `unit-react18`: installs React 18 beside the tests (from its own lockfile, a few seconds)
 * when a fresh clone has not yet, so `npm install && npm test` is still all it takes.
 */
export function setup(): void {
  const installed = react18Path('react/package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version.startsWith('18.')) return;
  console.log('Installing React 18 for the unit-react18 tests (test/react18)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', REACT18_DIR], { stdio: 'inherit' });
}
