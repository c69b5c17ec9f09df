import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { LOCKED_ATTRIBUTE, takeHeldSubmit } from '../../src/embed/hydration';

// The embed page's first script (src/embed/held-submit.ts) notes Enter pressed in the server's sign-in form before the
// widget's script runs; the widget takes it once (page.tsx). The script as built: test/node/held-submit.test.ts; in a
// browser, with the widget's script held back: test/e2e/first-screen.test.ts.

beforeAll(async () => {
  await import('../../src/embed/held-submit');
});
afterEach(() => {
  takeHeldSubmit(window);
  document.body.replaceChildren();
});

/** The server's sign-in form as it stands before the widget's script runs: its Connect locked. */
function serverForm({ locked = true } = {}) {
  document.body.innerHTML = `
    <form novalidate>
      <label for="u">Username</label><input id="u" type="text" autocomplete="username">
      <label for="p">Password</label><input id="p" type="password" autocomplete="current-password">
      <button type="button">Show password</button>
      <button type="submit" ${locked ? `disabled ${LOCKED_ATTRIBUTE}` : ''}>Connect</button>
    </form>`;
  return document.querySelector('form') as HTMLFormElement;
}

it('keeps the form Enter was pressed in while its Connect is locked, for the widget to take once', async () => {
  const form = serverForm();
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), 'Greatday');
  await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
  expect(takeHeldSubmit(window)).toBe(form);
  // Taken once: a second look finds nothing.
  expect(takeHeldSubmit(window)).toBeUndefined();
});

it('keeps nothing for keys that do not send a form', async () => {
  serverForm();
  const user = userEvent.setup();
  const password = screen.getByLabelText('Password');
  await user.type(password, 'secret');
  // A word still being composed (an input method), another key, Enter on the show-password button.
  password.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true }));
  await user.keyboard('{Tab}');
  screen.getByRole('button', { name: 'Show password' }).focus();
  await user.keyboard('{Enter}');
  expect(takeHeldSubmit(window)).toBeUndefined();
});

it('keeps nothing once the widget runs the form (its Connect released)', async () => {
  serverForm({ locked: false });
  await userEvent.setup().type(screen.getByLabelText('Password'), 'secret{Enter}');
  expect(takeHeldSubmit(window)).toBeUndefined();
});

it('gives nothing back when the form pressed is no longer in the page (the widget drew its own)', async () => {
  serverForm();
  await userEvent.setup().type(screen.getByLabelText('Password'), 'secret{Enter}');
  document.body.replaceChildren();
  expect(takeHeldSubmit(window)).toBeUndefined();
});
