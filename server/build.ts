import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIST_DIR } from './app';
import { firstScreenModule } from './embed-config';
import { PROJECT_ROOT } from './root';

const ROOT = PROJECT_ROOT;
const BUILT = [
  ...['index.html', 'embed.html', 'connect.js'].map((file) => join(APP_DIST_DIR, file)),
  firstScreenModule(APP_DIST_DIR),
];
const SOURCES = ['src', 'embed.html', 'index.html', 'vite.config.ts', 'public'].map((path) =>
  join(ROOT, path),
);

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/** True when a page, `/connect.js` or the embed page's server renderer is missing, or a source changed after the last build. */
export function appBuildIsStale(): boolean {
  const builtAt = Math.min(...BUILT.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  return builtAt <= Math.max(...SOURCES.map(newestChange));
}

/** Runs `npm run build:app` (pages + `/connect.js`), its output shown or captured; resolves with its output. */
export function buildApp({ quiet = false }: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build:app'], {
      cwd: ROOT,
      stdio: quiet ? 'pipe' : 'inherit',
      // Vite 8 warns that this config is not ready for its future native loader: noise for someone starting the app.
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done(output) : fail(new Error(`npm run build:app failed:\n${output}`.trim())),
    );
  });
}
