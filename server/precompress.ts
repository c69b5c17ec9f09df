/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the built app, once at build time, so the
 * server sends the smallest copy a browser accepts without compressing on each request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { APP_DIST_DIR } from './app';

const TEXT = new Set(['.js', '.css', '.html', '.svg', '.json', '.map', '.txt']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let written = 0;
for (const path of files(APP_DIST_DIR)) {
  if (!TEXT.has(extname(path))) continue;
  const content = readFileSync(path);
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
  );
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  written += 1;
}
console.log(`precompressed ${written} files (brotli and gzip) in ${APP_DIST_DIR}`);
