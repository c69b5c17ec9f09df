import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

/*
 * The bank list (search, ranking, virtual list, tiles) and the catalog are a chunk and a call of their own: with the
 * institution preset, neither is part of what the first screen loads. The module's factory below runs only if the
 * widget imports it, and every request is recorded.
 */
const imported = vi.hoisted(() => ({ bankList: 0, catalogReader: 0 }));
vi.mock('../../src/steps/institution', async (original) => {
  imported.bankList += 1;
  return original();
});
vi.mock('../../src/institutions/catalog', async (original) => {
  imported.catalogReader += 1;
  return original();
});

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, catalogSize: 200 });
const server = setupServer(...sandboxHandlers(sandbox));
const requests: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'bypass' });
  server.events.on('request:start', ({ request }) => requests.push(new URL(request.url).pathname));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('a preset institution', () => {
  it('shows its sign-in form without the bank list chunk or the catalog, even with institutionCatalog on', async () => {
    const user = userEvent.setup();
    render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" institutionCatalog demo />);
    await user.type(await screen.findByLabelText('Username or card number'), 'greatday_nomfa');
    expect(imported).toEqual({ bankList: 0, catalogReader: 0 });
    expect(requests.filter((path) => path.endsWith('/institutions'))).toEqual([]);
  });

  it('without one, the bank list comes in its own chunk and the catalog is fetched and read once the list shows', async () => {
    render(<ConnectWidget apiBaseUrl={apiBaseUrl} institutionCatalog demo />);
    expect(await screen.findByRole('searchbox')).toBeInTheDocument();
    expect(imported.bankList).toBe(1);
    await waitFor(() => expect(requests.some((path) => path.endsWith('/institutions'))).toBe(true));
    await waitFor(() => expect(imported.catalogReader).toBe(1));
  });
});
