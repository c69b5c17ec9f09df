/* global console, process */
// `npm start`: compiles the server if its sources changed (it then builds the pages it serves, likewise), and runs
// it as plain JavaScript. Kept to Node's own modules so that it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const compiled = join(root, 'dist/server/start.js');
const sources = ['server', 'src', 'package.json', 'vite.config.ts'].map((path) => join(root, path));

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

const builtAt = existsSync(compiled) ? statSync(compiled).mtimeMs : 0;
if (builtAt <= Math.max(...sources.map(newestChange))) {
  console.log('Compiling the server...');
  const build = spawnSync('npm', ['run', 'build:server', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (build.status !== 0) {
    console.error('Compiling the server failed (see above). `npm run build:server` shows it alone.');
    process.exit(1);
  }
}
await import(pathToFileURL(compiled).href);
