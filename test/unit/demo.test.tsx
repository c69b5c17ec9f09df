import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Demo } from '../../src/demo/Demo';
import { demoMessages } from '../../src/demo/messages';
import { describePersona } from '../../src/demo/personas';
import type { DemoSettings } from '../../src/demo/settings';
import { envelope } from '../../src/embed/protocol';
import type { Language } from '../../src/i18n/types';
import { FLINKS_CAPITAL_QUESTIONS, createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';
import { personaFor, SANDBOX_PERSONAS } from '../../src/sandbox/personas';

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0 });
/** The demo's stand-in for the partner's backend: every run gets a session (the sandbox here does not check them). */
const demoSessions = http.post('*/demo/sessions', () =>
  HttpResponse.json(
    { sessionToken: 'demo-session-token', expiresAt: '2030-01-01T00:00:00.000Z' },
    { status: 201 },
  ),
);
const server = setupServer(...sandboxHandlers(sandbox), demoSessions);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

/** The widget loads its later screens and its French text on demand: on a busy machine that takes a moment. */
const LAZY = { timeout: 5_000 };
const LAZY_TEST_MS = 20_000;

const ENGLISH: DemoSettings = {
  language: 'en',
  theme: 'light',
  consentEnable: true,
  accountSelectorEnable: false,
};

function demo(initial: Partial<DemoSettings> = {}) {
  const user = userEvent.setup();
  const view = render(<Demo apiBaseUrl={apiBaseUrl} initial={{ ...ENGLISH, ...initial }} />);
  return { ...view, user };
}

function frame(): HTMLIFrameElement {
  return screen.getByTitle(
    /Connect your bank account|Connexion de votre compte bancaire/,
  ) as HTMLIFrameElement;
}

/** The iframe appears once its run has a connect session from the demo's stand-in backend. */
async function findFrame(): Promise<void> {
  await waitFor(() => expect(frame().getAttribute('src')).toMatch(/sessionToken=/));
}

function frameParams(): URLSearchParams {
  return new URL(frame().src).searchParams;
}

/** A message from the embed page, as the browser delivers it: from the widget's origin and its iframe's window. */
function postFromFrame(data: unknown) {
  act(() => {
    window.dispatchEvent(
      new MessageEvent('message', { data, origin: window.location.origin, source: frame().contentWindow }),
    );
  });
}

function eventLog() {
  return screen.getByRole('log', { name: 'Event log' });
}

/** The log's lines, newest first, as text. */
function loggedLines(): string[] {
  return within(eventLog())
    .queryAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('the demo host page', () => {
  it('is a lender page with landmarks and one heading to start from', () => {
    demo();
    expect(screen.getByRole('banner')).toHaveTextContent('Maple Lending');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/fictional lender/);
    expect(screen.getByRole('heading', { level: 1, name: 'Confirm your income' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });

  it('lists every sandbox persona with what it does, from the sandbox data', () => {
    demo();
    const table = screen.getByRole('table', { name: 'Test usernames' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(SANDBOX_PERSONAS.length);
    for (const [index, persona] of SANDBOX_PERSONAS.entries()) {
      const row = rows[index];
      if (row === undefined) throw new Error(`no row for ${persona.username}`);
      expect(within(row).getByRole('rowheader')).toHaveTextContent(persona.username);
      expect(within(row).getByRole('button', { name: `Copy ${persona.username}` })).toBeInTheDocument();
      expect(row).toHaveTextContent(describePersona(persona, demoMessages.en, 'en'));
      for (const code of persona.codes) expect(row).toHaveTextContent(code);
    }
    expect(screen.getByText(/Password for every username/)).toHaveTextContent('Everyday');
  });

  it('gives the MFA answers, the one-time code and the triangle to pick', () => {
    demo();
    const table = screen.getByRole('table', { name: 'Answers to the security questions' });
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      expect(within(table).getByRole('row', { name: `${prompt} ${answer}` })).toBeInTheDocument();
    }
    expect(within(table).getByRole('row', { name: /streets.*Rue Sherbrooke/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /code sent 123456/ })).toBeInTheDocument();
    expect(within(table).getByRole('img', { name: 'A triangle' })).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\/png;base64,/),
    );
  });

  it('copies a username and says so', async () => {
    const { user } = demo();
    await user.click(screen.getByRole('button', { name: 'Copy test_mfa_image' }));
    expect(await screen.findByText('test_mfa_image is copied.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe('test_mfa_image');
  });
});

describe('the event log', () => {
  it('shows what both embeds send, newest first, and clears', async () => {
    const { user } = demo();
    await screen.findByRole('heading', { name: 'Connect your bank account', level: 2 });
    expect(loggedLines()[0]).toMatch(/^Component COMPONENT_LOAD_CONSENT \{\}$/);
    await findFrame();

    postFromFrame(envelope('APP_RESIZE', { height: 480 }));
    postFromFrame(envelope('INSTITUTION_SELECTED', { institution: 'FlinksCapital' }));
    expect(loggedLines()[0]).toBe('Iframe INSTITUTION_SELECTED {"institution":"FlinksCapital"}');
    expect(loggedLines().join('\n')).not.toContain('APP_RESIZE');

    await user.click(screen.getByRole('checkbox', { name: /Show APP_RESIZE/ }));
    expect(loggedLines()[1]).toBe('Iframe APP_RESIZE {"height":480}');

    await user.click(screen.getByRole('button', { name: 'Clear the log' }));
    expect(within(eventLog()).getByText('No events yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear the log' })).toBeDisabled();
  });

  it('ignores a message that does not come from the iframe', () => {
    demo();
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', {
          data: envelope('REDIRECT', {
            loginId: 'l',
            requestId: 'r',
            institution: null,
            tag: null,
            url: 'https://shop.example/done?loginId=l',
          }),
          origin: window.location.origin,
          source: window,
        }),
      );
    });
    expect(loggedLines().join('\n')).not.toContain('REDIRECT');
  });

  it(
    'follows a Greatday connection through the component to REDIRECT and onSuccess',
    async () => {
      const { user } = demo({ consentEnable: false });
      await user.click(await screen.findByRole('button', { name: 'Flinks Capital' }));
      await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
      await user.type(screen.getByLabelText('Password'), 'Everyday');
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      await screen.findByRole('heading', { name: /needs to confirm it’s you/ }, LAZY);
      for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
        const field = screen.queryByLabelText(prompt);
        if (field) await user.type(field, answer);
      }
      await user.click(screen.getByRole('button', { name: 'Continue' }));

      expect(await screen.findByText(/^onSuccess received: login .+\.$/, {}, LAZY)).toBeInTheDocument();
      expect(loggedLines()[0]).toMatch(/^Component REDIRECT \{"loginId":".+","requestId":".+"/);
      const log = loggedLines().join('\n');
      for (const secret of ['Everyday', ...FLINKS_CAPITAL_QUESTIONS.map((question) => question.answer)]) {
        expect(log).not.toContain(secret);
      }
    },
    LAZY_TEST_MS,
  );
});

