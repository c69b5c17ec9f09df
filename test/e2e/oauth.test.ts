import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { chromiumForFile, cspProblems, expectNoSecrets, openHost, type HostSession } from './harness';
import { createHostApp } from './host-app';
import { startStage, type Stage } from './stage';

/**
 * OAuth banks (CONTRACT §8) in Chromium, with real popups: the partner page frames the widget, the person picks
 * Flinks Capital (OAuth), the sandbox bank's page opens in a popup from that click, and its answer comes back through
 * `/oauth/return`.
 */

const BANK = 'Flinks Capital (OAuth)';
/** The list's row keeps its qualifier; a sentence names the bank without it. */
const IN_SENTENCE = 'Flinks Capital';
const text = (template: string) => format(template, { bank: IN_SENTENCE });
const chromium = chromiumForFile();

/** Picks the OAuth bank in the list: the popup opens from that click. */
async function pickBank(session: HostSession): Promise<Page> {
  const popup = session.context.waitForEvent('page');
  await session.widget.getByRole('button', { name: BANK }).click();
  return popup;
}

async function onBankPage(popup: Page): Promise<void> {
  await popup.waitForURL(/\/sandbox\/oauth\/bank\?/);
  await popup.getByRole('heading', { name: 'Share your accounts?' }).waitFor();
}

async function steps(session: HostSession): Promise<string[]> {
  return (await session.eventNames()).filter((name) => name !== 'APP_RESIZE');
}

async function errorCodes(session: HostSession): Promise<unknown[]> {
  return (await session.events()).flatMap((entry) =>
    entry.kind === 'event' && entry.name === 'ERROR' ? [entry.metadata.flinksCode] : [],
  );
}

/** Makes the browser block the embed page's first popup, as a popup blocker does. */
async function blockFirstPopup(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (location.pathname !== '/embed.html') return;
    const open = window.open.bind(window);
    let blocked = false;
    window.open = (...args: Parameters<typeof window.open>) => {
      if (blocked) return open(...args);
      blocked = true;
      return null;
    };
  });
}

