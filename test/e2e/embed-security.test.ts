import { describe, expect, inject, it } from 'vitest';
import { embedMessages } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { SANDBOX_PASSWORD } from '../../src/sandbox';
import { chromiumForFile, cspProblems, expectNoSecrets, WIDGET_TITLE, type HostSession } from './harness';

/** The frame boundary: who may frame the page, who hears its events, and what never crosses it. */

const BANK = 'Flinks Capital';
const CONFIG_TITLE = embedMessages.en.configuration.title;
const SIGN_IN_TITLE = format(en.ui.credentials.title, { bank: BANK });

const chromium = chromiumForFile();

/** Every message the host window received, whoever sent it. */
function hostMessages(current: HostSession) {
  return current.page.evaluate(
    () => (window as unknown as { hostMessages: { origin: string; data: unknown }[] }).hostMessages,
  );
}

async function signIn(current: HostSession, username: string, password = SANDBOX_PASSWORD) {
  await current.widget.getByLabel(en.ui.credentials.username).fill(username);
  await current.widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(password);
  await current.widget.getByRole('button', { name: en.ui.credentials.submit }).click();
}

describe('an allowed host', () => {
  it('receives the events from the widget origin only, sizes the iframe and keeps its scroll', async () => {
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
    });
    await current.widget.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor();
    await current.waitForEvent('APP_RESIZE');

    const messages = await hostMessages(current);
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((message) => message.origin))).toEqual(new Set([inject('widgetOrigin')]));

    const events = await current.events();
    const heights = events.flatMap((entry) =>
      entry.kind === 'event' && entry.name === 'APP_RESIZE' ? [entry.metadata.height as number] : [],
    );
    const frameHeight = await current.page
      .locator(`iframe[title="${WIDGET_TITLE}"]`)
      .evaluate((frame) => frame.getBoundingClientRect().height);
    expect(frameHeight).toBe(heights.at(-1));
    expect(await current.page.evaluate(() => window.scrollY)).toBe(0);
    expect(cspProblems(current)).toEqual([]);
  });

  it('gets JSON text with stringify=true, which the SDK still understands', async () => {
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      stringify: 'true',
    });
    await current.waitForEvent('COMPONENT_LOAD_CREDENTIAL');
    const messages = await hostMessages(current);
    expect(messages.every((message) => typeof message.data === 'string')).toBe(true);
    expect(JSON.parse(messages[0]?.data as string)).toEqual({
      source: 'connect-widget',
      version: 1,
      step: 'APP_MOUNTED',
    });
  });

  it('loads with the defaults when a value is unusable, and says which in APP_MOUNTED and the console', async () => {
    const current = await chromium.open({ consentEnable: 'false', demo: 'maybe', theme: 'blue' });
    await current.waitForEvent('APP_MOUNTED');
    await expect(current.widget.getByRole('heading', { name: CONFIG_TITLE }).count()).resolves.toBe(0);
    const notes = [
      'theme="blue" is not one of light, dark; the default is used',
      'demo="maybe" is neither true nor false; the default is used',
    ];
    const [mounted] = await current.events();
    expect(mounted).toEqual({ kind: 'event', name: 'APP_MOUNTED', metadata: { parameterNotes: notes } });
    for (const note of notes) expect(current.console).toContain(`warning: Connect widget: ${note}.`);
    expect(cspProblems(current)).toEqual([]);
  });

  it('ignores forged messages: from its own window, and from a widget frame it did not mount', async () => {
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
    });
    await current.waitForEvent('COMPONENT_LOAD_CREDENTIAL');
    const widgetOrigin = inject('widgetOrigin');
    const hostOrigin = inject('hostOrigin');
    const forged = {
      source: 'connect-widget',
      version: 1,
      step: 'REDIRECT',
      loginId: 'forged',
      requestId: 'r',
    };

    // 1. The host page itself (another script on it, say).
    await current.page.evaluate((message) => window.postMessage(message, '*'), forged);
    // 2. Another frame on the widget's own origin: right origin, wrong window.
    await current.page.evaluate(
      ({ widget, host }) => {
        const other = document.createElement('iframe');
        other.src = `${widget}/embed.html?demo=true&consentEnable=false&parentOrigin=${encodeURIComponent(host)}`;
        document.body.append(other);
      },
      { widget: widgetOrigin, host: hostOrigin },
    );
    const stranger = current.page.frameLocator('iframe:not([title])');
    await stranger.getByRole('heading', { name: en.ui.institution.title }).waitFor();
    const frames = current.page.frames().filter((frame) => frame !== current.page.mainFrame());
    const strangerFrame = frames.find((frame) => !frame.url().includes('institution='));
    const widgetFrame = frames.find((frame) => frame.url().includes('institution=FlinksCapital'));
    if (!strangerFrame || !widgetFrame) throw new Error('expected the widget frame and a stranger frame');
    await strangerFrame.evaluate(({ message, host }) => window.parent.postMessage(message, host), {
      message: forged,
      host: hostOrigin,
    });
    // 3. The real widget frame, as a control: the same message from it does count.
    await widgetFrame.evaluate(
      ({ message, host }) => window.parent.postMessage({ ...message, loginId: 'genuine' }, host),
      { message: forged, host: hostOrigin },
    );
    await current.page.waitForFunction(() =>
      (window as unknown as { hostLog: { kind: string }[] }).hostLog.some(
        (entry) => entry.kind === 'success',
      ),
    );

    const messages = await hostMessages(current);
    const fromStranger = messages.filter(
      (message) => (message.data as { step?: string }).step === 'COMPONENT_LOAD_INSTITUTION_SELECTOR',
    );
    expect(fromStranger.length).toBeGreaterThan(0);
    const events = await current.events();
    expect(events.filter((entry) => entry.kind === 'success')).toEqual([
      { kind: 'success', success: { loginId: 'genuine', requestId: 'r' } },
    ]);
    expect(events.filter((entry) => entry.kind === 'event' && entry.name === 'APP_MOUNTED')).toHaveLength(1);
    expect(
      events.some((entry) => entry.kind === 'event' && entry.name === 'COMPONENT_LOAD_INSTITUTION_SELECTOR'),
    ).toBe(false);
  });

  it('sends the top window to redirectUrl on success, with loginId, institution and tag only', async () => {
    const hostOrigin = inject('hostOrigin');
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      tag: 'order-42',
      redirectUrl: `${hostOrigin}/host.html?done=1`,
    });
    await signIn(current, 'greatday_nomfa');
    await current.page.waitForURL((url) => url.searchParams.get('done') === '1');
    const landed = new URL(current.page.url());
    expect(landed.origin).toBe(hostOrigin);
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      done: '1',
      loginId: expect.any(String),
      institution: 'FlinksCapital',
      tag: 'order-42',
    });
  });
});

