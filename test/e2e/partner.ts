import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';
import { chromiumForFile } from './harness';
import { embedMessages } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { fr } from '../../src/i18n/fr';
import { FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '../../src/sandbox';

/**
 * A partner page as Flinks Connect integrations are written (test/e2e/host-app.ts, `/partner.html`): the widget's
 * address swapped in for Flinks', no parentOrigin, and a plain `message` listener that keeps what it hears.
 */
export interface PartnerPage {
  page: Page;
  widget: FrameLocator;
  /** Every message the page's listener received, as received. */
  messages(): Promise<Record<string, unknown>[]>;
  /** The `step` of every message that has one, in order. */
  steps(): Promise<string[]>;
  /** Waits until a message with this `step` arrives, and returns it. */
  waitForStep(step: string, timeout?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Opens the partner page on `origin` (the allowed host origin by default), whose iframe points at the widget's server
 * under `path` with `query` written exactly as given (`?demo=true?redirectUrl=…` stays as it is).
 */
export async function openPartner(
  browser: Browser,
  path: string,
  query: string,
  origin: string = inject('hostOrigin'),
): Promise<PartnerPage> {
  const context = await browser.newContext();
  // What the partner page's listener heard, kept outside the page too: success navigates the page away.
  const heard: Record<string, unknown>[] = [];
  await context.exposeBinding('recordPartnerMessage', (source, data: Record<string, unknown>) => {
    if (source.frame === source.page.mainFrame()) heard.push(data);
  });
  await context.addInitScript(() => {
    if (window.parent !== window) return;
    window.addEventListener('message', (event) => {
      const record = (window as unknown as { recordPartnerMessage: (data: unknown) => void })
        .recordPartnerMessage;
      void record(event.data);
    });
  });
  const page = await context.newPage();
  const asked = new URLSearchParams({ path, query });
  await page.goto(`${origin}/partner.html?${asked}`);
  const messages = async () => heard.map((message) => message);
  return {
    page,
    widget: page.frameLocator('iframe[title="Flinks Connect"]'),
    messages,
    steps: async () =>
      (await messages()).flatMap((message) => (typeof message.step === 'string' ? [message.step] : [])),
    waitForStep: async (step, timeout = 20_000) => {
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = heard.find((message) => message.step === step);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `The partner page never heard ${step}: ${heard.map((m) => String(m.step)).join(', ')} (at ${page.url()})`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => context.close(),
  };
}

/** The configuration screen's title, in either language: it must never show for a URL Flinks accepts. */
export async function configurationShown(widget: FrameLocator): Promise<boolean> {
  const titles = [embedMessages.en.configuration.title, embedMessages.fr.configuration.title];
  for (const title of titles) if ((await widget.getByText(title).count()) > 0) return true;
  return false;
}

/**
 * Agrees on the consent screen, which the embed page shows first unless the URL says `consentEnable=false` (Flinks
 * Connect's default); the button must be there in `language`, so the consent screen is checked to be the first one.
 */
export async function agreeToConsent(widget: FrameLocator, language: 'en' | 'fr' = 'en'): Promise<void> {
  const m = language === 'fr' ? fr : en;
  await widget.getByRole('button', { name: m.ui.consent.accept }).click();
}

/** Signs Greatday in at Flinks Capital's form and answers the security question(s) it is asked. */
export async function connectGreatday(widget: FrameLocator, language: 'en' | 'fr' = 'en'): Promise<void> {
  const m = language === 'fr' ? fr : en;
  await widget.getByLabel(m.ui.credentials.username).fill('Greatday');
  await widget.getByLabel(m.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
  await widget.getByRole('button', { name: m.ui.credentials.submit }).click();
  await widget.getByRole('heading', { name: format(m.mfa.title, { bank: 'Flinks Capital' }) }).waitFor();
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = widget.getByLabel(prompt);
    if ((await field.count()) > 0) await field.fill(answer);
  }
  await widget.getByRole('button', { name: m.mfa.continue }).click();
}

/** A test file's Chromium, and {@link openPartner} whose page is closed once each test ends, pass or fail. */
export function partnersForFile(): {
  open(path: string, query: string, origin?: string): Promise<PartnerPage>;
} {
  const chromium = chromiumForFile();
  let current: PartnerPage | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    open: async (path, query, origin) => {
      current = await openPartner(chromium.browser, path, query, origin);
      return current;
    },
  };
}
