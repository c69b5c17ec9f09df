import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { DeploymentConfig } from '../../src/embed/config';
import { EmbedPage } from '../../src/embed/page';
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

function renderPage(search: string, options: { framed?: boolean; config?: DeploymentConfig | null } = {}) {
  const parent = { postMessage: vi.fn() };
  const navigate = vi.fn();
  render(
    <EmbedPage
      config={options.config === undefined ? config : options.config}
      search={search}
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

  it('posts nothing when opened at top level', () => {
    const { parent } = renderPage('demo=true', { framed: false });
    emit('APP_MOUNTED', {});
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('sends the top window to redirectUrl on success, with loginId, institution and tag', () => {
    const { navigate } = renderPage(`${HOST}&tag=order-7&redirectUrl=https%3A%2F%2Fshop.example%2Fdone`);
    widget().onSuccess?.({ loginId: 'l-1', requestId: 'r-1', institution: 'FlinksCapital' });
    expect(navigate).toHaveBeenCalledWith(
      'https://shop.example/done?loginId=l-1&institution=FlinksCapital&tag=order-7',
    );
  });

  it('stays put on success without redirectUrl', () => {
    const { navigate } = renderPage(HOST);
    widget().onSuccess?.({ loginId: 'l-1', requestId: 'r-1', institution: 'FlinksCapital' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows the configuration screen in both languages, the URL language first, and posts nothing', () => {
    const { parent } = renderPage('language=fr&theme=blue&demo=maybe');
    expect(widgetProps.current).toBeNull();
    expect(parent.postMessage).not.toHaveBeenCalled();

    const french = screen.getByRole('heading', {
      level: 1,
      name: 'Les paramètres de cette page sont à revoir',
    });
    expect(french).toHaveFocus();
    const english = screen.getByRole('heading', { level: 2, name: 'This page needs a settings change' });
    expect(french.compareDocumentPosition(english) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const frenchSection = screen.getByRole('region', { name: 'Les paramètres de cette page sont à revoir' });
    expect(frenchSection).toHaveAttribute('lang', 'fr');
    expect(
      within(frenchSection)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Le paramètre theme doit valoir light ou dark.',
      'Le paramètre demo doit valoir true ou false.',
      'Le paramètre parentOrigin est obligatoire quand cette page est dans un cadre\u00a0: indiquez l’origine de la page qui l’intègre.',
    ]);
    const englishSection = screen.getByRole('region', { name: 'This page needs a settings change' });
    expect(
      within(englishSection)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'theme must be light or dark.',
      'demo must be true or false.',
      'parentOrigin is required when this page is in a frame: pass the origin of the page that embeds it.',
    ]);
  });

  it.each([
    ['a parent origin outside the allowed list', 'parentOrigin=https%3A%2F%2Fevil.example', {}],
    ['missing deployment settings', HOST, { config: null }],
  ])('refuses to start with %s', (_label, search, options) => {
    const { parent } = renderPage(search, options);
    expect(
      screen.getByRole('heading', { level: 1, name: 'This page needs a settings change' }),
    ).toBeInTheDocument();
    expect(widgetProps.current).toBeNull();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });
});
