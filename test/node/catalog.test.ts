import { FLINKS_CAPITAL_LOGO } from '../../src/institutions/logos';
import { describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { CATALOG_TTL_MS, type CatalogEntry } from '../../server/catalog';
import { parseConfig } from '../../server/config';
import { createSandbox } from '../../src/sandbox';
import { SERVER, SESSION_ENV } from './sessions-helpers';

/** `GET /v3/institutions`: Flinks' Institutions endpoint paged through, cached, served compact. */
describe('the institution catalog', () => {
  it('sandbox: thousands of banks and credit unions in both countries, Flinks Capital (OAuth) marked', async () => {
    const sandbox = createSandbox({ latencyMs: 0 });
    const app = createServerApp(parseConfig({ SANDBOX_LATENCY_MS: '0' }), {
      sandbox,
      distDir: '/nonexistent',
      log: () => {},
    });
    const response = await app.request(`${SERVER}/v3/institutions`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const entries = (await response.json()) as CatalogEntry[];
    expect(entries.length).toBeGreaterThan(4000);
    expect(entries).toContainEqual({
      i: 'FlinksCapitalOAuth',
      e: 'Flinks Capital (OAuth)',
      c: 'CA',
      o: 1,
      s: 1,
      // Its logo, drawn for the sandbox, carried from the Institutions answer's LogoUrl.
      l: FLINKS_CAPITAL_LOGO,
    });
    expect(entries).toContainEqual({
      i: 'National',
      e: 'National Bank',
      f: 'Banque Nationale',
      c: 'CA',
      w: 'https://www.nbc.ca',
    });
    expect(new Set(entries.map((entry) => entry.c))).toEqual(new Set(['CA', 'US']));
    const pages = sandbox.log.filter((entry) => entry.path.endsWith('/Institutions')).length;
    expect(pages).toBe(Math.ceil(entries.length / 1000));
    await app.request(`${SERVER}/v3/institutions`);
    expect(sandbox.log.filter((entry) => entry.path.endsWith('/Institutions'))).toHaveLength(pages);
  });

  it('proxy: pages through Flinks 1,000 at a time, keeps the list an hour, and a failure keeps the last list', async () => {
    let clock = 0;
    let down = false;
    const asked: string[] = [];
    const flinks: typeof fetch = (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      asked.push(`${url.pathname.split('/').slice(-1)[0]}?${url.searchParams}`);
      if (down) return Promise.resolve(new Response('', { status: 503 }));
      const skip = Number(url.searchParams.get('skip'));
      const all = Array.from({ length: 2500 }, (_, index) => ({
        Id: index,
        Institution: `Bank${index}`,
        Name: { En: `Bank ${index}`, Fr: `Banque ${index}` },
        Url: { En: null, Fr: null },
        Country: 'US',
      }));
      return Promise.resolve(
        Response.json({ HttpStatusCode: 200, Count: all.length, Institutions: all.slice(skip, skip + 1000) }),
      );
    };
    const app = createServerApp(
      parseConfig({
        ...SESSION_ENV,
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: 'cust-1',
        FLINKS_SECRET_KEY: 'catalog-secret-1',
        FLINKS_UPSTREAM_URL: 'http://flinks.test',
      }),
      { distDir: '/nonexistent', log: () => {}, fetch: flinks, now: () => clock },
    );
    const entries = (await (await app.request(`${SERVER}/v3/institutions`)).json()) as CatalogEntry[];
    expect(entries).toHaveLength(2500);
    expect(entries[1]).toEqual({ i: 'Bank1', e: 'Bank 1', f: 'Banque 1', c: 'US' });
    expect(asked).toEqual([
      'Institutions?skip=0&take=1000',
      'Institutions?skip=1000&take=1000',
      'Institutions?skip=2000&take=1000',
    ]);
    await app.request(`${SERVER}/v3/institutions`);
    expect(asked).toHaveLength(3);

    clock += CATALOG_TTL_MS + 1;
    down = true;
    const stale = await app.request(`${SERVER}/v3/institutions`);
    expect(stale.status).toBe(200);
    expect((await stale.json()) as CatalogEntry[]).toHaveLength(2500);
  });
});
