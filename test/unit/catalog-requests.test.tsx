import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

/*
 * The bank list asks for the catalog once. Where the sandbox answers through MSW (Storybook, tests), the connect
 * server's `GET /v3/institutions` used to go unanswered: the call failed, the widget sent it a second time to tell a
 * CORS refusal from a dropped connection, and the list kept its 17 built-in banks.
 */
const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, catalogSize: 300 });
const server = setupServer(...sandboxHandlers(sandbox));
const requests: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'bypass' });
  server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname));
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

const catalogRequests = () => requests.filter((path) => path.endsWith('/institutions'));

describe('the institution catalog behind the sandbox’s MSW handlers', () => {
  it('is requested once when the bank list shows, and its banks are searchable', async () => {
    const user = userEvent.setup();
    render(
      <StrictMode>
        <ConnectWidget apiBaseUrl={apiBaseUrl} institutionCatalog demo />
      </StrictMode>,
    );
    const search = await screen.findByRole('searchbox', { name: 'Search for your bank' });
    // A town only the generated catalog knows: found once the catalog is in.
    await user.type(search, 'abbotsford');
    expect(await screen.findByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual(['/v3/institutions']);
  });

  it('answers in the server’s compact form, Flinks Capital marked as the sandbox bank', async () => {
    const response = await fetch('http://localhost/v3/institutions');
    expect(response.status).toBe(200);
    const entries = (await response.json()) as { i: string; s?: 1 }[];
    expect(entries.length).toBe(18 + 300);
    expect(entries.find((entry) => entry.i === 'FlinksCapital')?.s).toBe(1);
    expect(entries.find((entry) => entry.i === 'RBC')?.s).toBeUndefined();
  });
});
