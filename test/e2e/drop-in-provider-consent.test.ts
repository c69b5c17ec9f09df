import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { agreeToConsent, partnersForFile } from './partner';

/**
 * Issue 24: COMPONENT_ACCEPT_PROVIDER_CONSENT, from Flinks Connect's list of events, where it applies here: the person's
 * click that leaves for an OAuth bank's own sign-in page. A partner page written from Flinks' docs (no parentOrigin, a
 * plain `message` listener) hears it as a step event, `{step, institution}`, before the bank's page opens.
 */

const partners = partnersForFile();

describe('an OAuth bank, seen from a plain message listener', () => {
  it('hears COMPONENT_ACCEPT_PROVIDER_CONSENT with the bank when the person goes on to its page, then POPUP_OPENED', async () => {
    const partner = await partners.open('/v2/', '?demo=true');
    const popup = partner.page.context().waitForEvent('page');
    await agreeToConsent(partner.widget);
    await partner.widget.getByRole('heading', { name: en.ui.institution.title }).waitFor();
    // Nothing is said before the person decides.
    expect(await partner.steps()).not.toContain('COMPONENT_ACCEPT_PROVIDER_CONSENT');
    await partner.widget.getByRole('button', { name: 'Flinks Capital (OAuth)' }).click();
    const bankPage = await popup;
    await bankPage.waitForURL(/\/sandbox\/oauth\/bank\?/);

    const accepted = await partner.waitForStep('COMPONENT_ACCEPT_PROVIDER_CONSENT');
    expect(accepted).toMatchObject({
      step: 'COMPONENT_ACCEPT_PROVIDER_CONSENT',
      institution: 'FlinksCapitalOAuth',
    });
    // A step event as Flinks Connect posts them: no error code on it, nothing of the person's.
    expect(Object.keys(accepted).sort()).toEqual(['institution', 'source', 'step', 'version']);
    await partner.waitForStep('POPUP_OPENED');
    const steps = await partner.steps();
    expect(steps.filter((step) => step === 'COMPONENT_ACCEPT_PROVIDER_CONSENT')).toHaveLength(1);
    expect(steps.indexOf('INSTITUTION_SELECTED')).toBeLessThan(
      steps.indexOf('COMPONENT_ACCEPT_PROVIDER_CONSENT'),
    );
    expect(steps.indexOf('COMPONENT_ACCEPT_PROVIDER_CONSENT')).toBeLessThan(steps.indexOf('POPUP_OPENED'));
  });
});
