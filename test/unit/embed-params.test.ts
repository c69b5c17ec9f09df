import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../../src/embed/config';
import {
  embedSearch,
  parseEmbedParams,
  successRedirect,
  toOrigin,
  type ConfigProblem,
  type FramingClues,
} from '../../src/embed/params';

const config: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
  requestTimeoutMs: 240000,
};
const host = 'parentOrigin=https%3A%2F%2Fshop.example';

function problemsOf(search: string, framed = true): ConfigProblem[] {
  const parsed = parseEmbedParams(search, { config, framed });
  return parsed.ok ? [] : parsed.problems;
}

/** What the page runs with, for a URL that must load. */
function settingsOf(search: string, framed = true) {
  const parsed = parseEmbedParams(search, { config, framed });
  if (!parsed.ok) throw new Error(`expected the page to load, got ${JSON.stringify(parsed.problems)}`);
  return parsed.settings;
}

/** Flinks Connect's documented defaults, where they differ from the component's. */
const FLINKS_WIDGET_DEFAULTS = {
  consentEnable: true,
  closeEnable: false,
  backEnable: true,
  institutionFilterEnable: false,
};
const FLINKS_PAGE_DEFAULTS = { headerEnable: true, headerImgEnable: true };

describe('parseEmbedParams', () => {
  it('reads every widget parameter of the contract', () => {
    const search = [
      host,
      'language=fr',
      'theme=dark',
      'demo=true',
      'institution=FlinksCapital',
      'customerName=Boutique%20Nord',
      'maximumRetry=5',
      'tag=order-42',
      'consentEnable=true',
      'closeEnable=false',
      'backEnable=true',
      'institutionFilterEnable=false',
      'accountSelectorEnable=true',
      'requestId=req-1',
      'loginId=login-1',
      'authorizeToken=tok-1',
      'redirectUrl=https%3A%2F%2Fshop.example%2Fdone',
      'stringify=true',
    ].join('&');

    expect(parseEmbedParams(search, { config, framed: true })).toEqual({
      ok: true,
      settings: {
        widget: {
          language: 'fr',
          theme: 'dark',
          demo: true,
          institution: 'FlinksCapital',
          customerName: 'Boutique Nord',
          maximumRetry: 5,
          tag: 'order-42',
          consentEnable: true,
          closeEnable: false,
          backEnable: true,
          institutionFilterEnable: false,
          accountSelectorEnable: true,
          requestId: 'req-1',
          loginId: 'login-1',
          authorizeToken: 'tok-1',
        },
        page: FLINKS_PAGE_DEFAULTS,
        deployment: config,
        parentOrigin: 'https://shop.example',
        redirectUrl: new URL('https://shop.example/done'),
        successUrl: new URL('https://shop.example/done'),
        stringify: true,
        notes: [],
      },
    });
  });

  it('defaults to English, Flinks Connect’s defaults, no redirect and plain events, and ignores unknown parameters', () => {
    expect(parseEmbedParams(`${host}&flinksUnknownParam=true&foo=bar`, { config, framed: true })).toEqual({
      ok: true,
      settings: {
        widget: { language: 'en', ...FLINKS_WIDGET_DEFAULTS },
        page: FLINKS_PAGE_DEFAULTS,
        deployment: config,
        parentOrigin: 'https://shop.example',
        redirectUrl: null,
        successUrl: null,
        stringify: false,
        notes: [],
      },
    });
  });

  it.each([
    ['language=FR', { language: 'fr' }],
    ['language=fr-CA', { language: 'fr' }],
    ['language=en_US', { language: 'en' }],
    ['language=', { language: 'en' }],
    ['theme=DARK', { theme: 'dark' }],
    ['demo=True', { demo: true }],
    ['demo=', {}],
    ['closeEnable=TRUE', { closeEnable: true }],
    ['backEnable=', { backEnable: true }],
    ['maximumRetry=7', { maximumRetry: 7 }],
    ['daysOfTransactions=days365', { daysOfTransactions: 'Days365' }],
  ])('reads %s as Flinks Connect does, without a note', (param, widget) => {
    const settings = settingsOf(`${host}&${param}`);
    expect(settings.widget).toMatchObject(widget);
    expect(settings.notes).toEqual([]);
  });

  it.each([
    ['maximumRetry=99', { maximumRetry: 10 }, 'maximumRetry="99" is outside 1–10; 10 is used'],
    ['maximumRetry=0', { maximumRetry: 1 }, 'maximumRetry="0" is outside 1–10; 1 is used'],
    ['maximumRetry=-1', { maximumRetry: 1 }, 'maximumRetry="-1" is outside 1–10; 1 is used'],
    ['maximumRetry=three', {}, 'maximumRetry="three" is not a whole number; the default is used'],
    ['maximumRetry=2.5', {}, 'maximumRetry="2.5" is not a whole number; the default is used'],
    ['language=de', { language: 'en' }, 'language="de" is not one of en, fr; the default is used'],
    ['theme=blue', {}, 'theme="blue" is not one of light, dark; the default is used'],
    ['demo=yes', {}, 'demo="yes" is neither true nor false; the default is used'],
    [
      'consentEnable=1',
      { consentEnable: true },
      'consentEnable="1" is neither true nor false; the default is used',
    ],
    [
      'closeEnable=on',
      { closeEnable: false },
      'closeEnable="on" is neither true nor false; the default is used',
    ],
    ['customerName=' + 'x'.repeat(81), {}, 'customerName is longer than 80 characters; the default is used'],
  ])('falls back from %s with a note for the developer', (param, widget, note) => {
    const settings = settingsOf(`${host}&${param}`);
    expect(settings.widget).toMatchObject(widget);
    if (!('maximumRetry' in widget) && param.startsWith('maximumRetry'))
      expect(settings.widget).not.toHaveProperty('maximumRetry');
    expect(settings.notes).toEqual([note]);
  });

  it('never quotes a text value in a note: it may be a secret', () => {
    const token = 's'.repeat(2049);
    const { notes, widget } = settingsOf(`${host}&sessionToken=${token}&authorizeToken=${'a'.repeat(2049)}`);
    expect(widget).not.toHaveProperty('sessionToken');
    expect(notes).toEqual([
      'sessionToken is longer than 2048 characters; the default is used',
      'authorizeToken is longer than 2048 characters; the default is used',
    ]);
  });

  it('reads a second "?" before a known parameter as "&", and says so', () => {
    const settings = settingsOf(`${host}&demo=true?redirectUrl=https%3A%2F%2Fshop.example%2Fdone`);
    expect(settings.widget.demo).toBe(true);
    expect(settings.redirectUrl?.href).toBe('https://shop.example/done');
    expect(settings.notes).toEqual(['a second "?" in the query was read as "&"']);
    // A "?" that is part of a value (before an unknown name) stays in it.
    expect(settingsOf(`${host}&tag=a?b=c`).widget.tag).toBe('a?b=c');
  });

  it.each([
    ['parentOrigin=https%3A%2F%2Fevil.example', true],
    ['parentOrigin=https%3A%2F%2Fevil.example', false],
  ])('refuses a parentOrigin that is not allowed: "%s" (framed: %s)', (search, framed) => {
    expect(problemsOf(search, framed)).toEqual([{ code: 'parentOriginNotAllowed', param: 'parentOrigin' }]);
  });

  it.each([
    'parentOrigin=https%3A%2F%2Fshop.example%2Fcheckout',
    'parentOrigin=shop.example',
    'parentOrigin=*',
  ])(
    'sets aside a parentOrigin that is not an origin (%s) and establishes the framing origin itself',
    (search) => {
      const parsed = parseEmbedParams(search, {
        config,
        framed: true,
        framing: { ancestorOrigin: 'https://shop.example', referrer: null },
      });
      expect(parsed).toMatchObject({ ok: true, settings: { parentOrigin: 'https://shop.example' } });
      expect(parsed.ok && parsed.settings.notes[0]).toMatch(/^parentOrigin=".*" is not an origin/);
    },
  );

  it('stops only for a framing origin it cannot establish', () => {
    expect(problemsOf('language=xx&theme=xx&demo=xx').map((problem) => problem.code)).toEqual([
      'framingOriginUnknown',
    ]);
  });

  describe('without parentOrigin (a Flinks Connect URL), framed', () => {
    const framedBy = (framing: FramingClues, allowedOrigins = config.allowedOrigins) =>
      parseEmbedParams('demo=true', { config: { ...config, allowedOrigins }, framed: true, framing });

    it.each([
      ['the browser’s ancestorOrigins', { ancestorOrigin: 'https://shop.example', referrer: null }],
      ['the referrer’s origin', { ancestorOrigin: null, referrer: 'https://shop.example/checkout?x=1' }],
    ])('takes the framing origin from %s when it is allowed', (_from, framing) => {
      expect(framedBy(framing)).toMatchObject({
        ok: true,
        settings: { parentOrigin: 'https://shop.example' },
      });
    });

    it('believes ancestorOrigins over the referrer', () => {
      const framing = { ancestorOrigin: 'https://evil.example', referrer: 'https://shop.example/' };
      expect(framedBy(framing)).toEqual({
        ok: false,
        language: 'en',
        problems: [{ code: 'framingOriginNotAllowed', param: 'parentOrigin' }],
        notes: [],
      });
    });

    it('refuses a framing origin that is not allowed, and posts to nobody', () => {
      const parsed = framedBy({ ancestorOrigin: null, referrer: 'https://evil.example/page' });
      expect(parsed.ok ? parsed.settings.parentOrigin : parsed.problems).toEqual([
        { code: 'framingOriginNotAllowed', param: 'parentOrigin' },
      ]);
    });

    it('falls back to the allow-list’s only entry when the browser tells nothing', () => {
      const none = { ancestorOrigin: null, referrer: null };
      expect(framedBy(none, ['https://shop.example'])).toMatchObject({
        ok: true,
        settings: { parentOrigin: 'https://shop.example' },
      });
      expect(framedBy(none)).toMatchObject({
        ok: false,
        problems: [{ code: 'framingOriginUnknown', param: 'parentOrigin' }],
      });
    });

    it('does not navigate framed to another allowed origin than the framing one, but still reports it', () => {
      const parsed = parseEmbedParams('redirectUrl=http%3A%2F%2Flocalhost%3A5173%2Fdone', {
        config,
        framed: true,
        framing: { ancestorOrigin: 'https://shop.example', referrer: null },
      });
      expect(parsed).toMatchObject({
        ok: true,
        settings: { redirectUrl: null, successUrl: new URL('http://localhost:5173/done') },
      });
    });

    it('goes to any origin of CONNECT_REDIRECT_ORIGINS when the deployment names them', () => {
      const parsed = parseEmbedParams('redirectUrl=https%3A%2F%2Fapi.shop.example%2Fflinks%2Fcallback', {
        config: { ...config, redirectOrigins: ['https://api.shop.example'] },
        framed: true,
        framing: { ancestorOrigin: 'https://shop.example', referrer: null },
      });
      expect(parsed.ok && parsed.settings.redirectUrl?.href).toBe('https://api.shop.example/flinks/callback');
    });
  });

  it('keeps a valid language for the configuration screen', () => {
    expect(
      parseEmbedParams('language=fr-CA&parentOrigin=https%3A%2F%2Fevil.example', { config, framed: true }),
    ).toMatchObject({ ok: false, language: 'fr' });
  });

  it('refuses to start without the deployment settings', () => {
    expect(parseEmbedParams(host, { config: null, framed: true })).toEqual({
      ok: false,
      language: 'en',
      problems: [
        { code: 'missingConfig', param: '' },
        { code: 'parentOriginNotAllowed', param: 'parentOrigin' },
      ],
      notes: [],
    });
  });

  it.each([
    ['framed', true, 'https://shop.example'],
    ['top-level (nothing to post to)', false, null],
  ])('accepts an allowed origin with a trailing slash, %s', (_label, framed, expected) => {
    const parsed = parseEmbedParams('parentOrigin=https%3A%2F%2Fshop.example%2F', { config, framed });
    expect(parsed.ok && parsed.settings.parentOrigin).toBe(expected);
  });

  it('works at top level without parentOrigin', () => {
    expect(parseEmbedParams('demo=true', { config, framed: false })).toMatchObject({ ok: true });
  });
});

