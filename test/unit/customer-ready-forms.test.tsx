import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BANK, LANGUAGES, sandboxPerFile, signIn, widget } from './customer-ready/harness';

// The forms, the security check and the controls of the customer-ready review (issue 25, items 11 to 21), walked
// through the whole widget against the sandbox in English and in French, every phrase from the language's catalog.

sandboxPerFile();

/** As Testing Library reads text: every run of spaces (the no-break ones of French too) as one space. */
const collapsed = (text: string) => text.replace(/\s+/gu, ' ');

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

/** The words of "try again" in each language's prose. */
const TRY_AGAIN_WORDS = { en: /try again/i, fr: /réessa/i } as const;

describe.each(LANGUAGES)('the countdown before signing in again (%s)', (language) => {
  it.each([
    ['test_service_unavailable', 'RETRY_LATER', 15],
    ['test_too_many_requests', 'TOO_MANY_REQUESTS', 30],
  ] as const)(
    '%s: says the wait once, and the button says it opens the sign-in form',
    async (username, code, seconds) => {
      const view = widget(language);
      const { m, t } = view;
      await signIn(view, username);
      const text = m.guidance.codes[code];
      await screen.findByRole('heading', { level: 2, name: t(text.title) });
      // The body says what happened; the countdown alone says when to go on (not "try again in a moment" as well).
      expect(screen.getByText(t(text.body))).not.toHaveTextContent(TRY_AGAIN_WORDS[language]);
      expect(screen.getByRole('timer')).toHaveTextContent(
        collapsed(t(m.guidance.signInCountdown.many, { seconds })),
      );
      const button = screen.getByRole('button', { name: m.guidance.actions.reenter });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(screen.queryByRole('button', { name: m.guidance.actions.tryAgain })).not.toBeInTheDocument();
    },
  );
});

describe.each(LANGUAGES)('an answer left empty (%s)', (language) => {
  it('one question: its message alone, in the sign-in form’s error style, no summary', async () => {
    const view = widget(language);
    const { m, t, user } = view;
    await signIn(view, 'Greatday');
    await screen.findByRole('heading', { level: 2, name: t(m.mfa.title) });
    await user.click(screen.getByRole('button', { name: m.mfa.continue }));
    const answer = screen.getByRole('textbox');
    expect(answer).toHaveFocus();
    expect(answer).toHaveAccessibleDescription(m.mfa.required.text);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(m.mfa.required.summary)).not.toBeInTheDocument();
    // The same look as an empty username on the sign-in form.
    expect(screen.getByText(m.mfa.required.text)).toHaveClass('cw-field-error');
  });

  it('several questions: one summary, and each empty answer its message', async () => {
    const view = widget(language);
    const { m, t, user } = view;
    await signIn(view, 'test_mfa_triple');
    await screen.findByRole('heading', { level: 2, name: t(m.mfa.title) });
    await user.type(screen.getAllByRole('textbox')[1] as HTMLElement, 'Canada');
    await user.click(screen.getByRole('button', { name: m.mfa.continue }));
    expect(screen.getByRole('alert')).toHaveTextContent(m.mfa.required.summary);
    expect(screen.getAllByText(m.mfa.required.text)).toHaveLength(2);
    for (const message of screen.getAllByText(m.mfa.required.text))
      expect(message).toHaveClass('cw-field-error');
  });
});

/** "password" in each language. */
const PASSWORD_WORDS = { en: /password/i, fr: /mot de passe/i } as const;

describe.each(LANGUAGES)('wrong security answers (%s)', (language) => {
  it('are refused in plain words naming the bank, and the lock-out after them is about the answers', async () => {
    const view = widget(language, { maximumRetry: 2 });
    const { m, t, user } = view;
    await signIn(view, 'Greatday');
    const answer = async (text: string) => {
      const field = await screen.findByRole('textbox');
      await user.clear(field);
      await user.type(field, `${text}{Enter}`);
    };
    await screen.findByRole('heading', { level: 2, name: t(m.mfa.title) });
    await answer('Nowhere');
    // The bank's name, then what to do: never « ne correspond pas », never "check it".
    const refused = m.guidance.variants.lastTry;
    expect(await screen.findByRole('alert')).toHaveTextContent(collapsed(t(refused.body)));
    expect(screen.getByRole('alert')).not.toHaveTextContent(language === 'fr' ? /correspond/ : /match/);
    await answer('Still nowhere');
    const locked = m.guidance.variants.answersLocked;
    expect(await screen.findByRole('heading', { level: 2, name: t(locked.title) })).toHaveFocus();
    expect(screen.getByText(collapsed(t(locked.body)))).toBeVisible();
    expect(document.body).not.toHaveTextContent(PASSWORD_WORDS[language]);
  });

  it('the first refusal names the bank in the alert', async () => {
    const view = widget(language);
    const { m, t, user } = view;
    await signIn(view, 'Greatday');
    await user.type(await screen.findByRole('textbox'), 'Nowhere{Enter}');
    const refused = m.guidance.codes.INVALID_SECURITY_RESPONSE;
    expect(await screen.findByRole('alert')).toHaveTextContent(
      collapsed(`${t(refused.title)}. ${t(refused.body)}`),
    );
    expect(t(refused.title)).toContain(BANK);
  });
});

describe.each(LANGUAGES)('a security check this screen can’t show (%s)', (language) => {
  it('offers the bank’s website first, where the screen says to finish, and Back after it', async () => {
    const view = widget(language);
    const { m, t } = view;
    await signIn(view, 'test_mfa_unknown_type');
    const heading = await screen.findByRole('heading', { level: 2, name: t(m.mfa.unsupported.title) });
    const section = heading.closest('section') as HTMLElement;
    // jsdom drops the space before the link's visually hidden "(opens in a new tab)": the name's start is enough.
    const site = await within(section).findByRole('link', {
      name: (name) => name.startsWith(t(m.guidance.actions.openBankSite)),
    });
    expect(site).toHaveAttribute('target', '_blank');
    expect(site.getAttribute('href')).toMatch(/^https?:\/\//);
    // First in the screen's order, Back after it.
    const back = within(section).getByRole('button', { name: m.mfa.back });
    expect(site.compareDocumentPosition(back) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
