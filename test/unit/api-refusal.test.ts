/** @vitest-environment jsdom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlinksClient } from '../../src/api';

/*
 * A cross-origin call the browser refuses (CORS) and a dropped connection both reject `fetch` with a TypeError; the
 * client tells them apart with one `no-cors` request, and says which in the error and, in development, the console.
 * jsdom's page is http://localhost:3000/; the API here is on another origin.
 */

const API = 'https://connect.example.com/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const CREDENTIALS = { institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday' };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A `fetch` whose CORS calls fail as the browser makes them fail, and whose `no-cors` calls reach, or not, the API. */
function browserFetch(apiReachable: boolean) {
  return vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    if (init?.mode === 'no-cors' && apiReachable) return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  });
}

describe('a network failure that is a CORS refusal', () => {
  it('is reported as refused, naming the origin to allow, in the error and the console', async () => {
    const fetchImpl = browserFetch(true);
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    const client = createFlinksClient({ baseUrl: API, fetch: fetchImpl });

    const result = await client.authorize(CREDENTIALS);

    expect(result).toMatchObject({ kind: 'error', flinksCode: 'NETWORK_ERROR', cause: 'refused' });
    const message = (result as { message: string }).message;
    expect(message).toContain(`refused calls from ${location.origin}`);
    expect(message).toContain('CONNECT_ALLOWED_ORIGINS');
    expect(console).toHaveBeenCalledWith(`[connect-widget] ${message}`);
    // The check resends nothing of the call: no body, no password, no credentials.
    const probe = fetchImpl.mock.calls.find(([, init]) => init?.mode === 'no-cors');
    expect(probe?.[1]).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect(probe?.[1]?.body).toBeUndefined();
    expect(JSON.stringify(probe)).not.toContain('Everyday');
  });

  it('stays a dropped connection when the API cannot be reached at all, or while offline', async () => {
    const unreachable = createFlinksClient({ baseUrl: API, fetch: browserFetch(false) });
    expect(await unreachable.authorize(CREDENTIALS)).toMatchObject({
      flinksCode: 'NETWORK_ERROR',
      cause: 'network',
    });

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const offline = browserFetch(true);
    const client = createFlinksClient({ baseUrl: API, fetch: offline });
    expect(await client.authorize(CREDENTIALS)).toMatchObject({ cause: 'network' });
    expect(offline.mock.calls.some(([, init]) => init?.mode === 'no-cors')).toBe(false);
  });

  it('is never suspected for a same-origin API, where CORS does not apply', async () => {
    const fetchImpl = browserFetch(true);
    const client = createFlinksClient({
      baseUrl: `${location.origin}/v3/any/BankingServices`,
      fetch: fetchImpl,
    });
    expect(await client.authorize(CREDENTIALS)).toMatchObject({ cause: 'network' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('stays quiet in the console of a production build', async () => {
    vi.stubGlobal('process', { ...process, env: { ...process.env, NODE_ENV: 'production' } });
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    const client = createFlinksClient({ baseUrl: API, fetch: browserFetch(true) });
    expect(await client.authorize(CREDENTIALS)).toMatchObject({ cause: 'refused' });
    expect(console).not.toHaveBeenCalled();
  });
});
