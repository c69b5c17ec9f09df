import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../src/ConnectWidget';
import { FLINKS_CAPITAL_QUESTIONS, createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';
import '../../src/i18n/all';
import { fr } from '../../src/i18n/fr';

// termsUrl, accountSelectorMultiple and Enhanced MFA, through the widget against the sandbox (CONTRACT §3, §4).

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const sandbox = createSandbox({ latencyMs: 0, random: () => 0 });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.reset();
});
afterAll(() => server.close());

function widget(props: Partial<ConnectWidgetProps> = {}) {
  const onEvent = vi.fn();
  const onSuccess = vi.fn();
  const onExit = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <ConnectWidget
      apiBaseUrl={apiBaseUrl}
      institution="FlinksCapital"
      onEvent={onEvent}
      onSuccess={onSuccess}
      onExit={onExit}
      {...props}
    />,
  );
  const events = () => onEvent.mock.calls.map(([name]) => name as string);
  const everything = () =>
    JSON.stringify([onEvent.mock.calls, onSuccess.mock.calls, onExit.mock.calls, sandbox.log]);
  return { ...view, user, onEvent, onSuccess, onExit, events, everything };
}

type User = ReturnType<typeof userEvent.setup>;

async function signIn(user: User, username: string) {
  await user.type(await screen.findByLabelText('Username or card number'), username);
  await user.type(screen.getByLabelText('Password'), 'Everyday');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
}

