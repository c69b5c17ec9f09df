import { http, type HttpHandler } from 'msw';
import { SandboxConnectionReset } from './faults';
import type { Sandbox } from './sandbox';

/**
 * MSW 2 handlers that answer every Flinks v3 call (any origin, any customerId) from the sandbox: the same
 * behaviour in Storybook and browser tests as behind `npm start`.
 *
 * @example
 * const sandbox = createSandbox({ latencyMs: 0 });
 * worker.use(...sandboxHandlers(sandbox));
 */
export function sandboxHandlers(sandbox: Sandbox): HttpHandler[] {
  return [
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