describe('OAuth in a popup', () => {
  it('the sandbox bank’s page is styled with the system’s fonts, within its own policy, at 390 px', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true' });
    const popup = await pickBank(session);
    const refused: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await popup.setViewportSize({ width: 390, height: 844 });
    await onBankPage(popup);
    const look = await popup.evaluate(() => {
      const allow = [...document.querySelectorAll('button')].find((button) => button.value === 'allow');
      const deny = [...document.querySelectorAll('button')].find((button) => button.value === 'deny');
      const style = (element: Element | undefined) => (element ? getComputedStyle(element) : null);
      return {
        font: style(document.body)?.fontFamily ?? '',
        allowBackground: style(allow)?.backgroundColor ?? '',
        denyBackground: style(deny)?.backgroundColor ?? '',
        allowWidth: allow?.getBoundingClientRect().width ?? 0,
        sheets: document.styleSheets.length,
        loaded: performance.getEntriesByType('resource').map((entry) => entry.name),
      };
    });
    // Not the browser's default serif; the two buttons look different, and full width on a phone.
    expect(look.font).toMatch(/system-ui/);
    expect(look.font).not.toMatch(/Times/i);
    expect(look.allowBackground).not.toBe(look.denyBackground);
    expect(look.allowWidth).toBeGreaterThan(300);
    expect(look.sheets).toBe(1);
    // Nothing fetched (no web font, no image), and the policy refused nothing.
    expect(look.loaded).toEqual([]);
    expect(refused).toEqual([]);
    const policy = (await popup.goto(popup.url()))?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/style-src 'sha256-[^']+'/);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('allow: the popup closes itself and the connection ends in REDIRECT, with no credential form', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true', tag: 'oauth-allow' });
    const popup = await pickBank(session);
    await session.widget.getByRole('heading', { name: text(en.oauth.waitingTitle) }).waitFor();
    await onBankPage(popup);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Allow' }).click();
    await closed;
    await session.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();
    await session.waitForEvent('REDIRECT');

    const names = await steps(session);
    expect(names).toContain('POPUP_OPENED');
    expect(names).not.toContain('COMPONENT_LOAD_CREDENTIAL');
    expect(names).not.toContain('ERROR');
    expect(names.slice(-1)).toEqual(['REDIRECT']);
    const redirect = (await session.events()).find(
      (entry) => entry.kind === 'event' && entry.name === 'REDIRECT',
    );
    expect(redirect?.kind === 'event' && redirect.metadata).toMatchObject({
      institution: 'FlinksCapitalOAuth',
      loginId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tag: 'oauth-allow',
    });
    expect((await session.events()).some((entry) => entry.kind === 'success')).toBe(true);
    expect(cspProblems(session)).toEqual([]);
    await expectNoSecrets(session, []);
  });

  it('deny: OAUTH_DENIED gets its screen and an ERROR', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true' });
    const popup = await pickBank(session);
    await onBankPage(popup);
    await popup.getByRole('button', { name: 'Deny' }).click();
    const heading = session.widget.getByRole('heading', { name: text(en.guidance.codes.OAUTH_DENIED.title) });
    await heading.waitFor();
    expect(await errorCodes(session)).toEqual(['OAUTH_DENIED']);
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  it('closing the popup: OAUTH_CANCELLED, and "Open it again" brings the bank back', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true' });
    const popup = await pickBank(session);
    await onBankPage(popup);
    await popup.close();
    await session.widget
      .getByRole('heading', { name: text(en.guidance.codes.OAUTH_CANCELLED.title) })
      .waitFor();
    expect(await errorCodes(session)).toEqual(['OAUTH_CANCELLED']);

    const again = session.context.waitForEvent('page');
    await session.widget.getByRole('button', { name: text(en.guidance.actions.reopenBank) }).click();
    const second = await again;
    await onBankPage(second);
    await second.getByRole('button', { name: 'Allow' }).click();
    await session.waitForEvent('REDIRECT');
  });

  it('the primary "Reopen {bank}’s page" reopens the same bank page while waiting', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true' });
    const popup = await pickBank(session);
    await onBankPage(popup);
    const again = session.context.waitForEvent('page');
    await popup.close();
    await session.widget.getByRole('button', { name: text(en.oauth.reopen) }).click();
    const second = await again;
    await onBankPage(second);
    await second.getByRole('button', { name: 'Allow' }).click();
    await session.waitForEvent('REDIRECT');
    expect(await errorCodes(session)).toEqual([]);
  });

  it('a blocked popup: POPUP_BLOCKED, then "Continue to {bank}" opens it from the click', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true', language: 'fr' });
    // The blocker is installed for the next pages: reload the widget's frame under it.
    await blockFirstPopup(session.context);
    await session.page.reload();
    await session.widget.getByRole('button', { name: BANK }).click();
    await session.waitForEvent('POPUP_BLOCKED');
    const fr = (await import('../../src/i18n/fr')).fr;
    await session.widget
      .getByRole('heading', { name: format(fr.oauth.blockedTitle, { bank: IN_SENTENCE }) })
      .waitFor();
    const popup = session.context.waitForEvent('page');
    await session.widget
      .getByRole('button', { name: format(fr.oauth.continue, { bank: IN_SENTENCE }) })
      .click();
    const opened = await popup;
    await opened.waitForURL(/\/sandbox\/oauth\/bank\?/);
    await opened.getByRole('button', { name: 'Autoriser' }).click();
    await session.waitForEvent('REDIRECT');
    expect(await steps(session)).toEqual(expect.arrayContaining(['POPUP_BLOCKED', 'POPUP_OPENED']));
  });

  it('refuses a forged state, a message from another origin, and a replayed return', async () => {
    const session = await chromium.open({ consentEnable: 'false', demo: 'true' });
    const popup = await pickBank(session);
    await onBankPage(popup);
    const bankUrl = new URL(popup.url());
    const state = bankUrl.searchParams.get('state') ?? '';

    // The partner page (another origin) posts a lookalike outcome to the widget's frame: ignored.
    await session.page.evaluate((forgedState) => {
      const frame = document.querySelector('iframe');
      frame?.contentWindow?.postMessage(
        { source: 'connect-widget-oauth', version: 1, state: forgedState, loginId: 'evil', institution: 'X' },
        '*',
      );
    }, state);
    // A return with a state the server never issued: nothing is posted.
    const forged = await popup.goto(
      `${inject('widgetOrigin')}/oauth/return?state=${'A'.repeat(43)}&loginId=evil&institution=X`,
    );
    expect(await forged?.text()).toContain('expired or was already used');
    await session.widget.getByRole('heading', { name: text(en.oauth.waitingTitle) }).waitFor();
    expect(await errorCodes(session)).toEqual([]);

    // The real answer still works, once.
    await popup.goto(bankUrl.href);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await session.waitForEvent('REDIRECT');
    const returnUrl = `${inject('widgetOrigin')}/oauth/return?state=${state}&loginId=00000000-0000-4000-8000-000000000000&institution=FlinksCapitalOAuth`;
    const replay = await session.context.newPage();
    await replay.goto(returnUrl);
    expect(await replay.textContent('body')).toContain('expired or was already used');
    const redirects = (await steps(session)).filter((name) => name === 'REDIRECT');
    expect(redirects).toHaveLength(1);
  });
});

