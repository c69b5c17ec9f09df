import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { chromiumForFile } from './harness';

// Where focus goes in the real embed page (jsdom knows no `inert`): the review found Escape on the exit dialog
// leaving focus on the page's body instead of the X that opened it.

const chromium = chromiumForFile();

describe('the exit dialog, in the framed embed page', () => {
  it('Escape gives focus back to the X, and what was typed stays', async () => {
    const session = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      closeEnable: 'true',
    });
    const username = session.widget.getByRole('textbox', { name: en.ui.credentials.username });
    await username.fill('Greatday');
    await session.widget.getByRole('button', { name: en.ui.widget.close }).click();
    const dialog = session.widget.getByRole('dialog', { name: en.screens.exit.title });
    await dialog.waitFor();
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const frame = session.page.frames().find((candidate) => candidate.url().includes('/embed.html'));
    if (!frame) throw new Error('the widget frame is missing');
    await expect
      .poll(() =>
        frame.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
        ),
      )
      .toBe(en.ui.widget.close);
    expect(await username.inputValue()).toBe('Greatday');
  });
});