describe('a host outside CONNECT_ALLOWED_ORIGINS', () => {
  it.each([
    ['with its own origin as parentOrigin (added by the SDK)', {}],
    ['claiming an allowed parentOrigin', { parentOrigin: inject('hostOrigin') }],
  ])('cannot frame the page and receives nothing, %s', async (_label, extra) => {
    const current = await chromium.open(
      { consentEnable: 'false', demo: 'true', ...extra },
      inject('foreignHostOrigin'),
    );
    await expect
      .poll(() => current.console.some((line) => line.includes('frame-ancestors')), { timeout: 10_000 })
      .toBe(true);
    await expect(current.widget.getByRole('heading').count()).resolves.toBe(0);
    expect(await hostMessages(current)).toEqual([]);
    expect(await current.events()).toEqual([]);
  });
});

describe('the page on its own', () => {
  it('works at top level and posts nothing', async () => {
    const context = await chromium.browser.newContext();
    try {
      await context.addInitScript(() => {
        const seen: unknown[] = [];
        (window as unknown as { seen: unknown[] }).seen = seen;
        window.addEventListener('message', (event) => seen.push(event.data));
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
      });
      await page.goto(
        `${inject('widgetOrigin')}/embed.html?demo=true&consentEnable=false&institution=FlinksCapital`,
      );
      await page.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor();
      await page.getByLabel(en.ui.credentials.username).fill('greatday_nomfa');
      await page.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
      await page.getByRole('button', { name: en.ui.credentials.submit }).click();
      await page.getByRole('heading', { name: en.screens.success.title }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so, and fetches again on "Try again", when a later screen\'s code does not download', async () => {
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(
        `${inject('widgetOrigin')}/embed.html?demo=true&consentEnable=false&institution=FlinksCapital`,
      );
      await page.getByRole('heading', { name: SIGN_IN_TITLE }).waitFor();
      // The first screen is in; every script it has not loaded yet (the later screens) now fails to download.
      const blocked = (route: { abort(): Promise<void> }) => route.abort();
      await page.route('**/assets/*.js', blocked);
      await page.getByLabel(en.ui.credentials.username).fill('greatday_nomfa');
      await page.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
      await page.getByRole('button', { name: en.ui.credentials.submit }).click();
      await page.getByRole('heading', { name: en.ui.widget.stepUnavailable.title }).waitFor();

      await page.unroute('**/assets/*.js', blocked);
      await page.getByRole('button', { name: en.ui.widget.stepUnavailable.retry }).click();
      // The answer could not be checked either (its checks are a script of their own): a network problem, said so.
      await page.getByRole('heading', { name: en.guidance.codes.NETWORK_ERROR.title }).waitFor();
      await page.getByRole('button', { name: en.guidance.actions.reenter }).click();
      // Back on the form with the username kept; the password is never kept, so it is typed again.
      await expect(page.getByLabel(en.ui.credentials.username).inputValue()).resolves.toBe('greatday_nomfa');
      await page.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
      await page.getByRole('button', { name: en.ui.credentials.submit }).click();
      await page.getByRole('heading', { name: en.screens.success.title }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('says what is wrong, in both languages, for a parent origin outside the list', async () => {
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(
        `${inject('widgetOrigin')}/embed.html?language=fr&parentOrigin=https%3A%2F%2Fevil.example`,
      );
      const fr = embedMessages.fr.configuration;
      await page.getByRole('heading', { level: 1, name: fr.title }).waitFor();
      await expect(page.getByRole('heading', { level: 2, name: CONFIG_TITLE }).isVisible()).resolves.toBe(
        true,
      );
      await expect(page.getByText(fr.problems.parentOriginNotAllowed).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('secrets', () => {
  it('never put a password, an MFA answer or the authorize token in an event, a URL, storage or the console', async () => {
    const widgetOrigin = inject('widgetOrigin');
    const minted = await fetch(`${widgetOrigin}/v3/any/BankingServices/GenerateAuthorizeToken`, {
      method: 'POST',
      headers: { 'flinks-auth-key': 'e2e-secret' },
    });
    const { Token: token } = (await minted.json()) as { Token: string };
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      authorizeToken: token,
    });

    await signIn(current, 'test_mfa_rounds', 'Wrong-Password-77');
    await current.widget
      .getByText(format(en.guidance.codes.INVALID_PASSWORD.title, { bank: BANK }))
      .waitFor();
    await signIn(current, 'test_mfa_rounds');
    const mfaTitle = format(en.mfa.title, { bank: BANK });
    await current.widget.getByRole('heading', { name: mfaTitle }).waitFor();
    await current.widget.getByLabel('What city were you born in?').fill('Quebec-City-Wrong');
    await current.widget.getByRole('button', { name: en.mfa.continue }).click();
    await current.widget
      .getByText(format(en.guidance.codes.INVALID_SECURITY_RESPONSE.title, { bank: BANK }))
      .waitFor();
    await current.widget.getByLabel('What city were you born in?').fill('Montreal');
    await current.widget.getByRole('button', { name: en.mfa.continue }).click();
    await current.widget.getByLabel('What is the best country on earth?').fill('Canada');
    await current.widget.getByRole('button', { name: en.mfa.continue }).click();
    await current.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();
    await current.waitForEvent('REDIRECT');

    // The widget did send the token (the sandbox spent it): it was there to leak.
    const reused = await fetch(`${widgetOrigin}/v3/any/BankingServices/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'flinks-auth-key': token },
      body: JSON.stringify({
        Institution: 'FlinksCapital',
        Username: 'greatday_nomfa',
        Password: SANDBOX_PASSWORD,
      }),
    });
    expect(await reused.json()).toMatchObject({ FlinksCode: 'ACCESS_DENIED' });

    await expectNoSecrets(current, [
      token,
      SANDBOX_PASSWORD,
      'Wrong-Password-77',
      'Quebec-City-Wrong',
      'Montreal',
      'Canada',
    ]);
    expect(cspProblems(current)).toEqual([]);
  });
});
