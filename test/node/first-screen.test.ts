import { brotliDecompressSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_DIST_DIR, createServerApp } from '../../server/app';
import { appBuildIsStale, buildApp } from '../../server/build';
import { boundConfig, parseConfig } from '../../server/config';
import {
  builtFirstScreenRenderer,
  deploymentConfig,
  firstScreenModule,
  injectFirstScreen,
  pageOrigin,
  type FirstScreenRenderer,
} from '../../server/embed-config';
import { embedPagePolicy } from '../../server/security';
import type { FirstScreen } from '../../src/embed/first-screen';
import { releaseLockedButtons, restoreTypedValues, typedValues } from '../../src/embed/hydration';
import { embedMessages, frameTitles, hydrationWait } from '../../src/embed/messages';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { format } from '../../src/i18n/format';

/**
 * The embed page's first screen as the server draws it (the built renderer, dist/ssr, on the pages' Preact runtime):
 * the screen each address asks for, every reflected value escaped, the page's headers as strict as before.
 */

const HOST = 'https://shop.example';
const config = parseConfig({ PORT: '0', CONNECT_ALLOWED_ORIGINS: HOST, SANDBOX_LATENCY_MS: '0' });
const deployment = deploymentConfig(config);
let render: FirstScreenRenderer;

beforeAll(async () => {
  if (appBuildIsStale()) await buildApp({ quiet: true });
  render = builtFirstScreenRenderer(firstScreenModule(APP_DIST_DIR));
}, 180_000);

async function draw(
  params: Record<string, string>,
  place: 'framed' | 'top' = 'top',
  drawnFor = deployment,
): Promise<FirstScreen> {
  const screen = await render({
    search: `?${new URLSearchParams(params)}`,
    origin: 'https://connect.example',
    config: drawnFor,
    place,
  });
  if (screen === null) throw new Error('The renderer is not built');
  return screen;
}

/** The tags of an HTML fragment, by name. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase());
}

/** What a browser makes of the HTML: the elements, and every attribute that could run script. */
function parsed(html: string) {
  const { document } = new JSDOM(html).window;
  const elements = [...document.querySelectorAll('*')];
  return {
    document,
    tags: elements.map((element) => element.localName),
    handlers: elements.flatMap((element) =>
      element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
    ),
    scriptUrls: elements.flatMap((element) =>
      ['href', 'src', 'action', 'formaction']
        .map((name) => element.getAttribute(name) ?? '')
        .filter((url) => /^\s*javascript:/i.test(url)),
    ),
  };
}

const HOSTILE = [
  `"><script>alert(1)</script>`,
  `</script><img src=x onerror=alert(1)>`,
  `' onfocus='alert(1)' autofocus='`,
  'javascript:alert(1)',
  '&lt;b&gt;déjà «vu» 🏦\u2028\u0000',
  // String.replace's own patterns: written into a page as a replacement string, they copy parts of it.
  "$'$`$&$$",
];

describe('the server-drawn first screen', () => {
  it('is the credential form of a preset bank, in English by default', async () => {
    const screen = await draw({ demo: 'true', consentEnable: 'false', institution: 'FlinksCapital' });
    expect(screen.language).toBe('en');
    expect(screen.title).toBe(frameTitles.en);
    expect(parsed(screen.html).document.querySelector('h2')?.textContent).toBe(
      format(en.ui.credentials.title, { bank: 'Flinks Capital' }),
    );
    expect(screen.html).toMatch(/<input[^>]*autocomplete="username"/);
    expect(screen.html).toMatch(/<input[^>]*type="password"/);
    expect(screen.html).toMatch(/<button[^>]*type="submit"/);
    expect(screen.waitText).toBe(hydrationWait.en.form);
  });

  it('is the bank list without a bank, in French when asked', async () => {
    const screen = await draw({ demo: 'true', consentEnable: 'false', language: 'fr' });
    expect(screen.language).toBe('fr');
    expect(screen.title).toBe(frameTitles.fr);
    expect(screen.waitText).toBe(hydrationWait.fr.page);
    expect(screen.html).toContain(fr.ui.institution.title);
    expect(screen.html).not.toContain('type="password"');
  });

  it('is the consent screen unless the URL says consentEnable=false (Flinks Connect’s default), naming the customer', async () => {
    const screen = await draw({
      customerName: 'Acme Lending',
      institution: 'FlinksCapital',
    });
    expect(parsed(screen.html).document.querySelector('h2')?.textContent).toBe(en.ui.consent.title);
    expect(screen.html).toContain('Acme Lending');
    expect(screen.html).not.toContain('type="password"');
  });

  describe('framed without parentOrigin, with two allowed origins (the page cannot tell which frames it)', () => {
    const twoOrigins = deploymentConfig(
      parseConfig({
        PORT: '0',
        CONNECT_ALLOWED_ORIGINS: `${HOST},https://other.example`,
        SANDBOX_LATENCY_MS: '0',
      }),
    );
    const drawFramed = (referrer: string | null) =>
      render({
        search: '?demo=true&consentEnable=false&institution=FlinksCapital',
        origin: 'https://connect.example',
        config: twoOrigins,
        place: 'framed',
        referrer,
      });

    it('draws the widget for the allowed page the Referer names, as the script will', async () => {
      const screen = await drawFramed(`${HOST}/`);
      expect(screen?.html).toMatch(/<input[^>]*type="password"/);
      expect(screen?.html).not.toContain(embedMessages.en.configuration.title);
    });

    it.each([
      ['without a Referer', null],
      ['for a Referer it does not allow', 'https://evil.example/'],
    ])('draws nothing %s: the script, which asks the browser, draws the page', async (_label, referrer) => {
      await expect(drawFramed(referrer)).resolves.toBeNull();
    });
  });

  it.each(HOSTILE)('escapes the reflected value %j wherever it lands', async (value) => {
    const screens = await Promise.all([
      draw({ consentEnable: 'true', customerName: value, tag: value }),
      draw({ institution: value }),
      draw({ redirectUrl: value, parentOrigin: value, language: value }, 'framed'),
    ]);
    for (const { html } of screens) {
      const page = parsed(html);
      expect(page.tags).not.toContain('script');
      expect(page.tags).not.toContain('img');
      expect(page.handlers).toEqual([]);
      expect(page.scriptUrls).toEqual([]);
      if (value.includes('<')) expect(html).not.toContain(value);
    }
    // The customer's name is shown as the text it is, characters outside ASCII included.
    expect(parsed(screens[0]!.html).document.body.textContent).toContain(value.replace('\u0000', ''));
  });
});

