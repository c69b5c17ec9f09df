/** @vitest-environment jsdom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectHandlers } from '../../src/embed/frame';
import { envelope, encode, errorEnvelope, UNDESCRIBED_EXIT } from '../../src/embed/protocol';
import '../../src/embed/sdk/connect';
import { mount } from '../../src/embed/sdk/mount';

const WIDGET = 'https://widget.example';

function handlers() {
  return { onEvent: vi.fn(), onSuccess: vi.fn(), onExit: vi.fn() } satisfies ConnectHandlers;
}

function setUp(url = `${WIDGET}/embed.html?demo=true`) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = handlers();
  const widget = mount({ container, url, ...callbacks });
  const iframe = container.querySelector('iframe');
  if (iframe === null) throw new Error('no iframe mounted');
  return { container, callbacks, widget, iframe };
}

function send(data: unknown, from: { origin?: string; source?: Window | null } = {}) {
  window.dispatchEvent(
    new MessageEvent('message', { data, origin: from.origin ?? WIDGET, source: from.source ?? null }),
  );
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('window.ConnectWidget.mount', () => {
  it('is defined by the script', () => {
    expect(window.ConnectWidget?.mount).toBe(mount);
  });

  it('adds one iframe with a title, no referrer and the host origin as parentOrigin', () => {
    const { container, iframe } = setUp();
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(iframe).toHaveAttribute('title', 'Connect your bank account');
    expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(iframe.hasAttribute('allow')).toBe(false);
    const src = new URL(iframe.src);
    expect(src.origin).toBe(WIDGET);
    expect(src.searchParams.get('demo')).toBe('true');
    expect(src.searchParams.get('parentOrigin')).toBe(window.location.origin);
  });

  it('keeps a parentOrigin the host chose, and names the frame in French for a French widget', () => {
    const { iframe } = setUp(`${WIDGET}/embed.html?language=fr&parentOrigin=https%3A%2F%2Fshop.example`);
    expect(new URL(iframe.src).searchParams.get('parentOrigin')).toBe('https://shop.example');
    expect(iframe).toHaveAttribute('title', 'Connexion de votre compte bancaire');
  });

  it.each([
    ['an object', false],
    ['JSON text', true],
  ])('passes every event to onEvent, sent as %s', (_label, stringify) => {
    const { callbacks, iframe } = setUp();
    send(encode(envelope('INSTITUTION_SELECTED', { institution: 'FlinksCapital' }), stringify), {
      source: iframe.contentWindow,
    });
    expect(callbacks.onEvent).toHaveBeenCalledWith('INSTITUTION_SELECTED', { institution: 'FlinksCapital' });
  });

  it('maps REDIRECT to onSuccess', () => {
    const { callbacks, iframe } = setUp();
    const success = {
      loginId: 'l-1',
      requestId: 'r-1',
      institution: 'FlinksCapital',
      tag: 'order-7',
      url: 'https://shop.example/done?loginId=l-1&institution=FlinksCapital&tag=order-7',
    };
    send(envelope('REDIRECT', success), { source: iframe.contentWindow });
    expect(callbacks.onSuccess).toHaveBeenCalledWith(success);
    expect(callbacks.onEvent).toHaveBeenCalledWith('REDIRECT', success);
    expect(callbacks.onExit).not.toHaveBeenCalled();
  });

  it('maps COMPONENT_CLOSE_SESSION to onExit with the problem it names', () => {
    const { callbacks, iframe } = setUp();
    const source = iframe.contentWindow;
    send(envelope('INSTITUTION_SELECTED', { institution: 'FlinksCapital' }), { source });
    send(errorEnvelope({ flinksCode: 'RETRY_LATER', requestId: 'r-9', institution: 'FlinksCapital' }), {
      source,
    });
    send(
      envelope('COMPONENT_CLOSE_SESSION', {
        institution: 'FlinksCapital',
        flinksCode: 'RETRY_LATER',
        requestId: 'r-9',
      }),
      { source },
    );
    expect(callbacks.onExit).toHaveBeenCalledWith(
      {
        flinksCode: 'RETRY_LATER',
        requestId: 'r-9',
        institution: 'FlinksCapital',
        developerMessage: UNDESCRIBED_EXIT,
      },
      {
        step: 'guidance',
        institution: 'FlinksCapital',
        requestId: 'r-9',
        flinksCode: 'RETRY_LATER',
        developerMessage: UNDESCRIBED_EXIT,
      },
    );
  });

  it('gives onExit a null error when nothing went wrong', () => {
    const { callbacks, iframe } = setUp();
    send(envelope('COMPONENT_CLOSE_SESSION', { institution: null }), { source: iframe.contentWindow });
    expect(callbacks.onExit).toHaveBeenCalledWith(null, {
      step: 'institution',
      institution: null,
      requestId: null,
    });
  });

  it('sizes the iframe from APP_RESIZE', () => {
    const { iframe } = setUp();
    send(envelope('APP_RESIZE', { height: 612.4 }), { source: iframe.contentWindow });
    expect(iframe.style.height).toBe('613px');
  });

  it.each([
    ['another origin, from the iframe', () => ({ origin: 'https://evil.example' })],
    ['the widget origin, from the host window itself', () => ({ source: window })],
    ['the widget origin, from no window', () => ({ source: null })],
  ])('ignores a message from %s', (_label, from) => {
    const { callbacks, iframe } = setUp();
    const sender = from();
    const source = 'source' in sender ? sender.source : iframe.contentWindow;
    send(
      envelope('REDIRECT', {
        loginId: 'forged',
        requestId: 'r',
        institution: 'x',
        tag: null,
        url: 'https://evil.example/?loginId=forged',
      }),
      {
        ...sender,
        source,
      },
    );
    send(envelope('APP_RESIZE', { height: 9999 }), { ...sender, source });
    expect(callbacks.onEvent).not.toHaveBeenCalled();
    expect(callbacks.onSuccess).not.toHaveBeenCalled();
    expect(iframe.style.height).toBe('');
  });

  it.each([
    ['another protocol', { source: 'other', version: 1, step: 'REDIRECT', loginId: 'x' }],
    ['an unknown step', { source: 'connect-widget', version: 1, step: 'SOMETHING_NEW' }],
    ['a bad height', { source: 'connect-widget', version: 1, step: 'APP_RESIZE', height: 'tall' }],
  ])('ignores %s from the widget', (_label, data) => {
    const { callbacks, iframe } = setUp();
    send(data, { source: iframe.contentWindow });
    expect(callbacks.onEvent).not.toHaveBeenCalled();
    expect(iframe.style.height).toBe('');
  });

  it('keeps several widgets apart', () => {
    const first = setUp();
    const second = setUp();
    send(envelope('APP_RESIZE', { height: 300 }), { source: first.iframe.contentWindow });
    expect(first.callbacks.onEvent).toHaveBeenCalledTimes(1);
    expect(second.callbacks.onEvent).not.toHaveBeenCalled();
    expect(first.iframe.style.height).toBe('300px');
    expect(second.iframe.style.height).toBe('');
  });

  it('destroy removes the iframe and the listener, and can be called twice', () => {
    const { container, widget } = setUp();
    const removeListener = vi.spyOn(window, 'removeEventListener');
    widget.destroy();
    widget.destroy();
    expect(container.querySelector('iframe')).toBeNull();
    expect(removeListener.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);
  });
});

describe('a widget address that is not http(s)', () => {
  // A javascript: address in an iframe's src runs in the host page; data: and blob: are not the widget either.
  const HOSTILE = [
    'javascript:parent.stolen=document.cookie',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>parent.stolen=1</script>',
    'vbscript:msgbox(1)',
  ];

  it.each(HOSTILE)('is refused by mount before any iframe exists: %s', (url) => {
    const container = document.createElement('div');
    document.body.append(container);
    expect(() => mount({ container, url, ...handlers() })).toThrow(/http or https/);
    expect(container.querySelector('iframe')).toBeNull();
  });
});
