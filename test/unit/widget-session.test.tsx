import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0 });
const server = setupServer(...sandboxHandlers(sandbox));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

/** The connect server's session check in front of the sandbox: only `valid` sessions get through. */
function requireSessions(valid: Set<string>) {
  const seen: string[] = [];
  server.use(
    http.all(`${apiBaseUrl}/*`, ({ request }) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      seen.push(token);
      if (valid.has(token)) return undefined; // on to the sandbox
      return HttpResponse.json(
        {
          HttpStatusCode: 401,
          FlinksCode: 'ACCESS_DENIED',
          Message: 'This connection needs a valid session.',
        },
        { status: 401, headers: { 'www-authenticate': 'Bearer realm="connect", error="invalid_token"' } },
      );
    }),
  );
  return seen;
}

function widget(props: Partial<ConnectWidgetProps>) {
  const onEvent = vi.fn();
  const onExit = vi.fn();
  const onSuccess = vi.fn();
  render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution="FlinksCapital"
      onEvent={onEvent}
      onExit={onExit}
      onSuccess={onSuccess}
      {...props}
    />,
  );
  return { user: userEvent.setup(), onEvent, onExit, onSuccess };
}

const LABELS = {
  en: { username: 'Username or card number', password: 'Password', submit: 'Connect' },
  fr: {
    username: 'Nom d’utilisateur ou numéro de carte',
    password: 'Mot de passe',
    submit: 'Ouvrir une session',
  },
};

async function signIn(user: ReturnType<typeof userEvent.setup>, language: 'en' | 'fr' = 'en') {
  const labels = LABELS[language];
  await user.type(await screen.findByLabelText(labels.username), 'greatday_nomfa');
  await user.type(screen.getByLabelText(labels.password), 'Everyday');
  await user.click(screen.getByRole('button', { name: labels.submit }));
}

describe('a connect session that ends', () => {
  it('shows the session-ended screen, tells the host through ERROR, and onExit when the person leaves', async () => {
    requireSessions(new Set(['valid-session']));
    const { user, onEvent, onExit } = widget({ sessionToken: 'ended-session', closeEnable: false });
    await signIn(user);

    const heading = await screen.findByRole('heading', { name: 'Your secure session has ended' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/nothing was shared/)).toBeVisible();
    // The code is the developer's (ERROR below); the person never sees it.
    expect(screen.queryByText(/ACCESS_DENIED/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(onEvent).toHaveBeenCalledWith('ERROR', expect.objectContaining({ flinksCode: 'ACCESS_DENIED' }));
    expect(onExit).not.toHaveBeenCalled();

    // The host hid "exit" (closeEnable=false), but leaving is the only way forward here, so it is offered.
    const actions = within(heading.closest('section') ?? document.body).getAllByRole('button');
    expect(actions.map((button) => button.textContent)).toEqual(['Exit']);
    await user.click(actions[0] as HTMLElement);
    expect(onExit).toHaveBeenCalledWith(
      expect.objectContaining({
        flinksCode: 'ACCESS_DENIED',
        developerMessage: expect.stringContaining('/connect/sessions'),
      }),
      expect.objectContaining({ flinksCode: 'ACCESS_DENIED' }),
    );
    expect(JSON.stringify([onEvent.mock.calls, onExit.mock.calls])).not.toMatch(/Everyday|ended-session/);
  });

  it('says so in French', async () => {
    requireSessions(new Set());
    const { user } = widget({ sessionToken: 'ended-session', language: 'fr' });
    await signIn(user, 'fr');
    expect(await screen.findByRole('heading', { name: 'Votre session sécurisée a pris fin' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Quitter' })).toBeVisible();
  });

  it('renews it through getSessionToken without the person noticing', async () => {
    const seen = requireSessions(new Set(['renewed-session']));
    const getSessionToken = vi.fn(() => Promise.resolve('renewed-session'));
    const { user, onSuccess, onEvent } = widget({ sessionToken: 'ended-session', getSessionToken });
    await signIn(user);
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledOnce(), { timeout: 5000 });
    expect(getSessionToken).toHaveBeenCalledOnce();
    expect(seen.slice(0, 2)).toEqual(['ended-session', 'renewed-session']);
    expect(seen.slice(2).every((token) => token === 'renewed-session')).toBe(true);
    expect(onEvent.mock.calls.map(([name]) => name)).not.toContain('ERROR');
  });
});
