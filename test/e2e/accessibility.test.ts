import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { format } from '../../src/i18n/format';
import { launchChromium } from './harness';

// axe on the pages a person sees at full size, in real Chromium: the demo page (/), the embed page opened on its own
// (/embed.html, in both languages) and the sandbox bank's site. Zero violations of WCAG 2.0-2.2 A and AA rules.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function violationsOf(path: string, ready: (page: Page) => Promise<unknown>) {
  // @axe-core/playwright needs a page from a context of its own (TOOLCHAIN.md).
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${inject('widgetOrigin')}${path}`);
    await ready(page);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return results.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  } finally {
    await context.close();
  }
}

describe('axe finds nothing', () => {
  it('on the demo page (/)', async () => {
    const violations = await violationsOf('/', (page) =>
      page.getByRole('heading', { level: 1 }).first().waitFor(),
    );
    expect(violations).toEqual([]);
  });

  it.each([
    ['en', format(en.ui.credentials.title, { bank: 'Flinks Capital' })],
    ['fr', format(fr.ui.credentials.title, { bank: 'Flinks Capital' })],
  ])('on /embed.html in %s, at the sign-in form', async (language, title) => {
    const violations = await violationsOf(
      `/embed.html?demo=true&consentEnable=false&institution=FlinksCapital&language=${language}`,
      (page) => page.getByRole('heading', { name: title }).waitFor(),
    );
    expect(violations).toEqual([]);
  });

  it.each(['/sandbox-bank/en/', '/sandbox-bank/fr/nous-joindre', '/sandbox-bank/en/forgot-password'])(
    'on the sandbox bank’s page %s',
    async (path) => {
      const violations = await violationsOf(path, (page) =>
        page.getByRole('heading', { level: 1 }).waitFor(),
      );
      expect(violations).toEqual([]);
    },
  );
});
