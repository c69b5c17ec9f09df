import { findInstitution } from '../../src/institutions';
import { BANK_PAGES } from '../../src/institutions/pages';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { DEVELOPER_MESSAGES } from '../../src/guidance/developer';
import { GUIDANCE, type GuidanceAction, type GuidanceCode } from '../../src/guidance';
import { actionLabel, guidanceText } from '../../src/i18n';
import { messagesFor } from '../../src/i18n';
import { createSandbox, FLINKS_CAPITAL_QUESTIONS } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';
import { shownActions } from '../../src/steps/guidance';

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, now: () => Date.now() });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
  vi.useRealTimers();
});
afterAll(() => server.close());

// Every sandbox bank behaves like Flinks Capital; RBC has a website, so the "go to the bank's site" actions show.
const BANK = { id: 'RBC', name: 'RBC Royal Bank', website: 'https://www.rbcroyalbank.com' };
const en = messagesFor('en');
const REQUEST_ID = 'c0ffee42-0000-4000-8000-000000000000';

type User = ReturnType<typeof userEvent.setup>;

/** How a code is brought about: a sandbox persona where one exists, else an MSW override of that one answer. */
interface Scenario {
  username?: string;
  password?: string;
  /** Wrong passwords in a row before the last one. */
  repeat?: number;
  /** On the MFA screen: answer wrongly, or rightly. */
  mfa?: 'wrong' | 'right';
  handlers?: HttpHandler[];
  props?: Partial<ConnectWidgetProps>;
  /** Nothing to type: the widget starts by itself (resume). */
  noSignIn?: boolean;
  /** The code comes from the account data call: "try again" asks for the data again. */
  fromData?: boolean;
  /** The code the API sends, when it differs from the map's key. */
  received?: string;
}

function flinksError(status: number, code: string, requestId = REQUEST_ID) {
  return HttpResponse.json(
    {
      HttpStatusCode: status,
      FlinksCode: code,
      Message: 'The sandbox was told to say so.',
      RequestId: requestId,
    },
    { status },
  );
}

/** Answers the credential Authorize itself (the MFA answers still go to the sandbox). */
const onSignIn = (reply: () => Response | Promise<Response>) =>
  http.post('*/Authorize', async ({ request }) => {
    const body = (await request.clone().json()) as Record<string, unknown>;
    return body.Username ? reply() : undefined;
  });

/** Answers the MFA answer itself (on the same RequestId), after the sandbox has seen it when `forward` is set. */
const onAnswer = (reply: (requestId: string) => Response, forward = false) =>
  http.post('*/Authorize', async ({ request }) => {
    const body = (await request.clone().json()) as { SecurityResponses?: unknown; RequestId?: string };
    if (!body.SecurityResponses) return undefined;
    if (forward) await sandbox.fetch(request.clone());
    return reply(body.RequestId ?? REQUEST_ID);
  });

const persona = (username: string): Scenario => ({ username });

/**
 * Back from the bank's OAuth page in the whole window: the page hands its address to the widget, which collects the
 * outcome from the connect server (here MSW answers for it).
 */
const oauthReturn = (reply: () => Response): Scenario => ({
  noSignIn: true,
  props: {
    receivedRedirectUri: `https://shop.example/back?state=${'s'.repeat(43)}&error=x&institution=${BANK.id}`,
  },
  handlers: [http.post('*/v3/oauth/redeem', reply)],
});

