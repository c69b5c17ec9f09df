import { render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { messagesFor, type Language } from '../../src/i18n';
import { BANK_PAGES } from '../../src/institutions/pages';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// The bank's "forgot password" page comes with the later chunk (src/institutions/pages.ts). Until it is in, the sign-in
// form must not offer a link to the bank's home page in its place: the link shows once its own address is known.
// Its own file: the later chunk is not in yet when the first test renders.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, now: () => Date.now() });
const server = setupServer(...sandboxHandlers(sandbox));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Every address a link named `name` held, from the first render on. */
function watchLinks(name: string) {
  const seen: string[] = [];
  const record = () => {
    for (const link of document.querySelectorAll('a')) {
      if (link.textContent?.includes(name)) seen.push(link.href);
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  return { seen, record, stop: () => observer.disconnect() };
}

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it('the sign-in form’s “forgot password” link points at the bank’s own page from the moment it shows', async () => {
    const m = messagesFor(language);
    const expected = new URL(BANK_PAGES.FlinksCapital?.forgotPasswordUrl?.[language] ?? '', apiBaseUrl).href;
    const links = watchLinks(m.ui.credentials.forgotPassword);
    render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" language={language} />);
    links.record();
    const link = await screen.findByRole('link', {
      name: new RegExp(m.ui.credentials.forgotPassword.replace('?', '\\?')),
    });
    links.stop();
    expect(link).toHaveAttribute('href', expected);
    expect(links.seen.length).toBeGreaterThan(0);
    expect(new Set(links.seen)).toEqual(new Set([expected]));
  });
});
