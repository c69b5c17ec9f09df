import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { createSandbox } from '../../src/sandbox';

// `/connected`, where a connection without `redirectUrl` ends: both languages, its own style allowed by hash and
// nothing else, the loginId in its address never on the page.

const app = createServerApp(parseConfig({ SANDBOX_LATENCY_MS: '0' }), {
  distDir: '/nonexistent',
  sandbox: createSandbox({ latencyMs: 0 }),
});
const LOGIN_ID = '5a4e1d52-4f8b-4a4e-9a57-0c1c3f0e2a11';

async function connectedPage(query: string) {
  const response = await app.fetch(new Request(`http://localhost:5173/connected?${query}`));
  const html = await response.text();
  return { response, html, document: new JSDOM(html).window.document };
}

describe('the connected page', () => {
  it.each([
    ['en', 'Your bank account is connected'],
    ['fr', 'Votre compte bancaire est connecté'],
  ])('leads with the %s text, the other language after it', async (language, title) => {
    const { response, document } = await connectedPage(`language=${language}&loginId=${LOGIN_ID}`);
    expect(response.status).toBe(200);
    expect(document.documentElement.lang).toBe(language);
    expect(document.querySelector('h1')?.textContent).toBe(title);
    expect(document.querySelectorAll('section[lang]')).toHaveLength(2);
  });

  it('is styled by its one inline style, which its CSP allows by hash, and by nothing else', async () => {
    const { response, document } = await connectedPage('');
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256')
      .update(styles[0]?.textContent ?? '')
      .digest('base64');
    const csp = response.headers.get('content-security-policy') ?? '';
    const styleSources = /(?:^|; )style-src ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(styleSources).toEqual([`'sha256-${hash}'`]);
    expect(csp).toMatch(/(?:^|; )default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(document.querySelectorAll('script, link, [style]')).toHaveLength(0);
  });

  it('never shows the loginId or the institution from its address', async () => {
    const { html } = await connectedPage(`loginId=${LOGIN_ID}&institution=%3Cscript%3Ex%3C%2Fscript%3E`);
    expect(html).not.toContain(LOGIN_ID);
    expect(html).not.toContain('<script');
  });
});