const SCENARIOS = {
  INVALID_USERNAME: persona('nobody_at_this_bank'),
  INVALID_PASSWORD: { username: 'Greatday', password: 'Wrongday' },
  INVALID_LOGIN: persona('test_invalid_login'),
  MAXIMUM_RETRY_REACHED: { username: 'Greatday', password: 'Wrongday', repeat: 3 },
  INVALID_SECURITY_RESPONSE: { username: 'Greatday', mfa: 'wrong' },
  INVALID_SECURITY_RESPONSE_NO_RETRY: { username: 'test_mfa_no_retry', mfa: 'wrong' },
  SECURITYRESPONSES_INCOMPLETE: {
    username: 'test_mfa_triple',
    mfa: 'right',
    handlers: [onAnswer(() => flinksError(401, 'SECURITYRESPONSES_INCOMPLETE'))],
  },
  UNKNOWN_CHALLENGE_KEY: {
    username: 'Greatday',
    mfa: 'right',
    handlers: [onAnswer(() => flinksError(401, 'UNKNOWN_CHALLENGE_KEY'))],
  },
  QUESTION_NOT_FOUND: persona('test_question_not_found'),
  NEW_ACCOUNT: persona('test_new_account'),
  DISABLED_LOGIN: persona('test_disabled_account'),
  UNAUTHORIZED: persona('test_unauthorized'),
  RETRY_LATER: persona('test_service_unavailable'),
  AGGREGATION_ERROR: persona('test_aggregation_error'),
  TOO_MANY_REQUESTS: persona('test_too_many_requests'),
  NETWORK_ERROR: { handlers: [onSignIn(() => HttpResponse.error())] },
  TIMEOUT: {
    props: { requestTimeoutMs: 50 },
    handlers: [
      onSignIn(async () => {
        await delay('infinite');
        return new Response();
      }),
    ],
  },
  CONCURRENT_SESSION: persona('test_concurrent_session'),
  CARD_IN_USE: persona('test_card_in_use'),
  SESSION_EXPIRED: {
    username: 'Greatday',
    mfa: 'right',
    handlers: [onAnswer(() => flinksError(401, 'SESSION_EXPIRED'))],
  },
  SESSION_NONEXISTENT: { noSignIn: true, props: { requestId: 'never-issued-request' } },
  OPERATION_PENDING: persona('test_pending'),
  OPERATION_DISPATCHED: persona('test_dispatched'),
  ALREADY_AUTHORIZED: {
    username: 'Greatday',
    mfa: 'right',
    handlers: [onAnswer((requestId) => flinksError(401, 'ALREADY_AUTHORIZED', requestId), true)],
  },
  DISABLED_INSTITUTION: persona('test_disabled_institution'),
  NO_TRANSACTION: { username: 'test_no_transaction', fromData: true },
  INVALID_REQUEST: { handlers: [onSignIn(() => flinksError(400, 'INVALID_REQUEST'))] },
  ACCESS_DENIED: { props: { authorizeToken: 'a-token-nobody-minted' } },
  METHOD_NOT_AVAILABLE: { username: 'test_method_not_available', fromData: true },
  MALFORMED_RESPONSE: {
    handlers: [onSignIn(() => new HttpResponse('<html>Bad gateway</html>', { status: 200 }))],
  },
  UNKNOWN: { username: 'test_unknown_code', received: 'SOMETHING_NEW' },
  OAUTH_DENIED: oauthReturn(() => HttpResponse.json({ HttpStatusCode: 200, error: 'access_denied' })),
  OAUTH_CANCELLED: oauthReturn(() => HttpResponse.json({ HttpStatusCode: 200, error: 'cancelled' })),
  OAUTH_STATE_INVALID: oauthReturn(() => flinksError(409, 'OAUTH_STATE_INVALID')),
} satisfies Record<GuidanceCode, Scenario>;

