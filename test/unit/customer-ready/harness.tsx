import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../../src/ConnectWidget';
import { format, guidanceText, loadMessages, messagesFor, type Language } from '../../../src/i18n';
import { createSandbox } from '../../../src/sandbox';
import { sandboxHandlers } from '../../../src/sandbox/msw';
import { SANDBOX_PASSWORD } from '../../../src/sandbox/personas';
import { loadLaterSteps } from '../../../src/widget/laterSteps';

/**
 * The whole widget against the sandbox (through MSW), in English or French, for the tests of the customer-ready review
 * (issue 25): every phrase a test looks for comes from the catalog of the language under test.
 */

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

/** The sandbox bank, as sentences name it (its OAuth twin is listed as "Flinks Capital (OAuth)"). */
export const BANK = 'Flinks Capital';

export const LANGUAGES = ['en', 'fr'] as const;

/** One sandbox and one MSW server for the test file; each test starts from a fresh sandbox and the sandbox's routes. */
export function sandboxPerFile() {
  const sandbox = createSandbox({ latencyMs: 0 });
  const server = setupServer(...sandboxHandlers(sandbox));
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    await Promise.all([loadMessages('en'), loadMessages('fr'), loadLaterSteps()]);
  });
  afterEach(() => {
    sandbox.reset();
    server.resetHandlers();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
  afterAll(() => server.close());
  return { sandbox, server };
}

/** Renders the widget on Flinks Capital's sign-in, and what a test reads it with. */
export function widget(language: Language, props: Partial<ConnectWidgetProps> = {}) {
  const onEvent = vi.fn();
  const onExit = vi.fn();
  const onSuccess = vi.fn();
  const user = userEvent.setup({
    advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined),
  });
  render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution="FlinksCapital"
      language={language}
      onEvent={onEvent}
      onExit={onExit}
      onSuccess={onSuccess}
      {...props}
    />,
  );
  const m = messagesFor(language);
  const t = (template: string, values: Record<string, string | number> = {}) =>
    format(template, { bank: BANK, ...values });
  const guidance = (code: string) => guidanceText(code, m, { language, bank: BANK });
  const events = () => onEvent.mock.calls.map(([name]) => name as string);
  return { user, m, t, guidance, onEvent, onExit, onSuccess, events };
}

export type Widget = ReturnType<typeof widget>;

/** Signs in as a sandbox persona (the field is emptied first: a form may keep the last username). */
export async function signIn({ user, m }: Widget, username: string, password = SANDBOX_PASSWORD) {
  const field = await screen.findByLabelText(m.ui.credentials.username);
  await user.clear(field);
  await user.type(field, username);
  await user.type(screen.getByLabelText(m.ui.credentials.password, { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: m.ui.credentials.submit }));
}
