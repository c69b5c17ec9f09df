import { describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { FLINKS_EVENTS } from '../flinks-events';
import { agreeToConsent, connectGreatday, partnersForFile } from './partner';

/**
 * Issue 24, done when: a fresh partner page built only from Flinks' public docs (the iframe address of the widget
 * guide, the event listener of "Set Up an Event Listener", no parameter of ours) connects Greatday, hears only the
 * event names and shapes Flinks documents, and lands on its redirectUrl with loginId and institution.
 */

const partners = partnersForFile();

describe('a partner page built from Flinks’ public docs alone', () => {
  it('connects Greatday, hears Flinks’ events in Flinks’ shapes, and lands on its redirectUrl', async () => {
    const thankYou = `${inject('hostOrigin')}/thank-you`;
    // The widget guide's own example address, with the partner's thank-you page as redirectUrl.
    const partner = await partners.open('/v2/', `?demo=true&redirectUrl=${thankYou}`);
    const { page, widget } = partner;
    // Flinks Connect's default: its consent screen comes first, before the bank list.
    await widget.getByRole('heading', { name: en.ui.consent.title }).waitFor();
    await expect(widget.getByRole('button', { name: 'Flinks Capital', exact: true }).count()).resolves.toBe(
      0,
    );
    await agreeToConsent(widget);
    await widget.getByRole('button', { name: 'Flinks Capital', exact: true }).click();
    await connectGreatday(widget);
    const redirect = await partner.waitForStep('REDIRECT');
    const heard = await partner.messages();

    // The names Flinks documents, in the order of a connection, and nothing else.
    const steps = heard.map((message) => String(message.step)).filter((step) => step !== 'APP_RESIZE');
    expect(steps).toEqual([
      'APP_MOUNTED',
      'COMPONENT_CONSENT_INTRO',
      'COMPONENT_LOAD_CONSENT',
      'COMPONENT_ACCEPT_CONSENT',
      'COMPONENT_LOAD_INSTITUTION_SELECTOR',
      'INSTITUTION_SELECTED',
      'COMPONENT_LOAD_CREDENTIAL',
      'SUBMIT_CREDENTIAL',
      'COMPONENT_LOAD_MFA',
      'SUBMIT_MFA',
      'REDIRECT',
    ]);
    for (const message of heard) expect(FLINKS_EVENTS.has(String(message.step))).toBe(true);
    expect(heard.find((message) => message.step === 'INSTITUTION_SELECTED')).toMatchObject({
      institution: 'FlinksCapital',
    });
    expect(heard.find((message) => message.step === 'COMPONENT_LOAD_MFA')).toMatchObject({
      mfaTypes: ['QuestionAndAnswer'],
    });

    // REDIRECT as "How to handle a successful connection" shows it.
    const url = new URL(String(redirect.url));
    expect(`${url.origin}${url.pathname}`).toBe(thankYou);
    expect([...url.searchParams.keys()]).toEqual(['loginId', 'institution']);
    expect(redirect).toMatchObject({ step: 'REDIRECT', institution: 'FlinksCapital' });

    // And the top window lands there.
    await page.waitForURL(`${thankYou}?**`, { timeout: 20_000 });
    const landed = new URL(page.url());
    expect(landed.searchParams.get('loginId')).toBe(url.searchParams.get('loginId'));
    expect(landed.searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(landed.searchParams.get('institution')).toBe('FlinksCapital');
  });
});
