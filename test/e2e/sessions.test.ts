import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLINKS_CAPITAL_QUESTIONS } from '../../src/sandbox';
import { launchChromium } from './harness';

/**
 * `npm start` as a partner's reviewer runs it, with every API call required to come inside a connect session:
 * the demo gets its sessions from the server the way a partner's page gets them from its backend.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let server: ChildProcess;
let origin: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Starts `node scripts/start.mjs` (what `npm start` runs) and waits for its banner. */
function start(port: number): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        CONNECT_REQUIRE_SESSION: 'true',
        SANDBOX_LATENCY_MS: '0',
        SANDBOX_PENDING_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`npm start did not come up:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = await start(port);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function answerWhicheverQuestion(scope: Page | FrameLocator): Promise<void> {
  // The security question's screen loads on demand: wait for it before looking for the one asked.
  await scope
    .getByRole('textbox', { name: /born|country|shape/ })
    .first()
    .waitFor({ timeout: 20_000 });
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = scope.getByRole('textbox', { name: prompt });
    if ((await field.count()) > 0) {
      await field.fill(answer);
      return;
    }
  }
  throw new Error('No Flinks Capital question on screen');
}

async function signIn(scope: Page | FrameLocator | Locator, username: string): Promise<void> {
  await scope.getByRole('button', { name: 'Agree and continue' }).click();
  // Exactly: Flinks Capital (OAuth) is listed beside it.
  await scope.getByRole('button', { name: 'Flinks Capital', exact: true }).click();
  await scope.getByLabel('Username or card number').fill(username);
  await scope.getByLabel('Password').fill('Everyday');
  await scope.getByRole('button', { name: 'Connect' }).click();
}

describe('npm start with CONNECT_REQUIRE_SESSION=true', () => {
  it('refuses the bank API to anyone without a session', async () => {
    const response = await fetch(`${origin}/v3/any/BankingServices/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({
        Institution: 'FlinksCapital',
        Username: 'greatday_nomfa',
        Password: 'Everyday',
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });
  });

  it('connects Greatday through the security question in the demo, in the page and in the iframe', async () => {
    const context = await browser.newContext({ locale: 'en-CA' });
    const page = await context.newPage();
    const sessionCalls: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/demo/sessions')) sessionCalls.push(response.status());
    });
    await page.goto(`${origin}/`);

    // In the page: the component asks the demo's stand-in backend for its session before its first call.
    // The panel itself: the section around both panels has both headings, and both callbacks' statuses.
    const component = page.locator('section.cw-demo-panel', {
      has: page.getByRole('heading', { name: /React component/ }),
    });
    await signIn(component, 'Greatday');
    await answerWhicheverQuestion(page);
    await component.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => component.getByRole('status').filter({ hasText: 'onSuccess received' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);

    // In the iframe: the frame's address carries the session its run was given.
    const frame = page.frameLocator('iframe[title="Connect your bank account"]');
    await signIn(frame, 'Greatday');
    await answerWhicheverQuestion(frame);
    await frame.getByRole('button', { name: 'Continue' }).click();
    // The panel itself, not the section of all embeds around it (which holds the component's status too).
    const iframeSection = page.locator('section.cw-demo-embed-panel', {
      has: page.getByRole('heading', { name: /iframe/ }),
    });
    await expect
      .poll(() => iframeSection.getByRole('status').filter({ hasText: 'onSuccess received' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);

    expect(sessionCalls.length).toBeGreaterThanOrEqual(2);
    expect(sessionCalls.every((status) => status === 201)).toBe(true);
    await context.close();
  });

  it('shows the session-ended screen for a session that is not valid, and says why first when there is none', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/embed.html?demo=true&consentEnable=false&institution=FlinksCapital`);
    await expect
      .poll(() => page.getByRole('heading', { name: /settings change/i }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.getByText(/sessionToken is required by this server/).count()).toBe(1);

    await page.goto(
      `${origin}/embed.html?demo=true&consentEnable=false&institution=FlinksCapital&sessionToken=cs1.forged.token`,
    );
    await page.getByLabel('Username or card number').fill('greatday_nomfa');
    await page.getByLabel('Password').fill('Everyday');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your secure session has ended' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Exit' }).count()).toBe(1);
    await context.close();
  });
});
