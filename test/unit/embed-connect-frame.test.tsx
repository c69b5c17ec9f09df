import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectFrame } from '../../src/embed/ConnectFrame';
import { envelope } from '../../src/embed/protocol';

const WIDGET = 'https://widget.example';
const URL_EN = `${WIDGET}/embed.html?demo=true`;

function sendFrom(iframe: HTMLIFrameElement, data: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin: WIDGET, source: iframe.contentWindow }));
  });
}

function frame(): HTMLIFrameElement {
  return screen.getByTitle('Connect your bank account') as HTMLIFrameElement;
}

/** The frame's code comes in a chunk of its own: the iframe gets its address (and is heard) once it is in. */
async function connected(title = 'Connect your bank account'): Promise<HTMLIFrameElement> {
  const iframe = screen.getByTitle(title) as HTMLIFrameElement;
  await waitFor(() => expect(iframe.getAttribute('src')).not.toBeNull());
  return iframe;
}

describe('<ConnectFrame>', () => {
  it('renders exactly one iframe under StrictMode and hears each message once', async () => {
    const onEvent = vi.fn();
    const { container } = render(
      <StrictMode>
        <ConnectFrame url={URL_EN} onEvent={onEvent} className="host-frame" />
      </StrictMode>,
    );
    await connected();
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(frame()).toHaveClass('host-frame');
    expect(frame()).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(new URL(frame().src).searchParams.get('parentOrigin')).toBe(window.location.origin);

    sendFrom(frame(), envelope('APP_MOUNTED', {}));
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onEvent).toHaveBeenCalledWith('APP_MOUNTED', {});
  });

  it('calls the latest callbacks without reloading the iframe', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<ConnectFrame url={URL_EN} onSuccess={(success) => first(success)} />);
    const before = await connected();
    const setSrc = vi.spyOn(before, 'src', 'set');
    rerender(<ConnectFrame url={URL_EN} onSuccess={(success) => second(success)} />);
    expect(frame()).toBe(before);
    expect(setSrc).not.toHaveBeenCalled();

    const success = {
      loginId: 'l-1',
      requestId: 'r-1',
      institution: 'FlinksCapital',
      tag: null,
      url: 'https://shop.example/done?loginId=l-1&institution=FlinksCapital',
    };
    sendFrom(frame(), envelope('REDIRECT', success));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(success);
  });

  it('follows a new url', async () => {
    const { rerender } = render(<ConnectFrame url={URL_EN} />);
    await connected();
    rerender(<ConnectFrame url={`${WIDGET}/embed.html?language=fr`} />);
    const iframe = screen.getByTitle('Connexion de votre compte bancaire') as HTMLIFrameElement;
    await waitFor(() => expect(new URL(iframe.src).searchParams.get('language')).toBe('fr'));
    expect(new URL(iframe.src).searchParams.get('language')).toBe('fr');
  });

  it('takes a title from the host', () => {
    render(<ConnectFrame url={URL_EN} title="Link your account to Boutique Nord" />);
    expect(screen.getByTitle('Link your account to Boutique Nord')).toBeInTheDocument();
  });

  it('sizes the iframe from APP_RESIZE and maps COMPONENT_CLOSE_SESSION to onExit', async () => {
    const onExit = vi.fn();
    render(<ConnectFrame url={URL_EN} onExit={onExit} />);
    await connected();
    sendFrom(frame(), envelope('APP_RESIZE', { height: 700 }));
    sendFrom(frame(), envelope('COMPONENT_CLOSE_SESSION', { institution: null }));
    expect(frame().style.height).toBe('700px');
    expect(onExit).toHaveBeenCalledWith(null, { step: 'institution', institution: null, requestId: null });
  });

  it('stops listening once unmounted', async () => {
    const onEvent = vi.fn();
    const { unmount } = render(<ConnectFrame url={URL_EN} onEvent={onEvent} />);
    const iframe = await connected();
    const source = iframe.contentWindow;
    const removeListener = vi.spyOn(window, 'removeEventListener');
    unmount();
    expect(removeListener.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);
    window.dispatchEvent(
      new MessageEvent('message', { data: envelope('APP_MOUNTED', {}), origin: WIDGET, source }),
    );
    expect(onEvent).not.toHaveBeenCalled();
    removeListener.mockRestore();
  });
});

describe('<ConnectFrame> with an address that is not http(s)', () => {
  it.each(['javascript:parent.stolen=1', 'data:text/html,<script>parent.stolen=1</script>'])(
    'leaves the iframe empty and tells the developer: %s',
    async (url) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      render(<ConnectFrame url={url} />);
      await waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/http or https/)));
      expect(frame().getAttribute('src')).toBeNull();
      error.mockRestore();
    },
  );
});
