import { virtual } from '@guidepup/virtual-screen-reader';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { messagesFor, type Language } from '../../src/i18n';
import { format } from '../../src/i18n/format';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// What a screen reader says on each step of a persona's flow, with a virtual screen reader (@guidepup): the heading
// when a step arrives, the bank's answer once, in both languages.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, now: () => Date.now() });
const server = setupServer(...sandboxHandlers(sandbox));
const BANK = 'Flinks Capital';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await virtual.stop();
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

async function start(language: Language) {
  const user = userEvent.setup();
  render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" language={language} />);
  const m = messagesFor(language);
  await screen.findByLabelText(m.ui.credentials.username);
  await virtual.start({ container: document.body });
  return { user, m };
}

async function signIn(language: Language, username: string, password = 'Everyday') {
  const { user, m } = await start(language);
  await user.type(screen.getByLabelText(m.ui.credentials.username), username);
  await user.type(screen.getByLabelText(m.ui.credentials.password), password);
  await user.click(screen.getByRole('button', { name: m.ui.credentials.submit }));
  return { user, m };
}

const count = (log: string[], text: string) => log.filter((phrase) => phrase.includes(text)).length;

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it('Greatday: the security check’s heading is announced on arrival', async () => {
    const { m } = await signIn(language, 'Greatday');
    const title = format(m.mfa.title, { bank: BANK });
    await screen.findByRole('heading', { name: title });
    const log = await virtual.spokenPhraseLog();
    // The heading, with the intro it is described by, once, on arrival.
    expect(count(log, title)).toBe(1);
    expect(log.at(-1)).toContain(title);
    expect(log.at(-1)).toContain(format(m.mfa.intro, { bank: BANK }));
  });

  it('another password: reading the form through, the bank’s answer is heard once and the field says what to do', async () => {
    const { m } = await signIn(language, 'Greatday', 'Wrongday');
    const { title, body } = m.guidance.codes.INVALID_PASSWORD;
    await screen.findByRole('alert');
    expect(count(await virtual.spokenPhraseLog(), format(m.ui.credentials.title, { bank: BANK }))).toBe(1);
    await virtual.clearSpokenPhraseLog();
    for (let step = 0; step < 30; step += 1) await virtual.next();
    const log = await virtual.spokenPhraseLog();
    expect(count(log, title)).toBe(1);
    expect(count(log, format(body, { bank: BANK }))).toBe(1);
    expect(count(log, m.screens.credentials.fieldError.password)).toBeGreaterThanOrEqual(1);
    expect(log.some((phrase) => phrase.includes(m.guidance.actions.forgotPassword))).toBe(true);
  });
});
