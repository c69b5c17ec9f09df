/**
 * Bundle sizes, measured with size-limit (preset-small-lib: esbuild + brotli/gzip): the library as a partner's
 * build would bundle it (minified, peer dependencies external), the embed page's first load, and `/connect.js`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import sizeLimit from 'size-limit';
import smallLib from '@size-limit/preset-small-lib';
import { SIZE_BUDGETS } from './budgets';

export const ROOT = resolve(import.meta.dirname, '..');

export interface SizeTarget {
  name: keyof typeof SIZE_BUDGETS;
  label: string;
  files: string[];
  /**
   * Minify with esbuild, as a partner's build would (the library); off for files already built for the browser.
   * Each file is minified on its own: relative imports stay external, so a lazy chunk never counts.
   */
  bundle: boolean;
}

export interface SizeResult {
  name: SizeTarget['name'];
  label: string;
  /** Relative to the repository. */
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
  budget: number;
  passed: boolean;
}

const peerDependencies = (): string[] => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    peerDependencies?: Record<string, string>;
  };
  return Object.keys(pkg.peerDependencies ?? {});
};

/**
 * The files `entries` need before anything runs: themselves and every module they import statically, transitively.
 * Dynamic `import()`s are left out: those chunks load later, when the flow needs them.
 */
function staticGraph(entries: string[], siteRoot: string): string[] {
  const files = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || files.has(file) || !existsSync(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(
      /\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+)["']/g,
    )) {
      if (specifier?.startsWith('.')) pending.push(join(dirname(file), specifier));
      else if (specifier?.startsWith('/')) pending.push(join(siteRoot, specifier));
    }
  }
  return [...files].sort();
}

/** Everything `/embed.html` loads at startup: the page, its scripts, preloaded modules and stylesheets, and their static imports. */
function embedFirstLoadFiles(appDir: string): string[] {
  const html = join(appDir, 'embed.html');
  const tags = readFileSync(html, 'utf8').match(/<(?:script|link)\b[^>]*>/gi) ?? [];
  const loaded = tags.flatMap((tag) => {
    const rel = /\brel=["']?([\w-]+)/i.exec(tag)?.[1]?.toLowerCase();
    const loads = /^<script/i.test(tag) || rel === 'stylesheet' || rel === 'modulepreload';
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    return loads && url?.startsWith('/') ? [join(appDir, url)] : [];
  });
  return staticGraph([html, ...loaded], appDir);
}

function sizeTargets(dist = join(ROOT, 'dist')): SizeTarget[] {
  const app = join(dist, 'app');
  const lib = join(dist, 'lib');
  return [
    {
      name: 'library',
      label: 'library entry (dist/lib/index.js + CSS, peers external)',
      files: existsSync(join(lib, 'index.js'))
        ? [...staticGraph([join(lib, 'index.js')], lib), join(lib, 'connect-widget.css')]
        : [],
      bundle: true,
    },
    {
      name: 'embedFirstLoad',
      label: 'embed page first load (HTML + startup JS/CSS)',
      files: existsSync(join(app, 'embed.html')) ? embedFirstLoadFiles(app) : [],
      bundle: false,
    },
    { name: 'connectJs', label: '/connect.js (host SDK)', files: [join(app, 'connect.js')], bundle: false },
  ];
}

/** Thrown when a build output is missing: the sizes need `npm run build` first. */
export class NotBuiltError extends Error {}

type Compression = 'none' | 'gzip' | 'brotli';

async function measure(targets: SizeTarget[], compression: Compression): Promise<number[]> {
  const ignore = peerDependencies();
  const checks = targets.map((target) => ({
    files: target.files,
    ignore: target.bundle ? [...ignore, './*', '../*'] : ignore,
    ...(compression === 'gzip' ? { gzip: true } : { brotli: compression === 'brotli' }),
    ...(target.bundle ? {} : { disablePlugins: ['@size-limit/esbuild'] }),
  }));
  const results = (await sizeLimit(smallLib, { cwd: ROOT, checks })) as { size: number }[];
  return results.map((result) => result.size);
}

export async function measureSizes(dist?: string): Promise<SizeResult[]> {
  const targets = sizeTargets(dist);
  const missing = targets.flatMap((target) =>
    target.files.length === 0 || target.files.some((file) => !existsSync(file)) ? [target.label] : [],
  );
  if (missing.length > 0) {
    throw new NotBuiltError(`Not built: ${missing.join('; ')}. Run \`npm run build\` first.`);
  }
  const [raw, gzip, brotli] = await Promise.all(
    (['none', 'gzip', 'brotli'] as const).map((compression) => measure(targets, compression)),
  );
  return targets.map((target, index) => {
    const size = { raw: raw?.[index] ?? 0, gzip: gzip?.[index] ?? 0, brotli: brotli?.[index] ?? 0 };
    const budget = SIZE_BUDGETS[target.name];
    return {
      name: target.name,
      label: target.label,
      files: target.files.map((file) => relative(ROOT, file)),
      ...size,
      budget,
      passed: size.brotli <= budget,
    };
  });
}
