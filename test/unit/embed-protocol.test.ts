/** @vitest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmbedBridge } from '../../src/embed/bridge';
import { decode, encode, envelope, isWidgetMessage } from '../../src/embed/protocol';

describe('envelope', () => {
  it('wraps metadata with the source, the version and the step', () => {
    expect(envelope('INSTITUTION_SELECTED', { institution: 'FlinksCapital' })).toEqual({
      source: 'connect-widget',
      version: 1,
      step: 'INSTITUTION_SELECTED',
      institution: 'FlinksCapital',
    });
  });

  it.each([
    ['SUBMIT_CREDENTIAL', { institution: 'FlinksCapital', password: 'Everyday', username: 'Greatday' }],
    ['SUBMIT_MFA', { answers: { 'What city were you born in?': ['Montreal'] } }],
    ['APP_MOUNTED', { authorizeToken: 'secret-token' }],
    [
      'REDIRECT',
      { loginId: 'l', requestId: 'r', institution: 'i', tag: null, authorizeToken: 'secret-token' },
    ],
  ])('keeps only the contract fields of %s', (step, metadata) => {
    const message = envelope(step as 'SUBMIT_MFA', metadata as never);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/Everyday|Greatday|Montreal|secret-token|password|answers/);
  });

  it('keeps null fields of ERROR, which the host relies on', () => {
    expect(envelope('ERROR', { flinksCode: 'TIMEOUT', requestId: null, institution: null })).toEqual({
      source: 'connect-widget',
      version: 1,
      step: 'ERROR',
      flinksCode: 'TIMEOUT',
      requestId: null,
      institution: null,
    });
  });
});

describe('encode and decode', () => {
  const message = envelope('APP_RESIZE', { height: 480 });

  it.each([
    ['an object', false],
    ['JSON text (stringify=true)', true],
  ])('round-trips %s', (_label, stringify) => {
    const sent = encode(message, stringify);
    expect(typeof sent).toBe(stringify ? 'string' : 'object');
    expect(decode(sent)).toEqual(message);
  });

  it.each([
    ['another source', { source: 'other-widget', version: 1, step: 'APP_MOUNTED' }],
    ['another version', { source: 'connect-widget', version: 2, step: 'APP_MOUNTED' }],
    ['no step', { source: 'connect-widget', version: 1 }],
    ['a number step', { source: 'connect-widget', version: 1, step: 3 }],
    ['text that is not JSON', '{"source":'],
    ['JSON of another shape', '"APP_MOUNTED"'],
    ['null', null],
    ['a number', 42],
  ])('rejects %s', (_label, data) => {
    expect(decode(data)).toBeNull();
    expect(isWidgetMessage(data)).toBe(false);
  });
});

describe('createEmbedBridge', () => {
  let observed: ResizeObserverCallback | null;
  let height: number;
  let element: HTMLElement;

  beforeEach(() => {
    observed = null;
    height = 0;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observed = callback;
        }
        observe() {}
        disconnect() {
          observed = null;
        }
      },
    );
    element = document.createElement('div');
    vi.spyOn(element, 'getBoundingClientRect').mockImplementation(() => ({ height }) as DOMRect);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function resizeTo(next: number) {
    height = next;
    observed?.([], {} as ResizeObserver);
  }

  function framedBridge(stringify = false) {
    const parent = { postMessage: vi.fn() };
    const bridge = createEmbedBridge({
      parent: parent as unknown as Window,
      parentOrigin: 'https://shop.example',
      stringify,
    });
    return { parent, bridge };
  }

  it('posts to the parent origin only', () => {
    const { parent, bridge } = framedBridge();
    bridge.post('APP_MOUNTED', {});
    expect(parent.postMessage).toHaveBeenCalledWith(
      { source: 'connect-widget', version: 1, step: 'APP_MOUNTED' },
      'https://shop.example',
    );
  });

  it('posts JSON text when the host asked for stringify', () => {
    const { parent, bridge } = framedBridge(true);
    bridge.post('ACCOUNT_SELECTED', { accountId: 'a-1' });
    expect(parent.postMessage).toHaveBeenCalledWith(
      '{"source":"connect-widget","version":1,"step":"ACCOUNT_SELECTED","accountId":"a-1"}',
      'https://shop.example',
    );
  });

  it('posts nothing without a checked parent origin', () => {
    const parent = { postMessage: vi.fn() };
    const bridge = createEmbedBridge({
      parent: parent as unknown as Window,
      parentOrigin: null,
      stringify: false,
    });
    bridge.post('APP_MOUNTED', {});
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('reports the height once per change, rounded up', () => {
    const { parent, bridge } = framedBridge();
    const stop = bridge.observeHeight(element);
    resizeTo(400.2);
    resizeTo(400.6);
    resizeTo(520);
    stop();
    resizeTo(600);
    const heights = parent.postMessage.mock.calls.map(([message]) => (message as { height: number }).height);
    expect(heights).toEqual([401, 520]);
  });
});
