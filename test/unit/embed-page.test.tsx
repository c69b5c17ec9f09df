import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { DeploymentConfig } from '../../src/embed/config';
import { EmbedPage } from '../../src/embed/page';
import type { FramingClues } from '../../src/embed/params';
import { eventListener } from '../../src/flow/events';

const widgetProps = vi.hoisted(() => ({ current: null as ConnectWidgetProps | null }));

vi.mock('../../src/ConnectWidget', () => ({
  ConnectWidget: (props: ConnectWidgetProps) => {
    widgetProps.current = props;
    return null;
  },
}));

const config: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240000,
};
const HOST = 'parentOrigin=https%3A%2F%2Fshop.example';

function renderPage(
  search: string,
  options: { framed?: boolean; config?: DeploymentConfig | null; framing?: FramingClues } = {},
) {
  const parent = { postMessage: vi.fn() };
  const navigate = vi.fn();
  render(
    <EmbedPage
      config={options.config === undefined ? config : options.config}
      search={search}
      {...(options.framing ? { framing: options.framing } : {})}
      parent={options.framed === false ? null : (parent as unknown as Window)}
      view={window}
      navigate={navigate}
    />,
  );
  return { parent, navigate };
}

/** What the page gave the widget as `onEvent`, called as the widget calls it. */
function emit(...event: Parameters<ReturnType<typeof eventListener>>) {
  const onEvent = widget().onEvent;
  if (onEvent) eventListener(onEvent)(...event);
}

function widget(): ConnectWidgetProps {
  if (widgetProps.current === null) throw new Error('the widget was not rendered');
  return widgetProps.current;
}

