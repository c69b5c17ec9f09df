import { render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentConfig } from '../../src/embed/config';
import { colourCode, EmbedPage, hasColours } from '../../src/embed/page';

// The widget itself is not what is under test: the page's colours are.
vi.mock('../../src/ConnectWidget', () => ({ ConnectWidget: () => <div className="cw-widget">widget</div> }));

const config: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240000,
};
const HOST = 'parentOrigin=https%3A%2F%2Fshop.example';

function renderPage(search: string) {
  const { container } = render(
    <EmbedPage
      config={config}
      search={search}
      parent={{ postMessage: vi.fn() } as unknown as Window}
      view={window}
      navigate={vi.fn()}
    />,
  );
  const root = container.querySelector('.cw-embed');
  if (!(root instanceof HTMLElement)) throw new Error('no embed root');
  return root;
}

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the colour parameters’ code', () => {
  it('is asked for only by a URL with a colour parameter', () => {
    expect(hasColours(`?${HOST}&backgroundColor=ffffff`)).toBe(true);
    expect(hasColours(`?${HOST}&foregroundColor1=0b5cad`)).toBe(true);
    expect(hasColours(`?${HOST}&theme=dark&boxLayout=true`)).toBe(false);
  });

  // Runs first in this file: nothing has fetched the colours' code yet.
  it('is not fetched without a colour parameter; with one, the colours arrive with it when it was not fetched ahead', async () => {
    const plain = renderPage(`${HOST}&theme=dark`);
    expect(plain.getAttribute('style') ?? '').toBe('');
    expect(colourCode.current()).toBeUndefined();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const root = renderPage(`${HOST}&backgroundColor=1b1f24&foregroundColor1=ffcc00`);
    await waitFor(() => expect(root.style.getPropertyValue('--cw-color-surface')).toBe('#1b1f24'));
    expect(root.style.getPropertyValue('--cw-color-accent')).toBe('#ffcc00');
    expect(root.style.getPropertyValue('--cw-color-text')).not.toBe('#1b1f24');
    expect(colourCode.current()).toBeDefined();
    // Said from an effect after the colours are on the page: it may come a moment after them.
    await waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/backgroundColor #1b1f24 .*4\.5:1/)),
    );
  });
});