describe('OAuth in the whole window (oauthWindowRedirect)', () => {
  it('goes to the bank and back to the widget, which finishes; a refresh shows the "start again" screen', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      oauthWindowRedirect: 'true',
    });
    await session.widget.getByRole('button', { name: BANK }).click();
    await session.page.waitForURL(/\/sandbox\/oauth\/bank\?/);
    await session.page.getByRole('button', { name: 'Allow' }).click();
    await session.page.waitForURL(/\/embed\.html\?.*state=.*loginId=/);
    await session.page.getByRole('heading', { name: en.screens.success.title }).waitFor();

    await session.page.reload();
    await session.page.getByRole('heading', { name: en.guidance.codes.OAUTH_STATE_INVALID.title }).waitFor();
  });

  it('returns to the redirectUrl with the loginId and the institution', async () => {
    const host = inject('hostOrigin');
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      oauthWindowRedirect: 'true',
      redirectUrl: `${host}/connected`,
    });
    await session.widget.getByRole('button', { name: BANK }).click();
    await session.page.waitForURL(/\/sandbox\/oauth\/bank\?/);
    await session.page.getByRole('button', { name: 'Allow' }).click();
    await session.page.waitForURL((url) => url.pathname === '/connected');
    const landed = new URL(session.page.url());
    expect(landed.origin).toBe(host);
    expect(landed.searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(landed.searchParams.get('institution')).toBe('FlinksCapitalOAuth');
  });
});

describe('OAuth inside a connect session', () => {
  const API_KEY = 'oauth-e2e-partner-key-51c0a2';
  let stage: Stage;
  beforeAll(async () => {
    stage = await startStage(createHostApp, {
      CONNECT_API_KEYS: API_KEY,
      CONNECT_SESSION_SECRET: 'oauth-e2e-session-secret-9d2b7f41c6',
    });
  });
  afterAll(() => stage.close());

  async function session(expiresInSeconds: number): Promise<{ token: string; expiresAt: number }> {
    const response = await fetch(`${stage.widgetOrigin}/connect/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ parentOrigin: stage.hostOrigin, expiresInSeconds }),
    });
    const body = (await response.json()) as { sessionToken: string; expiresAt: string };
    return { token: body.sessionToken, expiresAt: Date.parse(body.expiresAt) };
  }

  it('a return after the session expired gets the "start again" screen, not a stuck wait', async () => {
    // Long enough to reach the bank's page on a busy machine; the person then lingers there past its end.
    const { token, expiresAt } = await session(12);
    const host = await openHost(
      chromium.browser,
      { consentEnable: 'false', demo: 'true', sessionToken: token },
      stage.hostOrigin,
    );
    try {
      const popup = await pickBank(host);
      await onBankPage(popup);
      await new Promise((done) => setTimeout(done, Math.max(0, expiresAt - Date.now()) + 1_500));
      await popup.getByRole('button', { name: 'Allow' }).click();
      await host.widget.getByRole('heading', { name: en.guidance.codes.OAUTH_STATE_INVALID.title }).waitFor();
      expect(await errorCodes(host)).toEqual(['OAUTH_STATE_INVALID']);
      expect((await steps(host)).includes('REDIRECT')).toBe(false);
    } finally {
      await host.close();
    }
  });

  it('connects inside a live session, the LoginId read by that session only', async () => {
    const { token } = await session(600);
    const host = await openHost(
      chromium.browser,
      { consentEnable: 'false', demo: 'true', sessionToken: token },
      stage.hostOrigin,
    );
    try {
      const popup = await pickBank(host);
      await onBankPage(popup);
      await popup.getByRole('button', { name: 'Allow' }).click();
      await host.waitForEvent('REDIRECT');
      expect(await errorCodes(host)).toEqual([]);
    } finally {
      await host.close();
    }
  });
});
