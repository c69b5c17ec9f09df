// Run inside an installed consumer app whose server is up (test/consumers/run.ts copies it there): each page named on
// the command line renders <ConnectWidget institution="FlinksCapital"> on the app's server. Before the page's script
// runs, whatever the person does with the server-drawn form (type, Enter in each field, a click on Connect) must send
// nothing: no address with the password, no request to the app's server. Checked twice: with JavaScript off, and with
// the app's scripts held back, which are then released: what was typed connects Greatday through the sandbox.
import { startSandbox, FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '@connect-widget/react/sandbox';
import { launchChromium } from './chromium.mjs';

const { APP_ORIGIN, SANDBOX_PORT, PLAYWRIGHT_CORE, CHROME_PATH } = process.env;
const { chromium } = await import(PLAYWRIGHT_CORE);
const paths = process.argv.slice(2);
const USERNAME = 'Greatday';

function fail(message) {
  throw new Error(message);
}

/** Requests that carry the password where it must never go: any address, or anyone but the bank's API. */
function leaks(seen, bankUrl) {
  return seen.filter(
    ({ url, body, method }) =>
      url.includes(SANDBOX_PASSWORD) ||
      (body.includes(SANDBOX_PASSWORD) && !url.startsWith(bankUrl)) ||
      // The app's server gets nothing of the form: no field in an address, no POST of it.
      (url.startsWith(APP_ORIGIN) &&
        (url.includes(USERNAME) ||
          url.includes('password=') ||
          (method !== 'GET' && body.includes(USERNAME)))),
  );
}

async function open(context, path) {
  const seen = [];
  context.on('request', (request) =>
    seen.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('framenavigated', (frame) => seen.push({ url: frame.url(), method: 'NAVIGATE', body: '' }));
  await page.goto(`${APP_ORIGIN}${path}`, { waitUntil: 'commit' });
  const form = page.locator('form').filter({ has: page.getByLabel('Password', { exact: true }) });
  await form.getByLabel('Username or card number').waitFor();
  return { page, form, seen };
}

/** Types, presses Enter in both fields, and clicks Connect (where it is: a disabled button takes no click). */
async function tryToSend(page, form) {
  const username = form.getByLabel('Username or card number');
  const password = form.getByLabel('Password', { exact: true });
  const connect = form.getByRole('button', { name: 'Connect' });
  await username.pressSequentially(USERNAME);
  await username.press('Enter');
  await password.pressSequentially(SANDBOX_PASSWORD);
  await password.press('Enter');
  await connect.click({ force: true });
  await page.waitForTimeout(500);
  return { username, password, connect };
}

function checkNothingSent(label, page, path, seen, bank) {
  const leaked = leaks(seen, bank.url);
  if (leaked.length > 0) fail(`${label}: the form was sent before hydration: ${JSON.stringify(leaked)}`);
  if (page.url() !== `${APP_ORIGIN}${path}`) fail(`${label}: the page went to ${page.url()}`);
  if (bank.sandbox.log.length > 0) fail(`${label}: the bank was called before hydration`);
}

const bank = await startSandbox({ port: Number(SANDBOX_PORT), latencyMs: 0, allowedOrigins: [APP_ORIGIN] });
const browser = await launchChromium(chromium, CHROME_PATH);
try {
  for (const path of paths) {
    // JavaScript off: the form stays HTML for good.
    {
      bank.sandbox.reset();
      const context = await browser.newContext({ javaScriptEnabled: false });
      const { page, form, seen } = await open(context, path);
      const { password, connect } = await tryToSend(page, form);
      checkNothingSent(`${path} without JavaScript`, page, path, seen, bank);
      if ((await password.inputValue()) !== SANDBOX_PASSWORD) fail(`${path}: what was typed is gone`);
      if (!(await connect.isDisabled())) fail(`${path}: Connect works without the script`);
      await context.close();
    }
    // The script held back, then released.
    {
      bank.sandbox.reset();
      const context = await browser.newContext();
      const held = [];
      let released = false;
      await context.route(
        (url) => url.origin === APP_ORIGIN && /\.m?js$/.test(url.pathname),
        (route) => (released ? route.continue() : void held.push(route)),
      );
      const { page, form, seen } = await open(context, path);
      const { username, password, connect } = await tryToSend(page, form);
      if (held.length === 0) fail(`${path}: no script was held back`);
      checkNothingSent(`${path} before its script`, page, path, seen, bank);
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
      for (let waited = 0; !(await connect.isEnabled()); waited += 100) {
        if (waited > 20_000) fail(`${path}: Connect never worked after hydration`);
        await page.waitForTimeout(100);
      }
      if ((await username.inputValue()) !== USERNAME || (await password.inputValue()) !== SANDBOX_PASSWORD)
        fail(`${path}: hydration lost what was typed`);
      await connect.click();
      await page.getByRole('button', { name: 'Continue' }).waitFor();
      for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
        const field = page.getByLabel(prompt);
        if ((await field.count()) > 0) await field.fill(answer);
      }
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Connection complete' }).waitFor();
      const leaked = leaks(seen, bank.url);
      if (leaked.length > 0) fail(`${path}: the password went astray: ${JSON.stringify(leaked)}`);
      await context.close();
    }
    console.log(
      `served ${path}: nothing sent before hydration (JavaScript off, script held back), then connected`,
    );
  }
} finally {
  await browser.close();
  await bank.close();
}
