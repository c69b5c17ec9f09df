import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '../../src/sandbox';
import { launchChromium } from './harness';

/**
 * A Flinks Connect integration that only swapped the iframe's base URL (issue 13): no parentOrigin, no SDK, a plain
 * listener reading `e.data.step` and `new URL(e.data.url).searchParams.get('loginId')`.
 */

const BANK = 'Flinks Capital';

interface FlinksHostWindow {
  flinksSteps: string[];
  flinksLoginId: string | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function openFlinksHost(origin: string, query: string): Promise<{ page: Page; widget: FrameLocator }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/flinks.html?embed=${encodeURIComponent(`?${query}`)}`);
  return { page, widget: page.frameLocator('iframe[title="Flinks Connect"]') };
}

const heard = (page: Page) =>
  page.evaluate(() => {
    const view = window as unknown as FlinksHostWindow;
    return { steps: view.flinksSteps, loginId: view.flinksLoginId };
  });

describe('a Flinks Connect integration, base URL swapped', () => {
  it('connects Greatday and reads the loginId from REDIRECT’s url', async () => {
    const { page, widget } = await openFlinksHost(
      inject('hostOrigin'),
      'demo=true&institution=FlinksCapital&tag=flinks-e2e',
    );
    try {
      // No consentEnable in the URL: the consent screen first, as on Flinks Connect.
      await widget.getByRole('button', { name: en.ui.consent.accept }).click();
      await widget.getByLabel(en.ui.credentials.username).fill('Greatday');
      await widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
      await widget.getByRole('button', { name: en.ui.credentials.submit }).click();
      await widget.getByRole('heading', { name: format(en.mfa.title, { bank: BANK }) }).waitFor();
      for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
        const field = widget.getByLabel(prompt);
        if ((await field.count()) > 0) await field.fill(answer);
      }
      await widget.getByRole('button', { name: en.mfa.continue }).click();
      await page.waitForFunction(() => (window as unknown as FlinksHostWindow).flinksLoginId !== null, null, {
        timeout: 20_000,
      });

      const { steps, loginId } = await heard(page);
      expect(loginId).toMatch(/^[0-9a-f-]{36}$/);
      expect(steps).toEqual(
        expect.arrayContaining(['APP_MOUNTED', 'COMPONENT_LOAD_CREDENTIAL', 'SUBMIT_MFA', 'REDIRECT']),
      );
      expect(steps.filter((step) => step !== 'APP_RESIZE').at(-1)).toBe('REDIRECT');
    } finally {
      await page.context().close();
    }
  });

  it('cannot be framed by a page on a disallowed origin, which hears nothing', async () => {
    const { page, widget } = await openFlinksHost(inject('foreignHostOrigin'), 'demo=true');
    try {
      // Give the frame every chance to load and speak.
      await page.waitForTimeout(1500);
      await expect(widget.getByRole('heading').count()).resolves.toBe(0);
      expect(await heard(page)).toEqual({ steps: [], loginId: null });
    } finally {
      await page.context().close();
    }
  });
});
