/**
 * The package's type declarations: one rolled-up `.d.ts` per entry (and its `.d.cts` twin for `require`), with no
 * relative import and no CSS import, so they resolve the same under `bundler`, `node16` and `nodenext`. Also the API
 * reports in api/: a change to the public surface shows as a diff of api/*.api.md. Locally the reports are rewritten;
 * in CI (`CI=true`) a report that differs from the code fails the build.
 *
 * Run after `tsc -p tsconfig.build.json` (which writes dist/declarations): `npm run build:lib` does both.
 */
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Each package entry: the file it is built from (under dist/declarations) and its name in dist/lib and api/. */
export const TYPE_ENTRIES = [
  { name: 'index', declarations: 'index.d.ts' },
  { name: 'server', declarations: 'server.d.ts' },
  { name: 'sandbox', declarations: 'sandbox/index.d.ts' },
  { name: 'sandbox-msw', declarations: 'sandbox/msw.d.ts' },
] as const;

function configFor(entry: (typeof TYPE_ENTRIES)[number]): IConfigFile {
  return {
    projectFolder: ROOT,
    mainEntryPointFilePath: join(ROOT, 'dist/declarations', entry.declarations),
    compiler: { tsconfigFilePath: join(ROOT, 'tsconfig.build.json') },
    apiReport: {
      enabled: true,
      reportFileName: `${entry.name}.api.md`,
      reportFolder: join(ROOT, 'api'),
      reportTempFolder: join(ROOT, '.tmp/api'),
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: true, untrimmedFilePath: join(ROOT, 'dist/lib', `${entry.name}.d.ts`) },
    tsdocMetadata: { enabled: false },
    messages: {
      // Release tags (@public, @beta) are not used: everything exported is public.
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning },
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // Every export is documented; members that CONTRACT.md names (event fields, wire fields) are not repeated.
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
        // Internal types a public one mentions are written into the rollup as they are (correct, just not importable).
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.None },
      },
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      // The JSDoc is written for editors' tooltips, not checked against TSDoc's stricter grammar.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
}

const localBuild = process.env.CI !== 'true';
let failed = false;
for (const entry of TYPE_ENTRIES) {
  const config = ExtractorConfig.prepare({
    configObject: configFor(entry),
    configObjectFullPath: join(ROOT, 'api-extractor.json'),
    packageJsonFullPath: join(ROOT, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  if (!result.succeeded) {
    failed = true;
    console.error(
      result.apiReportChanged
        ? `The public API of the "${entry.name}" entry changed: run \`npm run build:lib\` and commit api/${entry.name}.api.md.`
        : `API Extractor failed on the "${entry.name}" entry (${result.errorCount} errors, ${result.warningCount} warnings).`,
    );
    continue;
  }
  copyFileSync(join(ROOT, 'dist/lib', `${entry.name}.d.ts`), join(ROOT, 'dist/lib', `${entry.name}.d.cts`));
}
rmSync(join(ROOT, 'dist/declarations'), { recursive: true, force: true });
if (failed) process.exit(1);
