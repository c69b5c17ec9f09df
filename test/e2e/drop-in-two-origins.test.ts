import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedMessages } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { chromiumForFile } from './harness';
import { createHostApp } from './host-app';
import { configurationShown, connectGreatday, openPartner } from './partner';
import { startStage, type Stage } from './stage';

/**
 * Issue 24, the leftover configuration screen: with two allowed origins and no parentOrigin (the normal Flinks-style
 * URL), the server drew "This page needs a settings change", and it stayed under the widget all the way to the end.
 * The server must draw only what the script will draw.
 */

const chromium = chromiumForFile();
let stage: Stage;

beforeAll(async () => {
  stage = await startStage(createHostApp, (hostOrigin) => ({
    CONNECT_ALLOWED_ORIGINS: `${hostOrigin},https://other-partner.example`,
  }));
});
afterAll(async () => {
  await stage.close();
});

describe('two allowed origins, a partner page without parentOrigin', () => {
  it('never shows configuration text: not in the server’s page, not once the sign-in shows, not at the end', async () => {
    const partner = await openPartner(
      chromium.browser,
      '/embed.html',
      // About the configuration screen, not consent: straight to the sign-in the server draws.
      '?demo=true&consentEnable=false&institution=FlinksCapital',
      stage.hostOrigin,
    );
    try {
      const drawn: string[] = [];
      partner.page.on('response', (response) => {
        if (response.url().startsWith(`${stage.widgetOrigin}/embed.html`))
          void response.text().then((html) => drawn.push(html));
      });
      await partner.page.reload();
      await partner.widget
        .getByRole('heading', { name: format(en.ui.credentials.title, { bank: 'Flinks Capital' }) })
        .waitFor();
      await expect(configurationShown(partner.widget)).resolves.toBe(false);
      await expect.poll(() => drawn.length).toBe(1);
      expect(drawn[0]).not.toContain(embedMessages.en.configuration.title);
      // The server drew the sign-in itself, for the allowed page that framed it.
      expect(drawn[0]).toMatch(/<input[^>]*type="password"/);

      await connectGreatday(partner.widget);
      const redirect = await partner.waitForStep('REDIRECT');
      expect(redirect.institution).toBe('FlinksCapital');
      await expect(configurationShown(partner.widget)).resolves.toBe(false);
    } finally {
      await partner.close();
    }
  });
});
