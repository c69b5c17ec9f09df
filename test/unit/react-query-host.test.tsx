import { QueryClient, QueryClientProvider, useMutationState } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { connectInstitutionsQuery } from '../../src';
import { FLINKS_CAPITAL_QUESTIONS, createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

/*
 * What a host sharing its react-query client gets: the bank catalog read once and kept (prefetchable), the
 * connection's calls as mutations it may watch, with no secret in them, and reads (not sign-ins) tried again after a
 * dropped connection. The retries wait 1 ms here, through react-query's own default option, so the tests stay quick.
 */
const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, catalogSize: 300, now: () => Date.now() });
const server = setupServer(...sandboxHandlers(sandbox));
/** Each request, as `METHOD /path`. */
const requests: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) =>
    requests.push(`${request.method} ${new URL(request.url).pathname}`),
  );
});
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
  requests.length = 0;
});
afterAll(() => server.close());

const catalogRequests = () => requests.filter((request) => request === 'GET /v3/institutions');
/** The calls to one endpoint (not the `no-cors` probe that follows a failed one: src/api/refusal.ts). */
const callsTo = (endpoint: string) =>
  requests.filter((request) => request.startsWith('POST ') && request.endsWith(`/${endpoint}`));

/** A host's client whose retries wait 1 ms (react-query's own option); the widget's retry rules stay its own. */
function hostClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retryDelay: 1 }, mutations: { retryDelay: 1, retry: 3 } },
  });
}

function openWidget(queryClient: QueryClient | undefined, props: Partial<ConnectWidgetProps> = {}) {
  return render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institutionCatalog
      demo
      {...(queryClient ? { queryClient } : {})}
      {...props}
    />,
  );
}

/** Searches the bank list for a town only the server's catalog knows. */
async function searchCatalogBank(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('searchbox', { name: 'Search for your bank' }), 'abbotsford');
}

