import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { DEVELOPER_MESSAGES } from '../../src/guidance/developer';
import { FLINKS_CAPITAL_QUESTIONS, SANDBOX_ONE_TIME_CODE, createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';
import { withoutGuids } from '../without-guids';

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
// The clock is read at each call, so fake timers move the sandbox's pending windows and session TTL too.
const sandbox = createSandbox({ latencyMs: 0, now: () => Date.now() });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
  vi.useRealTimers();
});
afterAll(() => server.close());

type User = ReturnType<typeof userEvent.setup>;

/** Every secret a test types: none may ever leave through an event, onSuccess or onExit. */
const SECRETS = [
  'Everyday',
  'Wrongday',
  ...FLINKS_CAPITAL_QUESTIONS.map((q) => q.answer),
  SANDBOX_ONE_TIME_CODE,
];

function widget(
  props: Partial<ConnectWidgetProps> = {},
  options: { strict?: boolean; fakeTimers?: boolean } = {},
) {
  const onEvent = vi.fn();
  const onSuccess = vi.fn();
  const onExit = vi.fn();
  if (options.fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: vi.advanceTimersByTime } : {});
  const element = (extra: Partial<ConnectWidgetProps> = {}) => {
    const tree = (
      <ConnectWidget
        apiBaseUrl={apiBaseUrl}
        institution="FlinksCapital"
        onEvent={onEvent}
        onSuccess={onSuccess}
        onExit={onExit}
        {...props}
        {...extra}
      />
    );
    return options.strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  const view = render(element());
  const events = () => onEvent.mock.calls.map(([name]) => name as string);
  const payloads = () =>
    withoutGuids(JSON.stringify([onEvent.mock.calls, onSuccess.mock.calls, onExit.mock.calls]));
  return {
    ...view,
    user,
    onEvent,
    onSuccess,
    onExit,
    events,
    payloads,
    rerenderWith: (extra: Partial<ConnectWidgetProps>) => view.rerender(element(extra)),
  };
}

