import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/i18n';
import { BANK, LANGUAGES, sandboxPerFile, signIn, widget } from './customer-ready/harness';

// The moments a customer-ready review found misleading or stranding (issue 25), walked through the whole widget against
// the sandbox, in English and in French: every phrase comes from the catalog of the language under test.

sandboxPerFile();

describe.each(LANGUAGES)('after success (%s)', (language) => {
  it('closing says the account is connected, never that nothing was shared, and the host hears the exit', async () => {
    const view = widget(language);
    const { m, user } = view;
    await signIn(view, 'greatday_nomfa');
    await screen.findByRole('heading', { level: 2, name: m.screens.success.title });
    await user.click(screen.getByRole('button', { name: m.ui.widget.close }));
    expect(
      await screen.findByRole('heading', { level: 2, name: m.screens.closed.connected.title }),
    ).toHaveFocus();
    expect(screen.queryByText(m.screens.closed.body)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(m.screens.closed.body);
    expect(view.events().slice(-1)).toEqual(['COMPONENT_CLOSE_SESSION']);
    expect(view.onExit).toHaveBeenCalledWith(null, expect.objectContaining({ step: 'success' }));
  });

  it('leaving before the end, once the bank accepted the sign-in, never says nothing was shared', async () => {
    const view = widget(language, { accountSelectorEnable: true });
    const { m, user } = view;
    await signIn(view, 'test_accounts_many');
    await screen.findByRole('heading', { level: 2, name: m.screens.accounts.titleAnonymous });
    await user.click(screen.getByRole('button', { name: m.ui.widget.close }));
    await user.click(await screen.findByRole('button', { name: m.screens.exit.leave }));
    expect(await screen.findByRole('heading', { level: 2, name: m.screens.closed.title })).toHaveFocus();
    expect(screen.getByText(m.screens.closed.unfinished)).toBeVisible();
    expect(document.body).not.toHaveTextContent(m.screens.closed.body);
  });
});

describe.each(LANGUAGES)('the bank list (%s)', (language) => {
  it('opens on the popular banks, and a search that finds nothing ends with an exit the host can tell apart', async () => {
    const view = widget(language, { institution: undefined, demo: true });
    const { m, user } = view;
    const grid = await screen.findByRole('list', { name: m.ui.institution.popular });
    const names = within(grid)
      .getAllByRole('button')
      .map((button) => button.textContent ?? '');
    expect(names.length).toBeLessThanOrEqual(12);
    const lead =
      language === 'fr' ? ['Desjardins', 'Banque Nationale'] : ['RBC Royal Bank', 'TD Canada Trust'];
    // After the sandbox bank (demo), the banks people use most in this language.
    const real = names.filter((name) => !name.includes('Flinks'));
    expect(real[0]).toMatch(new RegExp(`${lead[0]}$`));
    expect(real[1]).toMatch(new RegExp(`${lead[1]}$`));

    await user.type(screen.getByRole('searchbox', { name: m.ui.institution.search }), 'Banque Imaginaire');
    await user.click(await screen.findByRole('button', { name: m.ui.institution.notFound }));
    expect(view.events().slice(-2)).toEqual(['INSTITUTION_NOT_FOUND', 'COMPONENT_CLOSE_SESSION']);
    expect(view.onExit).toHaveBeenCalledExactlyOnceWith(
      null,
      expect.objectContaining({ step: 'institution', reason: 'institution_not_found' }),
    );
    expect(await screen.findByRole('heading', { level: 2, name: m.screens.closed.title })).toBeVisible();
  });

  it('tells no reason on an ordinary exit', async () => {
    const view = widget(language, { institution: undefined, demo: true });
    await screen.findByRole('list', { name: view.m.ui.institution.popular });
    await view.user.click(screen.getByRole('button', { name: view.m.ui.widget.close }));
    expect(view.onExit).toHaveBeenCalledOnce();
    expect(view.onExit.mock.calls[0]?.[1]).not.toHaveProperty('reason');
    expect(view.events()).not.toContain('INSTITUTION_NOT_FOUND');
  });
});

describe.each(LANGUAGES)('the sign-in form before the last try (%s)', (language) => {
  it('warns, from maximumRetry, that one try is left before the bank may lock the account', async () => {
    const view = widget(language, { maximumRetry: 3 });
    const { m, t } = view;
    const warning = t(m.screens.credentials.lastTry);
    await signIn(view, 'Greatday', 'Wrongday');
    const first = await screen.findByRole('alert');
    expect(first).not.toHaveTextContent(warning);
    await signIn(view, 'Greatday', 'Wrongday');
    await waitFor(() => expect(view.events().filter((name) => name === 'ERROR')).toHaveLength(2));
    // The warning is part of the alert that says what happened: announced once, with it.
    expect(await screen.findByRole('alert')).toHaveTextContent(warning);
  });
});

describe.each(LANGUAGES)('success (%s)', (language) => {
  it('names the account connected and its bank, and hands back to the partner with one button', async () => {
    const view = widget(language, { accountSelectorEnable: true, customerName: 'Acme Lending' });
    const { m, t, user } = view;
    await signIn(view, 'test_accounts_many');
    const choices = await screen.findAllByRole('radio');
    await user.click(choices[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: m.screens.accounts.submit }));
    await screen.findByRole('heading', { level: 2, name: m.screens.success.title });
    const chosen = (choices[0]?.closest('label')?.textContent ?? '').trim();
    const line = screen.getByText(
      new RegExp(`\\d{4}${escapeRegExp(t(m.screens.success.oneAccount).split('{account}')[1] ?? '')}$`),
    );
    expect(chosen.startsWith(line.querySelector('[lang=""]')?.textContent ?? '—')).toBe(true);
    // Nothing says there is nothing more to do: one way forward, back to the partner.
    const buttons = screen.getAllByRole('button').filter((button) => button.closest('section'));
    expect(buttons.map((button) => button.textContent)).toEqual([
      t(m.screens.success.continueTo, { customer: 'Acme Lending' }),
    ]);
    expect(view.onSuccess).toHaveBeenCalledOnce();
    await user.click(buttons[0] as HTMLElement);
    expect(view.events().slice(-1)).toEqual(['COMPONENT_CLOSE_SESSION']);
    expect(view.onExit).toHaveBeenCalledExactlyOnceWith(null, expect.objectContaining({ step: 'success' }));
    expect(await screen.findByText(m.screens.closed.connected.body)).toBeVisible();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.each(LANGUAGES)('cancel (%s)', (language) => {
  it('is not a dead end: "Connection cancelled", and Start again opens the first screen afresh', async () => {
    const view = widget(language);
    const { m, user } = view;
    await screen.findByLabelText(m.ui.credentials.username);
    await user.click(screen.getByRole('button', { name: m.ui.widget.close }));
    expect(await screen.findByRole('heading', { level: 2, name: m.screens.closed.title })).toHaveFocus();
    expect(screen.getByText(m.screens.closed.body)).toBeVisible();
    expect(view.onExit).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: m.screens.closed.startAgain }));
    const title = format(m.ui.credentials.title, { bank: BANK });
    expect(await screen.findByRole('heading', { level: 2, name: title })).toHaveFocus();
    expect(screen.getByLabelText(m.ui.credentials.username)).toHaveValue('');
    expect(view.events().slice(-1)).toEqual(['COMPONENT_LOAD_CREDENTIAL']);
  });

  it('asks before closing a sign-in form with something typed, and closes an empty one at once', async () => {
    const view = widget(language);
    const { m, user } = view;
    const username = await screen.findByLabelText(m.ui.credentials.username);
    await user.type(username, 'Greatday');
    await user.click(screen.getByRole('button', { name: m.ui.widget.close }));
    const dialog = await screen.findByRole('dialog', { name: m.screens.exit.title });
    await user.click(within(dialog).getByRole('button', { name: m.screens.exit.stay }));
    expect(view.onExit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(m.ui.credentials.username)).toHaveValue('Greatday');
    await user.clear(screen.getByLabelText(m.ui.credentials.username));
    await user.click(screen.getByRole('button', { name: m.ui.widget.close }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: m.screens.closed.title })).toBeVisible();
    expect(view.onExit).toHaveBeenCalledOnce();
  });

  it('offers no Start again once connected', async () => {
    const view = widget(language);
    await signIn(view, 'greatday_nomfa');
    await screen.findByRole('heading', { level: 2, name: view.m.screens.success.title });
    await view.user.click(screen.getByRole('button', { name: view.m.ui.widget.close }));
    await screen.findByText(view.m.screens.closed.connected.body);
    expect(screen.queryByRole('button', { name: view.m.screens.closed.startAgain })).not.toBeInTheDocument();
  });
});

