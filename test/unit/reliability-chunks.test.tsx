import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// The screens after sign-in are their own chunk. When it cannot be downloaded (the connection dropped at that
// moment), the widget must say so and let the person try again, never go blank. (The retry that fetches the
// chunk anew is checked in Chromium, test/e2e/embed-security.test.ts: Vitest's module mocks cannot fail only once.)

vi.mock('../../src/steps/later', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const server = setupServer(...sandboxHandlers(createSandbox({ latencyMs: 0, now: () => Date.now() })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('shows a retry screen, never a blank one, when a later screen cannot load', async () => {
  const user = userEvent.setup();
  render(
    <ConnectWidget
      apiBaseUrl="http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices"
      institution="FlinksCapital"
      demo
    />,
  );
  await user.type(screen.getByLabelText(/username/i), 'greatday_nomfa');
  await user.type(screen.getByLabelText(/^password/i), 'Everyday');
  await user.keyboard('{Enter}');

  const heading = await screen.findByRole('heading', { name: 'This screen didn’t load' });
  expect(heading).toHaveFocus();
});
