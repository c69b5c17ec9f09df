import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { en } from '../../src/i18n/en';
import { createSandbox, SANDBOX_PASSWORD } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// `<ConnectWidget>` rendered by a partner's server (`react-dom/server`), then hydrated: before the script runs the form,
// the browser could send it by itself; after, it works and keeps what was typed. On React 19 and on React 18
// (unit-react18). The same in a real browser: test/e2e/server-rendered-widget.test.ts.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0 });
const server = setupServer(...sandboxHandlers(sandbox));
let root: Root | null = null;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.replaceChildren();
  sandbox.reset();
});
afterAll(() => server.close());

function serverDrawn(onSuccess = vi.fn()) {
  const tree = (
    <StrictMode>
      <ConnectWidget apiBaseUrl={apiBaseUrl} demo institution="FlinksCapital" onSuccess={onSuccess} />
    </StrictMode>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(tree);
  document.body.append(container);
  const form = container.querySelector('form');
  if (!form) throw new Error('the server drew no form');
  return { tree, container, form };
}

const fields = () => ({
  username: screen.getByLabelText(en.ui.credentials.username) as HTMLInputElement,
  password: screen.getByLabelText(en.ui.credentials.password) as HTMLInputElement,
  connect: screen.getByRole('button', { name: en.ui.credentials.submit }),
});

it('draws a form the browser cannot send: a disabled Connect that says why, and fields that carry nothing', () => {
  const { form } = serverDrawn();
  const { username, password, connect } = fields();
  username.value = 'Greatday';
  password.value = SANDBOX_PASSWORD;
  // What a native submission of this form would carry: nothing at all.
  expect([...new FormData(form).entries()]).toEqual([]);
  expect(connect).toBeDisabled();
  expect(connect).toHaveAccessibleDescription(en.ui.credentials.waitForScript);
  // The only submit button is the disabled one: pressing Enter in a field sends nothing either.
  expect(
    within(form)
      .getAllByRole('button')
      .filter((button) => button.getAttribute('type') !== 'button'),
  ).toEqual([connect]);
});

it('once hydrated, keeps what was typed before the script ran and connects with it', async () => {
  const onSuccess = vi.fn();
  const { tree, container, form } = serverDrawn(onSuccess);
  const before = fields();
  before.username.value = 'greatday_nomfa';
  before.password.value = SANDBOX_PASSWORD;

  await act(async () => {
    root = hydrateRoot(container, tree);
  });
  const { username, password, connect } = fields();
  // The server's elements, adopted as they were.
  expect(username).toBe(before.username);
  expect(connect).toBeEnabled();
  expect(connect).not.toHaveAccessibleDescription();
  expect(username.value).toBe('greatday_nomfa');
  expect(password.value).toBe(SANDBOX_PASSWORD);
  expect(new FormData(form).get('username')).toBe('greatday_nomfa');

  await userEvent.setup().click(connect);
  await screen.findByRole('heading', { name: en.screens.success.title }, { timeout: 10_000 });
  expect(onSuccess).toHaveBeenCalledOnce();
});
