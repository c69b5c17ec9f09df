import { describe, expect, inject, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { SANDBOX_PASSWORD } from '../../src/sandbox';
import { connectGreatday, partnersForFile } from './partner';

/**
 * Issue 24: Flinks Connect's defaults and event shapes, heard by a partner page written as Flinks' docs show (no
 * parentOrigin, a plain `message` listener that keeps every message as it arrives).
 */

const partners = partnersForFile();
const open = (query: string, path = '/v2/') => partners.open(path, query);

const signInTitle = format(en.ui.credentials.title, { bank: 'Flinks Capital' });

describe('Flinks Connect’s documented defaults', () => {
  it('the consent screen first, then no close button, no bank search, a header: as Flinks Connect without those parameters', async () => {
    const { widget, waitForStep } = await open('?demo=true');
    await waitForStep('COMPONENT_LOAD_CONSENT');
    await expect(widget.getByRole('button', { name: en.ui.widget.close }).count()).resolves.toBe(0);
    await widget.getByRole('button', { name: en.ui.consent.accept }).click();
    await waitForStep('COMPONENT_LOAD_INSTITUTION_SELECTOR');
    await widget.getByRole('heading', { name: en.ui.institution.title }).waitFor();
    await expect(widget.getByRole('button', { name: en.ui.widget.close }).count()).resolves.toBe(0);
    await expect(widget.getByRole('searchbox', { name: en.ui.institution.search }).count()).resolves.toBe(0);
    await expect(widget.getByLabel(en.ui.institution.search).count()).resolves.toBe(0);
    await expect(widget.getByRole('banner').isVisible()).resolves.toBe(true);
  });

  it('each of them still turns on and off from the URL', async () => {
    const { widget } = await open(
      '?demo=true&consentEnable=false&closeEnable=true&institutionFilterEnable=true&headerEnable=false',
    );
    await widget.getByRole('heading', { name: en.ui.institution.title }).waitFor();
    await expect(widget.getByRole('button', { name: en.ui.widget.close }).isVisible()).resolves.toBe(true);
    await expect(widget.getByLabel(en.ui.institution.search).isVisible()).resolves.toBe(true);
    await expect(widget.getByRole('banner').count()).resolves.toBe(0);
  });
});

describe('event shapes a Flinks listener reads', () => {
  it('an error is {flinksCode, requestId, institution} with no step: a listener that reads steps as progress never sees it', async () => {
    const { widget, messages, steps } = await open(
      '?demo=true&consentEnable=false&institution=FlinksCapital',
    );
    await widget.getByLabel(en.ui.credentials.username).fill('test_disabled_account');
    await widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
    await widget.getByRole('button', { name: en.ui.credentials.submit }).click();
    await expect
      .poll(async () => (await messages()).some((message) => typeof message.flinksCode === 'string'))
      .toBe(true);
    const shape = (await messages()).find((message) => typeof message.flinksCode === 'string')!;
    expect(shape).toMatchObject({ flinksCode: 'DISABLED_LOGIN', institution: 'FlinksCapital' });
    expect(Object.keys(shape).sort()).toEqual([
      'flinksCode',
      'institution',
      'requestId',
      'source',
      'version',
    ]);
    expect(await steps()).not.toContain('ERROR');
    // Every message is a step event or an error: nothing else to misfile.
    for (const message of await messages())
      expect(typeof message.step === 'string' || typeof message.flinksCode === 'string').toBe(true);
  });

  it('COMPONENT_CLOSE_SESSION carries the institution, and no message without a step comes before it', async () => {
    const { widget, messages, waitForStep } = await open(
      '?demo=true&consentEnable=false&institution=FlinksCapital&closeEnable=true',
    );
    await widget.getByRole('heading', { name: signInTitle }).waitFor();
    await widget.getByRole('button', { name: en.ui.widget.close }).click();
    const close = await waitForStep('COMPONENT_CLOSE_SESSION');
    expect(close).toMatchObject({ step: 'COMPONENT_CLOSE_SESSION', institution: 'FlinksCapital' });
    const heard = await messages();
    const before =
      heard[heard.indexOf(heard.find((message) => message.step === 'COMPONENT_CLOSE_SESSION')!) - 1];
    expect(typeof before?.step).toBe('string');
  });

  it('a loader that waits for COMPONENT_CONSENT_INTRO hears it when the consent screen shows', async () => {
    const { widget, steps, waitForStep } = await open('?demo=true&consentEnable=true&customerName=Keep');
    await waitForStep('COMPONENT_CONSENT_INTRO');
    await expect(widget.getByRole('button', { name: en.ui.consent.accept }).isVisible()).resolves.toBe(true);
    const heard = await steps();
    expect(heard.indexOf('COMPONENT_CONSENT_INTRO')).toBeLessThan(heard.indexOf('COMPONENT_LOAD_CONSENT'));
  });

  it.each([
    ['with a tag', '&tag=order-7', ['loginId', 'institution', 'tag']],
    ['without one', '', ['loginId', 'institution']],
  ])('REDIRECT’s url reads loginId then institution by position, %s', async (_label, tag, names) => {
    const thankYou = `${inject('hostOrigin')}/thank-you`;
    const { widget, waitForStep } = await open(
      `?demo=true&consentEnable=false&institution=FlinksCapital&jsRedirect=true&redirectUrl=${encodeURIComponent(thankYou)}${tag}`,
    );
    await connectGreatday(widget);
    const redirect = await waitForStep('REDIRECT');
    const url = String(redirect.url);
    expect(url.startsWith(`${thankYou}?`)).toBe(true);
    const pairs = url
      .split('?')[1]!
      .split('&')
      .map((pair) => pair.split('='));
    expect(pairs.map(([name]) => name)).toEqual(names);
    // By position, as some listeners read it; and by name, from the message itself.
    expect(pairs[0]![1]).toBe(redirect.loginId);
    expect(pairs[1]![1]).toBe('FlinksCapital');
  });
});