async function signIn(user: User, username: string, password = 'Everyday') {
  await user.type(await screen.findByLabelText('Username or card number'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Connect' }));
}

/** Answers whichever of Flinks Capital's questions is on screen. */
async function answerQuestions(user: User) {
  await screen.findByRole('heading', { name: /needs to confirm it’s you/ });
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = screen.queryByLabelText(prompt);
    if (field) await user.type(field, answer);
  }
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

function authorizeCalls() {
  return sandbox.log.filter((entry) => entry.path.endsWith('/Authorize')).length;
}

/** The LoginId is the sandbox's own: a cached Authorize with it is accepted. */
async function expectSandboxLogin(loginId: string) {
  const response = await fetch(`${apiBaseUrl}/Authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ LoginId: loginId, MostRecentCached: true }),
  });
  expect([200, 202]).toContain(response.status);
}

async function expectSuccess(view: ReturnType<typeof widget>) {
  expect(await screen.findByRole('heading', { name: 'Connection complete' })).toHaveFocus();
  const calls = authorizeCalls();
  expect(view.onSuccess).toHaveBeenCalledTimes(1);
  const [success] = view.onSuccess.mock.calls[0] as [{ loginId: string; requestId: string }];
  const redirect = view.onEvent.mock.calls.at(-1);
  expect(redirect).toEqual([
    'REDIRECT',
    expect.objectContaining({
      loginId: success.loginId,
      requestId: success.requestId,
      institution: 'FlinksCapital',
    }),
  ]);
  // The same payload as <ConnectFrame>'s and /connect.js's onSuccess: REDIRECT's fields, tag included.
  expect(success).toEqual(redirect?.[1]);
  expect(success).toHaveProperty('tag');
  await expectSandboxLogin(success.loginId);
  for (const secret of SECRETS) expect(view.payloads()).not.toContain(secret);
  return { ...success, authorizeCalls: calls };
}

describe('the happy path', () => {
  it('connects greatday_nomfa and ends with REDIRECT + onSuccess', async () => {
    const view = widget();
    await signIn(view.user, 'greatday_nomfa');
    await expectSuccess(view);
    expect(view.events()).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CREDENTIAL',
      'SUBMIT_CREDENTIAL',
      'REDIRECT',
    ]);
  });
});

describe('each MFA kind, end to end', () => {
  const choose = (name: string | RegExp) => async (user: User) => {
    await user.click(await screen.findByRole('radio', { name }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
  };

  it.each<[string, (user: User) => Promise<void>, string[]]>([
    ['Greatday', answerQuestions, ['QuestionAndAnswer']],
    ['test_mfa_triple', answerQuestions, ['QuestionAndAnswer']],
    [
      'test_mfa_rounds',
      async (user) => {
        await answerQuestions(user);
        await screen.findByText(/has one more check/);
        await answerQuestions(user);
      },
      ['QuestionAndAnswer'],
    ],
    ['test_mfa_choice', choose('Rue Sherbrooke'), ['MultipleChoice']],
    [
      'test_mfa_multiple',
      async (user) => {
        await user.click(await screen.findByRole('checkbox', { name: 'A bicycle' }));
        await user.click(screen.getByRole('checkbox', { name: 'A canoe' }));
        await user.click(screen.getByRole('button', { name: 'Continue' }));
      },
      ['MultipleChoiceMultipleAnswers'],
    ],
    [
      'test_mfa_text_or_call',
      async (user) => {
        await user.click(await screen.findByRole('radio', { name: 'Number ending in 42' }));
        await choose('Text me')(user);
        const code = await screen.findByLabelText(/We sent a security code by text message/);
        expect(code).toHaveAttribute('autocomplete', 'one-time-code');
        await user.type(code, `${SANDBOX_ONE_TIME_CODE}{Enter}`);
      },
      ['TextOrCall'],
    ],
    ['test_mfa_image', choose('Image 2 of 3'), ['ImageSelection']],
  ])('%s', async (username, answer, mfaTypes) => {
    const view = widget();
    await signIn(view.user, username);
    await answer(view.user);
    await expectSuccess(view);
    expect(view.onEvent).toHaveBeenCalledWith('COMPONENT_LOAD_MFA', { mfaTypes });
    expect(view.events().filter((name) => name === 'ERROR')).toEqual([]);
  });

  it('goes back from MFA to the credential form with the username kept', async () => {
    const view = widget();
    await signIn(view.user, 'Greatday');
    await view.user.click(await screen.findByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Flinks Capital' })).toHaveFocus();
    expect(screen.getByLabelText('Username or card number')).toHaveValue('Greatday');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});

describe('processing', () => {
  it('polls OPERATION_PENDING on the Async endpoint every pollIntervalMs, with visible progress', async () => {
    const view = widget({ pollIntervalMs: 1_000 }, { fakeTimers: true });
    await signIn(view.user, 'test_pending');
    expect(await screen.findByRole('heading', { name: 'Gathering your accounts' })).toBeInTheDocument();
    // Staged words and a bar, no "Step 1 of 4" (the host's page may count its own steps).
    expect(screen.queryByText(/Step \d of \d/)).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toBeInTheDocument();
    const asyncCalls = () => sandbox.log.filter((entry) => entry.path.includes('Async')).length;
    expect(asyncCalls()).toBe(0);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(asyncCalls()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    await expectSuccess(view);
    expect(asyncCalls()).toBeGreaterThanOrEqual(3);
  });

  it('offers "finish now" on OPERATION_DISPATCHED, with the loginId', async () => {
    const view = widget({ pollIntervalMs: 60_000 });
    await signIn(view.user, 'test_dispatched');
    expect(
      await screen.findByRole('heading', { name: 'Flinks Capital is responding slowly' }),
    ).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(screen.queryByRole('button', { name: 'Keep waiting' })).not.toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Continue now' }));
    await expectSuccess(view);
  });

  it('keeps polling a dispatched login until the Async endpoint answers', async () => {
    const view = widget({ pollIntervalMs: 1_000 }, { fakeTimers: true });
    await signIn(view.user, 'test_dispatched');
    await screen.findByRole('heading', { name: 'Flinks Capital is responding slowly' });
    await act(() => vi.advanceTimersByTimeAsync(4_000));
    await expectSuccess(view);
  });

  it('gives up polling at pollTimeoutMs', async () => {
    server.use(
      ...sandboxHandlers(createSandbox({ latencyMs: 0, pendingMs: 10 * 60_000, now: () => Date.now() })),
    );
    const view = widget({ pollIntervalMs: 1_000, pollTimeoutMs: 5_000 }, { fakeTimers: true });
    await signIn(view.user, 'test_pending');
    await screen.findByRole('heading', { name: 'Gathering your accounts' });
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(await screen.findByRole('heading', { name: 'Flinks Capital is taking too long' })).toHaveFocus();
    expect(view.onEvent).toHaveBeenCalledWith('ERROR', expect.objectContaining({ flinksCode: 'TIMEOUT' }));
  });
});

describe('account selection', () => {
  it('lists the accounts, then ACCOUNT_SELECTED and REDIRECT carry the chosen account', async () => {
    const view = widget({ accountSelectorEnable: true, customerName: 'Acme Lending' });
    await signIn(view.user, 'greatday_nomfa');
    expect(
      await screen.findByRole('heading', { name: 'Which account should Acme Lending use?' }),
    ).toHaveFocus();
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Select one of the accounts to continue.');
    const radios = screen.getAllByRole('radio');
    const load = view.onEvent.mock.calls.find(([name]) => name === 'COMPONENT_LOAD_ACCOUNT_SELECTION');
    expect(load?.[1]).toEqual({ totalAccounts: radios.length, displayedAccounts: radios.length });
    await view.user.click(radios[1] as HTMLElement);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await expectSuccess(view);
    const [selected] = view.onEvent.mock.calls.filter(([name]) => name === 'ACCOUNT_SELECTED');
    const accountId = (selected?.[1] as { accountId: string }).accountId;
    expect(radios[1]).toHaveAttribute('value', accountId);
    expect(view.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ accountId }));
    expect(view.events().slice(-2)).toEqual(['ACCOUNT_SELECTED', 'REDIRECT']);
  });
});

describe('keyboard only', () => {
  /** Presses Tab until `target` has focus: the test fails if it is not reachable. */
  async function tabTo(user: User, target: HTMLElement) {
    for (let presses = 0; presses < 10 && document.activeElement !== target; presses += 1) await user.tab();
    expect(target).toHaveFocus();
  }

  it('connects with Tab, Enter, Space and typing', async () => {
    const view = widget({ institution: undefined, demo: true, consentEnable: true });
    const { user } = view;
    await tabTo(user, screen.getByRole('button', { name: 'Agree and continue' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Choose your bank' })).toHaveFocus();
    await tabTo(user, screen.getByRole('searchbox', { name: 'Search for your bank' }));
    await user.keyboard('flinks');
    // Flinks Capital, and Flinks Capital (OAuth) signing in on its own page.
    await screen.findByText('2 banks match.');
    await tabTo(user, screen.getByRole('button', { name: 'Flinks Capital' }));
    await user.keyboard(' ');
    expect(await screen.findByRole('heading', { name: 'Sign in to Flinks Capital' })).toHaveFocus();
    await tabTo(user, screen.getByLabelText('Username or card number'));
    await user.keyboard('Greatday');
    await user.tab();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard('Everyday{Enter}');
    expect(await screen.findByRole('heading', { name: /needs to confirm it’s you/ })).toHaveFocus();
    const question = FLINKS_CAPITAL_QUESTIONS.find(({ prompt }) => screen.queryByLabelText(prompt));
    await tabTo(user, screen.getByLabelText(question?.prompt ?? ''));
    await user.keyboard(`${question?.answer}{Enter}`);
    await expectSuccess(view);
  });
});

describe('retry limit', () => {
  it('locks out after 3 wrong passwords in a row, keeping the username each time', async () => {
    const view = widget();
    await signIn(view.user, 'Greatday', 'Wrongday');
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      const password = await screen.findByLabelText('Password');
      expect(password).toHaveValue('');
      expect(password).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByLabelText('Username or card number')).toHaveValue('Greatday');
      await view.user.type(password, 'Wrongday{Enter}');
    }
    expect(
      await screen.findByRole('heading', { name: 'Too many tries at Flinks Capital for now' }),
    ).toHaveFocus();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    expect(view.events().slice(-3)).toEqual(['ERROR', 'MAXIMUM_RETRY_REACHED', 'ERROR']);
    expect(view.onEvent).toHaveBeenLastCalledWith('ERROR', {
      flinksCode: 'MAXIMUM_RETRY_REACHED',
      requestId: expect.any(String),
      institution: 'FlinksCapital',
    });
    expect(view.events().filter((name) => name === 'COMPONENT_LOAD_CREDENTIAL_RETRY')).toHaveLength(2);
    expect(authorizeCalls()).toBe(3);
  });

  it('warns on the last MFA try', async () => {
    const view = widget();
    await signIn(view.user, 'test_mfa_rounds');
    const field = await screen.findByLabelText(FLINKS_CAPITAL_QUESTIONS[0].prompt);
    await view.user.type(field, 'Toronto{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Flinks Capital didn’t accept this answer');
    await view.user.clear(screen.getByLabelText(FLINKS_CAPITAL_QUESTIONS[0].prompt));
    await view.user.type(screen.getByLabelText(FLINKS_CAPITAL_QUESTIONS[0].prompt), 'Ottawa{Enter}');
    expect(await screen.findByText(/one try left/)).toBeInTheDocument();
    expect(view.events().filter((name) => name === 'COMPONENT_LOAD_MFA_RETRY')).toHaveLength(2);
  });
});

describe('session expiry', () => {
  it('shows the countdown under 2 minutes, then SESSION_EXPIRED without waiting for the server', async () => {
    const view = widget({}, { fakeTimers: true });
    await signIn(view.user, 'Greatday');
    await screen.findByRole('heading', { name: /needs to confirm it’s you/ });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(6.5 * 60_000));
    expect(screen.getByRole('timer')).toHaveTextContent(/Time left: 1:[23]\d/);
    const calls = sandbox.log.length;
    await act(() => vi.advanceTimersByTimeAsync(1.5 * 60_000));
    expect(await screen.findByRole('heading', { name: 'Your session closed' })).toHaveFocus();
    expect(sandbox.log.length).toBe(calls);
    expect(view.onEvent).toHaveBeenCalledWith(
      'ERROR',
      expect.objectContaining({ flinksCode: 'SESSION_EXPIRED' }),
    );
    await view.user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByLabelText('Username or card number')).toHaveValue('Greatday');
  });
});

describe('StrictMode', () => {
  it('sends exactly 2 Authorize calls for Greatday and no event twice', async () => {
    const view = widget({}, { strict: true });
    await signIn(view.user, 'Greatday');
    await answerQuestions(view.user);
    expect((await expectSuccess(view)).authorizeCalls).toBe(2);
    expect(view.events()).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CREDENTIAL',
      'SUBMIT_CREDENTIAL',
      'COMPONENT_LOAD_MFA',
      'SUBMIT_MFA',
      'REDIRECT',
    ]);
  });

  it('resumes at MFA from a requestId with one Authorize call', async () => {
    const opened = await fetch(`${apiBaseUrl}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        Institution: 'FlinksCapital',
        Username: 'test_mfa_choice',
        Password: 'Everyday',
      }),
    });
    const { RequestId } = (await opened.json()) as { RequestId: string };
    const view = widget({ requestId: RequestId }, { strict: true });
    await view.user.click(await screen.findByRole('radio', { name: 'Rue Sherbrooke' }));
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await expectSuccess(view)).authorizeCalls).toBe(3);
    expect(view.events().filter((name) => name === 'COMPONENT_LOAD_MFA')).toHaveLength(1);
  });

  it('names the bank of a resumed session from the 203, and goes Back to its sign-in form', async () => {
    const opened = await fetch(`${apiBaseUrl}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday' }),
    });
    const { RequestId } = (await opened.json()) as { RequestId: string };
    const view = widget({ requestId: RequestId, institution: undefined });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Flinks Capital needs to confirm it’s you' }),
    ).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Sign in to Flinks Capital' }),
    ).toBeInTheDocument();
    await view.user.type(screen.getByLabelText('Username or card number'), 'greatday_nomfa');
    await view.user.type(screen.getByLabelText('Password'), 'Everyday{Enter}');
    await expectSuccess(view);
  });
});

describe('reconnect', () => {
  it('refreshes a saved login from its loginId', async () => {
    const first = widget();
    await signIn(first.user, 'greatday_nomfa');
    const { loginId } = await expectSuccess(first);
    first.unmount();
    const second = widget({ loginId, pollIntervalMs: 1_000 }, { fakeTimers: true });
    await screen.findByRole('heading', { name: 'Gathering your accounts' });
    await act(() => vi.advanceTimersByTimeAsync(4_000));
    await expectSuccess(second);
    expect(second.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ loginId }));
  });

  it('asks to sign in again, with the reconnect text, when the loginId is gone', async () => {
    const view = widget({ loginId: 'no-such-login' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This saved connection to Flinks Capital no longer exists',
    );
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(view.onEvent).toHaveBeenCalledWith(
      'ERROR',
      expect.objectContaining({ flinksCode: 'INVALID_LOGIN' }),
    );
  });
});

describe('language', () => {
  it('switches mid-flow without losing the username or sending anything', async () => {
    const view = widget();
    await view.user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
    const before = sandbox.log.length;
    view.rerenderWith({ language: 'fr' });
    expect(screen.getByLabelText('Nom d’utilisateur ou numéro de carte')).toHaveValue('Greatday');
    expect(
      screen.getByRole('heading', { name: 'Ouvrez une session chez Flinks Capital' }),
    ).toBeInTheDocument();
    expect(sandbox.log.length).toBe(before);
    expect(view.events()).toEqual(['APP_MOUNTED', 'COMPONENT_LOAD_CREDENTIAL']);
  });

  it('keeps the MFA screen and its answer across a switch', async () => {
    const view = widget();
    await signIn(view.user, 'test_mfa_choice');
    await view.user.click(await screen.findByRole('radio', { name: 'Rue Sherbrooke' }));
    view.rerenderWith({ language: 'fr' });
    expect(screen.getByRole('radio', { name: 'Rue Sherbrooke' })).toBeChecked();
    await view.user.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(await screen.findByRole('heading', { name: 'Connexion réussie' })).toBeInTheDocument();
  });
});

describe('exit', () => {
  it('asks for confirmation mid-connection: focus trapped, Escape cancels, Leave calls onExit', async () => {
    const view = widget();
    await signIn(view.user, 'Greatday');
    await screen.findByRole('heading', { name: /needs to confirm it’s you/ });
    const close = screen.getByRole('button', { name: 'Close' });
    await view.user.click(close);
    const dialog = screen.getByRole('dialog', { name: 'Leave without connecting?' });
    const stay = within(dialog).getByRole('button', { name: 'Stay' });
    const leave = within(dialog).getByRole('button', { name: 'Leave' });
    expect(stay).toHaveFocus();
    await view.user.tab();
    expect(leave).toHaveFocus();
    await view.user.tab();
    expect(stay).toHaveFocus();
    await view.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(close).toHaveFocus();
    expect(view.onExit).not.toHaveBeenCalled();
    await view.user.click(close);
    await view.user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(view.onExit).toHaveBeenCalledTimes(1);
    expect(view.onExit).toHaveBeenCalledWith(
      null,
      expect.objectContaining({ step: 'mfa', institution: 'FlinksCapital' }),
    );
    expect(view.events().at(-1)).toBe('COMPONENT_CLOSE_SESSION');
  });

  it('leaves at once before anything was sent, and reports the error on screen', async () => {
    const view = widget();
    await signIn(view.user, 'Greatday', 'Wrongday');
    await screen.findByRole('alert');
    await view.user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(view.onExit).toHaveBeenCalledTimes(1));
    expect(view.onExit).toHaveBeenCalledWith(
      {
        flinksCode: 'INVALID_PASSWORD',
        developerMessage: DEVELOPER_MESSAGES.INVALID_PASSWORD,
        requestId: expect.any(String),
        institution: 'FlinksCapital',
      },
      expect.objectContaining({ step: 'credentials', flinksCode: 'INVALID_PASSWORD' }),
    );
  });
});

describe('consent', () => {
  it('names the customer, and a refusal closes with onExit(null)', async () => {
    const view = widget({ consentEnable: true, customerName: 'Acme Lending' });
    expect(screen.getByRole('heading', { name: 'Connect your bank account' })).toBeInTheDocument();
    expect(screen.getByText(/Acme Lending uses this secure connection/)).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'No thanks' }));
    expect(view.events()).toEqual([
      'APP_MOUNTED',
      'COMPONENT_CONSENT_INTRO',
      'COMPONENT_LOAD_CONSENT',
      'COMPONENT_DENY_CONSENT',
      'COMPONENT_CLOSE_SESSION',
    ]);
    expect(view.onExit).toHaveBeenCalledWith(null, expect.objectContaining({ step: 'consent' }));
    expect(sandbox.log).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('drops the password and the answers from the react-query cache once sent', async () => {
    const queryClient = new QueryClient();
    const view = widget({ queryClient });
    await signIn(view.user, 'Greatday');
    await answerQuestions(view.user);
    await expectSuccess(view);
    const cached = withoutGuids(
      JSON.stringify(
        queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => mutation.state),
      ),
    );
    for (const secret of SECRETS) expect(cached).not.toContain(secret);
  });

  it('never puts a password or an answer in an event, onSuccess or onExit', async () => {
    const view = widget();
    await signIn(view.user, 'Greatday', 'Wrongday');
    await view.user.type(await screen.findByLabelText('Password'), 'Everyday{Enter}');
    const prompt = await screen.findByRole('textbox');
    await view.user.type(prompt, 'Wrong answer{Enter}');
    await screen.findByRole('alert');
    await view.user.click(screen.getByRole('button', { name: 'Close' }));
    await view.user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(view.onExit).toHaveBeenCalledWith(
      expect.objectContaining({ flinksCode: 'INVALID_SECURITY_RESPONSE' }),
      expect.objectContaining({ step: 'mfa' }),
    );
    for (const secret of [...SECRETS, 'Wrong answer']) expect(view.payloads()).not.toContain(secret);
  });
});
