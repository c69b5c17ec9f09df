import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { Language } from '../../src/i18n';
import { readScreen, screenProblems } from '../screen-copy';
import { BANK, LANGUAGES, sandboxPerFile, signIn, widget as widgetIn } from './customer-ready/harness';

// The waiting and guidance screens of a customer-ready review (issue 25, items 15, 16, 17, 23 and 24), walked through
// the whole widget against the sandbox in English and French: every phrase comes from the language's catalog.

const { server } = sandboxPerFile();

/** Polls the bank's answers a minute apart: the waiting screens stay put while a test reads them. */
const widget = (language: Language, props: Partial<ConnectWidgetProps> = {}) =>
  widgetIn(language, { pollIntervalMs: 60_000, ...props });

/** The step on show: the section its heading names. */
async function step(title: string) {
  const heading = await screen.findByRole('heading', { level: 2, name: title });
  return heading.closest('section') as HTMLElement;
}

/** What the copy rules find wrong with the step on show (GUIDANCE.md, test/screen-copy.tsx). */
function problems(section: HTMLElement, language: Language) {
  return screenProblems(readScreen(section, language), language);
}

/** The OAuth bank's return with an error, as the host passes it back (`receivedRedirectUri`). */
function oauthReturn(language: Language, error: string) {
  server.use(
    http.post('*/v3/oauth/redeem', () =>
      HttpResponse.json({ HttpStatusCode: 200, error, RequestId: '3f1c5a8e-2b4d-4e6f-8a9b-0c1d2e3f4a5b' }),
    ),
  );
  return widget(language, {
    institution: 'FlinksCapitalOAuth',
    receivedRedirectUri: `https://shop.example/back?state=${'s'.repeat(43)}&error=x&institution=FlinksCapitalOAuth`,
  });
}

