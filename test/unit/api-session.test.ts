import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFlinksClient } from '../../src/api';
import type { ClientOptions } from '../../src/api';

const BASE = 'https://api.test/v3/customer/BankingServices';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  url: string;
  authorization: string | null;
  parentOrigin: string | null;
}

/** A connect server that honours the sessions in `valid` and refuses any other as the real one does. */
function connectServer(valid: Set<string>) {
  const seen: Seen[] = [];
  server.use(
    http.all(`${BASE}/*`, ({ request }) => {
      const authorization = request.headers.get('authorization');
      seen.push({
        url: request.url,
        authorization,
        parentOrigin: request.headers.get('x-connect-parent-origin'),
      });
      const token = authorization?.replace(/^Bearer /, '') ?? '';
      if (!valid.has(token)) {
        return HttpResponse.json(
          { HttpStatusCode: 401, FlinksCode: 'ACCESS_DENIED', Message: `Session ${token} refused.` },
          {
            status: 401,
            headers: { 'www-authenticate': 'Bearer realm="connect", error="invalid_token"' },
          },
        );
      }
      if (!request.url.endsWith('/Authorize')) {
        return HttpResponse.json({ HttpStatusCode: 200, Accounts: [], RequestId: 'request-1' });
      }
      return HttpResponse.json({
        HttpStatusCode: 200,
        Login: { Id: 'login-1', Username: 'u', IsScheduledRefresh: false, LastRefresh: '', Type: 'Personal' },
        Institution: 'FlinksCapital',
        RequestId: 'request-1',
        Links: [],
      });
    }),
  );
  return seen;
}

const credentials = { institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday' };

function client(options: Partial<ClientOptions>) {
  return createFlinksClient({ baseUrl: BASE, ...options });
}

describe('connect sessions in the client', () => {
  it('sends the session as a Bearer header on every call, never in the address', async () => {
    const seen = connectServer(new Set(['session-a']));
    const api = client({ sessionToken: 'session-a', parentOrigin: 'https://lender.example' });
    await api.authorize(credentials);
    await api.getAccountsDetailAsync('request-1');
    await api.getAccountsSummary('request-1');
    expect(seen).toHaveLength(3);
    for (const call of seen) {
      expect(call.authorization).toBe('Bearer session-a');
      expect(call.parentOrigin).toBe('https://lender.example');
      expect(call.url).not.toContain('session-a');
    }
  });

  it('renews a refused session once through getSessionToken and sends the call again', async () => {
    const seen = connectServer(new Set(['fresh']));
    const getSessionToken = vi.fn(() => Promise.resolve('fresh'));
    const api = client({ sessionToken: 'stale-session-7c1', getSessionToken });
    const result = await api.authorize(credentials);
    expect(result).toMatchObject({ kind: 'authorized', loginId: 'login-1' });
    expect(getSessionToken).toHaveBeenCalledOnce();
    expect(seen.map((call) => call.authorization)).toEqual(['Bearer stale-session-7c1', 'Bearer fresh']);

    // The new session stays: the next call uses it without asking again.
    await api.getAccountsSummary('request-1');
    expect(seen.at(-1)?.authorization).toBe('Bearer fresh');
    expect(getSessionToken).toHaveBeenCalledOnce();
  });

  it('asks for a session before the first call when it was given none', async () => {
    const seen = connectServer(new Set(['first']));
    const getSessionToken = vi.fn(() => Promise.resolve('first'));
    await client({ getSessionToken }).authorize(credentials);
    expect(seen.map((call) => call.authorization)).toEqual(['Bearer first']);
  });

  it('shares one renewal between calls refused together', async () => {
    connectServer(new Set(['fresh']));
    const getSessionToken = vi.fn(
      () => new Promise<string>((resolve) => setTimeout(() => resolve('fresh'), 20)),
    );
    const api = client({ sessionToken: 'stale-session-7c1', getSessionToken });
    const results = await Promise.all([
      api.getAccountsSummary('request-1'),
      api.getAccountsSummary('request-1'),
    ]);
    expect(results.map((result) => result.kind)).toEqual(['accounts', 'accounts']);
    expect(getSessionToken).toHaveBeenCalledOnce();
  });

  it.each([
    ['cannot renew it', {}],
    ['gets the same refused session back', { getSessionToken: () => Promise.resolve('stale-session-7c1') }],
    ['fails to renew it', { getSessionToken: () => Promise.reject(new Error('backend down')) }],
    ['is still refused with the new one', { getSessionToken: () => Promise.resolve('also-refused') }],
  ])('says the session ended when it %s', async (_label, options) => {
    connectServer(new Set(['never-this']));
    const result = await client({ sessionToken: 'stale-session-7c1', ...options }).authorize(credentials);
    expect(result).toMatchObject({
      kind: 'error',
      flinksCode: 'ACCESS_DENIED',
      cause: 'session',
      httpStatus: 401,
    });
    // Nothing the server said (here: the token itself) comes back out.
    expect(JSON.stringify(result)).not.toContain('stale-session-7c1');
    expect(JSON.stringify(result)).not.toContain('Everyday');
  });

  it('leaves an ACCESS_DENIED from the bank itself (no session challenge) as the bank sent it', async () => {
    server.use(
      http.post(`${BASE}/Authorize`, () =>
        HttpResponse.json(
          {
            HttpStatusCode: 401,
            FlinksCode: 'ACCESS_DENIED',
            Message: 'You must provide a valid authorize token',
          },
          { status: 401 },
        ),
      ),
    );
    const getSessionToken = vi.fn(() => Promise.resolve('fresh'));
    const result = await client({ sessionToken: 'session-a', getSessionToken }).authorize(credentials);
    expect(result).toMatchObject({ kind: 'error', flinksCode: 'ACCESS_DENIED', cause: 'http' });
    expect(getSessionToken).not.toHaveBeenCalled();
  });
});