describe.each(LANGUAGES)('consent (%s)', (language) => {
  const customerName = 'Acme Lending';
  const termsUrl = 'https://lender.example/terms';

  it('says what is shared, with whom, once, and whose terms the person accepts', async () => {
    const view = widget(language, { consentEnable: true, customerName, termsUrl });
    const { m } = view;
    const c = m.ui.consent;
    await screen.findByRole('heading', { level: 2, name: c.title });
    expect(screen.getByText(format(c.intro, { customer: customerName }))).toBeVisible();
    expect(screen.getByRole('heading', { level: 3, name: c.sharedHeading })).toBeVisible();
    expect(screen.getByText(c.once)).toBeVisible();
    expect(document.body).not.toHaveTextContent(format(c.ongoing, { customer: customerName }));
    const note = screen.getByText(format(c.termsNote, { customer: customerName }), { exact: false });
    expect(within(note).getByRole('link', { name: new RegExp(`^${c.terms}`) })).toHaveAttribute(
      'href',
      termsUrl,
    );
  });

  it('with a scheduled refresh, says the sharing goes on until stopped, and how to stop it', async () => {
    const view = widget(language, { consentEnable: true, customerName, scheduleRefresh: true });
    const { m } = view;
    const c = m.ui.consent;
    expect(await screen.findByText(format(c.ongoing, { customer: customerName }))).toBeVisible();
    expect(document.body).not.toHaveTextContent(c.once);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('without a customer name, says the same without naming anyone', async () => {
    const view = widget(language, { consentEnable: true, scheduleRefresh: true, termsUrl });
    const c = view.m.ui.consent;
    expect(await screen.findByText(c.ongoingAnonymous)).toBeVisible();
    expect(screen.getByText(c.termsNoteAnonymous, { exact: false })).toBeVisible();
    expect(document.body).not.toHaveTextContent('{customer}');
  });
});

/** The sandbox's card and line of credit, in either language. */
const CREDIT = /Visa|Line of Credit|Marge de crédit/;

describe.each(LANGUAGES)('account choice (%s)', (language) => {
  const customer = 'Acme Lending';

  it('asks once, naming the partner, and offers no card for an everyday-banking connection', async () => {
    const view = widget(language, {
      accountSelectorEnable: true,
      customerName: customer,
      productType: 'banking',
    });
    const { m } = view;
    await signIn(view, 'test_accounts_many');
    const title = format(m.screens.accounts.title, { customer });
    expect(await screen.findByRole('heading', { level: 2, name: title })).toHaveFocus();
    // The question is asked once: no intro under the title says "choose" again.
    expect(document.body).not.toHaveTextContent(m.screens.accounts.titleAnonymous);
    const names = screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent ?? '');
    expect(names.some((name) => /Chequing|chèques/.test(name))).toBe(true);
    expect(names.filter((name) => CREDIT.test(name))).toEqual([]);
  });

  it('lists cards last, with what their balance means', async () => {
    const view = widget(language, { accountSelectorEnable: true });
    const { m } = view;
    await signIn(view, 'test_accounts_many');
    await screen.findByRole('heading', { level: 2, name: m.screens.accounts.titleAnonymous });
    const labels = screen.getAllByRole('radio').map((radio) => radio.closest('label') as HTMLElement);
    const credit = labels.map((label) => CREDIT.test(label.textContent ?? ''));
    expect(credit.filter(Boolean)).toHaveLength(2);
    expect(credit.slice(-2)).toEqual([true, true]);
    // The words before the amount, spaced as Testing Library reads text (a no-break space as a space).
    const before = (template: string) => (template.split('{amount}')[0] ?? '').replace(/\s+/g, ' ');
    const owedBefore = before(m.screens.accounts.owed);
    const balanceBefore = before(m.screens.accounts.balance);
    for (const label of labels.slice(-2)) {
      expect(within(label).getByText(new RegExp(`^${owedBefore}`))).toBeVisible();
      expect(within(label).queryByText(new RegExp(`^${balanceBefore}`))).not.toBeInTheDocument();
    }
    expect(within(labels[0] as HTMLElement).getByText(new RegExp(`^${balanceBefore}`))).toBeVisible();
  });
});