beforeEach(() => {
  widgetProps.current = null;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('<EmbedPage>', () => {
  it('gives the widget the URL settings and the deployment settings', () => {
    renderPage(`${HOST}&language=fr&demo=true&institution=FlinksCapital&maximumRetry=4&tag=t-1`);
    expect(widget()).toMatchObject({
      apiBaseUrl: config.apiBaseUrl,
      requestTimeoutMs: 240000,
      language: 'fr',
      demo: true,
      institution: 'FlinksCapital',
      maximumRetry: 4,
      tag: 't-1',
    });
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Connexion de votre compte bancaire');
  });

  it.each([
    [
      'objects',
      '',
      { source: 'connect-widget', version: 1, step: 'INSTITUTION_SELECTED', institution: 'RBC' },
    ],
    [
      'JSON text',
      '&stringify=true',
      '{"source":"connect-widget","version":1,"step":"INSTITUTION_SELECTED","institution":"RBC"}',
    ],
  ])("posts the widget's events to the parent origin as %s", (_label, extra, sent) => {
    const { parent } = renderPage(`${HOST}${extra}`);
    emit('INSTITUTION_SELECTED', { institution: 'RBC' });
    expect(parent.postMessage).toHaveBeenCalledWith(sent, 'https://shop.example');
    expect(parent.postMessage.mock.calls.every(([, origin]) => origin === 'https://shop.example')).toBe(true);
  });

  it('without parentOrigin, posts to the framing origin the browser tells, when it is allowed', () => {
    const { parent } = renderPage('demo=true', {
      framing: { ancestorOrigin: 'https://shop.example', referrer: null },
    });
    emit('APP_MOUNTED', {});
    expect(parent.postMessage).toHaveBeenCalledWith(
      { source: 'connect-widget', version: 1, step: 'APP_MOUNTED' },
      'https://shop.example',
    );
  });

  it('posts nothing when opened at top level', () => {
    const { parent } = renderPage('demo=true', { framed: false });
    emit('APP_MOUNTED', {});
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('gives the widget redirectUrl and sends the top window to REDIRECT’s url on success', async () => {
    const { navigate } = renderPage(`${HOST}&tag=order-7&redirectUrl=https%3A%2F%2Fshop.example%2Fdone`);
    expect(widget().redirectUrl).toBe('https://shop.example/done');
    const url = 'https://shop.example/done?loginId=l-1&institution=FlinksCapital&tag=order-7';
    widget().onSuccess?.({ loginId: 'l-1', requestId: 'r-1', institution: 'FlinksCapital', tag: null, url });
    // Not at once: REDIRECT, posted just before, must reach the host's listener before its page is left.
    expect(navigate).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(url));
  });

  it('gives the widget a redirectUrl off the allow-list for REDIRECT’s url, but never goes there', async () => {
    const { navigate } = renderPage(`${HOST}&redirectUrl=https%3A%2F%2Fflinks.com%2Fcontact%2Fthank-you`);
    expect(widget().redirectUrl).toBe('https://flinks.com/contact/thank-you');
    expect(widget().oauthRedirectUrl).toBeUndefined();
    widget().onSuccess?.({
      loginId: 'l-1',
      requestId: 'r-1',
      institution: 'FlinksCapital',
      tag: null,
      url: 'https://flinks.com/contact/thank-you?loginId=l-1&institution=FlinksCapital',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says once in the console, and in APP_MOUNTED’s parameterNotes, which values it could not use', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { parent } = renderPage(`${HOST}&maximumRetry=99&demo=maybe&language=FR`);
      expect(widget()).toMatchObject({ maximumRetry: 10, language: 'fr' });
      expect(widget()).not.toHaveProperty('demo');
      // In the order of the parameter table.
      const notes = [
        'demo="maybe" is neither true nor false; the default is used',
        'maximumRetry="99" is outside 1–10; 10 is used',
      ];
      expect(warn.mock.calls).toEqual(notes.map((note) => [`Connect widget: ${note}.`]));
      emit('APP_MOUNTED', {});
      expect(parent.postMessage).toHaveBeenCalledWith(
        { source: 'connect-widget', version: 1, step: 'APP_MOUNTED', parameterNotes: notes },
        'https://shop.example',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('starts from Flinks Connect’s defaults: no close button, no bank search, a header', () => {
    renderPage(HOST);
    expect(widget()).toMatchObject({ closeEnable: false, institutionFilterEnable: false, backEnable: true });
    expect(screen.getByRole('banner')).toHaveTextContent('Connect your bank account');
  });

  it('stays put on success without redirectUrl', () => {
    const { navigate } = renderPage(HOST);
    expect(widget().redirectUrl).toBeUndefined();
    widget().onSuccess?.({
      loginId: 'l-1',
      requestId: 'r-1',
      institution: 'FlinksCapital',
      tag: null,
      url: 'http://localhost/connected?loginId=l-1&institution=FlinksCapital',
    });
    expect(navigate).not.toHaveBeenCalled();
  });

  // Rendered without main.tsx, which fetches the screen's chunk (configurationCode) before the first render: the page
  // fetches it itself.
  it('shows the configuration screen in both languages, the URL language first, and posts nothing', async () => {
    const { parent } = renderPage('language=fr&theme=blue&demo=maybe', {
      framing: { ancestorOrigin: null, referrer: 'https://evil.example/page' },
    });
    expect(widgetProps.current).toBeNull();
    expect(parent.postMessage).not.toHaveBeenCalled();

    const french = await screen.findByRole('heading', {
      level: 1,
      name: 'Paramètres de cette page à revoir',
    });
    // Focus moves in an effect once the screen's chunk has drawn it: on React 18, a turn after the heading shows.
    await waitFor(() => expect(french).toHaveFocus());
    const english = screen.getByRole('heading', { level: 2, name: 'This page needs a settings change' });
    expect(french.compareDocumentPosition(english) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const frenchSection = screen.getByRole('region', { name: 'Paramètres de cette page à revoir' });
    expect(frenchSection).toHaveAttribute('lang', 'fr');
    expect(
      within(frenchSection)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'La page qui intègre celle-ci n’est pas sur une origine inscrite dans CONNECT_ALLOWED_ORIGINS\u00a0: ajoutez-y son origine, ou transmettez parentOrigin.',
    ]);
    const englishSection = screen.getByRole('region', { name: 'This page needs a settings change' });
    expect(
      within(englishSection)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'The page that frames this one is not on an origin listed in CONNECT_ALLOWED_ORIGINS: add its origin there, or pass parentOrigin.',
    ]);
  });

  it.each([
    ['a parent origin outside the allowed list', 'parentOrigin=https%3A%2F%2Fevil.example', {}],
    ['missing deployment settings', HOST, { config: null }],
  ])('refuses to start with %s', async (_label, search, options) => {
    const { parent } = renderPage(search, options);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This page needs a settings change' }),
    ).toBeInTheDocument();
    expect(widgetProps.current).toBeNull();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });
});