describe('the switches', () => {
  it(
    'changes the language without losing the component’s progress, and reloads the iframe in French',
    async () => {
      const { user } = demo();
      await user.click(await screen.findByRole('button', { name: 'Agree and continue' }));
      expect(await screen.findByRole('heading', { name: 'Choose your bank' })).toBeInTheDocument();

      await user.click(screen.getByRole('radio', { name: 'Français' }));
      expect(
        await screen.findByRole('heading', { name: 'Choisissez votre institution financière' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1, name: 'Confirmez votre revenu' })).toBeInTheDocument();
      expect(document.documentElement).toHaveAttribute('lang', 'fr');
      expect(frameParams().get('language')).toBe('fr');

      await user.click(screen.getByRole('button', { name: 'Recommencer' }));
      expect(await screen.findByRole('button', { name: 'Accepter et continuer' })).toBeInTheDocument();
    },
    LAZY_TEST_MS,
  );

  it.each<
    [string, (user: ReturnType<typeof userEvent.setup>) => Promise<void>, Record<string, string | null>]
  >([
    ['the dark theme', (user) => user.click(screen.getByRole('radio', { name: 'Dark' })), { theme: 'dark' }],
    [
      'no consent screen',
      (user) => user.click(screen.getByRole('checkbox', { name: 'Start with the consent screen' })),
      { consentEnable: 'false' },
    ],
    [
      'the account selector',
      (user) => user.click(screen.getByRole('checkbox', { name: 'Let the person pick one account' })),
      { accountSelectorEnable: 'true' },
    ],
  ])('passes %s to the iframe', async (_, change, expected) => {
    const { user } = demo();
    await findFrame();
    expect(Object.fromEntries(frameParams())).toMatchObject({
      sessionToken: 'demo-session-token',
      demo: 'true',
      language: 'en',
      theme: 'light',
      customerName: 'Maple Lending',
      // The lender asks for the account pay goes into: no card on the account choice.
      productType: 'banking',
      consentEnable: 'true',
      parentOrigin: window.location.origin,
    });
    await change(user);
    for (const [name, value] of Object.entries(expected)) expect(frameParams().get(name)).toBe(value);
  });

  it('starts the component over when an option changes', async () => {
    const { user } = demo();
    await user.click(await screen.findByRole('button', { name: 'Agree and continue' }));
    await screen.findByRole('heading', { name: 'Choose your bank' });
    await user.click(screen.getByRole('checkbox', { name: 'Let the person pick one account' }));
    expect(await screen.findByRole('button', { name: 'Agree and continue' })).toBeInTheDocument();
  });
});

describe('describePersona', () => {
  it.each<[string, Language, string]>([
    ['Greatday', 'en', 'Asks one of the birth city, the best country or the favourite shape, then connects.'],
    ['test_mfa_rounds', 'en', 'Asks the birth city, then the best country, then connects.'],
    [
      'test_mfa_triple',
      'fr',
      'Demande la ville natale, le meilleur pays et la forme préférée, toutes à la fois, puis se connecte.',
    ],
    ['test_mfa_no_retry', 'en', 'Asks the birth city, then connects. A wrong answer ends the session.'],
    ['test_disabled_account', 'fr', 'Ouverture de session refusée avec HTTP 401.'],
    [
      'test_pending',
      'en',
      'Connects at once, with no security question. The account data stays in processing for a few seconds.',
    ],
    [
      'test_no_transaction',
      'en',
      'Connects at once, with no security question. The account data calls are refused with HTTP 400.',
    ],
  ])('%s in %s', (username, language, expected) => {
    const persona = personaFor(username);
    if (persona === undefined) throw new Error(`no persona ${username}`);
    expect(describePersona(persona, demoMessages[language], language)).toBe(expected);
  });
});