describe('termsUrl', () => {
  const termsUrl = 'https://lender.example/terms';

  it('links the partner’s terms in a new tab, said so to screen readers, and tells the host when opened', async () => {
    const view = widget({ consentEnable: true, termsUrl });
    // The link's name says it opens a new tab (the words are in a visually hidden span).
    const link = await screen.findByRole('link', {
      name: /^Read the terms of use\s*\(opens in a new tab\)$/,
    });
    expect(link).toHaveAttribute('href', termsUrl);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    link.addEventListener('click', (event) => event.preventDefault());
    await view.user.click(link);
    expect(view.events()).toContain('COMPONENT_CLICK_TERMS_URL');
  });

  it('accepting the consent accepts the terms: COMPONENT_ACCEPT_TERMS, then COMPONENT_ACCEPT_CONSENT', async () => {
    const view = widget({ consentEnable: true, termsUrl });
    await view.user.click(await screen.findByRole('button', { name: 'Agree and continue' }));
    const names = view.events();
    expect(names.indexOf('COMPONENT_ACCEPT_TERMS')).toBeGreaterThan(-1);
    expect(names.indexOf('COMPONENT_ACCEPT_TERMS')).toBe(names.indexOf('COMPONENT_ACCEPT_CONSENT') - 1);
  });

  it('declining the consent declines the terms: COMPONENT_DENY_TERMS, then COMPONENT_DENY_CONSENT', async () => {
    const view = widget({ consentEnable: true, termsUrl });
    await view.user.click(await screen.findByRole('button', { name: 'No thanks' }));
    const names = view.events();
    expect(names.indexOf('COMPONENT_DENY_TERMS')).toBe(names.indexOf('COMPONENT_DENY_CONSENT') - 1);
    expect(names).not.toContain('COMPONENT_ACCEPT_TERMS');
  });

  it('shows no terms link, and raises no terms event, without termsUrl or with an address that is not a web page', async () => {
    const view = widget({ consentEnable: true, termsUrl: 'javascript:alert(1)' });
    await screen.findByRole('button', { name: 'Agree and continue' });
    expect(screen.queryByRole('link', { name: /terms of use/ })).not.toBeInTheDocument();
    view.unmount();
    const plain = widget({ consentEnable: true });
    await plain.user.click(await screen.findByRole('button', { name: 'Agree and continue' }));
    expect(plain.events()).not.toContain('COMPONENT_ACCEPT_TERMS');
  });

  it('is written in French too', async () => {
    widget({ consentEnable: true, termsUrl, language: 'fr' });
    expect(
      await screen.findByRole('link', { name: /^Lire les conditions d’utilisation/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('En acceptant, vous consentez aussi aux conditions d’utilisation.', { exact: false }),
    ).toBeInTheDocument();
  });
});

describe('accountSelectorMultiple', () => {
  it('lets the person choose several accounts, with "select all" on a long list; one ACCOUNT_SELECTED each', async () => {
    const view = widget({ accountSelectorMultiple: true, redirectUrl: 'https://lender.example/done' });
    await signIn(view.user, 'test_accounts_many');
    expect(await screen.findByRole('heading', { name: 'Choose your accounts' })).toHaveFocus();
    const group = screen.getByRole('group', { name: 'Your accounts at Flinks Capital' });
    const boxes = within(group).getAllByRole('checkbox');
    // "Select all", then the eight accounts.
    expect(boxes).toHaveLength(9);
    const all = within(group).getByRole('checkbox', { name: 'Select all accounts' });

    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Choose at least one account to continue.')).toBeInTheDocument();
    expect(group).toHaveAttribute('aria-invalid', 'true');

    await view.user.click(all);
    expect(boxes.slice(1).every((box) => (box as HTMLInputElement).checked)).toBe(true);
    await view.user.click(within(group).getByRole('checkbox', { name: /Joint Savings/ }));
    expect((all as HTMLInputElement).indeterminate).toBe(true);
    expect(screen.queryByText('Choose at least one account to continue.')).not.toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    const selected = view.onEvent.mock.calls.filter(([name]) => name === 'ACCOUNT_SELECTED');
    expect(selected).toHaveLength(7);
    const [success] = view.onSuccess.mock.calls[0] as [{ accountIds: string[]; url: string }];
    expect(success.accountIds).toEqual(
      selected.map(([, metadata]) => (metadata as { accountId: string }).accountId),
    );
    const redirect = view.onEvent.mock.calls.at(-1);
    expect(redirect?.[0]).toBe('REDIRECT');
    expect(redirect?.[1]).toMatchObject({ accountIds: success.accountIds });
    expect(new URL(success.url).searchParams.get('accountIds')).toBe(success.accountIds.join(','));
  });

  it('has "select all" only from four accounts on, and one chosen account is fine', async () => {
    const view = widget({ accountSelectorMultiple: true });
    await signIn(view.user, 'greatday_nomfa');
    const group = await screen.findByRole('group', { name: 'Your accounts at Flinks Capital' });
    // The sandbox gives a login two to four accounts (drawn from its LoginId): a short list has no "select all".
    const selectAll = within(group).queryByRole('checkbox', { name: 'Select all accounts' });
    const accounts = within(group)
      .getAllByRole('checkbox')
      .filter((box) => box !== selectAll);
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    if (accounts.length < 4) expect(selectAll).not.toBeInTheDocument();
    else expect(selectAll).toBeInTheDocument();
    const [first] = accounts;
    if (!first) throw new Error('no account');
    await view.user.click(first);
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    expect(view.events().filter((name) => name === 'ACCOUNT_SELECTED')).toHaveLength(1);
    expect(view.onSuccess.mock.calls[0]?.[0]).toMatchObject({ accountIds: [expect.any(String)] });
  });

  it('is written in French too', async () => {
    const view = widget({ accountSelectorMultiple: true, language: 'fr' });
    await view.user.type(
      await screen.findByLabelText('Nom d’utilisateur ou numéro de carte'),
      'test_accounts_many',
    );
    await view.user.type(screen.getByLabelText('Mot de passe'), 'Everyday');
    await view.user.click(screen.getByRole('button', { name: fr.ui.credentials.submit }));
    expect(await screen.findByRole('heading', { name: 'Choisissez vos comptes' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner tous les comptes' })).toBeInTheDocument();
  });
});

describe('Enhanced MFA', () => {
  async function throughSignIn(view: ReturnType<typeof widget>) {
    await signIn(view.user, 'test_enhanced_mfa');
    await view.user.type(await screen.findByLabelText(/What city were you born in\?/), 'Montreal');
    await view.user.click(screen.getByRole('button', { name: 'Continue' }));
  }

  it('asks every stored question after the sign-in, saves the answers, then goes on', async () => {
    const view = widget({ enhancedMFA: true });
    await throughSignIn(view);
    expect(await screen.findByRole('heading', { name: 'Save your security answers' })).toHaveFocus();
    expect(view.onEvent).toHaveBeenCalledWith('ENHANCED_MFA_HAS_QUESTIONS', { totalQuestions: 3 });
    expect(screen.queryByRole('button', { name: 'Skip for now' })).not.toBeInTheDocument();

    // A wrong answer comes back on the screen, with the bank's word, and an ERROR for the host.
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      await view.user.type(screen.getByLabelText(prompt), prompt.includes('country') ? 'France' : answer);
    }
    await view.user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(view.onEvent).toHaveBeenCalledWith(
      'ERROR',
      expect.objectContaining({ flinksCode: 'INVALID_SECURITY_RESPONSE' }),
    );

    const country = screen.getByLabelText(FLINKS_CAPITAL_QUESTIONS[1].prompt);
    await view.user.clear(country);
    await view.user.type(country, 'Canada');
    await view.user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    expect(sandbox.log.filter((entry) => entry.path.endsWith('/AnswerMFAQuestions'))).toHaveLength(2);
    expect(view.events().at(-1)).toBe('REDIRECT');
  });

  it('never puts an answer in an event, a callback, the URL, storage or the request log', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const log = vi.spyOn(console, 'log');
    const view = widget({ enhancedMFA: true });
    await throughSignIn(view);
    await screen.findByRole('heading', { name: 'Save your security answers' });
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      await view.user.type(screen.getByLabelText(prompt), answer);
    }
    await view.user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    const seen = [
      view.everything(),
      location.href,
      JSON.stringify(setItem.mock.calls),
      JSON.stringify(log.mock.calls),
    ];
    for (const { answer } of FLINKS_CAPITAL_QUESTIONS) {
      for (const place of seen) expect(place.toLowerCase()).not.toContain(answer.toLowerCase());
    }
    setItem.mockRestore();
    log.mockRestore();
  });

  it('lets the person skip when skipEnhancedMFA allows it: nothing is saved', async () => {
    const view = widget({ enhancedMFA: true, skipEnhancedMFA: true });
    await throughSignIn(view);
    await screen.findByRole('heading', { name: 'Save your security answers' });
    await view.user.click(screen.getByRole('button', { name: 'Skip for now' }));
    await screen.findByRole('heading', { name: 'Connection complete' });
    expect(sandbox.log.some((entry) => entry.path.endsWith('/AnswerMFAQuestions'))).toBe(false);
  });

  it('goes straight on when the bank keeps no question: ENHANCED_MFA_NO_QUESTIONS', async () => {
    const view = widget({ enhancedMFA: true });
    await signIn(view.user, 'greatday_nomfa');
    await screen.findByRole('heading', { name: 'Connection complete' });
    expect(view.events()).toContain('ENHANCED_MFA_NO_QUESTIONS');
    expect(view.events()).not.toContain('ENHANCED_MFA_HAS_QUESTIONS');
  });

  it('asks nothing more without enhancedMFA', async () => {
    const view = widget();
    await throughSignIn(view);
    await screen.findByRole('heading', { name: 'Connection complete' });
    await waitFor(() => expect(view.onSuccess).toHaveBeenCalled());
    expect(sandbox.log.some((entry) => entry.path.includes('MFAQuestions'))).toBe(false);
  });

  it('is written in French too, with the bank’s questions in French', async () => {
    const view = widget({ enhancedMFA: true, skipEnhancedMFA: true, language: 'fr' });
    await view.user.type(
      await screen.findByLabelText('Nom d’utilisateur ou numéro de carte'),
      'test_enhanced_mfa',
    );
    await view.user.type(screen.getByLabelText('Mot de passe'), 'Everyday');
    await view.user.click(screen.getByRole('button', { name: fr.ui.credentials.submit }));
    await view.user.type(await screen.findByLabelText(/Quelle est votre ville natale/), 'Montreal');
    await view.user.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(
      await screen.findByRole('heading', { name: 'Enregistrez vos réponses de sécurité' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Quel est le meilleur pays du monde/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Passer cette étape' })).toBeInTheDocument();
  });
});
