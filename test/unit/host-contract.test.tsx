import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import type { ConnectWidgetProps } from '../../src/ConnectWidget';
import type { DeploymentConfig } from '../../src/embed/config';
import { EmbedPage } from '../../src/embed/page';
import { eventListener } from '../../src/flow/events';
import { envelope, exitEnvelope } from '../../src/embed/protocol';
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
/** The same problem as `onExit` reports it, in the component as in the frame. */
const passwordExit = { ...passwordError, developerMessage: 'The password is wrong.' };

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
  it('gives no error once the person moved past the problem, even from a page that does not say', () => {
    const { callbacks, send } = mounted();
    send(envelope('ERROR', passwordError));
    send(envelope('COMPONENT_LOAD_CREDENTIAL_RETRY', {}));
    send(envelope('SUBMIT_CREDENTIAL', { institution: 'FlinksCapital' }));
    send(envelope('COMPONENT_LOAD_MFA', { mfaTypes: ['QuestionAndAnswer'] }));
    send(envelope('COMPONENT_CLOSE_SESSION', {}));
    expect(callbacks.onExit).toHaveBeenCalledWith(null, {
      step: 'mfa',
      institution: 'FlinksCapital',
      requestId: 'r-1',
    });
  });

  it('gives the error the page says was on screen', () => {
    const { callbacks, send } = mounted();
    send(envelope('ERROR', passwordError));
    send(envelope('COMPONENT_LOAD_CREDENTIAL_RETRY', {}));
    send(exitEnvelope(passwordExit, 'credentials'));
    send(envelope('COMPONENT_CLOSE_SESSION', {}));
    // What <ConnectWidget>'s onExit gets: the error with its developer message, the step, the code again.
    expect(callbacks.onExit).toHaveBeenCalledWith(passwordExit, {
      step: 'credentials',
      institution: 'FlinksCapital',
      requestId: 'r-1',
      flinksCode: 'INVALID_PASSWORD',
      developerMessage: 'The password is wrong.',
    });
    // The exit message is not an event.
    expect(callbacks.onEvent.mock.calls.map(([name]) => name)).toEqual([
      'ERROR',
      'COMPONENT_LOAD_CREDENTIAL_RETRY',
      'COMPONENT_CLOSE_SESSION',
    ]);
  });

  it('gives no error when the page says nothing was on screen, whatever ERROR came before', () => {
    const { callbacks, send } = mounted();
    // An automatic retry: ERROR, then the processing screen, which has no event of its own.
    send(envelope('ERROR', { ...passwordError, flinksCode: 'CONCURRENT_SESSION' }));
    send(JSON.stringify(exitEnvelope(null)));
    send(envelope('COMPONENT_CLOSE_SESSION', {}));
    // The page did not say where the person was: the last screen its events named.
    expect(callbacks.onExit).toHaveBeenCalledWith(null, {
      step: 'guidance',
      institution: 'FlinksCapital',
      requestId: 'r-1',
    });
  });
});

describe('the embed page', () => {
  const config: DeploymentConfig = {
    apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
    allowedOrigins: ['https://shop.example'],
    requestTimeoutMs: 240000,
  };

  it("says which problem was on screen, from the widget's own onExit, right before COMPONENT_CLOSE_SESSION", () => {
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
    if (widget === null) throw new Error('the widget was not rendered');
    if (widget.onEvent) eventListener(widget.onEvent)('COMPONENT_CLOSE_SESSION', {});
    expect(parent.postMessage).not.toHaveBeenCalled();
    widget.onExit?.(passwordExit, { step: 'credentials', institution: 'FlinksCapital', requestId: 'r-1' });
    expect(parent.postMessage.mock.calls).toEqual([
      [exitEnvelope(passwordExit, 'credentials'), 'https://shop.example'],
      [envelope('COMPONENT_CLOSE_SESSION', {}), 'https://shop.example'],
    ]);
  });
});