describe('toOrigin', () => {
  it.each([
    ['https://shop.example', 'https://shop.example'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['https://shop.example/path', null],
    ['https://shop.example?x=1', null],
    ['ftp://shop.example', null],
    ['null', null],
  ])('%s -> %s', (value, expected) => {
    expect(toOrigin(value)).toBe(expected);
  });
});

describe('successRedirect', () => {
  it('appends loginId, institution and tag, keeping the address own query', () => {
    const href = successRedirect(new URL('https://shop.example/done?order=7'), {
      loginId: 'login-1',
      institution: 'FlinksCapital',
      tag: 'a b',
    });
    expect(Object.fromEntries(new URL(href).searchParams)).toEqual({
      order: '7',
      loginId: 'login-1',
      institution: 'FlinksCapital',
      tag: 'a b',
    });
  });

  it('leaves out an empty tag', () => {
    const href = successRedirect(new URL('https://shop.example/done'), {
      loginId: 'login-1',
      institution: 'FlinksCapital',
      tag: null,
    });
    expect(href).toBe('https://shop.example/done?loginId=login-1&institution=FlinksCapital');
  });
});

describe('parseEmbedParams: connect sessions and the hardening of issue 11', () => {
  it('takes the connect session from sessionToken', () => {
    const parsed = parseEmbedParams(`${host}&sessionToken=cs1.abc.def`, { config, framed: true });
    expect(parsed).toMatchObject({ ok: true, settings: { widget: { sessionToken: 'cs1.abc.def' } } });
  });

  it('asks for sessionToken when the server requires sessions', () => {
    const parsed = parseEmbedParams(host, { config: { ...config, sessionRequired: true }, framed: true });
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ code: 'sessionTokenMissing', param: 'sessionToken' }],
    });
  });

  it('accepts a customerName of 80 characters', () => {
    expect(settingsOf(`${host}&customerName=${'x'.repeat(80)}`).widget.customerName).toHaveLength(80);
  });

  it.each([
    // Flinks' own doc sample, a partner's API callback, and a bare host name from one of Flinks' pages.
    ['https://flinks.com/contact/thank-you', 'https://flinks.com/contact/thank-you'],
    [
      'https://api.partner.example/flinks/callback?src=web',
      'https://api.partner.example/flinks/callback?src=web',
    ],
    ['flinks.com', 'https://flinks.com/'],
  ])('never goes to %s, off the allow-list, but REDIRECT still carries it', (redirect, base) => {
    const settings = settingsOf(`${host}&redirectUrl=${encodeURIComponent(redirect)}`);
    expect(settings.redirectUrl).toBeNull();
    expect(settings.successUrl?.href).toBe(base);
    expect(settings.notes).toEqual([
      `redirectUrl=${JSON.stringify(redirect)} is not on an origin of CONNECT_REDIRECT_ORIGINS: success does not go there (REDIRECT still carries it)`,
    ]);
  });

  it.each([
    'https://user:pass@shop.example/done',
    'https://user@shop.example/done',
    'javascript:alert(1)',
    '/done',
  ])('sets aside the redirectUrl %s entirely', (redirect) => {
    const settings = settingsOf(`${host}&redirectUrl=${encodeURIComponent(redirect)}`);
    expect(settings.redirectUrl).toBeNull();
    expect(settings.successUrl).toBeNull();
    expect(settings.notes).toHaveLength(1);
  });

  it('does not go to an app link outside a webview', () => {
    const settings = settingsOf(`${host}&redirectUrl=myapp%3A%2F%2Fconnected`);
    expect(settings.redirectUrl).toBeNull();
    expect(settings.successUrl?.href).toBe('myapp://connected');
  });
});

