import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { format, loadMessages, messagesFor, type Language } from '../../src/i18n';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';
import { loadLaterSteps } from '../../src/widget/laterSteps';

// The forms, the security check and the controls of the customer-ready review (issue 25, items 11 to 21), walked
// through the whole widget against the sandbox in English and in French, every phrase from the language's catalog.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0 });
const server = setupServer(...sandboxHandlers(sandbox));
const BANK = 'Flinks Capital';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await Promise.all([loadMessages('en'), loadMessages('fr'), loadLaterSteps()]);
});
afterEach(() => sandbox.reset());
afterAll(() => server.close());

function widget(language: Language, props: Partial<ConnectWidgetProps> = {}) {
  const onEvent = vi.fn();
  const onExit = vi.fn();
  const user = userEvent.setup();
  render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution="FlinksCapital"
      language={language}
      onEvent={onEvent}
      onExit={onExit}
      {...props}
    />,
  );
  const m = messagesFor(language);
  const t = (template: string, values: Record<string, string | number> = {}) =>
    format(template, { bank: BANK, ...values });
  return { user, m, t, onEvent, onExit };
}

const LANGUAGES = ['en', 'fr'] as const;

describe.each(LANGUAGES)('the password toggle (%s)', (language) => {
  it('says what it will do: "Show password", then "Hide password" once the password shows', async () => {
    const { m, user } = widget(language);
    const password = await screen.findByLabelText(m.ui.credentials.password, { selector: 'input' });
    await user.type(password, 'Everyday');
    await user.click(screen.getByRole('button', { name: m.ui.credentials.showPassword }));
    expect(password).toHaveAttribute('type', 'text');
    const hide = screen.getByRole('button', { name: m.ui.credentials.hidePassword });
    // The name says the state: no "pressed" on top of it, which would read "Hide password, pressed".
    expect(hide).not.toHaveAttribute('aria-pressed');
    expect(screen.queryByRole('button', { name: m.ui.credentials.showPassword })).not.toBeInTheDocument();
    await user.click(hide);
    expect(password).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: m.ui.credentials.showPassword })).toBeVisible();
  });
});
