import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { chromiumForFile, cspProblems } from './harness';

/**
 * The bank list's tiles in Chromium at 390 px (issue 25, item 8): the sandbox bank shows its own logo, drawn inline
 * (no request, nothing the page's CSP refuses); every other bank one neutral monogram tile whose letters never touch
 * its edges.
 */

const chromium = chromiumForFile();

describe.each([
  ['en', en],
  ['fr', fr],
] as const)('the bank list’s tiles (%s)', (language, m) => {
  it('show a logo or a neutral monogram that fits, within the page’s CSP', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true', language });
    await session.page.setViewportSize({ width: 390, height: 844 });
    const grid = session.widget.getByRole('list', { name: m.ui.institution.popular });
    await grid.waitFor();
    const flinks = grid.getByRole('button', { name: 'Flinks Capital', exact: true });
    const logo = flinks.locator('img');
    await expect
      .poll(() => logo.evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);

    const tiles = await grid.locator('span.cw-bank__tile').evaluateAll((spans) =>
      spans.map((span) => {
        const box = span.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(span);
        const text = range.getBoundingClientRect();
        return {
          letters: span.textContent ?? '',
          colour: getComputedStyle(span).backgroundColor,
          left: text.left - box.left,
          right: box.right - text.right,
        };
      }),
    );
    expect(tiles.length).toBeGreaterThanOrEqual(8);
    // Whole acronyms (CIBC, not CIB), each with room on both sides.
    expect(tiles.map((tile) => tile.letters)).toContain('CIBC');
    for (const tile of tiles) {
      expect(tile.left, tile.letters).toBeGreaterThanOrEqual(3);
      expect(tile.right, tile.letters).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(tiles.map((tile) => tile.colour)).size).toBe(1);
    expect(cspProblems(session)).toEqual([]);
  });
});