describe('injectFirstScreen', () => {
  const page =
    '<!doctype html><html lang="en"><head><title>Connect your bank account</title></head><body><div id="root"></div><script type="module" src="/assets/embed.js"></script></body></html>';
  const screen: FirstScreen = {
    html: '<form><input name="username"/><button class="cw-button" type="submit">Connect</button></form>',
    language: 'fr',
    title: '</title><script>alert(1)</script>',
    waitText: 'Wait <b>here</b>',
  };

  it('sets the language and an escaped title, marks the place and locks the sign-in button', () => {
    const html = injectFirstScreen(page, screen, 'framed');
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<div id="root" data-first-screen="framed"><form>');
    expect(html).toMatch(
      /<button class="cw-button" type="submit" disabled aria-describedby="cw-hydration-wait" data-locked-until-hydrated>/,
    );
    expect(html).toContain('<p id="cw-hydration-wait" hidden>Wait &lt;b&gt;here&lt;/b&gt;</p>');
    expect(tagNames(html).filter((name) => name === 'script')).toHaveLength(1);
  });

  it.each(["$'", '$`', '$&', '$$', '$1'])(
    'puts %s in the page as the text it is, copying nothing of the page',
    (pattern) => {
      const html = injectFirstScreen(
        page,
        {
          ...screen,
          html: `<p>Acme ${pattern} Lending</p>`,
          title: `Title ${pattern}`,
          waitText: `Wait ${pattern}`,
        },
        'top',
      );
      expect(html).toContain(`<p>Acme ${pattern} Lending</p>`);
      const asText = pattern.replace('&', '&amp;');
      expect(html).toContain(`<title>Title ${asText}</title>`);
      expect(html).toContain(`hidden>Wait ${asText}</p>`);
      expect(tagNames(html).filter((name) => name === 'script')).toHaveLength(1);
      expect(html.match(/<div id="root"/g)).toHaveLength(1);
    },
  );

  it("locks the bank list's buttons too, and leaves a button drawn disabled to the script", () => {
    const list = {
      ...screen,
      html:
        '<ul><li><button type="button" data-index="0" class="cw-choice cw-bank">RBC</button></li></ul>' +
        '<button type="button" disabled class="cw-button">Later</button>' +
        '<button type="button" aria-disabled="true" class="cw-button">Busy</button>' +
        // A reflected value that says "disabled" is text, not the attribute: the button still waits.
        '<button type="button" aria-label="Acme disabled now" class="cw-button">Acme</button>',
    };
    const html = injectFirstScreen(page, list, 'top');
    expect(html).toContain(
      '<button type="button" data-index="0" class="cw-choice cw-bank" disabled aria-describedby="cw-hydration-wait" data-locked-until-hydrated>',
    );
    expect(html).toContain('<button type="button" disabled class="cw-button">Later</button>');
    expect(html).toContain(
      '<button type="button" aria-disabled="true" class="cw-button" disabled aria-describedby="cw-hydration-wait" data-locked-until-hydrated>',
    );
    const { document } = new JSDOM(html).window;
    releaseLockedButtons(document);
    expect(html).toContain(
      '<button type="button" aria-label="Acme disabled now" class="cw-button" disabled aria-describedby="cw-hydration-wait" data-locked-until-hydrated>',
    );
    const [bank, later, busy] = [...document.querySelectorAll('button')];
    expect(bank?.disabled).toBe(false);
    expect(later?.disabled).toBe(true);
    expect(busy?.disabled).toBe(false);
  });

  it('keeps a description the button has of its own, and the script gives it back', () => {
    const described = {
      ...screen,
      html: '<form><button aria-describedby="hint" type="submit">Go</button></form>',
    };
    const html = injectFirstScreen(page, described, 'top');
    expect(html).toContain(
      '<button type="submit" disabled aria-describedby="cw-hydration-wait hint" data-locked-until-hydrated>',
    );
    const { document } = new JSDOM(html).window;
    releaseLockedButtons(document);
    const button = document.querySelector('button')!;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-describedby')).toBe('hint');
    expect(button.hasAttribute('data-locked-until-hydrated')).toBe(false);
    expect(document.getElementById('cw-hydration-wait')).toBeNull();
  });

  it('leaves a page without an empty root as it is', () => {
    const other = page.replace('<div id="root"></div>', '<div id="root">x</div>');
    expect(injectFirstScreen(other, screen, 'top')).toBe(other);
  });
});

