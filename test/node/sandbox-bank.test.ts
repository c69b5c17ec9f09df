import { describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { findInstitution } from '../../src/institutions';
import { BANK_PAGES } from '../../src/institutions/pages';

// The sandbox bank's small site: every page Flinks Capital's links name answers, in its language, under the CSP.

const app = createServerApp(parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0' }), {
  distDir: '/nonexistent',
});
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost:5173${path}`, { headers });

const flinksCapital = BANK_PAGES.FlinksCapital;

describe('the sandbox bank’s site', () => {
  it.each([
    ['en', flinksCapital?.forgotPasswordUrl?.en, 'Forgot your username or password?', 'Everyday'],
    [
      'fr',
      flinksCapital?.forgotPasswordUrl?.fr,
      'Nom d’utilisateur ou mot de passe oublié\u202F?',
      'Everyday',
    ],
    ['en', flinksCapital?.contactUrl?.en, 'Contact us', '1-800-555-0199'],
    ['fr', flinksCapital?.contactUrl?.fr, 'Nous joindre', '1 800 555-0199'],
    ['en', '/sandbox-bank/en/', 'Welcome to Flinks Capital', 'I’ve done it, try again'],
    ['fr', '/sandbox-bank/fr/', 'Bienvenue chez Flinks Capital', 'C’est fait, réessayer'],
  ])('%s %s: its heading and what the person needs', async (language, path, heading, needed) => {
    const response = await get(path ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain(needed);
    expect(html).not.toMatch(/style="|<script/);
  });

  it('sends /sandbox-bank/ (Flinks Capital’s website) to the browser’s language', async () => {
    expect(findInstitution('FlinksCapital')?.website).toBe('/sandbox-bank/');
    const french = await get('/sandbox-bank/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(french.status).toBe(302);
    expect(french.headers.get('location')).toBe('/sandbox-bank/fr/');
    const english = await get('/sandbox-bank/', { 'accept-language': 'en-CA' });
    expect(english.headers.get('location')).toBe('/sandbox-bank/en/');
  });

  it('serves its stylesheet', async () => {
    const response = await get('/sandbox-bank/site.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
  });
});
