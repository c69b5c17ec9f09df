// The README's Jest recipe, run as written: the sandbox bank answering through MSW, Greatday signed in through the
// security question, onSuccess called with the login.
const { render, screen, waitFor } = require('@testing-library/react');
const userEvent = require('@testing-library/user-event').default;
const { setupServer } = require('msw/node');
const { ConnectWidget } = require('@connect-widget/react');
const {
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_PASSWORD,
} = require('@connect-widget/react/sandbox');
const { sandboxHandlers } = require('@connect-widget/react/sandbox/msw');
require('@connect-widget/react/style.css');

// `question: 0`: Greatday is always asked the first question, so the test passes every time.
const server = setupServer(...sandboxHandlers(createSandbox({ latencyMs: 0, question: 0 })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

test('connects Greatday through the security question', async () => {
  const user = userEvent.setup();
  const onSuccess = jest.fn();
  render(
    <ConnectWidget
      apiBaseUrl="https://bank.test/v3/any-customer/BankingServices"
      institution="FlinksCapital"
      onSuccess={onSuccess}
    />,
  );
  await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
  await user.type(screen.getByLabelText('Password'), SANDBOX_PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  const { prompt, answer } = FLINKS_CAPITAL_QUESTIONS[0];
  await user.type(await screen.findByLabelText(prompt), answer);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await waitFor(
    () => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ institution: 'FlinksCapital' })),
    {
      timeout: 10000,
    },
  );
}, 30000);
