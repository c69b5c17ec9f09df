import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * In a production bundle French is its own chunk, loaded the first time it is shown. Tests normally get it up front
 * (src/i18n/all.ts puts every catalog in memory); here that module is replaced, so French loads as it does in the
 * embed page and in a partner's build.
 */
vi.mock('../../src/i18n/all', () => ({ messagesFor: () => undefined }));

const API = 'https://sandbox.test/v3/any/BankingServices';

beforeEach(() => {
  vi.resetModules();
});

/** In the page and not hidden by a Suspense fallback (React hides suspended content with `display: none`). */
function isShown(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (!node.isConnected || getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

async function freshWidget() {
  const { ConnectWidget } = await import('../../src/ConnectWidget');
  const { loadedMessages, loadMessages } = await import('../../src/i18n');
  return { ConnectWidget, loadedMessages, loadMessages };
}

describe('French, loaded on demand', () => {
  it('is not in memory until the widget shows it, then renders the French form', async () => {
    const { ConnectWidget, loadedMessages } = await freshWidget();
    expect(loadedMessages('fr')).toBeUndefined();

    // Awaited: the widget suspends on the catalog, and React's test mode retries only inside an awaited act.
    await act(async () => {
      render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" language="fr" />);
    });

    expect(
      await screen.findByRole('heading', { name: 'Ouvrez une session chez Flinks Capital' }),
    ).toBeInTheDocument();
    expect(loadedMessages('fr')).toBeDefined();
  });

  it('keeps English on screen, and what was typed, while French loads mid-flow', async () => {
    const { ConnectWidget, loadMessages } = await freshWidget();
    const user = userEvent.setup();
    const view = render(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" />);
    await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');

    const english = screen.getByLabelText('Username or card number');
    // Looked at the moment the French chunk arrives, before React renders with it.
    let shownWhileLoading: boolean | null = null;
    void loadMessages('fr').then(() => {
      shownWhileLoading = isShown(english);
    });

    await act(async () => {
      view.rerender(<ConnectWidget apiBaseUrl={API} institution="FlinksCapital" language="fr" />);
    });

    expect(shownWhileLoading).toBe(true);
    expect(screen.getByLabelText('Nom d’utilisateur ou numéro de carte')).toHaveValue('Greatday');
  });
});
