import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embedMessages } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { SANDBOX_PASSWORD } from '../../src/sandbox';
import { launchChromium } from './harness';

/**
 * Issue 13: a Flinks Connect URL with every documented parameter loads; in a mobile webview (webview=true) every
 * event reaches the app's channel as a JSON string, and nothing reaches window.parent.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

interface FlinksHostWindow {
  flinksSteps: string[];
}

async function openFlinksHost(query: string, setUp?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (setUp) await setUp(page);
  await page.goto(`${inject('hostOrigin')}/flinks.html?embed=${encodeURIComponent(`?${query}`)}`);
  return { page, widget: page.frameLocator('iframe[title="Flinks Connect"]') };
}

describe('every documented Flinks Connect parameter', () => {
  it('loads without a configuration error', async () => {
    const host = inject('hostOrigin');
    const query = new URLSearchParams({
      language: 'en',
      demo: 'true',
      customerName: 'Partner shop',
      theme: 'light',
      maximumRetry: '3',
      tag: 'every-parameter',
      consentEnable: 'true',
      closeEnable: 'true',
      backEnable: 'true',
      institutionFilterEnable: 'true',
      accountSelectorEnable: 'true',
      redirectUrl: `${host}/thank-you`,
      stringify: 'false',
      headerEnable: 'true',
      headerImgEnable: 'true',
      accountSelectorNoTitle: 'true',
      showAllOperationsAccounts: 'true',
      daysOfTransactions: 'Days365',
      detailsAndStatementEnable: 'true',
      monthsOfStatements: 'Months12',
      scheduleRefresh: 'true',
      innerRedirect: 'false',
      jsRedirect: 'true',
      webview: 'false',
      oauthWindowRedirect: 'false',
      demoOutbound: 'false',
      backgroundColor: 'f7f4ee',
      foregroundColor1: '0b5cad',
      desktopLayout: 'true',
      fixedHeightEnable: 'false',
      removePadding: 'false',
      boxLayout: 'true',
      staticLoadingEnable: 'true',
      loadingType: 'text',
      productType: 'banking',
    }).toString();
    const { page, widget } = await openFlinksHost(query);
    try {
      await widget.getByRole('heading', { level: 2 }).first().waitFor();
      await expect(
        widget.getByRole('heading', { name: embedMessages.en.configuration.title }).count(),
      ).resolves.toBe(0);
      await expect(widget.getByRole('banner').textContent()).resolves.toContain('Partner shop');
      await page.waitForFunction(() =>
        (window as unknown as FlinksHostWindow).flinksSteps.includes('COMPONENT_LOAD_CONSENT'),
      );
    } finally {
      await page.context().close();
    }
  });
});

/** Defines the app's channel in the widget's frame only; every message it gets lands in `received`. */
async function standIn(page: Page, kind: 'react-native' | 'ios', received: string[]) {
  await page.exposeFunction('__appChannel', (message: unknown) => {
    received.push(message as string);
  });
  await page.addInitScript(
    ({ kind, widgetOrigin }) => {
      if (location.origin !== widgetOrigin) return;
      const view = window as unknown as Record<string, unknown> & { __appChannel: (m: unknown) => void };
      const postMessage = (message: unknown) => view.__appChannel(message);
      if (kind === 'react-native') view.ReactNativeWebView = { postMessage };
      else view.webkit = { messageHandlers: { flinksEvent: { postMessage } } };
    },
    { kind, widgetOrigin: inject('widgetOrigin') },
  );
}

describe.each(['react-native', 'ios'] as const)('webview=true with a stand-in %s channel', (kind) => {
  it('gets every event as a JSON string, nothing goes to window.parent, success goes to the deep link', async () => {
    const received: string[] = [];
    const { page, widget } = await openFlinksHost(
      'webview=true&consentEnable=false&demo=true&institution=FlinksCapital&redirectUrl=myapp%3A%2F%2Fconnected',
      (page) => standIn(page, kind, received),
    );
    try {
      await widget.getByLabel(en.ui.credentials.username).fill('greatday_nomfa');
      await widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
      await widget.getByRole('button', { name: en.ui.credentials.submit }).click();
      await expect
        .poll(() => received.some((message) => message.includes('"REDIRECT"')), { timeout: 20_000 })
        .toBe(true);

      expect(received.every((message) => typeof message === 'string')).toBe(true);
      const messages = received.map((message) => JSON.parse(message) as { step?: string; url?: string });
      const steps = messages.map((message) => message.step).filter((step) => step !== undefined);
      expect(steps).toEqual(
        expect.arrayContaining([
          'APP_MOUNTED',
          'APP_RESIZE',
          'COMPONENT_LOAD_CREDENTIAL',
          'SUBMIT_CREDENTIAL',
          'REDIRECT',
        ]),
      );
      const redirect = messages.find((message) => message.step === 'REDIRECT');
      const url = new URL(redirect?.url ?? '');
      expect(url.protocol).toBe('myapp:');
      expect(url.searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
      expect(url.searchParams.get('institution')).toBe('FlinksCapital');
      expect(received.join('')).not.toContain(SANDBOX_PASSWORD);

      const heardByParent = await page.evaluate(() => (window as unknown as FlinksHostWindow).flinksSteps);
      expect(heardByParent).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
