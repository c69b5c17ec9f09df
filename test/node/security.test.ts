import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { configMetaTag, injectDeploymentConfig } from '../../server/embed-config';
import { embedPagePolicy } from '../../server/security';
import { parseDeploymentConfig } from '../../src/embed/config';

let distDir: string;

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'connect-security-'));
  mkdirSync(join(distDir, 'assets'));
  const page = (entry: string) =>
    `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><script type="module" src="/assets/${entry}"></script></head><body><div id="root"></div></body></html>`;
  writeFileSync(join(distDir, 'index.html'), page('index-Bq3xY7_a.js'));
  writeFileSync(join(distDir, 'embed.html'), page('embed-Cd9_kL2m.js'));
  writeFileSync(join(distDir, 'connect.js'), '(()=>{})();');
  writeFileSync(join(distDir, 'assets', 'embed-Cd9_kL2m.js'), 'export {};');
});

afterAll(() => {
  rmSync(distDir, { recursive: true, force: true });
});

function appWith(env: Record<string, string> = {}) {
  return createServerApp(parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', ...env }), { distDir });
}

function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

/** The settings the page will read: the meta tag's content, decoded as a browser would. */
function metaConfig(html: string) {
  const content = /<meta name="connect-config" content="([^"]*)">/.exec(html)?.[1] ?? null;
  const decoded = content
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return parseDeploymentConfig(decoded);
}

describe('/embed.html', () => {
  it('is sent with the CSP of the contract and nothing looser', async () => {
    const response = await appWith().request(`http://localhost:5173/embed.html`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy');
    expect(directives(policy)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'frame-ancestors': 'http://localhost:5173 http://127.0.0.1:5173',
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store'); // its address can carry a session token;
  });

  it.each(['/embed.html/', '/v2/', '/v2', '/v2/Credential/FlinksCapital/', '/v2/Credential/RBC'])(
    'is the same page, with the same headers, at Flinks Connect’s path %s',
    async (path) => {
      const app = appWith();
      const [ours, flinks] = await Promise.all([
        app.request('http://localhost:5173/embed.html?demo=true'),
        app.request(`http://localhost:5173${path}?demo=true`),
      ]);
      expect(flinks.status).toBe(200);
      for (const header of [
        'content-security-policy',
        'cache-control',
        'cross-origin-opener-policy',
        'cross-origin-resource-policy',
      ])
        expect(flinks.headers.get(header), header).toBe(ours.headers.get(header));
      expect(await flinks.text()).toBe(await ours.text());
    },
  );

  it('answers nothing at other paths under /v2', async () => {
    expect((await appWith().request('http://localhost:5173/v2/Other/page')).status).toBe(404);
  });

  it.each([
    ['a same-origin API path', {}, "'self'"],
    [
      'an API on another origin',
      { CONNECT_API_URL: 'https://toolbox-api.private.fin.ag/v3/abc/BankingServices' },
      'https://toolbox-api.private.fin.ag',
    ],
  ])('allows connecting to %s', async (_label, env, expected) => {
    const response = await appWith(env).request(`http://localhost:5173/embed.html`);
    expect(directives(response.headers.get('content-security-policy'))['connect-src']).toBe(expected);
  });

  it('is framed only by CONNECT_ALLOWED_ORIGINS', async () => {
    const response = await appWith({
      CONNECT_ALLOWED_ORIGINS: 'https://shop.example, https://bank.example',
    }).request(`http://localhost:5173/embed.html`);
    expect(directives(response.headers.get('content-security-policy'))['frame-ancestors']).toBe(
      'https://shop.example https://bank.example',
    );
  });

  it('carries the deployment settings in a meta tag, not in a script', async () => {
    const html = await (
      await appWith({
        CONNECT_ALLOWED_ORIGINS: 'https://shop.example',
        CONNECT_REQUEST_TIMEOUT_MS: '90000',
      }).request(`http://localhost:5173/embed.html`)
    ).text();
    expect(metaConfig(html)).toEqual({
      apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
      allowedOrigins: ['https://shop.example'],
      requestTimeoutMs: 90000,
    });
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes the settings so a value cannot close the attribute', () => {
    const config = {
      apiBaseUrl: '/api/"><script>alert(1)</script>&\'',
      allowedOrigins: [],
      requestTimeoutMs: 1,
    };
    const tag = configMetaTag(config);
    expect(tag).not.toMatch(/<script|"><|'/);
    expect(metaConfig(injectDeploymentConfig('<html><head></head></html>', config))).toEqual(config);
  });

  it('replaces settings already in the page', () => {
    const config = { apiBaseUrl: '/new', allowedOrigins: [], requestTimeoutMs: 5 };
    const html = injectDeploymentConfig(
      '<html><head><meta name="connect-config" content="{&quot;apiBaseUrl&quot;:&quot;/old&quot;}"></head></html>',
      config,
    );
    expect(html.match(/connect-config/g)).toHaveLength(1);
    expect(metaConfig(html)).toEqual(config);
  });

  it('never lets a page be framed by anyone when no origin is allowed', () => {
    expect(directives(embedPagePolicy({ apiBaseUrl: '/api', allowedOrigins: [] }))['frame-ancestors']).toBe(
      "'none'",
    );
  });
});

describe('the other files', () => {
  it('sends the demo host page with a CSP that frames only its own origin and is framed by nobody', async () => {
    const response = await appWith().request(`http://localhost:5173/`);
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'frame-src': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['/assets/embed-Cd9_kL2m.js', 'public, max-age=31536000, immutable'],
    ['/connect.js', 'no-cache'],
  ])('caches %s as %s', async (path, cacheControl) => {
    const response = await appWith().request(`http://localhost:5173${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds no page CSP to API answers', async () => {
    const response = await appWith().request(
      `http://localhost:5173/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/GetAccountsDetailAsync/nope`,
    );
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('the headers on every answer (Hono’s secureHeaders)', () => {
  it('hardens every answer and leaves framing of the embed page to its CSP', async () => {
    const app = appWith({ CONNECT_ALLOWED_ORIGINS: 'https://partner.example' });
    for (const path of ['/embed.html', '/', '/connect.js', '/v3/institutions']) {
      const headers = (await app.request(`http://localhost:5173${path}`)).headers;
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('permissions-policy'), path).toMatch(
        /^accelerometer=\(\), autoplay=\(\), camera=\(\)/,
      );
      expect(headers.get('x-permitted-cross-domain-policies'), path).toBe('none');
      expect(headers.get('x-dns-prefetch-control'), path).toBe('off');
      expect(headers.get('x-xss-protection'), path).toBe('0');
      // A partner's page frames the embed page: X-Frame-Options would forbid what frame-ancestors allows.
      expect(headers.get('x-frame-options'), path).toBeNull();
      expect(headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});

describe('a body declared too large', () => {
  it('is refused with 413 before anything else is done for it, even without a session', async () => {
    const response = await appWith({ CONNECT_REQUIRE_SESSION: 'true' }).request(
      'http://localhost:5173/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) },
        body: '{}',
      },
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ FlinksCode: 'INVALID_REQUEST' });
    expect(response.headers.get('connection')).toBe('close');
  });
});
