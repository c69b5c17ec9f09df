/** @vitest-environment jsdom */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_FIELDS, isWidgetEventName } from '../../src/embed/protocol';
import { mount } from '../../src/embed/sdk/mount';

// The host SDK against whatever lands in the host window's message queue. embed-sdk.test.ts checks the named
// cases; here any payload, from any sender, is thrown at it.

const WIDGET = 'https://widget.example';
const STEPS = Object.keys(EVENT_FIELDS);

function setUp() {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onEvent: vi.fn(), onSuccess: vi.fn(), onExit: vi.fn() };
  const widget = mount({ container, url: `${WIDGET}/embed.html?demo=true`, ...callbacks });
  const iframe = container.querySelector('iframe');
  if (!iframe?.contentWindow) throw new Error('no iframe mounted');
  return { callbacks, widget, iframe, frameWindow: iframe.contentWindow };
}

function send(data: unknown, origin: string, source: MessageEventSource | null) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

afterEach(() => {
  document.body.replaceChildren();
});

/** Payloads shaped like the protocol, with every field possibly wrong, plus anything at all. */
const envelopeLike = fc.record(
  {
    source: fc.oneof(fc.constant('connect-widget'), fc.string()),
    version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    step: fc.oneof(fc.constantFrom(...STEPS), fc.string(), fc.integer()),
    height: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)),
    loginId: fc.oneof(fc.string(), fc.jsonValue()),
    flinksCode: fc.oneof(fc.string(), fc.jsonValue()),
    institution: fc.oneof(fc.string(), fc.constant(null)),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(
  envelopeLike,
  envelopeLike.map((value) => JSON.stringify(value)),
  fc.jsonValue(),
  fc.string(),
  fc.constant(undefined),
);

describe('the host SDK, whatever is posted to the host window', () => {
  it('ignores every message that is not from the widget origin and its iframe', () => {
    const { callbacks, iframe, frameWindow } = setUp();
    const stranger = document.createElement('iframe');
    document.body.append(stranger);
    const sender = fc.oneof(
      fc.record({
        origin: fc.webUrl().map((url) => new URL(url).origin),
        source: fc.constant<MessageEventSource | null>(frameWindow),
      }),
      fc.record({
        origin: fc.constant(WIDGET),
        source: fc.constantFrom<MessageEventSource | null>(window, stranger.contentWindow, null),
      }),
      fc.record({ origin: fc.constant('null'), source: fc.constant<MessageEventSource | null>(frameWindow) }),
    );
    fc.assert(
      fc.property(payload, sender, (data, from) => {
        fc.pre(from.origin !== WIDGET || from.source !== frameWindow);
        send(data, from.origin, from.source);
      }),
      { numRuns: 500 },
    );
    expect(callbacks.onEvent).not.toHaveBeenCalled();
    expect(callbacks.onSuccess).not.toHaveBeenCalled();
    expect(callbacks.onExit).not.toHaveBeenCalled();
    expect(iframe.style.height).toBe('');
  });

  it('from the widget itself, never throws, passes on known steps only and sizes the frame with sane heights only', () => {
    const { callbacks, iframe, frameWindow } = setUp();
    fc.assert(
      fc.property(payload, (data) => {
        callbacks.onEvent.mockClear();
        const before = iframe.style.height;
        send(data, WIDGET, frameWindow);
        const decoded = (typeof data === 'string' ? safeParse(data) : data) as Record<string, unknown> | null;
        const valid =
          typeof decoded === 'object' &&
          decoded !== null &&
          decoded.source === 'connect-widget' &&
          decoded.version === 1 &&
          isWidgetEventName(decoded.step);
        // An error comes as Flinks Connect posts it: no step, a flinksCode; the SDK names it ERROR.
        const error =
          typeof decoded === 'object' &&
          decoded !== null &&
          decoded.source === 'connect-widget' &&
          decoded.version === 1 &&
          decoded.step === undefined &&
          typeof decoded.flinksCode === 'string' &&
          decoded.flinksCode !== '';
        const saneHeight =
          typeof decoded?.height === 'number' && Number.isFinite(decoded.height) && decoded.height >= 0;
        if (error) {
          expect(callbacks.onEvent).toHaveBeenCalledWith(
            'ERROR',
            expect.objectContaining({ flinksCode: decoded.flinksCode }),
          );
        } else if (!valid || (decoded.step === 'APP_RESIZE' && !saneHeight)) {
          expect(callbacks.onEvent).not.toHaveBeenCalled();
          expect(iframe.style.height).toBe(before);
        } else {
          expect(callbacks.onEvent).toHaveBeenCalledWith(decoded.step, expect.any(Object));
        }
        expect(iframe.style.height).toMatch(/^(|\d+px)$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('holds a huge but finite height to a size CSS can write (1e21 once came out as "1e+21px")', () => {
    const { callbacks, iframe, frameWindow } = setUp();
    send({ source: 'connect-widget', version: 1, step: 'APP_RESIZE', height: 1e21 }, WIDGET, frameWindow);
    expect(iframe.style.height).toBe('100000px');
    expect(callbacks.onEvent).toHaveBeenCalledWith('APP_RESIZE', expect.objectContaining({ height: 1e21 }));
  });

  it('lets no payload pollute prototypes', () => {
    const { callbacks, frameWindow } = setUp();
    send(
      '{"source":"connect-widget","version":1,"step":"REDIRECT","loginId":"l","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      WIDGET,
      frameWindow,
    );
    expect(callbacks.onSuccess).toHaveBeenCalledTimes(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