async function signIn(user: User, username: string, password: string) {
  await user.type(await screen.findByLabelText('Username or card number'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Connect' }));
}

async function answerMfa(user: User, how: 'wrong' | 'right') {
  await screen.findByRole('heading', { name: `${BANK.name} needs to confirm it’s you` });
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = screen.queryByLabelText(prompt);
    if (field) await user.type(field, how === 'right' ? answer : 'Nowhere');
  }
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** Brings the widget to the code, and returns what the person typed. */
async function drive(code: GuidanceCode, scenario: Scenario) {
  if (scenario.handlers) server.use(...scenario.handlers);
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const onEvent = vi.fn();
  const onExit = vi.fn();
  render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution={BANK.id}
      pollIntervalMs={60_000}
      onEvent={onEvent}
      onExit={onExit}
      {...scenario.props}
    />,
  );
  const username = scenario.noSignIn ? '' : (scenario.username ?? 'greatday_nomfa');
  if (!scenario.noSignIn) {
    await signIn(user, username, scenario.password ?? 'Everyday');
    for (let attempt = 2; attempt <= (scenario.repeat ?? 1); attempt += 1) {
      await user.type(await screen.findByLabelText('Password'), `${scenario.password ?? 'Everyday'}{Enter}`);
    }
    if (scenario.mfa) await answerMfa(user, scenario.mfa);
  }
  const automatic = GUIDANCE[code].retry.automatic;
  if (automatic) {
    await screen.findByText(en.guidance.retryingSoon);
    await act(() => vi.advanceTimersByTimeAsync(automatic.delayMs));
  }
  return { user, onEvent, onExit, username };
}

const errorsOf = (onEvent: ReturnType<typeof vi.fn>) =>
  onEvent.mock.calls
    .filter(([name]) => name === 'ERROR')
    .map(([, metadata]) => metadata as { flinksCode: string });

describe('the guidance map, one screen per entry', () => {
  it.each(Object.keys(GUIDANCE) as GuidanceCode[])('%s', async (code) => {
    const scenario: Scenario = SCENARIOS[code];
    const entry = GUIDANCE[code];
    const received = scenario.received ?? code;
    const { user, onEvent, username } = await drive(code, scenario);
    const text = guidanceText(received, en, { language: 'en', bank: BANK.name });

    switch (entry.kind) {
      case 'field': {
        const heading = await screen.findByRole('heading', { name: `Sign in to ${BANK.name}` });
        expect(heading).toHaveFocus();
        expect(screen.getByRole('alert')).toHaveTextContent(text.title);
        const usernameField = screen.getByLabelText('Username or card number');
        const passwordField = screen.getByLabelText('Password');
        expect(usernameField).toHaveValue(username);
        expect(passwordField).toHaveValue('');
        expect(passwordField.getAttribute('aria-invalid') === 'true').toBe(entry.field !== 'username');
        expect(usernameField.getAttribute('aria-invalid') === 'true').toBe(entry.field !== 'password');
        // The alert speaks once, and says it once: each marked field points at it as its error (aria-errormessage),
        // without reading it again; a password is described by the calm note that it was emptied.
        expect(screen.getAllByRole('alert')).toHaveLength(1);
        expect(screen.getByRole('alert')).not.toHaveTextContent(`${text.title} ${text.title}`);
        // The intro is hidden while the bank's answer shows.
        expect(
          screen.queryByText(en.ui.credentials.intro.replace('{bank}', BANK.name)),
        ).not.toBeInTheDocument();
        if (entry.field !== 'password') {
          expect(usernameField).toHaveAttribute('aria-errormessage', screen.getByRole('alert').id);
          expect(usernameField).not.toHaveAccessibleDescription(expect.stringContaining(text.title));
          expect(screen.getByRole('link', { name: /^Forgot your username\?/ })).toBeInTheDocument();
        }
        if (entry.field !== 'username') {
          expect(passwordField).toHaveAttribute('aria-errormessage', screen.getByRole('alert').id);
          expect(passwordField).toHaveAccessibleDescription(en.screens.credentials.notes.cleared);
          expect(screen.getByText(en.screens.credentials.notes.cleared)).not.toHaveClass('cw-field-error');
        }
        expect(screen.getByRole('link', { name: /^Forgot your password\?/ })).toBeInTheDocument();
        expectSupportReference(document.body, received, onEvent);
        break;
      }
      case 'mfa':
        expect(await screen.findByRole('alert')).toHaveTextContent(text.title);
        expect(
          screen.getByRole('heading', { name: `${BANK.name} needs to confirm it’s you` }),
        ).toBeInTheDocument();
        break;
      case 'wait': {
        expect(await screen.findByRole('heading', { name: text.title })).toBeInTheDocument();
        expect(screen.getByRole('progressbar')).toBeInTheDocument();
        const offered = entry.actions.filter((action) => action !== 'exit');
        for (const action of offered) {
          expect(
            screen.getByRole('button', { name: actionLabel(action, en, BANK.name) }),
          ).toBeInTheDocument();
        }
        break;
      }
      case 'none':
        expect(await screen.findByRole('heading', { name: 'Connection complete' })).toHaveFocus();
        break;
      default: {
        const heading = await screen.findByRole('heading', { name: text.title });
        expect(heading).toHaveFocus();
        expect(screen.getByText(text.body)).toBeInTheDocument();
        expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
        const screenRegion = heading.closest('section') as HTMLElement;
        const shown = shownActions(entry.actions, { bankWebsite: BANK.website, exitEnable: true });
        const controls = [...screenRegion.querySelectorAll('button, a')].map(
          (control) => control.textContent,
        );
        // "Try again" that opens the sign-in form again is named for it: "Sign in again".
        const named = (action: GuidanceAction) =>
          action === 'tryAgain' && !scenario.fromData ? 'reenter' : action;
        expect(controls).toEqual(
          shown.map((action) =>
            ['openBankSite', 'contactBank', 'forgotPassword', 'forgotUsername'].includes(action)
              ? `${actionLabel(action, en, BANK.name)} ${en.ui.widget.opensInNewTab}`
              : actionLabel(named(action), en, BANK.name),
          ),
        );
        const rbc = findInstitution(BANK.id);
        for (const link of within(screenRegion).queryAllByRole('link')) {
          // "How to contact" goes to the bank's contact page in the screen's language; the others to its website.
          const expected = link.textContent?.startsWith(actionLabel('contactBank', en, BANK.name))
            ? BANK_PAGES[rbc?.id ?? '']?.contactUrl?.en
            : BANK.website;
          expect(link).toHaveAttribute('href', expected);
          expect(link).toHaveAttribute('target', '_blank');
          expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
        }
        expectSupportReference(screenRegion, received, onEvent);
      }
    }

    // ERROR: once per code received or raised, with where it happened.
    const expectedErrors =
      entry.kind === 'wait' ? 0 : entry.retry.automatic ? entry.retry.automatic.times + 1 : 1;
    const errors = errorsOf(onEvent).filter((error) => error.flinksCode === received);
    expect(errors).toHaveLength(expectedErrors);
    for (const error of errors) {
      expect(error).toEqual({
        flinksCode: received,
        requestId: expect.toBeOneOf([expect.any(String), null]),
        institution: BANK.id,
      });
    }
    expect(JSON.stringify(onEvent.mock.calls)).not.toContain('Everyday');

    // What "try again" keeps: the username, never the password.
    if (entry.kind === 'field' || entry.kind === 'mfa' || entry.kind === 'wait' || entry.kind === 'none')
      return;
    const actions: readonly GuidanceAction[] = entry.actions;
    const retry = actions.find((action) =>
      ['tryAgain', 'reenter', 'startAgain', 'doneTryAgain'].includes(action),
    );
    if (!retry) return;
    const countdown = entry.retry.countdownSeconds;
    // "Try again" that opens the sign-in form again says so; from the account data it asks the bank again.
    const signsIn = retry === 'tryAgain' && !scenario.fromData;
    const button = screen.getByRole('button', {
      name: actionLabel(signsIn ? 'reenter' : retry, en, BANK.name),
    });
    if (countdown) {
      expect(screen.getByRole('timer')).toHaveTextContent(
        signsIn
          ? `You can sign in again in ${countdown} seconds.`
          : `You can try again in ${countdown} seconds.`,
      );
      await user.click(button);
      expect(screen.getByRole('heading', { name: text.title })).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(countdown * 1_000));
    }
    await user.click(button);
    if (scenario.fromData) {
      expect(await screen.findByRole('heading', { name: text.title })).toHaveFocus();
      expect(errorsOf(onEvent).filter((error) => error.flinksCode === received)).toHaveLength(2);
      return;
    }
    expect(await screen.findByRole('heading', { name: `Sign in to ${BANK.name}` })).toHaveFocus();
    expect(screen.getByLabelText('Username or card number')).toHaveValue(username);
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});

describe('guidance details', () => {
  it('uses the reconnect text for INVALID_LOGIN on a saved login', async () => {
    render(
      <ConnectWidget apiBaseUrl={apiBaseUrl} institution={BANK.id} loginId="a-login-that-was-deleted" />,
    );
    const text = guidanceText('INVALID_LOGIN', en, { language: 'en', bank: BANK.name, variant: 'reconnect' });
    expect(await screen.findByRole('alert')).toHaveTextContent(text.body);
  });

  it('applies the integrator overrides, in the current language', async () => {
    server.use(onSignIn(() => flinksError(401, 'NEW_ACCOUNT')));
    const user = userEvent.setup();
    render(
      <ConnectWidget
        apiBaseUrl={apiBaseUrl}
        institution={BANK.id}
        guidanceOverrides={{ en: { NEW_ACCOUNT: { title: 'Accept the new terms at {bank}' } } }}
      />,
    );
    await signIn(user, 'anyone', 'Everyday');
    expect(
      await screen.findByRole('heading', { name: `Accept the new terms at ${BANK.name}` }),
    ).toHaveFocus();
  });

  it('reports the code and a developer message through onExit', async () => {
    const { user, onExit } = await drive('DISABLED_LOGIN', SCENARIOS.DISABLED_LOGIN);
    // The guidance screen's Exit, not the processing screen's (still there for a moment on React 18).
    const text = guidanceText('DISABLED_LOGIN', en, { language: 'en', bank: BANK.name });
    await screen.findByRole('heading', { name: text.title });
    await user.click(screen.getByRole('button', { name: 'Exit' }));
    await waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
    expect(onExit).toHaveBeenCalledWith(
      {
        flinksCode: 'DISABLED_LOGIN',
        developerMessage: DEVELOPER_MESSAGES.DISABLED_LOGIN,
        requestId: expect.any(String),
        // One error shape for the component, the frame and /connect.js (issue 27): the bank comes along.
        institution: BANK.id,
      },
      expect.objectContaining({ step: 'guidance', flinksCode: 'DISABLED_LOGIN', institution: BANK.id }),
    );
  });

  it('tries NETWORK_ERROR again by itself once the device is back online', async () => {
    const { onEvent } = await drive('NETWORK_ERROR', SCENARIOS.NETWORK_ERROR);
    await screen.findByRole('heading', { name: en.guidance.codes.NETWORK_ERROR.title });
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { name: `Sign in to ${BANK.name}` })).toHaveFocus();
    expect(onEvent).toHaveBeenCalledWith('APP_ONLINE', {});
  });

  it('shows French guidance with the French bank name', async () => {
    server.use(onSignIn(() => flinksError(401, 'DISABLED_LOGIN')));
    const user = userEvent.setup();
    render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution={BANK.id} language="fr" />);
    await user.type(await screen.findByLabelText('Nom d’utilisateur ou numéro de carte'), 'quelqu’un');
    await user.type(screen.getByLabelText('Mot de passe'), 'secret{Enter}');
    const fr = messagesFor('fr');
    const text = guidanceText('DISABLED_LOGIN', fr, { language: 'fr', bank: 'RBC Banque Royale' });
    expect(await screen.findByRole('heading', { name: text.title })).toBeInTheDocument();
    expect(screen.getByText(/^Référence/)).toBeInTheDocument();
  });
});

/**
 * The small print for support: the RequestId's first 8 characters the ERROR event carried, under the buttons; never
 * the code, which is the developer's.
 */
function expectSupportReference(
  region: HTMLElement,
  code: string,
  onEvent: { mock: { calls: unknown[][] } },
) {
  const errors = onEvent.mock.calls.filter(([name]) => name === 'ERROR');
  const { requestId } = (errors.at(-1)?.[1] ?? {}) as { requestId?: string | null };
  if (requestId) {
    const reference = within(region).getByText(`Support reference: ${requestId.slice(0, 8)}`);
    const buttons = within(region).queryAllByRole('button');
    const last = buttons.at(-1);
    if (last) expect(last.compareDocumentPosition(reference) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }
  expect(region).not.toHaveTextContent(code);
}
