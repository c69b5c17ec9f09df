/**
 * `npm run audit:deps`: checks the license of every package a partner ships when they ship the widget, i.e. the
 * runtime tree (`dependencies` and `peerDependencies` of package.json, then theirs, recursively), as installed in
 * node_modules. Fails on a license outside the allow-list, or on a package without one.
 *
 * Usage: tsx scripts/check-licenses.ts [--root <folder with package.json and node_modules>]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** Permissive licenses a partner can ship without obligations beyond attribution. */
const ALLOWED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
]);

/** Allowed, with what the partner must know. */
const ALLOWED_WITH_NOTE: Record<string, string> = {
  'MPL-2.0':
    'file-level copyleft: shipping it unchanged is fine; a modified MPL file must be published under the MPL.',
};

interface Manifest {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface Found {
  name: string;
  version: string;
  license: string;
  folder: string;
  /** Who asked for it first, for the report. */
  via: string;
}

type Verdict = { ok: true; notes: string[] } | { ok: false; why: string };

function readManifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
}

/** The `license` field, or the deprecated `licenses: [{ type }]`, as one SPDX expression. */
function licenseOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license.trim();
  if (manifest.license && typeof manifest.license === 'object' && 'type' in manifest.license) {
    return String((manifest.license as { type: unknown }).type);
  }
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map((entry: unknown) =>
      entry && typeof entry === 'object' && 'type' in entry ? String((entry as { type: unknown }).type) : '?',
    );
    return types.length > 1 ? `(${types.join(' OR ')})` : (types[0] ?? '');
  }
  return '';
}

/**
 * Judges an SPDX expression: `A OR B` passes when one side does, `A AND B` when both do; `WITH` exceptions only
 * widen a license, so `X WITH e` is judged as X.
 */
export function judge(expression: string): Verdict {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter(Boolean);
  let position = 0;

  const primary = (): Verdict => {
    const token = tokens[position++];
    if (token === undefined) return { ok: false, why: 'no license given' };
    if (token === '(') {
      const inner = either();
      if (tokens[position++] !== ')') return { ok: false, why: `unbalanced parentheses in "${expression}"` };
      return inner;
    }
    if (tokens[position] === 'WITH') position += 2;
    const id = token.replace(/\+$/, '');
    if (ALLOWED.has(id)) return { ok: true, notes: [] };
    const note = ALLOWED_WITH_NOTE[id];
    if (note) return { ok: true, notes: [`${id}: ${note}`] };
    return { ok: false, why: `${token} is not on the allow-list` };
  };
  const both = (): Verdict => {
    let left = primary();
    while (tokens[position] === 'AND') {
      position++;
      const right = primary();
      left = !left.ok ? left : !right.ok ? right : { ok: true, notes: [...left.notes, ...right.notes] };
    }
    return left;
  };
  const either = (): Verdict => {
    let left = both();
    while (tokens[position] === 'OR') {
      position++;
      const right = both();
      // The permissive side is the one a partner takes.
      if (!left.ok || (right.ok && right.notes.length < left.notes.length)) left = right;
    }
    return left;
  };

  if (tokens.length === 0) return { ok: false, why: 'no license given' };
  const verdict = either();
  if (verdict.ok && position < tokens.length) return { ok: false, why: `cannot read "${expression}"` };
  return verdict;
}

/** Where Node would find `name` from a package in `folder`: each ancestor's node_modules, up to the root. */
function locate(name: string, folder: string, root: string): string | null {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', name);
    if (basename(current) !== 'node_modules' && existsSync(join(candidate, 'package.json'))) return candidate;
    if (current === root || dirname(current) === current) return null;
  }
}

export function runtimeTree(root: string): { found: Found[]; missing: string[] } {
  const top = readManifest(root);
  const found = new Map<string, Found>();
  const missing: string[] = [];
  const queue: Array<{ name: string; from: string; via: string }> = [];

  const enqueue = (manifest: Manifest, folder: string, via: string) => {
    const optional = manifest.peerDependenciesMeta ?? {};
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      // An optional peer is the host's choice (e.g. typescript, @types/react), not part of what ships.
      ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optional[name]?.optional),
    ];
    for (const name of names) queue.push({ name, from: folder, via });
  };

  enqueue(top, root, top.name ?? 'the project');
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next) break;
    const folder = locate(next.name, next.from, root);
    if (folder === null) {
      missing.push(`${next.name} (needed by ${next.via})`);
      continue;
    }
    if (found.has(folder)) continue;
    const manifest = readManifest(folder);
    const name = manifest.name ?? next.name;
    found.set(folder, {
      name,
      version: manifest.version ?? '?',
      license: licenseOf(manifest),
      folder: relative(root, folder),
      via: next.via,
    });
    enqueue(manifest, folder, name);
  }
  return { found: [...found.values()].sort((a, b) => a.name.localeCompare(b.name)), missing };
}

function main(): void {
  const rootFlag = process.argv.indexOf('--root');
  const root = resolve(rootFlag >= 0 ? (process.argv[rootFlag + 1] ?? '.') : '.');
  const { found, missing } = runtimeTree(root);
  const problems: string[] = [...missing.map((line) => `${line}: not installed, so its license is unknown`)];
  const notes = new Set<string>();
  const out = (line: string) => process.stdout.write(`${line}\n`);

  out(`Runtime dependencies of ${relative(process.cwd(), root) || '.'} (${found.length}):`);
  for (const item of found) {
    const verdict = judge(item.license);
    out(
      `  ${verdict.ok ? 'ok ' : 'NO '} ${item.name}@${item.version}  ${item.license || '(none)'}  via ${item.via}`,
    );
    if (verdict.ok) verdict.notes.forEach((note) => notes.add(`${item.name}: ${note}`));
    else problems.push(`${item.name}@${item.version} (${item.folder}): ${verdict.why}`);
  }
  for (const note of notes) out(`note: ${note}`);
  if (problems.length > 0) {
    process.stderr.write(`License check failed:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`);
    process.exit(1);
  }
  out(`All ${found.length} licenses are on the allow-list.`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
