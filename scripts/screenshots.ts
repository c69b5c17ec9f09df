/**
 * Screenshots of every sandbox persona's screen after sign-in, in English and French, at phone and desktop widths:
 * `npm run screenshots` (writes screenshots/{language}-{width}-{persona}.png). Starts the `npm start` server on a free
 * loopback port (the built app: run `npm run build:app` first) and drives /embed.html with Debian's Chromium.
 *
 * Options (environment): SCREENSHOTS_DIR (default screenshots), SCREENSHOTS_ONLY (comma-separated usernames),
 * SCREENSHOTS_WIDTHS (default 375,1280). `bank-list`, `last-try`, `success` and `cancelled` in SCREENSHOTS_ONLY take those moments' screens.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { listenServerApp } from '../server/app';
import { parseConfig } from '../server/config';
import { messagesFor, type Language } from '../src/i18n';
import { format } from '../src/i18n/format';
import { SANDBOX_PASSWORD, SANDBOX_PERSONAS } from '../src/sandbox/personas';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium';

const BANK = 'Flinks Capital';
const outDir = resolve(process.env.SCREENSHOTS_DIR ?? 'screenshots');
const only = process.env.SCREENSHOTS_ONLY?.split(',').map((name) => name.trim());
const widths = (process.env.SCREENSHOTS_WIDTHS ?? '375,1280').split(',').map(Number);
const personas = SANDBOX_PERSONAS.filter((persona) => !only || only.includes(persona.username));

mkdirSync(outDir, { recursive: true });
const server = await listenServerApp(parseConfig({ ...process.env, PORT: '0', SANDBOX_LATENCY_MS: '0' }));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
let count = 0;
try {
  for (const language of ['en', 'fr'] as const satisfies readonly Language[]) {
    const m = messagesFor(language).ui.credentials;
    const signInTitle = format(m.title, { bank: BANK });
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: `${language}-CA`,
      });
      const page = await context.newPage();
      // The screens before any sign-in: the bank list, and what searching it for a bank it lacks offers.
      if (!only || only.includes('bank-list')) {
        const list = messagesFor(language).ui.institution;
        await page.goto(`${server.url}/embed.html?consentEnable=false&demo=true&language=${language}`);
        await page.getByRole('heading', { name: list.title }).waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({
          path: resolve(outDir, `${language}-${width}-bank-list.png`),
          fullPage: true,
        });
        await page.getByRole('searchbox', { name: list.search }).fill('Banque Imaginaire');
        await page.getByRole('button', { name: list.notFound }).waitFor();
        await page.screenshot({
          path: resolve(outDir, `${language}-${width}-bank-list-none.png`),
          fullPage: true,
        });
        count += 2;
      }
      // Moments past the first answer: the second wrong password (the last try before lock-out), and the end.
      const shoot = async (name: string) => {
        await page.waitForTimeout(400);
        await page.screenshot({ path: resolve(outDir, `${language}-${width}-${name}.png`), fullPage: true });
        count += 1;
      };
      const signIn = async (username: string, password: string) => {
        await page.getByLabel(m.username).fill(username);
        await page.getByLabel(m.password, { exact: true }).fill(password);
        await page.getByRole('button', { name: m.submit }).click();
      };
      const later = messagesFor(language);
      if (!only || only.includes('last-try')) {
        await page.goto(
          `${server.url}/embed.html?consentEnable=false&demo=true&institution=FlinksCapital&language=${language}`,
        );
        await page.getByRole('heading', { name: signInTitle }).waitFor();
        await signIn('Greatday', 'Wrongday');
        await page.getByRole('alert').waitFor();
        await signIn('Greatday', 'Wrongday');
        await page.getByText(format(later.screens.credentials.lastTry, { bank: BANK })).waitFor();
        await shoot('last-try');
      }
      if (!only || only.includes('success')) {
        await page.goto(
          `${server.url}/embed.html?consentEnable=false&demo=true&institution=FlinksCapital&language=${language}&customerName=Acme`,
        );
        await page.getByRole('heading', { name: signInTitle }).waitFor();
        await signIn('greatday_nomfa', SANDBOX_PASSWORD);
        await page.getByRole('heading', { name: later.screens.success.title }).waitFor();
        await shoot('success');
        await page.getByRole('button', { name: later.ui.widget.close }).click();
        await page.getByText(later.screens.closed.connected.body).waitFor();
        await shoot('success-closed');
      }
      if (!only || only.includes('cancelled')) {
        await page.goto(
          `${server.url}/embed.html?consentEnable=false&demo=true&institution=FlinksCapital&language=${language}`,
        );
        await page.getByRole('heading', { name: signInTitle }).waitFor();
        await page.getByRole('button', { name: later.ui.widget.close }).click();
        await page.getByRole('button', { name: later.screens.closed.startAgain }).waitFor();
        await shoot('cancelled');
      }
      for (const persona of personas) {
        await page.goto(
          `${server.url}/embed.html?consentEnable=false&demo=true&institution=FlinksCapital&language=${language}`,
        );
        await page.getByRole('heading', { name: signInTitle }).waitFor();
        await page.getByLabel(m.username).fill(persona.username);
        await page.getByLabel(m.password, { exact: true }).fill(SANDBOX_PASSWORD);
        await page.getByRole('button', { name: m.submit }).click();
        // The next screen: any step heading other than the sign-in form, or the form again with the bank's answer.
        await page
          .waitForFunction(
            (title) => {
              const heading = document.querySelector('h2');
              return (heading && heading.textContent !== title) || document.querySelector('[role="alert"]');
            },
            signInTitle,
            { timeout: 20_000 },
          )
          .catch(() => undefined);
        await page.waitForTimeout(400);
        const file = resolve(outDir, `${language}-${width}-${persona.username}.png`);
        await page.screenshot({ path: file, fullPage: true });
        count += 1;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${outDir}`);
