import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MIGRATING_PATH, WIDGET_SERVER } from '../../scripts/migrating';
import { configurationShown, partnersForFile } from './partner';

/**
 * Issue 24: MIGRATING.md true to the letter. Every address it quotes on the widget's server is loaded, in Chromium, by
 * a partner page written as Flinks' docs show (no parentOrigin, a plain `message` listener): each must load and be
 * heard.
 */

const quoted = async (): Promise<string[]> => {
  const text = await readFile(MIGRATING_PATH, 'utf8');
  const escaped = WIDGET_SERVER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`\`${escaped}(/[^\`…]*)\``, 'g'))].map((match) => match[1]!);
};

const forms = await quoted();
const partners = partnersForFile();

describe('the addresses MIGRATING.md quotes', () => {
  it('quotes some, among them each path form', () => {
    expect(forms.length).toBeGreaterThanOrEqual(4);
    expect(forms.some((form) => form.startsWith('/v2/Credential/'))).toBe(true);
    expect(forms.some((form) => form.startsWith('/v2/?'))).toBe(true);
  });

  it.each(forms)('%s loads and the listener hears APP_MOUNTED', async (form) => {
    const at = form.indexOf('?');
    const [path, query] = at === -1 ? [form, ''] : [form.slice(0, at), form.slice(at)];
    const partner = await partners.open(path, query);
    await partner.waitForStep('APP_MOUNTED');
    await partner.widget.getByRole('heading', { level: 2 }).first().waitFor();
    await expect(configurationShown(partner.widget)).resolves.toBe(false);
  });
});
