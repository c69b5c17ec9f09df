import { http, type HttpHandler } from 'msw';
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
  return [http.all('*/v3/:customerId/BankingServices/*', ({ request }) => sandbox.fetch(request))];
}
