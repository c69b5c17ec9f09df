import { StrictMode } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { createSandbox, FLINKS_CAPITAL_QUESTIONS } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// What a flaky network, an impatient person and a host page that unmounts do to the widget: it holds a submit
// while offline and keeps what was typed, sends one request per submit however often it is triggered, and
// lets go of its requests and its host when it is unmounted.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

/** The bank's "sleep": free-flowing unless a test holds it, so a request stays in flight as long as it wants. */
const bank = {
  held: false,
  waiting: [] as Array<() => void>,
  hold() {
    this.held = true;
  },
  release() {
    this.held = false;
    for (const go of this.waiting.splice(0)) go();
  },
  sleep(): Promise<void> {
    if (!bank.held) return Promise.resolve();
    return new Promise((resolve) => bank.waiting.push(resolve));
  },
};
const sandbox = createSandbox({
  latencyMs: 0,
  random: () => 0,
  now: () => Date.now(),
  sleep: () => bank.sleep(),
});

/** The signal of every request MSW received, so a test can see the widget abort them. */
const received: Array<{ path: string; signal: AbortSignal }> = [];
const server = setupServer(
  http.all('*/v3/:customerId/BankingServices/*', ({ request }) => {
    received.push({ path: new URL(request.url).pathname, signal: request.signal });
  }),
  ...sandboxHandlers(sandbox),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  bank.release();
  server.resetHandlers();
  sandbox.reset();
  received.length = 0;
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function widget(props: Partial<ConnectWidgetProps> = {}, options: { strict?: boolean } = {}) {
  const onEvent = vi.fn();
  const onSuccess = vi.fn();
  const onExit = vi.fn();
  const tree = (
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution="FlinksCapital"
      onEvent={onEvent}
      onSuccess={onSuccess}
      onExit={onExit}
      {...props}
    />
  );
  const view = render(options.strict ? <StrictMode>{tree}</StrictMode> : tree);
  const events = () => onEvent.mock.calls.map(([name]) => name as string);
  return { ...view, user: userEvent.setup(), onEvent, onSuccess, onExit, events };
}

type View = ReturnType<typeof widget>;

const authorizeCalls = () => sandbox.log.filter((entry) => entry.path.endsWith('/Authorize'));

async function typeCredentials(view: View, username: string, password = 'Everyday') {
  await view.user.type(await screen.findByLabelText('Username or card number'), username);
  await view.user.type(screen.getByLabelText('Password'), password);
}

function goOffline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });
}

function goOnline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

const CITY = FLINKS_CAPITAL_QUESTIONS[0];

describe('offline and back online', () => {
  it('tells the host and the person, and says nothing once back', async () => {
    const view = widget();
    await screen.findByLabelText('Username or card number');
    goOffline();
    expect(view.events()).toContain('APP_OFFLINE');
    expect(screen.getByText(/You’re offline\. What you typed is kept/)).toHaveAttribute('role', 'status');
    goOnline();
    expect(view.events().slice(-1)).toEqual(['APP_ONLINE']);
    expect(screen.queryByText(/You’re offline/)).not.toBeInTheDocument();
    expect(view.events().filter((name) => name === 'APP_OFFLINE')).toHaveLength(1);
  });

  it('shows the banner in French too', async () => {
    widget({ language: 'fr' });
    await screen.findByLabelText('Nom d’utilisateur ou numéro de carte');
    goOffline();
    expect(screen.getByText(/Vous êtes hors ligne\. Ce que vous avez saisi/)).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('holds a sign-in while offline, keeps what was typed, and sends it once when asked again online', async () => {
    const view = widget();
    await typeCredentials(view, 'greatday_nomfa');
    goOffline();
    await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(authorizeCalls()).toHaveLength(0);
    expect(view.events()).not.toContain('SUBMIT_CREDENTIAL');
    expect(screen.getByLabelText('Username or card number')).toHaveValue('greatday_nomfa');
    expect(screen.getByLabelText('Password')).toHaveValue('Everyday');

    goOnline();
    await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('heading', { name: 'Connection complete' })).toBeInTheDocument();
    expect(authorizeCalls()).toHaveLength(1);
  });

  it('holds an MFA answer while offline, keeping the answer typed', async () => {
    const view = widget();
    await typeCredentials(view, 'Greatday');
    await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    const answer = await screen.findByLabelText(CITY.prompt);
    await view.user.type(answer, CITY.answer);
    goOffline();
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(authorizeCalls()).toHaveLength(1);
    expect(screen.getByLabelText(CITY.prompt)).toHaveValue(CITY.answer);

    goOnline();
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Connection complete' })).toBeInTheDocument();
    expect(authorizeCalls()).toHaveLength(2);
  });

  it('a request lost to a dropped connection is tried again by itself once back online, username kept', async () => {
    const view = widget();
    await typeCredentials(view, 'Greatday');
    // The connection drops while the sign-in is on its way.
    server.use(
      http.post(
        '*/Authorize',
        () => {
          vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
          window.dispatchEvent(new Event('offline'));
          return Response.error();
        },
        { once: true },
      ),
    );
    await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('heading', { name: 'You’re offline' })).toBeInTheDocument();
    goOnline();
    expect(await screen.findByLabelText('Username or card number')).toHaveValue('Greatday');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(view.events()).toEqual(expect.arrayContaining(['APP_OFFLINE', 'ERROR', 'APP_ONLINE']));
    expect(view.onEvent).toHaveBeenCalledWith(
      'ERROR',
      expect.objectContaining({ flinksCode: 'NETWORK_ERROR' }),
    );
  });
});

