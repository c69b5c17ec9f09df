import { describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { agreeToConsent, configurationShown, connectGreatday, partnersForFile } from './partner';

/**
 * Issue 24: Flinks Connect URLs as shipped integrations write them load unchanged, framed by a partner page written as
 * Flinks' docs show (no parentOrigin, a plain `message` listener). Before, each of these drew the configuration
 * screen and sent nothing, so a host waiting for APP_MOUNTED waited for ever.
 */

const partners = partnersForFile();
const open = (query: string) => partners.open('/embed.html', query);

const preset = 'institution=FlinksCapital';

describe('Flinks Connect URLs as shipped', () => {
  it.each([
    ['a boolean in another case', `?demo=True&${preset}`, 'en'],
    ['an empty boolean', `?demo=&${preset}`, 'en'],
    ['a language in capitals', `?language=FR&demo=true&${preset}`, 'fr'],
    ['a language tag', `?language=fr-CA&demo=true&${preset}`, 'fr'],
    ['a number out of range', `?maximumRetry=99&demo=true&${preset}`, 'en'],
    [
      'Flinks’ own doc sample redirectUrl',
      `?demo=true&redirectUrl=https://flinks.com/contact/thank-you&${preset}`,
      'en',
    ],
    [
      'a callback on the partner’s API domain',
      `?demo=true&redirectUrl=https://api.partner.example/flinks/callback&${preset}`,
      'en',
    ],
    ['a bare host name as redirectUrl', `?demo=true&redirectUrl=flinks.com&${preset}`, 'en'],
    [
      'a second "?" inside the query',
      `?demo=true?redirectUrl=https://flinks.com/contact/thank-you&${preset}`,
      'en',
    ],
  ] as const)('loads with %s, and the listener hears APP_MOUNTED', async (_label, query, language) => {
    const { widget, waitForStep } = await open(query);
    await waitForStep('APP_MOUNTED');
    // No consentEnable in these URLs: the person agrees first, as on Flinks Connect.
    await agreeToConsent(widget, language);
    const m = language === 'fr' ? fr : en;
    await widget.getByLabel(m.ui.credentials.username).waitFor();
    await expect(widget.getByLabel(m.ui.credentials.username).isVisible()).resolves.toBe(true);
    await expect(configurationShown(widget)).resolves.toBe(false);
  });

  it('tells the developer what it did with an unusable value: APP_MOUNTED’s parameterNotes', async () => {
    const { waitForStep } = await open(`?maximumRetry=99&closeEnable=maybe&demo=true&${preset}`);
    const mounted = await waitForStep('APP_MOUNTED');
    expect(mounted.parameterNotes).toEqual([
      'maximumRetry="99" is outside 1–10; 10 is used',
      'closeEnable="maybe" is neither true nor false; the default is used',
    ]);
  });

  it('never goes to a redirectUrl off the allow-list, but REDIRECT carries its url, loginId and institution', async () => {
    const { page, widget, waitForStep } = await open(
      `?demo=true&redirectUrl=https://flinks.com/contact/thank-you&${preset}`,
    );
    const partnerPage = page.url();
    await agreeToConsent(widget);
    await connectGreatday(widget);
    const redirect = await waitForStep('REDIRECT');
    const url = new URL(String(redirect.url));
    expect(`${url.origin}${url.pathname}`).toBe('https://flinks.com/contact/thank-you');
    expect(url.searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(redirect.loginId).toBe(url.searchParams.get('loginId'));
    expect(redirect.institution).toBe('FlinksCapital');
    expect(url.searchParams.get('institution')).toBe('FlinksCapital');
    // Give a navigation every chance to start: the partner's page stays.
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(partnerPage);
  });

  it('with a second "?", lands on the partner’s redirectUrl with loginId and institution', async () => {
    const thankYou = `${inject('hostOrigin')}/thank-you`;
    const { page, widget } = await open(`?demo=true?redirectUrl=${thankYou}&${preset}`);
    await agreeToConsent(widget);
    await connectGreatday(widget);
    await page.waitForURL(`${thankYou}?**`, { timeout: 20_000 });
    const landed = new URL(page.url());
    expect(landed.searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(landed.searchParams.get('institution')).toBe('FlinksCapital');
  });
});
