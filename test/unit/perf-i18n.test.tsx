import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

/*
 * In a production bundle only the first screens' English ships with the widget: the later screens' text is a chunk
 * per language, and French is chunks loaded the first time it is shown. Tests normally get every string up front
 * (src/i18n/all.ts puts every catalog in memory); here that module is replaced, so text loads as it does in the
 * embed page and in a partner's build.
 */
vi.mock('../../src/i18n/all', () => ({ messagesFor: () => undefined }));

const API = 'https://sandbox.test/v3/any/BankingServices';

const sandbox = createSandbox({ latencyMs: 0 });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

/** In the page and not hidden by a Suspense fallback (React hides suspended content with `display: none`). */
function isShown(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (!node.isConnected || getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

async function freshWidget() {
  const { ConnectWidget } = await import('../../src/ConnectWidget');
  const i18n = await import('../../src/i18n');
  return { ConnectWidget, ...i18n };
}

describe("the later screens' text, loaded when the person starts to sign in", () => {
  it('is not fetched for the sign-in form, and is once the person is on it', async () => {
    const { ConnectWidget, loadedMessages } = await freshWidget();
    const user = userEvent.setup();
    render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" />);

    await screen.findByRole('heading', { name: 'Sign in to Flinks Capital' });
    expect(loadedMessages('en')).toBeUndefined();

    await user.click(screen.getByLabelText('Username or card number'));
    await waitFor(() => expect(loadedMessages('en')).toBeDefined());
  });

  it("shows a wrong password's message on the form, from the text fetched meanwhile", async () => {
    const { ConnectWidget } = await freshWidget();
    const user = userEvent.setup();
    render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" />);
    await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
    await user.type(screen.getByLabelText('Password', { exact: true }), 'Wrongday');
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Flinks Capital didn’t accept this password');
    expect(screen.getByLabelText('Username or card number')).toHaveValue('Greatday');
  });
});

describe('French, loaded on demand', () => {
  it('is not in memory until the widget shows it; the French form needs only its first part', async () => {
    const { ConnectWidget, loadedMessages, loadedUiMessages } = await freshWidget();
    expect(loadedUiMessages('fr')).toBeUndefined();

    // Awaited: the widget suspends on the catalog, and React's test mode retries only inside an awaited act.
    await act(async () => {
      render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" language="fr" />);
    });

    expect(
      await screen.findByRole('heading', { name: 'Ouvrez une session chez Flinks Capital' }),
    ).toBeInTheDocument();
    expect(loadedUiMessages('fr')).toBeDefined();
    expect(loadedMessages('fr')).toBeUndefined();
  });

  it('keeps English on screen, and what was typed, while French loads mid-flow', async () => {
    const { ConnectWidget, loadUiMessages } = await freshWidget();
    const user = userEvent.setup();
    const view = render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" />);
    await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');

    const english = screen.getByLabelText('Username or card number');
    // Looked at the moment the French chunk arrives, before React renders with it.
    let shownWhileLoading: boolean | null = null;
    void loadUiMessages('fr').then(() => {
      shownWhileLoading = isShown(english);
    });

    await act(async () => {
      view.rerender(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" language="fr" />);
    });

    expect(shownWhileLoading).toBe(true);
    expect(screen.getByLabelText('Nom d’utilisateur ou numéro de carte')).toHaveValue('Greatday');
  });
});
