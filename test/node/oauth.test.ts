import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { createSandbox } from '../../src/sandbox';
import { createSession, SERVER, SESSION_ENV, sessionHeaders } from './sessions-helpers';

/**
 * CONTRACT §8 on the wire: a state minted inside a connect session, Flinks' 302s to the sandbox bank's page, "Allow"
 * and "Deny", and a return page that honours each state once, for its own connection only.
 */
const API = `${SERVER}/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices`;
const ORIGIN = SERVER;
let app: Hono;
let clock = Date.now();

function build(env: Record<string, string> = {}) {
  const config = parseConfig({ ...SESSION_ENV, SANDBOX_LATENCY_MS: '0', SANDBOX_PENDING_MS: '0', ...env });
  const sandbox = createSandbox({ latencyMs: 0, pendingMs: 0 });
  return createServerApp(config, { sandbox, distDir: '/nonexistent', log: () => {}, now: () => clock });
}

async function mint(headers: Record<string, string>, body: Record<string, unknown> = {}) {
  return app.request(`${SERVER}/v3/oauth/state`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ institution: 'FlinksCapitalOAuth', ...body }),
  });
}

/** Follows the bank's 302s as the popup does, then presses the page's button. */
async function throughTheBank(authorizeUrl: string, decision: 'allow' | 'deny'): Promise<string> {
  const toBank = await app.request(authorizeUrl);
  expect(toBank.status).toBe(302);
  const bankPage = new URL(toBank.headers.get('location') ?? '', SERVER);
  const page = await app.request(bankPage.href);
  const html = await page.text();
  expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
  expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
  const form = new URLSearchParams(bankPage.searchParams);
  form.set('decision', decision);
  const answer = await app.request(`${SERVER}${bankPage.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(answer.status).toBe(302);
  return answer.headers.get('location') ?? '';
}

function outcomeIn(html: string): { targetOrigin: string; data: Record<string, unknown> } | null {
  const match = /<script type="application\/json" id="outcome">(.*?)<\/script>/s.exec(html);
  return match?.[1]
    ? (JSON.parse(match[1]) as { targetOrigin: string; data: Record<string, unknown> })
    : null;
}

describe('OAuth through the server', () => {
  beforeEach(() => {
    clock = Date.now();
    app = build({ CONNECT_REQUIRE_SESSION: 'true' });
  });

  it('mints a state in the session, 302s to the bank, and hands the LoginId to the exact origin once', async () => {
    const token = await createSession(app);
    const minted = await mint(sessionHeaders(token));
    expect(minted.status).toBe(201);
    const { state, authorizeUrl } = (await minted.json()) as { state: string; authorizeUrl: string };
    expect(authorizeUrl).toBe(
      `${SERVER}/v3/oauth/authorize?institution_id=FlinksCapitalOAuth&redirect_uri=${encodeURIComponent(`${SERVER}/oauth/return`)}&state=${state}&language=en`,
    );
    const back = await throughTheBank(authorizeUrl, 'allow');
    expect(back).toMatch(
      new RegExp(
        `^${SERVER}/oauth/return\\?state=${state}&loginId=[0-9a-f-]{36}&institution=FlinksCapitalOAuth$`,
      ),
    );

    const page = await app.request(back);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const outcome = outcomeIn(await page.text());
    expect(outcome?.targetOrigin).toBe(SERVER);
    expect(outcome?.data).toMatchObject({
      source: 'connect-widget-oauth',
      state,
      institution: 'FlinksCapitalOAuth',
    });
    const loginId = String(outcome?.data.loginId);
    const code = String(outcome?.data.code);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const authorize = (session: string) =>
      app.request(`${API}/Authorize`, {
        method: 'POST',
        headers: { ...sessionHeaders(session), 'content-type': 'application/json' },
        body: JSON.stringify({ LoginId: loginId, MostRecentCached: true }),
      });
    // Not before the widget collected the outcome with the popup's code...
    expect((await authorize(token)).status).toBe(403);
    const redeemed = await app.request(`${SERVER}/v3/oauth/redeem`, {
      method: 'POST',
      headers: { ...sessionHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify({ state, code }),
    });
    expect(await redeemed.json()).toMatchObject({ loginId, institution: 'FlinksCapitalOAuth' });
    // ...then the session may read that login, and only that session.
    expect((await authorize(token)).status).toBe(200);
    expect((await authorize(await createSession(app))).status).toBe(403);

    // A replay of the same return is refused.
    const replay = outcomeIn(await (await app.request(back)).text());
    expect(replay?.data).toMatchObject({ state, error: 'state_invalid' });
    expect(replay?.data.loginId).toBeUndefined();
    expect(replay?.data.code).toBeUndefined();
  });

  it('says access_denied when the person denies, and refuses a forged state', async () => {
    const token = await createSession(app);
    const { authorizeUrl, state } = (await (await mint(sessionHeaders(token))).json()) as {
      authorizeUrl: string;
      state: string;
    };
    const back = await throughTheBank(authorizeUrl, 'deny');
    expect(back).toBe(`${SERVER}/oauth/return?state=${state}&error=access_denied`);
    expect(outcomeIn(await (await app.request(back)).text())?.data).toMatchObject({ error: 'access_denied' });

    const forged = await app.request(
      `${SERVER}/oauth/return?state=${'A'.repeat(43)}&loginId=abc&institution=X`,
    );
    const html = await forged.text();
    expect(outcomeIn(html)).toBeNull();
    expect(html).toContain('expired or was already used');
  });

  it('refuses a state without a session, from another origin, or for a return page elsewhere', async () => {
    expect((await mint({ origin: SERVER })).status).toBe(401);
    const token = await createSession(app);
    expect((await mint(sessionHeaders(token, 'http://evil.example'))).status).toBe(401);
    expect((await mint(sessionHeaders(token), { returnTo: 'http://evil.example/back' })).status).toBe(400);

    const { authorizeUrl } = (await (await mint(sessionHeaders(token))).json()) as { authorizeUrl: string };
    const elsewhere = authorizeUrl.replace(
      encodeURIComponent(`${SERVER}/oauth/return`),
      encodeURIComponent('http://evil.example/cb'),
    );
    const refused = await app.request(elsewhere);
    expect(refused.headers.get('location')).toMatch(/^\/oauth\/return\?state=.*&error=state_invalid$/);
  });

  it('tells a return after the session expired that the state is no longer valid', async () => {
    const token = await createSession(app, { expiresInSeconds: 60 });
    const { authorizeUrl } = (await (await mint(sessionHeaders(token))).json()) as { authorizeUrl: string };
    const back = await throughTheBank(authorizeUrl, 'allow');
    clock += 61_000;
    expect(outcomeIn(await (await app.request(back)).text())?.data).toMatchObject({ error: 'state_invalid' });
  });

  it('whole window: back to the page with the LoginId, and the widget collects the outcome once', async () => {
    const token = await createSession(app);
    const returnTo = `${ORIGIN}/shop/bank?step=2`;
    const { authorizeUrl, state } = (await (await mint(sessionHeaders(token), { returnTo })).json()) as {
      authorizeUrl: string;
      state: string;
    };
    const back = await throughTheBank(authorizeUrl, 'allow');
    const toPage = await app.request(back);
    expect(toPage.status).toBe(302);
    const landed = new URL(toPage.headers.get('location') ?? '');
    expect(`${landed.origin}${landed.pathname}`).toBe(`${ORIGIN}/shop/bank`);
    expect(landed.searchParams.get('state')).toBe(state);
    expect(landed.searchParams.get('institution')).toBe('FlinksCapitalOAuth');
    const loginId = landed.searchParams.get('loginId');
    const code = landed.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const redeem = (body: Record<string, unknown> = { state, code }) =>
      app.request(`${SERVER}/v3/oauth/redeem`, {
        method: 'POST',
        headers: { ...sessionHeaders(token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Without the code the returning browser got, or with another one, nothing (and the right one still works).
    expect((await redeem({ state })).status).toBe(409);
    expect((await redeem({ state, code: `${code.slice(0, -1)}A` })).status).toBe(409);
    const first = await redeem();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ loginId, institution: 'FlinksCapitalOAuth' });
    const second = await redeem();
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ FlinksCode: 'OAUTH_STATE_INVALID' });
  });
});

describe('OAuth through the proxy (Flinks behind the server)', () => {
  it("forwards Flinks' OAuth route inside the connect session and passes its 302 on, nothing else", async () => {
    const asked: string[] = [];
    const flinks: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      asked.push(`${init?.method ?? 'GET'} ${url.pathname}?${url.searchParams}`);
      expect(init?.redirect).toBe('manual');
      return Promise.resolve(
        new Response(null, { status: 302, headers: { location: 'https://bank.example/oauth/sign-in?x=1' } }),
      );
    };
    const proxied = createServerApp(
      parseConfig({
        ...SESSION_ENV,
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: 'cust-1',
        FLINKS_SECRET_KEY: 'proxy-oauth-secret-1',
        FLINKS_UPSTREAM_URL: 'http://flinks.test',
      }),
      { distDir: '/nonexistent', log: () => {}, fetch: flinks },
    );
    app = proxied;
    const token = await createSession(proxied);
    expect((await mint({ origin: SERVER })).status).toBe(401);
    const { authorizeUrl, state } = (await (await mint(sessionHeaders(token))).json()) as {
      authorizeUrl: string;
      state: string;
    };
    const toBank = await proxied.request(authorizeUrl);
    expect(toBank.status).toBe(302);
    expect(toBank.headers.get('location')).toBe('https://bank.example/oauth/sign-in?x=1');
    // Flinks' names (`lang`, `tag`); the tag carries the state's server-held nonce.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(
      new RegExp(
        `^GET /v3/oauth/authorize\\?institution_id=FlinksCapitalOAuth&redirect_uri=${encodeURIComponent(`${SERVER}/oauth/return`)}&state=${state}&lang=en&tag=oauth%3A[A-Za-z0-9_-]{22}$`,
      ),
    );
    // The sandbox bank's page is not served in front of a real bank.
    expect((await proxied.request(`${SERVER}/sandbox/oauth/bank`)).status).toBe(404);
  });
});
