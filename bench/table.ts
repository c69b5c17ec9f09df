/** A plain-text table: one header, sections as separator rows, columns padded to fit. */
export type Row = { section: string } | { cells: string[] };

export function renderTable(header: string[], rows: Row[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => ('cells' in row ? (row.cells[column] ?? '').length : 0))),
  );
  const line = (cells: string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const inner = widths.reduce((sum, width) => sum + width + 3, -3);
  const out = [line(header), rule];
  for (const row of rows) {
    out.push('cells' in row ? line(row.cells) : `| ${`** ${row.section}`.padEnd(inner)} |`);
  }
  return out.join('\n');
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const mark = (passed: boolean | null) => (passed === null ? '' : passed ? 'ok' : 'OVER');
