import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { agreeToConsent, configurationShown, connectGreatday, partnersForFile } from './partner';

/**
 * Issue 24: a partner swaps the host and keeps Flinks Connect's path. The embed page answers at `/v2/` (with or
 * without a query), at `/v2/Credential/{institution}/` (that bank's sign-in, as Flinks' reconnect article and
 * shipped apps open it), and at our own path with a trailing slash. Before, each of these was a 404.
 */

const partners = partnersForFile();

const signInTitle = format(en.ui.credentials.title, { bank: 'Flinks Capital' });

describe('Flinks Connect’s paths on the widget’s server', () => {
  it.each([
    ['/v2/', '?demo=true&institution=FlinksCapital'],
    ['/v2', '?demo=true&institution=FlinksCapital'],
    ['/v2/Credential/FlinksCapital/', '?demo=true'],
    ['/v2/Credential/FlinksCapital', '?demo=true'],
    ['/embed.html/', '?demo=true&institution=FlinksCapital'],
    // Flinks' widget guide frames its demo at /v2/Testing/.
    ['/v2/Testing/', '?demo=true&institution=FlinksCapital&innerRedirect=true&customerName=FinTech'],
  ])('%s%s opens Flinks Capital’s sign-in and the listener hears APP_MOUNTED', async (path, query) => {
    const partner = await partners.open(path, query);
    await partner.waitForStep('APP_MOUNTED');
    // No consentEnable here: the person agrees first, as on Flinks Connect, then lands on the bank's sign-in.
    await agreeToConsent(partner.widget);
    await partner.widget.getByRole('heading', { name: signInTitle }).waitFor();
    await expect(partner.widget.getByRole('heading', { name: signInTitle }).isVisible()).resolves.toBe(true);
    await expect(configurationShown(partner.widget)).resolves.toBe(false);
  });

  it('/v2/ without a query shows the consent screen, then the bank list', async () => {
    const partner = await partners.open('/v2/', '');
    await partner.waitForStep('COMPONENT_LOAD_CONSENT');
    await agreeToConsent(partner.widget);
    await partner.waitForStep('COMPONENT_LOAD_INSTITUTION_SELECTOR');
    await expect(
      partner.widget.getByRole('heading', { name: en.ui.institution.title }).isVisible(),
    ).resolves.toBe(true);
  });

  it('/v2/Credential/FlinksCapital/ connects Greatday, as Flinks’ reconnect article does it', async () => {
    const partner = await partners.open('/v2/Credential/FlinksCapital/', '?demo=true');
    await agreeToConsent(partner.widget);
    await connectGreatday(partner.widget);
    const redirect = await partner.waitForStep('REDIRECT');
    expect(redirect.institution).toBe('FlinksCapital');
    expect(new URL(String(redirect.url)).searchParams.get('loginId')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
