import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '../../src/sandbox';
import { chromiumForFile, expectNoSecrets, type HostEntry } from './harness';

/**
 * Flinks Connect's optional features through the iframe, in Chromium: several accounts chosen with the keyboard
 * only, Enhanced MFA answered and skipped, and the sandbox bank speaking French on a French screen.
 */

const chromium = chromiumForFile();
const CITY = FLINKS_CAPITAL_QUESTIONS[0];

async function signIn(widget: FrameLocator, username: string, language: typeof en = en) {
  await widget.getByLabel(language.ui.credentials.username).fill(username);
  await widget.getByLabel(language.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
  await widget.getByRole('button', { name: language.ui.credentials.submit }).click();
}

function eventsNamed(entries: HostEntry[], name: string) {
  return entries.flatMap((entry) => (entry.kind === 'event' && entry.name === name ? [entry.metadata] : []));
}

describe('the account choice at 390 px', () => {
  it('lines the group’s name up with the title, and keeps each control its size beside a long name', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      accountSelectorEnable: 'true',
    });
    await session.page.setViewportSize({ width: 390, height: 844 });
    await signIn(session.widget, 'test_accounts_many');
    const heading = session.widget.getByRole('heading', { name: en.screens.accounts.titleAnonymous });
    await heading.waitFor();
    const legend = session.widget.getByText('Your accounts at Flinks Capital');
    const left = async (locator: typeof heading) => (await locator.boundingBox())?.x ?? Number.NaN;
    expect(await left(legend)).toBe(await left(heading));
    const radios = session.widget.getByRole('radio');
    const widths = await radios.evaluateAll((inputs) =>
      inputs.map((input) => input.getBoundingClientRect().width),
    );
    expect(new Set(widths).size).toBe(1);
  });
});

describe('accountSelectorMultiple', () => {
  it('chooses several accounts with the keyboard only: ACCOUNT_SELECTED for each, REDIRECT with accountIds', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      accountSelectorMultiple: 'true',
    });
    await signIn(session.widget, 'test_accounts_many');
    const heading = session.widget.getByRole('heading', { name: en.options.accounts.titleAnonymous });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);

    const { keyboard } = session.page;
    // From the heading: "select all", then every account; Space toggles, Enter sends.
    await keyboard.press('Tab');
    const all = session.widget.getByRole('checkbox', { name: en.options.accounts.selectAll });
    expect(await all.evaluate((element) => element === document.activeElement)).toBe(true);
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Space');
    expect(await all.evaluate((element) => (element as HTMLInputElement).indeterminate)).toBe(true);
    await keyboard.press('Enter');

    await session.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();
    await session.waitForEvent('REDIRECT');
    const entries = await session.events();
    const chosen = eventsNamed(entries, 'ACCOUNT_SELECTED').map((metadata) => metadata.accountId);
    expect(chosen).toHaveLength(7);
    const [redirect] = eventsNamed(entries, 'REDIRECT');
    expect(redirect?.accountIds).toEqual(chosen);
    const url = new URL(String(redirect?.url));
    expect(url.searchParams.get('loginId')).toBe(redirect?.loginId);
    expect(url.searchParams.get('accountIds')).toBe(chosen.join(','));
  });

  it('says so when nothing is chosen, tied to the group', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      accountSelectorMultiple: 'true',
    });
    await signIn(session.widget, 'test_accounts_many');
    await session.widget.getByRole('heading', { name: en.options.accounts.titleAnonymous }).waitFor();
    await session.widget.getByRole('button', { name: en.screens.accounts.submit }).click();
    await session.widget.getByText(en.options.accounts.required).waitFor();
    const group = session.widget.getByRole('group');
    expect(await group.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('Enhanced MFA', () => {
  async function throughSignIn(params: Record<string, string>) {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      ...params,
    });
    await signIn(session.widget, 'test_enhanced_mfa');
    await session.widget.getByLabel(CITY.prompt).fill(CITY.answer);
    await session.widget.getByRole('button', { name: en.mfa.continue }).click();
    await session.widget.getByRole('heading', { name: en.options.enhancedMfa.title }).waitFor();
    return session;
  }

  it('asks every stored question after the sign-in, saves the answers, and no answer leaks', async () => {
    const session = await throughSignIn({ enhancedMFA: 'true' });
    expect(await session.widget.getByRole('button', { name: en.options.enhancedMfa.skip }).count()).toBe(0);
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      await session.widget.getByLabel(prompt).fill(answer);
    }
    await session.widget.getByRole('button', { name: en.options.enhancedMfa.save }).click();
    await session.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();
    await session.waitForEvent('REDIRECT');
    const entries = await session.events();
    expect(eventsNamed(entries, 'ENHANCED_MFA_HAS_QUESTIONS')).toEqual([{ totalQuestions: 3 }]);
    await expectNoSecrets(session, [
      SANDBOX_PASSWORD,
      ...FLINKS_CAPITAL_QUESTIONS.map(({ answer }) => answer),
    ]);
  });

  it('lets the person skip when skipEnhancedMFA=true', async () => {
    const session = await throughSignIn({ enhancedMFA: 'true', skipEnhancedMFA: 'true' });
    await session.widget.getByRole('button', { name: en.options.enhancedMfa.skip }).click();
    await session.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();
    await session.waitForEvent('REDIRECT');
  });
});

describe('the sandbox bank in French', () => {
  it('asks its question in French on a French screen', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      language: 'fr',
    });
    await signIn(session.widget, 'test_mfa_text_or_call', fr as typeof en);
    await session.widget.getByText('Où devons-nous envoyer votre code de sécurité\u00A0?').first().waitFor();
    expect(await session.widget.getByText('Where should we send your security code?').count()).toBe(0);
  });
});
