import type { BrowserContext, FrameLocator, Locator, Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { hydrationWait } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { SANDBOX_PASSWORD } from '../../src/sandbox';
import { chromiumForFile, WIDGET_TITLE } from './harness';

/**
 * The embed page's first screen comes drawn by the server: a person can type into it before the script arrives,
 * keeps every character when the script takes over, and cannot send the form before that.
 */

const chromium = chromiumForFile();
const SIGN_IN_TITLE = format(en.ui.credentials.title, { bank: 'Flinks Capital' });

/** Holds every script of the widget's origin until `release()`; the page's HTML and styles go through. */
async function holdScripts(context: BrowserContext, widgetOrigin: string) {
  const held: Route[] = [];
  let released = false;
  await context.route(
    (url) => url.origin === widgetOrigin && url.pathname.endsWith('.js'),
    (route) => {
      if (released) return route.continue();
      held.push(route);
      return undefined;
    },
  );
  return {
    held: () => held.length,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

/**
 * `#root`'s markup without the marks of the wait (the locked button's attributes), as the script should leave it.
 * Link addresses are left out: a bank's "forgot password" page replaces its website once its list arrives, later.
 */
function markupOf(widget: FrameLocator | Page, { without = '' } = {}): Promise<string> {
  return widget.locator('#root').evaluate((root, without) => {
    const copy = root.cloneNode(true) as HTMLElement;
    if (without) for (const element of copy.querySelectorAll(without)) element.remove();
    for (const link of copy.querySelectorAll('a[href]')) link.removeAttribute('href');
    for (const button of copy.querySelectorAll('[data-locked-until-hydrated]')) {
      for (const name of ['disabled', 'aria-describedby', 'data-locked-until-hydrated'])
        button.removeAttribute(name);
    }
    return copy.innerHTML;
  }, without);
}

/** The text that describes an element (`aria-describedby`, one id), as a screen reader reads it after its name. */
function descriptionOf(element: Locator): Promise<string | null> {
  return element.evaluate(
    (node) => document.getElementById(node.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
  );
}

interface Opened {
  page: Page;
  widget: FrameLocator | Page;
  requests: string[];
  release(): Promise<void>;
  held(): number;
}

async function openWithScriptsHeld(
  context: BrowserContext,
  framed: boolean,
  params = new URLSearchParams({ demo: 'true', consentEnable: 'false', institution: 'FlinksCapital' }),
): Promise<Opened> {
  const widgetOrigin = inject('widgetOrigin');
  const hostOrigin = inject('hostOrigin');
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  if (framed) {
    // The partner page loads /connect.js from the widget's origin: let that one through, hold the embed page's.
    await page.route(`${widgetOrigin}/connect.js`, (route) => route.continue());
    await page.route(`${widgetOrigin}/sdk/**`, (route) => route.continue());
  }
  const gate = await holdScripts(context, widgetOrigin);
  if (framed) {
    await page.goto(`${hostOrigin}/host.html?embed=${encodeURIComponent(`?${params}`)}`, {
      waitUntil: 'commit',
    });
    return { page, widget: page.frameLocator(`iframe[title="${WIDGET_TITLE}"]`), requests, ...gate };
  }
  await page.goto(`${widgetOrigin}/embed.html?${params}`, { waitUntil: 'commit' });
  return { page, widget: page, requests, ...gate };
}

describe.each([
  ['at top level', false],
  ['framed by a partner page', true],
])('the server-drawn sign-in form, %s', (_label, framed) => {
  it('takes typing before the script arrives, keeps it, cannot be sent early, then signs in', async () => {
    const context = await chromium.browser.newContext();
    try {
      const opened = await openWithScriptsHeld(context, framed);
      const { widget } = opened;
      await widget.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor();
      const username = widget.getByLabel(en.ui.credentials.username);
      const password = widget.getByLabel(en.ui.credentials.password, { exact: true });
      const submit = widget.getByRole('button', { name: en.ui.credentials.submit });

      // Typed while the script is still held back.
      await username.pressSequentially('greatday_nomfa');
      await password.pressSequentially(SANDBOX_PASSWORD);
      expect(opened.held()).toBeGreaterThan(0);
      expect(await submit.isDisabled()).toBe(true);
      expect(await descriptionOf(submit)).toBe(hydrationWait.en.form);

      // Enter in the password field must not send the form by itself (a GET would put the password in the URL).
      await password.press('Enter');
      await new Promise((done) => setTimeout(done, 300));
      expect(opened.requests.filter((url) => url.includes(SANDBOX_PASSWORD))).toEqual([]);
      expect(await username.inputValue()).toBe('greatday_nomfa');

      const serverMarkup = await markupOf(widget);
      // Every element the server drew is marked, to check the script adopts the elements rather than redrawing them.
      await widget.locator('#root').evaluate((root) => {
        for (const element of root.querySelectorAll('*'))
          (element as unknown as { drawn: boolean }).drawn = true;
      });
      await opened.release();
      await expect.poll(() => submit.isEnabled(), { timeout: 20_000 }).toBe(true);
      // The bank's "forgot password" page is known once the later chunk is in: its link is added then (never drawn
      // by the server, never pointing at the home page first), with the sandbox bank's own page.
      const forgot = widget.getByRole('link', { name: /^Forgot your password\?/ });
      await forgot.waitFor();
      expect(await forgot.getAttribute('href')).toMatch(/\/sandbox-bank\/en\/forgot-password$/);
      // The script adopted the server's elements as they were: same markup, nothing redrawn, the link apart.
      expect(await markupOf(widget, { without: 'a.cw-link' })).toBe(serverMarkup);
      const redrawn = await widget
        .locator('#root')
        .evaluate(
          (root) =>
            [...root.querySelectorAll('input, button, h2, form')].filter(
              (element) => !(element as unknown as { drawn?: boolean }).drawn,
            ).length,
        );
      expect(redrawn).toBe(0);
      expect(await username.inputValue()).toBe('greatday_nomfa');
      expect(await password.inputValue()).toBe(SANDBOX_PASSWORD);
      expect(await submit.getAttribute('aria-describedby')).toBeNull();
      // One form, not the server's and the script's side by side.
      expect(await widget.getByRole('heading', { name: SIGN_IN_TITLE }).count()).toBe(1);

      await submit.click();
      await widget.getByRole('heading', { name: en.screens.success.title }).waitFor({ timeout: 20_000 });
      expect(opened.requests.filter((url) => url.includes(SANDBOX_PASSWORD))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the server-drawn bank list', () => {
  it('says its buttons work in a moment until the script arrives, then a bank tapped opens its sign-in', async () => {
    const context = await chromium.browser.newContext();
    try {
      const opened = await openWithScriptsHeld(
        context,
        false,
        new URLSearchParams({ demo: 'true', consentEnable: 'false' }),
      );
      const { widget } = opened;
      await widget.getByRole('heading', { name: en.ui.institution.title }).waitFor();
      const bank = widget.getByRole('button', { name: 'Flinks Capital', exact: true });
      expect(opened.held()).toBeGreaterThan(0);
      // A tap now would be lost without a word: the button says so instead.
      expect(await bank.isDisabled()).toBe(true);
      expect(await descriptionOf(bank)).toBe(hydrationWait.en.page);

      await opened.release();
      await expect.poll(() => bank.isEnabled(), { timeout: 20_000 }).toBe(true);
      expect(await bank.getAttribute('aria-describedby')).toBeNull();
      await bank.click();
      await widget.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
    }
  });
});
