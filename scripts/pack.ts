import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
const PACK_DIR = join(ROOT, '.tmp/pack');

/**
 * `npm pack` of the built package (run `npm run build:lib` first) into .tmp/pack/, as a partner would receive it
 * from the registry. Returns the tarball's path.
 */
export function packPackage(): string {
  rmSync(PACK_DIR, { recursive: true, force: true });
  mkdirSync(PACK_DIR, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', PACK_DIR], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [packed] = JSON.parse(output) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: unknown[];
  }[];
  if (!packed) throw new Error('npm pack wrote no tarball');
  console.log(
    `packed ${packed.filename}: ${packed.files.length} files, ${(packed.size / 1000).toFixed(1)} kB (${(packed.unpackedSize / 1000).toFixed(1)} kB unpacked)`,
  );
  return join(PACK_DIR, packed.filename);
}
