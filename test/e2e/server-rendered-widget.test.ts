import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import {
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_PASSWORD,
  startSandbox,
  type RunningSandbox,
} from '../../src/sandbox';
import { chromiumForFile } from './harness';
import { PartnerPage } from './ssr/page';

/**
 * `<ConnectWidget>` rendered by a partner's server (`react-dom/server`, as Next.js and React Router do) is a real HTML
 * form before the partner's script hydrates it. Whatever the person does with it then (type, press Enter, click
 * Connect), the browser must not send it: not as a GET with the password in the address, not as a POST to the
 * partner's server. Served by a plain HTTP server that records every request it gets, with the sandbox bank beside it.
 */

const chromium = chromiumForFile();
const USERNAME = 'Greatday';
const SIGN_IN_TITLE = format(en.ui.credentials.title, { bank: 'Flinks Capital' });

interface Received {
  method: string;
  url: string;
  body: string;
}

let bank: RunningSandbox;
let server: Server;
let origin: string;
/** Every request the partner's server received, with its body. */
const received: Received[] = [];

/** The hydration script, built from the same page the server renders (its chunks and stylesheet by file name). */
async function buildClient(): Promise<Map<string, string>> {
  const built = (await build({
    configFile: false,
    root: join(import.meta.dirname, 'ssr'),
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      rollupOptions: { input: join(import.meta.dirname, 'ssr/hydrate.tsx') },
    },
  })) as Rollup.RollupOutput;
  return new Map(
    built.output.map((file) => [
      `/${file.fileName}`,
      file.type === 'chunk' ? file.code : String(file.source),
    ]),
  );
}

beforeAll(async () => {
  const files = await buildClient();
  const entry = [...files.keys()].find((name) => /\/hydrate-[^/]*\.js$/.test(name));
  const styles = [...files.keys()].filter((name) => name.endsWith('.css'));
  if (!entry) throw new Error(`no hydration script among ${[...files.keys()].join(', ')}`);
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', body });
      const path = new URL(request.url ?? '/', origin).pathname;
      const file = files.get(path);
      if (file !== undefined) {
        const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
        response.writeHead(200, { 'content-type': type }).end(file);
      } else if (path === '/apply' && request.method === 'GET') {
        const html = renderToString(createElement(PartnerPage, { apiBaseUrl: bank.apiBaseUrl }));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Acme Lending</title>
    ${styles.map((href) => `<link rel="stylesheet" href="${href}" />`).join('\n')}
  </head>
  <body>
    <div id="root" data-api="${bank.apiBaseUrl}">${html}</div>
    <script type="module" src="${entry}"></script>
  </body>
</html>`);
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bank = await startSandbox({ latencyMs: 0, allowedOrigins: [origin] });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await bank?.close();
});

/** What the browser asked for (with its body), and every address it went to. */
interface Seen {
  url: string;
  body: string;
}

/** Opens the partner's page and records every request the browser made, and every address it went to. */
async function open(context: BrowserContext) {
  const requests: Seen[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  const page = await context.newPage();
  page.on('framenavigated', (frame) => requests.push({ url: frame.url(), body: '' }));
  received.length = 0;
  bank.sandbox.reset();
  await page.goto(`${origin}/apply`, { waitUntil: 'commit' });
  await page.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor();
  return { page, requests };
}

/** Types the credentials, presses Enter in each field, and clicks Connect, as an impatient person would. */
async function tryToSend(page: Page) {
  const username = page.getByLabel(en.ui.credentials.username);
  const password = page.getByLabel(en.ui.credentials.password, { exact: true });
  const connect = page.getByRole('button', { name: en.ui.credentials.submit });
  await username.pressSequentially(USERNAME);
  await username.press('Enter');
  await password.pressSequentially(SANDBOX_PASSWORD);
  await password.press('Enter');
  // A real click where the button is: a disabled button takes none, and nothing else may send the form.
  await connect.click({ force: true });
  await connect.press('Enter').catch(() => undefined);
  await new Promise((done) => setTimeout(done, 500));
  return { username, password, connect };
}

/**
 * Where the person's secret must never go: into any address, into a request to anyone but the bank's API (the
 * sandbox's sign-in call), or to the partner's server in any form (a query, a POST).
 */
function leaks(requests: Seen[]) {
  return {
    browser: requests
      .filter(
        ({ url, body }) =>
          url.includes(SANDBOX_PASSWORD) ||
          (body.includes(SANDBOX_PASSWORD) && !url.startsWith(bank.apiBaseUrl)),
      )
      .map(({ url }) => url),
    partner: received.filter(
      (request) => request.method !== 'GET' || request.url.includes('?') || request.body !== '',
    ),
  };
}

describe('a server-rendered <ConnectWidget> before its script runs', () => {
  it('with JavaScript off: typing, Enter and Connect send nothing, and the button says why it waits', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    try {
      const { page, requests } = await open(context);
      const { username, password, connect } = await tryToSend(page);
      expect(leaks(requests)).toEqual({ browser: [], partner: [] });
      expect(page.url()).toBe(`${origin}/apply`);
      // Still the same page, with what was typed.
      expect(await username.inputValue()).toBe(USERNAME);
      expect(await password.inputValue()).toBe(SANDBOX_PASSWORD);
      expect(await connect.isDisabled()).toBe(true);
      await expect
        .poll(() => connect.evaluate((button) => (button as HTMLButtonElement).form !== null))
        .toBe(true);
      const description = await connect.evaluate(
        (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
      );
      expect(description).toBe(en.ui.credentials.waitForScript);
      expect(bank.sandbox.log).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with its script held back: nothing is sent; once the script runs, what was typed connects', async () => {
    const context = await chromium.browser.newContext();
    const held: Route[] = [];
    let released = false;
    await context.route(
      (url) => url.origin === origin && url.pathname.endsWith('.js'),
      (route) => (released ? route.continue() : void held.push(route)),
    );
    try {
      const { page, requests } = await open(context);
      const { username, password, connect } = await tryToSend(page);
      expect(held.length).toBeGreaterThan(0);
      expect(leaks(requests)).toEqual({ browser: [], partner: [] });
      expect(page.url()).toBe(`${origin}/apply`);
      expect(bank.sandbox.log).toEqual([]);

      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
      await expect.poll(() => connect.isEnabled(), { timeout: 20_000 }).toBe(true);
      // Taking over the form kept every character.
      expect(await username.inputValue()).toBe(USERNAME);
      expect(await password.inputValue()).toBe(SANDBOX_PASSWORD);
      expect(await connect.getAttribute('aria-describedby')).toBeNull();

      await connect.click();
      await page.getByRole('button', { name: en.mfa.continue }).waitFor({ timeout: 20_000 });
      for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
        const field = page.getByLabel(prompt);
        if ((await field.count()) > 0) await field.fill(answer);
      }
      await page.getByRole('button', { name: en.mfa.continue }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Connected: [\w-]+$/ })
        .waitFor({ timeout: 20_000 });
      expect(leaks(requests)).toEqual({ browser: [], partner: [] });
      expect(page.url()).toBe(`${origin}/apply`);
      // Signed in once, with the password typed before the script arrived.
      const authorizes = bank.sandbox.log.filter((entry) => entry.path.endsWith('/Authorize'));
      expect(authorizes.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