describe('the bank catalog, a react-query query', () => {
  it('is read once: a second opening lists the catalog’s banks with no second request', async () => {
    const user = userEvent.setup();
    const queryClient = hostClient();
    const first = openWidget(queryClient);
    await searchCatalogBank(user);
    expect(await screen.findByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual(['GET /v3/institutions']);
    first.unmount();

    requests.length = 0;
    openWidget(queryClient);
    await searchCatalogBank(user);
    expect(screen.getByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual([]);
  });

  it('is kept by the widget’s own client too, when the host shares none', async () => {
    const user = userEvent.setup();
    // Another customer's address: a catalog of its own in the widget's own client.
    const ownBase = apiBaseUrl.replace('43387ca6', '53387ca6');
    const first = openWidget(undefined, { apiBaseUrl: ownBase });
    await searchCatalogBank(user);
    expect(await screen.findByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    first.unmount();
    requests.length = 0;
    openWidget(undefined, { apiBaseUrl: ownBase });
    await searchCatalogBank(user);
    expect(screen.getByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual([]);
  });

  it('can be prefetched by the host: the first screen lists the catalog’s banks without a request', async () => {
    const user = userEvent.setup();
    const queryClient = hostClient();
    // As a host does when its "Connect a bank" button is hovered.
    await queryClient.prefetchQuery(connectInstitutionsQuery({ apiBaseUrl }));
    expect(catalogRequests()).toEqual(['GET /v3/institutions']);
    requests.length = 0;

    openWidget(queryClient);
    await searchCatalogBank(user);
    expect(screen.getByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual([]);
  });

  it('tries again after a transient 503, and lists the catalog once it answers', async () => {
    server.use(http.get('*/v3/institutions', () => new HttpResponse(null, { status: 503 }), { once: true }));
    const user = userEvent.setup();
    openWidget(hostClient());
    await searchCatalogBank(user);
    expect(await screen.findByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual(['GET /v3/institutions', 'GET /v3/institutions']);
  });

  it('keeps the built-in list once its tries are spent, and the next opening asks again', async () => {
    server.use(http.get('*/v3/institutions', () => new HttpResponse(null, { status: 503 })));
    const user = userEvent.setup();
    const queryClient = hostClient();
    const first = openWidget(queryClient);
    // The first try and three more, with react-query's backoff (1 ms here).
    await waitFor(() => expect(catalogRequests()).toHaveLength(4));
    await searchCatalogBank(user);
    expect(await screen.findByText(/No bank matches “abbotsford”/)).toBeInTheDocument();
    // The built-in banks are still there to choose from.
    await user.clear(screen.getByRole('searchbox', { name: 'Search for your bank' }));
    expect(await screen.findByRole('button', { name: 'Flinks Capital' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(catalogRequests()).toHaveLength(4);
    first.unmount();

    server.resetHandlers();
    requests.length = 0;
    openWidget(queryClient);
    await searchCatalogBank(user);
    expect(await screen.findByRole('button', { name: 'Abbotsford Credit Union' })).toBeInTheDocument();
    expect(catalogRequests()).toEqual(['GET /v3/institutions']);
  });
});

/** Signs in as a persona with security questions and answers them all. */
async function signInAndAnswer(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
  await user.type(screen.getByLabelText('Password'), 'Everyday');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  await screen.findByRole('heading', { name: /needs to confirm it’s you/ });
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = screen.queryByLabelText(prompt);
    if (field) await user.type(field, answer);
  }
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

async function connectWithQuestions(user: ReturnType<typeof userEvent.setup>) {
  await signInAndAnswer(user);
  await screen.findByRole('heading', { name: 'Connection complete' });
}

/** A host's view of the connection: each of the widget's mutations, by key and status. */
function HostProgress() {
  const steps = useMutationState({
    filters: { mutationKey: ['connect-widget'] },
    select: (mutation) => `${String(mutation.options.mutationKey?.[1])}: ${mutation.state.status}`,
  });
  return (
    <ul aria-label="Connection progress">
      {steps.map((step, index) => (
        <li key={index}>{step}</li>
      ))}
    </ul>
  );
}

describe('the connection’s mutations, in the host’s client', () => {
  it('keeps no password, answer, username or token anywhere in the cache after a connection with MFA', async () => {
    const user = userEvent.setup();
    const queryClient = hostClient();
    const sessionToken = 'cw-session-token-3f9a1c7e';
    // A single-use Authorize token, minted as a partner's backend does.
    const minted = await fetch(`${apiBaseUrl}/GenerateAuthorizeToken`, {
      method: 'POST',
      headers: { 'flinks-auth-key': 'partner-secret-key' },
    });
    const { Token: authorizeToken } = (await minted.json()) as { Token: string };
    expect(authorizeToken.length).toBeGreaterThan(8);
    const onSuccess = vi.fn();
    openWidget(queryClient, { institution: 'FlinksCapital', sessionToken, authorizeToken, onSuccess });
    await connectWithQuestions(user);
    const [{ loginId }] = onSuccess.mock.calls[0] as [{ loginId: string }];

    const mutations = queryClient.getMutationCache().getAll();
    // The calls are there to see (not removed as they settle)...
    expect(mutations.map((mutation) => mutation.options.mutationKey)).toEqual([
      ['connect-widget', 'authorize'],
      ['connect-widget', 'answer-mfa'],
      ['connect-widget', 'accounts'],
    ]);
    expect(mutations.every((mutation) => mutation.state.status === 'success')).toBe(true);
    // ...with nothing secret in their variables, answers, errors or meta, nor in any query.
    const cache = JSON.stringify({
      mutations: mutations.map((mutation) => ({
        key: mutation.options.mutationKey,
        meta: mutation.meta,
        state: mutation.state,
      })),
      queries: queryClient
        .getQueryCache()
        .getAll()
        .map((query) => ({ key: query.queryKey, meta: query.meta, state: query.state })),
    });
    // What a host may watch: the steps, the bank, how each call ended.
    expect(cache).toContain('"institution":"FlinksCapital"');
    expect(cache).toContain('"kind":"challenged"');
    expect(cache).toContain('"kind":"accounts"');
    const secrets = [
      'Everyday',
      // The username (often a card number), the LoginId (kept server-side) and the account numbers are no
      // secrets of the API's, but the bank's answer stays with the flow all the same.
      'Greatday',
      loginId,
      'AccountNumber',
      sessionToken,
      authorizeToken,
      ...FLINKS_CAPITAL_QUESTIONS.map((question) => question.answer),
    ];
    for (const secret of secrets) expect(cache).not.toContain(secret);
  });

  it('shows a host’s useMutationState each step of the connection', async () => {
    const user = userEvent.setup();
    const queryClient = hostClient();
    render(
      <QueryClientProvider client={queryClient}>
        <HostProgress />
        <ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" queryClient={queryClient} />
      </QueryClientProvider>,
    );
    const progress = screen.getByRole('list', { name: 'Connection progress' });
    await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
    await user.type(screen.getByLabelText('Password'), 'Everyday');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByRole('heading', { name: /needs to confirm it’s you/ });
    expect(progress).toHaveTextContent('authorize: success');
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      const field = screen.queryByLabelText(prompt);
      if (field) await user.type(field, answer);
    }
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    await waitFor(() =>
      expect(Array.from(progress.querySelectorAll('li'), (item) => item.textContent)).toEqual([
        'authorize: success',
        'answer-mfa: success',
        'accounts: success',
      ]),
    );
  });
});

describe('retries: reads only', () => {
  it('tries the account data again after a dropped connection, and the connection completes', async () => {
    server.use(http.post('*/BankingServices/GetAccountsSummary', () => HttpResponse.error(), { once: true }));
    const user = userEvent.setup();
    openWidget(hostClient(), { institution: 'FlinksCapital' });
    await connectWithQuestions(user);
    expect(callsTo('GetAccountsSummary')).toHaveLength(2);
  });

  it('never sends Authorize twice by itself: a dropped connection is shown once', async () => {
    server.use(http.post('*/BankingServices/Authorize', () => HttpResponse.error()));
    const user = userEvent.setup();
    // The host's client retries mutations 3 times by default: the widget's sign-in does not follow it.
    openWidget(hostClient(), { institution: 'FlinksCapital' });
    await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
    await user.type(screen.getByLabelText('Password'), 'Everyday');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('The connection dropped')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo('Authorize')).toHaveLength(1);
  });

  it('never sends MFA answers twice by itself', async () => {
    server.use(
      http.post('*/BankingServices/Authorize', async ({ request }) => {
        const body = (await request.clone().json()) as { SecurityResponses?: unknown };
        return body.SecurityResponses ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    openWidget(hostClient(), { institution: 'FlinksCapital' });
    await signInAndAnswer(user);
    expect(await screen.findByText('The connection dropped')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The sign-in, then the answers once.
    expect(callsTo('Authorize')).toHaveLength(2);
  });
});
