// Run inside an installed consumer app (test/consumers/run.ts copies it there): the packed package as a partner
// uses it. Starts the sandbox from `@connect-widget/react/sandbox`, serves the built app with `vite preview`, and
// connects Greatday through the security question in Chromium. Also loads the CommonJS build with `require`.
// (The MSW check is shared/msw.mjs.)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startSandbox, FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '@connect-widget/react/sandbox';
import { launchChromium } from './chromium.mjs';

const { APP_PORT, SANDBOX_PORT, PLAYWRIGHT_CORE, CHROME_PATH } = process.env;
const appOrigin = `http://127.0.0.1:${APP_PORT}`;
const { chromium } = await import(PLAYWRIGHT_CORE);

function fail(message) {
  throw new Error(message);
}

// CommonJS: what `require()` (Jest, older Node tools) gets, rendered on the server with React's own renderer.
{
  const require = createRequire(import.meta.url);
  const { ConnectWidget } = require('@connect-widget/react');
  const { createConnectSession, GUIDANCE } = require('@connect-widget/react/server');
  const { renderToString } = require('react-dom/server');
  const { createElement } = require('react');
  if (typeof createConnectSession !== 'function' || !GUIDANCE.INVALID_PASSWORD)
    fail('require(./server) is incomplete');
  const html = renderToString(
    createElement(ConnectWidget, { apiBaseUrl: '/api', institution: 'FlinksCapital' }),
  );
  if (!html.includes('Username or card number'))
    fail(`the CommonJS build rendered no credential form: ${html.slice(0, 200)}`);
  console.log('require(): the CommonJS build loads and renders the credential form');
}

const bank = await startSandbox({
  port: Number(SANDBOX_PORT),
  latencyMs: 0,
  allowedOrigins: [appOrigin],
});
const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', APP_PORT, '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
/** Stops `vite preview` and what npx started for it (its own process group). */
function stopPreview() {
  if (preview.exitCode === null) process.kill(-preview.pid, 'SIGTERM');
}
let browser;
try {
  await new Promise((resolve, reject) => {
    preview.stdout.on('data', (chunk) => String(chunk).includes(String(APP_PORT)) && resolve());
    preview.once('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
  });
  browser = await launchChromium(chromium, CHROME_PATH);
  const page = await (await browser.newContext()).newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.setDefaultTimeout(15_000);

  await page.goto(appOrigin);
  await page.getByLabel('Username or card number').fill('Greatday');
  await page.getByLabel('Password', { exact: true }).fill(SANDBOX_PASSWORD);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Flinks Capital needs to confirm it’s you' }).waitFor();
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = page.getByLabel(prompt);
    if ((await field.count()) > 0) await field.fill(answer);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Connected: [\w-]+$/ })
    .waitFor();
  const events = await page.getByRole('list', { name: 'Events' }).getByRole('listitem').allTextContents();
  for (const name of ['COMPONENT_LOAD_CREDENTIAL', 'COMPONENT_LOAD_MFA', 'SUBMIT_MFA', 'REDIRECT']) {
    if (!events.includes(name)) fail(`no ${name} event (got ${events.join(', ')})`);
  }
  if (problems.length > 0) fail(`the page reported errors:\n${problems.join('\n')}`);
  // Sign-in and answer, once each, under StrictMode too (CORS preflights aside).
  const authorizes = bank.sandbox.log.filter(
    (entry) => entry.method === 'POST' && entry.path.endsWith('/Authorize'),
  );
  if (authorizes.length !== 2) fail(`expected 2 Authorize calls, got ${authorizes.length}`);
  console.log('Greatday connected through the security question in Chromium (2 Authorize calls)');
} finally {
  await browser?.close();
  stopPreview();
  await bank.close();
}