describe('pageOrigin', () => {
  it('is the public origin with the request host (its scheme too, behind a proxy that ends TLS)', () => {
    const url = new URL('http://connect.example/embed.html?demo=true');
    expect(pageOrigin(url, ['https://connect.example', 'https://other.example'])).toBe(
      'https://connect.example',
    );
    expect(pageOrigin(url, [])).toBe('http://connect.example');
  });
});

describe('taking over the typed form', () => {
  it('puts back what a reset emptied, and tells the form as typing would', () => {
    const { document } = new JSDOM(
      '<div id="root"><input id="u" value=""><input name="p" type="password"><input type="checkbox" id="c"></div>',
    ).window;
    const root = document.getElementById('root')!;
    const [username, password] = root.querySelectorAll('input');
    username!.value = 'greatday';
    password!.value = 'Everyday';
    const typed = typedValues(root);
    expect([...typed.keys()]).toEqual(['u', 'p']);
    username!.value = '';
    const heard: string[] = [];
    root.addEventListener('input', (event) => heard.push((event.target as HTMLInputElement).id));
    restoreTypedValues(root, typed);
    expect(username!.value).toBe('greatday');
    expect(password!.value).toBe('Everyday');
    expect(heard).toEqual(['u']);
  });
});

describe('GET /embed.html', () => {
  const origin = 'http://127.0.0.1:4290';
  const app = createServerApp(boundConfig(config, 4290));
  const fetchPage = (query: string, headers: Record<string, string> = {}) =>
    app.request(`${origin}/embed.html${query}`, { headers });

  it('serves the first screen drawn for the frame, compressed, with the same strict headers', async () => {
    const query = `?${new URLSearchParams({ parentOrigin: HOST, demo: 'true', consentEnable: 'false', institution: 'FlinksCapital' })}`;
    const response = await fetchPage(query, { 'sec-fetch-dest': 'iframe', 'accept-encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-security-policy')).toBe(
      embedPagePolicy({ apiBaseUrl: config.apiUrl, allowedOrigins: config.allowedOrigins }),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(response.headers.get('vary')).toMatch(/Sec-Fetch-Dest/);
    const html = brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
    expect(html).toContain('data-first-screen="framed"');
    expect(parsed(html).document.querySelector('h2')?.textContent).toBe(
      format(en.ui.credentials.title, { bank: 'Flinks Capital' }),
    );
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*disabled aria-describedby="cw-hydration-wait"/);
    // Nothing inline for the CSP to refuse: every script has a source, no element carries a style attribute.
    for (const script of html.match(/<script[^>]*>/g) ?? []) expect(script).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('draws the page for the top window when the browser says it is not framed', async () => {
    const response = await fetchPage('?demo=true&institution=FlinksCapital', {
      'sec-fetch-dest': 'document',
    });
    const html = await response.text();
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(html).toContain('data-first-screen="top"');
  });

  it.each(HOSTILE)('never reflects %j raw into the page', async (value) => {
    const query = `?${new URLSearchParams({ customerName: value, consentEnable: 'true', tag: value, institution: value })}`;
    const html = await (await fetchPage(query)).text();
    const page = parsed(html);
    expect(page.tags.filter((name) => name === 'script')).toHaveLength(1);
    expect(page.tags).not.toContain('img');
    expect(page.handlers).toEqual([]);
    if (value.includes('<') || value.includes('"')) expect(html).not.toContain(value);
  });
});
