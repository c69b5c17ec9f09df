/**
 * `npm run check:package` (CI, after `npm run build:lib`): the packed package as tools that install it see it.
 * - publint (strict): package.json fields, exports and the files they point at;
 * - arethetypeswrong: every entry's types resolve, for `import` and `require`, under `bundler`, `node16` and
 *   `nodenext` (`--profile node16`: TypeScript's old `node10` resolution, which predates `exports`, is not supported).
 * Exits 1 on any problem.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPackage, ROOT } from './pack';

const tarball = packPackage();
let failed = false;

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as Record<string, unknown>;
const { messages } = await publint({
  pkgDir: 'package',
  pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
  strict: true,
  level: 'suggestion',
});
for (const message of messages) {
  console.error(`publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
  if (message.type !== 'suggestion') failed = true;
}
console.log(`publint: ${messages.length === 0 ? 'no problems' : `${messages.length} message(s)`}`);

try {
  execFileSync(
    'npx',
    [
      '--no-install',
      'attw',
      tarball,
      '--profile',
      'node16',
      '--exclude-entrypoints',
      'style.css',
      '--format',
      'table-flipped',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
} catch {
  failed = true;
}

if (failed) process.exit(1);
