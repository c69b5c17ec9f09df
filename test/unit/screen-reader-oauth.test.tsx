import { virtual } from '@guidepup/virtual-screen-reader';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { format, loadMessages, messagesFor, type Language } from '../../src/i18n';
import { findInstitution } from '../../src/institutions';
import { loadLaterSteps } from '../../src/widget/laterSteps';
import { count, expectNoEnglish, sandboxPerFile } from './screen-reader/harness';

// The OAuth bank (FlinksCapitalOAuth) as far as jsdom can take it: its sign-in happens in a popup on the bank's page,
// and the state that page needs comes from the server (server/oauth.ts), which the jsdom tests do not run. What can
// be heard here is the hand-off itself: the browser blocking the popup, and the screen that offers to open it again.

sandboxPerFile();
afterEach(() => vi.restoreAllMocks());

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it('FlinksCapitalOAuth, its popup blocked: the screen saying so is heard once, on arrival', async () => {
    await Promise.all([loadLaterSteps(), loadMessages(language)]);
    const m = messagesFor(language);
    // The list's "Flinks Capital (OAuth)", named in sentences without its qualifier.
    const bank = (findInstitution('FlinksCapitalOAuth')?.name[language] ?? '').replace(' (OAuth)', '');
    const t = (template: string) => format(template, { bank });
    // The browser refuses the popup (window.open answers null).
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapitalOAuth" language={language} />);
    // The first screen keeps the host page's focus: not announced, read when the person gets there.
    await screen.findByRole('heading', { name: t(m.oauth.readyTitle) });
    await virtual.start({ container: document.body });
    await user.click(screen.getByRole('button', { name: t(m.oauth.continue) }));
    expect(open).toHaveBeenCalledTimes(1);

    const blocked = await screen.findByRole('heading', { name: t(m.oauth.blockedTitle) });
    expect(blocked).toHaveFocus();
    // Past the heading: the model steps through the bank's name kept whole on one line (a span) before the body.
    for (let step = 0; step < 5; step += 1) await virtual.next();
    const log = await virtual.spokenPhraseLog();
    const headings = log.filter((phrase) => phrase.startsWith('heading, '));
    expect(headings).toEqual([`heading, ${t(m.oauth.blockedTitle)}, level 2`]);
    expect(count(log, t(m.oauth.blockedBody))).toBe(1);
    // The way on: the same button, from a click the browser lets through this time.
    expect(screen.getByRole('button', { name: t(m.oauth.continue) })).toBeInTheDocument();
    if (language === 'fr') expectNoEnglish(log);
  });
});