describe.each(LANGUAGES)('waiting for the OAuth bank’s page (%s)', (language) => {
  it('shows that it waits, names the bank as people know it, and reopens the page from a primary button', async () => {
    const popup = { closed: false, close: vi.fn(), location: { href: '' } };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    // The connect server's answer (not the sandbox's): a state, and the bank's page the popup goes to.
    server.use(
      http.post('*/v3/oauth/state', () =>
        HttpResponse.json(
          { state: 's'.repeat(43), authorizeUrl: 'https://bank.example/authorize?state=x' },
          { status: 201 },
        ),
      ),
    );
    const view = widget(language, { institution: 'FlinksCapitalOAuth' });
    const { m, t, user } = view;
    await user.click(await screen.findByRole('button', { name: t(m.oauth.continue) }));
    const waiting = await step(t(m.oauth.waitingTitle));
    // A waiting indicator, said as a status: "Waiting for Flinks Capital…".
    expect(within(waiting).getByRole('status')).toHaveTextContent(t(m.oauth.waitingStatus));
    expect(t(m.oauth.waitingStatus)).toContain(BANK);
    // Nothing about windows hiding behind others (phones have none), and no "(OAuth)" in a sentence.
    expect(waiting).not.toHaveTextContent('(OAuth)');
    const buttons = within(waiting).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([t(m.oauth.reopen)]);
    expect(buttons[0]).toHaveClass('cw-button--primary');
    expect(problems(waiting, language)).toEqual([]);
    await user.click(buttons[0] as HTMLElement);
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe.each(LANGUAGES)('at most two buttons, Exit a link beside the X (%s)', (language) => {
  it('DISABLED_LOGIN: the bank’s contact page and another bank as buttons, Exit as a link that still exits', async () => {
    const view = widget(language);
    await signIn(view, 'test_disabled_account');
    const section = await step(view.guidance('DISABLED_LOGIN').title);
    expect(problems(section, language)).toEqual([]);
    const exit = within(section).getByRole('button', { name: view.m.guidance.actions.exit });
    expect(exit).not.toHaveClass('cw-button');
    await view.user.click(exit);
    expect(view.onExit).toHaveBeenCalledOnce();
  });

  it.each(['access_denied', 'cancelled'])(
    'the OAuth bank’s return (%s) offers two buttons and a link',
    async (error) => {
      const view = oauthReturn(language, error);
      const code = error === 'cancelled' ? 'OAUTH_CANCELLED' : 'OAUTH_DENIED';
      const section = await step(view.guidance(code).title);
      // The connect server's OAuth outcome carries no RequestId: these screens have no support reference to show.
      expect(problems(section, language).filter((line) => !line.includes('reference line'))).toEqual([]);
      // The bank named once, in the title; the French says « ouvrir » once at most.
      expect((section.textContent ?? '').split(BANK)).toHaveLength(2);
      expect(section).not.toHaveTextContent('(OAuth)');
      const body = view.guidance(code).body;
      expect(body.match(/ouvr/gi)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(within(section).getByRole('button', { name: view.m.guidance.actions.exit })).not.toHaveClass(
        'cw-button',
      );
    },
  );

  it('without the X (closeEnable false), the screen keeps its two buttons and offers no third way out', async () => {
    const view = widget(language, { closeEnable: false });
    await signIn(view, 'test_disabled_account');
    const section = await step(view.guidance('DISABLED_LOGIN').title);
    expect(within(section).queryByRole('button', { name: view.m.guidance.actions.exit })).toBeNull();
    expect(problems(section, language)).toEqual([]);
  });

  it('the slow bank: continue now or wait, two actions that say different things, Exit as a link', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const view = widget(language);
    await signIn(view, 'test_dispatched');
    const section = await step(view.guidance('OPERATION_DISPATCHED').title);
    expect(problems(section, language)).toEqual([]);
    const { finishNow, keepWaiting, exit } = view.m.guidance.actions;
    expect(within(section).getByRole('button', { name: finishNow })).toHaveClass('cw-button--primary');
    expect(within(section).getByRole('button', { name: keepWaiting })).toHaveClass('cw-button--secondary');
    // The old pair, « Terminer maintenant » beside « Quitter », said nearly the same thing.
    expect(finishNow.split(' ')[0]).not.toBe(language === 'fr' ? 'Terminer' : 'Finish');
    expect(within(section).getByRole('button', { name: exit })).not.toHaveClass('cw-button');
  });
});

describe.each(LANGUAGES)('the wait after sign-in (%s)', (language) => {
  it('shows staged messages and one progress bar that moves on, never “Step 1 of 4”', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const view = widget(language, { pollIntervalMs: 1_000 });
    const { m, t } = view;
    await signIn(view, 'test_pending');
    const section = await step(view.guidance('OPERATION_PENDING').title);
    const bar = within(section).getByRole('progressbar', { name: m.screens.processing.progress });
    expect(section.textContent).not.toMatch(/\d+\s*(of|sur)\s*\d+/);
    expect(within(section).getByRole('status')).toHaveTextContent(t(view.guidance('OPERATION_PENDING').body));
    expect(bar).toHaveAttribute('aria-valuetext', t(view.guidance('OPERATION_PENDING').body));
    // Past the sign-in: the bar does not start again from where the sign-in started it.
    expect(Number(bar.getAttribute('aria-valuenow') ?? bar.getAttribute('value'))).toBeGreaterThan(
      Number(bar.getAttribute('aria-valuemax') ?? bar.getAttribute('max')) / 2,
    );
    await act(() => vi.advanceTimersByTimeAsync(4_000));
  });
});

describe.each(LANGUAGES)('plain titles (%s)', (language) => {
  it.each([
    ['NEW_ACCOUNT', 'test_new_account'],
    ['AGGREGATION_ERROR', 'test_aggregation_error'],
  ])('%s says what happened without attitude', async (code, persona) => {
    const view = widget(language);
    await signIn(view, persona);
    const section = await step(view.guidance(code).title);
    expect(problems(section, language)).toEqual([]);
    const said = section.textContent ?? '';
    // "needs you on its website", « vous attend sur son site », "on our side" (whose?).
    expect(said).not.toMatch(/needs you|vous attend|on our side|de notre côté/);
  });

  it('the slow bank says it is slow, not that it takes its time today', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const view = widget(language);
    await signIn(view, 'test_dispatched');
    const section = await step(view.guidance('OPERATION_DISPATCHED').title);
    expect(section.textContent).not.toMatch(/slow today|prend son temps|aujourd’hui/);
  });
});
