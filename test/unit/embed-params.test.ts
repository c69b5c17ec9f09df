import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../../src/embed/config';
import {
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
        page: {},
        deployment: config,
        parentOrigin: 'https://shop.example',
        redirectUrl: new URL('https://shop.example/done'),
        stringify: true,
      },
    });
  });

  it('defaults to English, no redirect and plain events, and ignores unknown parameters', () => {
    expect(parseEmbedParams(`${host}&flinksUnknownParam=true&foo=bar`, { config, framed: true })).toEqual({
      ok: true,
      settings: {
        widget: { language: 'en' },
        page: {},
        deployment: config,
        parentOrigin: 'https://shop.example',
        redirectUrl: null,
        stringify: false,
      },
    });
  });

  it.each([
    ['language=de', { code: 'language', param: 'language' }],
    ['language=', { code: 'language', param: 'language' }],
    ['theme=blue', { code: 'theme', param: 'theme' }],
    ['maximumRetry=0', { code: 'maximumRetry', param: 'maximumRetry' }],
    ['maximumRetry=11', { code: 'maximumRetry', param: 'maximumRetry' }],
    ['maximumRetry=2.5', { code: 'maximumRetry', param: 'maximumRetry' }],
    ['maximumRetry=-1', { code: 'maximumRetry', param: 'maximumRetry' }],
    ['maximumRetry=three', { code: 'maximumRetry', param: 'maximumRetry' }],
    ['demo=yes', { code: 'boolean', param: 'demo' }],
    ['consentEnable=1', { code: 'boolean', param: 'consentEnable' }],
    ['closeEnable=TRUE', { code: 'boolean', param: 'closeEnable' }],
    ['backEnable=', { code: 'boolean', param: 'backEnable' }],
    ['institutionFilterEnable=on', { code: 'boolean', param: 'institutionFilterEnable' }],
    ['accountSelectorEnable=no', { code: 'boolean', param: 'accountSelectorEnable' }],
    ['stringify=1', { code: 'boolean', param: 'stringify' }],
    [
      'redirectUrl=https%3A%2F%2Fevil.example%2Fdone',
      { code: 'redirectUrlNotAllowed', param: 'redirectUrl' },
    ],
    ['redirectUrl=javascript%3Aalert(1)', { code: 'redirectUrlInvalid', param: 'redirectUrl' }],
    ['redirectUrl=%2Fdone', { code: 'redirectUrlInvalid', param: 'redirectUrl' }],
  ])('reports %s as a problem', (param, problem) => {
    expect(problemsOf(`${host}&${param}`)).toEqual([problem]);
  });

  it.each([
    ['', true, 'framingOriginUnknown'],
    ['parentOrigin=https%3A%2F%2Fevil.example', true, 'parentOriginNotAllowed'],
    ['parentOrigin=https%3A%2F%2Fevil.example', false, 'parentOriginNotAllowed'],
    ['parentOrigin=https%3A%2F%2Fshop.example%2Fcheckout', true, 'parentOriginInvalid'],
    ['parentOrigin=shop.example', true, 'parentOriginInvalid'],
    ['parentOrigin=*', true, 'parentOriginInvalid'],
  ])('checks parentOrigin "%s" (framed: %s)', (search, framed, code) => {
    expect(problemsOf(search, framed)).toEqual([{ code, param: 'parentOrigin' }]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf('language=xx&theme=xx&demo=xx').map((problem) => problem.code)).toEqual([
      'language',
      'theme',
      'boolean',
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

    it('still keeps a framed redirectUrl on the framing origin', () => {
      const parsed = parseEmbedParams('redirectUrl=http%3A%2F%2Flocalhost%3A5173%2Fdone', {
        config,
        framed: true,
        framing: { ancestorOrigin: 'https://shop.example', referrer: null },
      });
      expect(parsed.ok ? [] : parsed.problems).toEqual([
        { code: 'redirectUrlNotParent', param: 'redirectUrl' },
      ]);
    });
  });

  it('keeps a valid language for the configuration screen', () => {
    expect(parseEmbedParams('language=fr&theme=xx', { config, framed: false })).toMatchObject({
      ok: false,
      language: 'fr',
    });
  });

  it('refuses to start without the deployment settings', () => {
    expect(parseEmbedParams(host, { config: null, framed: true })).toEqual({
      ok: false,
      language: 'en',
      problems: [
        { code: 'missingConfig', param: '' },
        { code: 'parentOriginNotAllowed', param: 'parentOrigin' },
      ],
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

  it.each([
    ['customerName', 'x'.repeat(81)],
    ['tag', 't'.repeat(201)],
    ['sessionToken', 's'.repeat(2049)],
    ['loginId', 'l'.repeat(65)],
  ])('refuses a %s that is too long', (param, value) => {
    expect(problemsOf(`${host}&${param}=${value}`)).toEqual([{ code: 'tooLong', param }]);
  });

  it('accepts a customerName of 80 characters', () => {
    expect(problemsOf(`${host}&customerName=${'x'.repeat(80)}`)).toEqual([]);
  });

  it.each([
    ['https://user:pass@shop.example/done', 'redirectUrlCredentials'],
    ['https://user@shop.example/done', 'redirectUrlCredentials'],
    // Allowed by the deployment, but not the page that frames the widget.
    ['http://localhost:5173/done', 'redirectUrlNotParent'],
  ])('refuses the redirectUrl %s', (redirect, code) => {
    expect(problemsOf(`${host}&redirectUrl=${encodeURIComponent(redirect)}`)).toEqual([
      { code, param: 'redirectUrl' },
    ]);
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
    ['termsUrl=javascript%3Aalert(1)', { code: 'termsUrlInvalid', param: 'termsUrl' }],
    ['termsUrl=%2Fterms', { code: 'termsUrlInvalid', param: 'termsUrl' }],
    [
      'termsUrl=https%3A%2F%2Fme%3Asecret%40partner.example%2F',
      { code: 'termsUrlInvalid', param: 'termsUrl' },
    ],
    ['accountSelectorMultiple=yes', { code: 'boolean', param: 'accountSelectorMultiple' }],
    ['enhancedMFA=1', { code: 'boolean', param: 'enhancedMFA' }],
    ['skipEnhancedMFA=on', { code: 'boolean', param: 'skipEnhancedMFA' }],
  ])('reports %s as a problem', (param, problem) => {
    expect(problemsOf(`${host}&${param}`)).toEqual([problem]);
  });
});
