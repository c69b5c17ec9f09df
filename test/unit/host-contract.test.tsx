import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { DeploymentConfig } from '../../src/embed/config';
import { EmbedPage } from '../../src/embed/page';
import { eventListener } from '../../src/flow/events';
import { envelope, errorEnvelope, UNDESCRIBED_EXIT } from '../../src/embed/protocol';
import { mount } from '../../src/embed/sdk/mount';

/*
 * One host contract: `onExit` reports the problem on screen when the person left, in the frame as in the component
 * (which widget-flows.test.tsx checks), never the last ERROR ever seen.
 */

const widgetProps = vi.hoisted(() => ({ current: null as ConnectWidgetProps | null }));
vi.mock('../../src/ConnectWidget', () => ({
  ConnectWidget: (props: ConnectWidgetProps) => {
    widgetProps.current = props;
    return null;
  },
}));

const WIDGET = 'https://widget.example';

function mounted() {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onEvent: vi.fn(), onSuccess: vi.fn(), onExit: vi.fn() };
  mount({ container, url: `${WIDGET}/embed.html?demo=true`, ...callbacks });
  const source = container.querySelector('iframe')?.contentWindow ?? null;
  const send = (data: unknown) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin: WIDGET, source }));
  return { callbacks, send };
}

const passwordError = { flinksCode: 'INVALID_PASSWORD', requestId: 'r-1', institution: 'FlinksCapital' };
/** The same problem as the frame's `onExit` reports it. */
const passwordExit = { ...passwordError, developerMessage: UNDESCRIBED_EXIT };

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('onExit in the frame', () => {
  it('gives no error when COMPONENT_CLOSE_SESSION names none, whatever ERROR came before', () => {
    const { callbacks, send } = mounted();
    send(errorEnvelope(passwordError));
    send(envelope('COMPONENT_LOAD_CREDENTIAL_RETRY', {}));
    send(envelope('SUBMIT_CREDENTIAL', { institution: 'FlinksCapital' }));
    // An automatic retry: ERROR, then the processing screen, which has no event of its own.
    send(errorEnvelope({ ...passwordError, flinksCode: 'CONCURRENT_SESSION' }));
    send(envelope('COMPONENT_CLOSE_SESSION', { institution: 'FlinksCapital' }));
    // The step is the last screen the events named: the ERROR's.
    expect(callbacks.onExit).toHaveBeenCalledWith(null, {
      step: 'guidance',
      institution: 'FlinksCapital',
      requestId: 'r-1',
    });
  });

  it('gives the error COMPONENT_CLOSE_SESSION says was on screen, and hears errors as ERROR', () => {
    const { callbacks, send } = mounted();
    send(JSON.stringify(errorEnvelope(passwordError)));
    send(envelope('COMPONENT_LOAD_CREDENTIAL_RETRY', {}));
    send(
      envelope('COMPONENT_CLOSE_SESSION', {
        institution: 'FlinksCapital',
        flinksCode: 'INVALID_PASSWORD',
        requestId: 'r-1',
      }),
    );
    // What <ConnectWidget>'s onExit gets, but for the developer message, which the page's events do not carry.
    expect(callbacks.onExit).toHaveBeenCalledWith(passwordExit, {
      step: 'credentials',
      institution: 'FlinksCapital',
      requestId: 'r-1',
      flinksCode: 'INVALID_PASSWORD',
      developerMessage: UNDESCRIBED_EXIT,
    });
    expect(callbacks.onEvent.mock.calls.map(([name]) => name)).toEqual([
      'ERROR',
      'COMPONENT_LOAD_CREDENTIAL_RETRY',
      'COMPONENT_CLOSE_SESSION',
    ]);
    expect(callbacks.onEvent.mock.calls[0]?.[1]).toEqual(passwordError);
  });
});

describe('the embed page', () => {
  const config: DeploymentConfig = {
    apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
    allowedOrigins: ['https://shop.example'],
    requestTimeoutMs: 240000,
  };

  function framedPage() {
    const parent = { postMessage: vi.fn() };
    render(
      <EmbedPage
        config={config}
        search="parentOrigin=https%3A%2F%2Fshop.example"
        parent={parent as unknown as Window}
        view={window}
        navigate={vi.fn()}
      />,
    );
    const widget = widgetProps.current;
    if (widget?.onEvent === undefined) throw new Error('the widget was not rendered');
    return { parent, emit: eventListener(widget.onEvent), widget };
  }

  it('posts an error in Flinks Connect’s shape: flinksCode, requestId, institution and no step', () => {
    const { parent, emit } = framedPage();
    emit('ERROR', { flinksCode: 'INVALID_PASSWORD', requestId: 'r-1', institution: 'FlinksCapital' });
    const [[message, origin]] = parent.postMessage.mock.calls as [[Record<string, unknown>, string]];
    expect(origin).toBe('https://shop.example');
    expect(message).toEqual({ source: 'connect-widget', version: 1, ...passwordError });
    expect(message).not.toHaveProperty('step');
  });

  it('posts COMPONENT_CLOSE_SESSION with the institution, and nothing before it when the person leaves', () => {
    const { parent, emit, widget } = framedPage();
    emit('COMPONENT_CLOSE_SESSION', { institution: 'FlinksCapital' });
    // The widget's own onExit is not the page's business: the event says everything.
    expect(widget.onExit).toBeUndefined();
    expect(parent.postMessage.mock.calls).toEqual([
      [envelope('COMPONENT_CLOSE_SESSION', { institution: 'FlinksCapital' }), 'https://shop.example'],
    ]);
    expect(parent.postMessage.mock.calls[0]?.[0]).toMatchObject({ institution: 'FlinksCapital' });
  });
});
