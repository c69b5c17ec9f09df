/**
 * `npm run size`: the size budgets, checked on the build in dist/ (run `npm run build` first). Exits 1 when one is
 * over, so CI fails on it.
 */
import { measureSizes, NotBuiltError } from './sizes';
import { kB, mark, renderTable } from './table';

try {
  const sizes = await measureSizes();
  console.log(
    renderTable(
      ['target', 'brotli', 'gzip', 'minified', 'budget (brotli)', ''],
      sizes.map((size) => ({
        cells: [size.label, kB(size.brotli), kB(size.gzip), kB(size.raw), kB(size.budget), mark(size.passed)],
      })),
    ),
  );
  const over = sizes.filter((size) => !size.passed);
  if (over.length > 0) {
    console.error(`\nOver budget: ${over.map((size) => size.label).join('; ')}`);
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof NotBuiltError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