describe('embedSearch: Flinks Connect’s addresses', () => {
  it.each([
    ['/v2/', '?demo=true', '?demo=true'],
    ['/v2/Credential/FlinksCapital/', '?demo=true', '?demo=true&institution=FlinksCapital'],
    ['/v2/Credential/FlinksCapital', '', '?institution=FlinksCapital'],
    ['/v2/Credential/FlinksCapital/', '?institution=RBC', '?institution=RBC'],
    ['/embed.html', '?demo=true?redirectUrl=https://x.example/', '?demo=true?redirectUrl=https://x.example/'],
    ['/v2/Credential/Flinks%20Capital/', '', '?institution=Flinks%20Capital'],
  ])('%s%s reads as %s', (path, search, expected) => {
    expect(embedSearch(path, search)).toBe(expected);
  });
});

describe('Flinks Connect’s terms, several accounts and Enhanced MFA parameters', () => {
  it('reads termsUrl (any web address of the partner), accountSelectorMultiple, enhancedMFA and skipEnhancedMFA', () => {
    const parsed = parseEmbedParams(
      `${host}&termsUrl=https%3A%2F%2Fterms.partner.example%2Fcgu%3Fv%3D2&accountSelectorMultiple=true&enhancedMFA=true&skipEnhancedMFA=false`,
      { config, framed: true },
    );
    expect(parsed.ok && parsed.settings.widget).toMatchObject({
      termsUrl: 'https://terms.partner.example/cgu?v=2',
      accountSelectorMultiple: true,
      enhancedMFA: true,
      skipEnhancedMFA: false,
    });
  });

  it.each([
    'termsUrl=javascript%3Aalert(1)',
    'termsUrl=%2Fterms',
    'termsUrl=https%3A%2F%2Fme%3Asecret%40partner.example%2F',
    'accountSelectorMultiple=yes',
    'enhancedMFA=1',
    'skipEnhancedMFA=on',
  ])('sets aside %s with a note, and loads', (param) => {
    const settings = settingsOf(`${host}&${param}`);
    expect(settings.widget).not.toHaveProperty('termsUrl');
    expect(settings.notes).toHaveLength(1);
  });
});
