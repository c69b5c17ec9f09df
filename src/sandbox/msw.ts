import { http, type HttpHandler } from 'msw';
import { compactCatalog } from './compact-catalog';
import { SandboxConnectionReset } from './faults';
import type { Sandbox } from './sandbox';

/**
 * MSW 2 handlers that answer every Flinks v3 call (any origin, any customerId) from the sandbox, and the connect
 * server's institution catalog: the same behaviour in Storybook and browser tests as behind `npm start`.
 *
 * @example
 * const sandbox = createSandbox({ latencyMs: 0 });
 * worker.use(...sandboxHandlers(sandbox));
 */
export function sandboxHandlers(sandbox: Sandbox): HttpHandler[] {
  return [
    // The connect server's compact catalog (server/catalog.ts), from the sandbox's own Institutions pages: without it,
    // the bank list's one request would fail here (and be sent again to tell a CORS refusal from a dropped connection).
    http.get('*/v3/institutions', async ({ request }) => {
      const origin = new URL(request.url).origin;
      // The sandbox answers under any customerId.
      const entries = await compactCatalog(
        (endpoint) => sandbox.fetch(new Request(`${origin}/v3/catalog/BankingServices/${endpoint}`)),
        true,
      ).catch(() => null);
      if (!entries) return Response.json({ error: 'unavailable' }, { status: 502 });
      return Response.json(entries, { headers: { 'cache-control': 'no-store' } });
    }),
    http.all('*/v3/:customerId/BankingServices/*', async ({ request }) => {
      try {
        return await sandbox.fetch(request);
      } catch (error) {
        // MSW's own way to fail the request at the network level, as a dropped connection does.
        if (error instanceof SandboxConnectionReset) return Response.error();
        throw error;
      }
    }),
  ];
}