describe('one request per submit', () => {
  const submitTwice: Array<[string, (view: View, button: string, field: HTMLElement) => Promise<void>]> = [
    ['a double click', (view, button) => view.user.dblClick(screen.getByRole('button', { name: button }))],
    [
      'Enter twice',
      async (view, _button, field) => {
        field.focus();
        await view.user.keyboard('{Enter}{Enter}');
      },
    ],
    [
      'a click and then Enter',
      async (view, button, field) => {
        await view.user.click(screen.getByRole('button', { name: button }));
        field.focus();
        await view.user.keyboard('{Enter}');
      },
    ],
  ];

  describe.each([
    ['', false],
    [' (StrictMode)', true],
  ])('%s', (_mode, strict) => {
    it.each(submitTwice)('credentials: %s sends one Authorize', async (_name, twice) => {
      bank.hold();
      const view = widget({}, { strict });
      await typeCredentials(view, 'greatday_nomfa');
      await twice(view, 'Connect', screen.getByLabelText('Password'));
      await waitFor(() => expect(bank.waiting).toHaveLength(1));
      bank.release();
      expect(await screen.findByRole('heading', { name: 'Connection complete' })).toBeInTheDocument();
      expect(authorizeCalls()).toHaveLength(1);
      expect(view.events().filter((name) => name === 'SUBMIT_CREDENTIAL')).toHaveLength(1);
      expect(view.onSuccess).toHaveBeenCalledTimes(1);
    });

    it.each(submitTwice)('MFA: %s sends one answer', async (_name, twice) => {
      const view = widget({}, { strict });
      await typeCredentials(view, 'Greatday');
      await view.user.click(screen.getByRole('button', { name: 'Connect' }));
      const answer = await screen.findByLabelText(CITY.prompt);
      await view.user.type(answer, CITY.answer);
      bank.hold();
      await twice(view, 'Continue', answer);
      await waitFor(() => expect(bank.waiting).toHaveLength(1));
      bank.release();
      expect(await screen.findByRole('heading', { name: 'Connection complete' })).toBeInTheDocument();
      expect(authorizeCalls()).toHaveLength(2);
      expect(view.events().filter((name) => name === 'SUBMIT_MFA')).toHaveLength(1);
      expect(view.events()).not.toContain('ERROR');
    });
  });
});

describe('unmounted mid-request', () => {
  it.each([
    ['signing in', 'greatday_nomfa', '/Authorize'],
    ['answering MFA', 'Greatday', '/Authorize'],
  ])('while %s: the request is aborted, and the host hears nothing more', async (_name, username, path) => {
    const errors = vi.spyOn(console, 'error');
    const view = widget();
    await typeCredentials(view, username);
    if (username === 'Greatday') {
      await view.user.click(screen.getByRole('button', { name: 'Connect' }));
      await view.user.type(await screen.findByLabelText(CITY.prompt), CITY.answer);
      bank.hold();
      await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    } else {
      bank.hold();
      await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    }
    await waitFor(() => expect(bank.waiting).toHaveLength(1));
    const inFlight = received.at(-1);
    expect(inFlight?.path).toMatch(new RegExp(`${path}$`));
    const heard = view.onEvent.mock.calls.length;

    view.unmount();
    await waitFor(() => expect(inFlight?.signal.aborted).toBe(true));
    bank.release();
    // Let the released answer travel back: nothing may come of it.
    for (let turn = 0; turn < 5; turn++) await act(() => new Promise((resolve) => setImmediate(resolve)));
    expect(view.onEvent.mock.calls.length).toBe(heard);
    expect(view.onSuccess).not.toHaveBeenCalled();
    expect(view.onExit).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it('while gathering the accounts: the data call is aborted too', async () => {
    const view = widget();
    await typeCredentials(view, 'greatday_nomfa');
    // The account data call is held: its answer never comes while the widget is there.
    let dataRequest: Request | null = null;
    server.use(
      http.post('*/GetAccountsSummary', ({ request }) => {
        dataRequest = request;
        return new Promise<Response>(() => {});
      }),
    );
    await view.user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(dataRequest).not.toBeNull());
    const heard = view.onEvent.mock.calls.length;
    view.unmount();
    await waitFor(() => expect(dataRequest?.signal.aborted).toBe(true));
    expect(view.onEvent.mock.calls.length).toBe(heard);
  });
});
