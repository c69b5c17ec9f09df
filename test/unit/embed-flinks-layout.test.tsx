import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { DeploymentConfig } from '../../src/embed/config';
import { frameTitles } from '../../src/embed/messages';
import { colourCode, EmbedPage } from '../../src/embed/page';
import { eventListener } from '../../src/flow/events';

const widgetProps = vi.hoisted(() => ({ current: null as ConnectWidgetProps | null }));

vi.mock('../../src/ConnectWidget', () => ({
  ConnectWidget: (props: ConnectWidgetProps) => {
    widgetProps.current = props;
    return <div className="cw-widget">widget</div>;
  },
}));

const config: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240000,
  appSchemes: ['myapp'],
};
const HOST = 'parentOrigin=https%3A%2F%2Fshop.example';
const SUCCESS = {
  loginId: 'l-1',
  requestId: 'r-1',
  institution: 'FlinksCapital',
  tag: null,
  url: 'https://shop.example/done?loginId=l-1&institution=FlinksCapital',
};

function renderPage(search: string, view: Window = window) {
  const parent = { postMessage: vi.fn() };
  const navigate = vi.fn();
  const { container } = render(
    <EmbedPage
      config={config}
      search={search}
      parent={parent as unknown as Window}
      view={view}
      navigate={navigate}
    />,
  );
  const root = container.querySelector('.cw-embed');
  if (!(root instanceof HTMLElement)) throw new Error('no embed root');
  return { parent, navigate, root };
}

function widget(): ConnectWidgetProps {
  if (widgetProps.current === null) throw new Error('the widget was not rendered');
  return widgetProps.current;
}

// As main.tsx does before its first render when the URL has a colour parameter.
beforeAll(async () => {
  await colourCode.load();
});

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
  vi.restoreAllMocks();
});

describe('Flinks Connect layout parameters', () => {
  it('shows the header, with the customer and the padlock image, in the page’s language', () => {
    const { root } = renderPage(
      `${HOST}&language=fr&headerEnable=true&headerImgEnable=true&customerName=Boutique`,
    );
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent(`${frameTitles.fr} · Boutique`);
    expect(header.querySelector('svg')).not.toBeNull();
    expect(root.firstElementChild).toBe(header);
  });

  it('shows Flinks Connect’s header by default; headerEnable=false hides it', () => {
    renderPage(HOST);
    expect(screen.getByRole('banner')).toHaveTextContent('Connect your bank account');
    cleanup();
    renderPage(`${HOST}&headerEnable=false`);
    expect(screen.queryByRole('banner')).toBeNull();
  });

  it('turns each layout parameter into its layout', () => {
    const { root } = renderPage(
      `${HOST}&desktopLayout=true&removePadding=true&boxLayout=true&fixedHeightEnable=true&staticLoadingEnable=true&loadingType=text`,
    );
    expect([...root.classList].sort()).toEqual(
      [
        'cw-embed',
        'cw-embed--box',
        'cw-embed--desktop',
        'cw-embed--fixed',
        'cw-embed--flush',
        'cw-embed--loading-text',
        'cw-embed--static',
      ].sort(),
    );
  });

  it('makes the colours theme tokens, and tells the developer when one was changed to keep AA', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { root } = renderPage(`${HOST}&backgroundColor=ffffff&foregroundColor1=ffcc00`);
    expect(root.style.getPropertyValue('--cw-color-surface')).toBe('#ffffff');
    expect(root.style.getPropertyValue('--cw-color-accent')).not.toBe('#ffcc00');
    expect(root).toHaveAttribute('data-background');
    expect(root).toHaveAttribute('data-accent');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/foregroundColor1 #ffcc00 .*4\.5:1/));
  });

  it('hands the data parameters to the widget', () => {
    renderPage(
      `${HOST}&daysOfTransactions=Days365&detailsAndStatementEnable=true&monthsOfStatements=Months12&scheduleRefresh=true&productType=investment&accountSelectorNoTitle=true`,
    );
    expect(widget()).toMatchObject({
      daysOfTransactions: 'Days365',
      detailsAndStatementEnable: true,
      monthsOfStatements: 'Months12',
      scheduleRefresh: true,
      productType: 'investment',
      accountSelectorNoTitle: true,
    });
  });
});

describe('redirects as Flinks Connect does them', () => {
  const redirect = `${HOST}&redirectUrl=https%3A%2F%2Fshop.example%2Fdone`;

  it('sends the top window by default', async () => {
    const { navigate } = renderPage(redirect);
    widget().onSuccess?.(SUCCESS);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(SUCCESS.url));
  });

  it('innerRedirect: the frame itself goes there', async () => {
    const { navigate } = renderPage(`${redirect}&innerRedirect=true`);
    widget().onSuccess?.(SUCCESS);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(SUCCESS.url, 'self'));
  });

  it('jsRedirect: nothing navigates, the host’s listener has REDIRECT', async () => {
    const { navigate } = renderPage(`${redirect}&jsRedirect=true`);
    widget().onSuccess?.(SUCCESS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('webview=true', () => {
  it('sends events to the app as JSON strings, none to the parent, and success to the deep link', async () => {
    const postMessage = vi.fn();
    const view = Object.assign(Object.create(window) as Window, { ReactNativeWebView: { postMessage } });
    Object.defineProperty(view, 'document', { value: document });
    const { parent, navigate } = renderPage('webview=true&redirectUrl=myapp%3A%2F%2Fconnected', view);
    const onEvent = widget().onEvent;
    if (onEvent) eventListener(onEvent)('APP_MOUNTED', {});
    expect(postMessage).toHaveBeenCalledWith(
      JSON.stringify({ source: 'connect-widget', version: 1, step: 'APP_MOUNTED' }),
    );
    expect(parent.postMessage).not.toHaveBeenCalled();
    const url = 'myapp://connected?loginId=l-1&institution=FlinksCapital';
    widget().onSuccess?.({ ...SUCCESS, url });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(url, 'self'));
  });
});
