import {
  eventListener,
  type ConnectEventArgs,
  type ConnectEventHandler,
  type ConnectEventMetadata,
} from '../flow/events';
import { decode, isWidgetEventName, type WidgetError, type WidgetSuccess } from './protocol';

/** What the host learns when the person leaves without connecting. */
export interface ExitMetadata {
  institution: string | null;
  requestId: string | null;
}

/**
 * The host's callbacks, shared by `/connect.js` and `<ConnectFrame>`.
 * @example
 * {
 *   onSuccess: ({ loginId }) => saveLogin(loginId),
 *   onExit: (error) => error && report(error.flinksCode),
 *   onEvent: (name, metadata) => analytics.track(name, metadata),
 * }
 */
export interface ConnectHandlers {
  /** Every event the widget sends, REDIRECT and COMPONENT_CLOSE_SESSION included. */
  onEvent?: ConnectEventHandler;
  /** The connection succeeded (REDIRECT): keep `loginId`. */
  onSuccess?: (success: WidgetSuccess) => void;
  /**
   * The person closed the widget. `error` is the problem on screen when they did (as `<ConnectWidget>`'s `onExit`
   * reports it), or null.
   */
  onExit?: (error: WidgetError | null, metadata: ExitMetadata) => void;
}

/** Said to the developer when a widget address is not an http(s) one. */
export const FRAME_URL_PROBLEM =
  'The widget url must be an http or https address (e.g. https://connect.example/embed.html).';

/**
 * The widget page's address with `parentOrigin` set to the host's own origin when the caller left it out; null when
 * it is not an http(s) address (a `javascript:` or `data:` URL would run in, or as, the host page).
 */
export function frameUrl(url: string, host: Location): URL | null {
  let resolved: URL;
  try {
    resolved = new URL(url, host.href);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return null;
  if (!resolved.searchParams.has('parentOrigin')) resolved.searchParams.set('parentOrigin', host.origin);
  return resolved;
}

export { frameTitle, prepareFrame } from './frame-look';

/**
 * Points `iframe` at the widget and listens to it. A message counts only when it comes from the widget's origin
 * AND from this iframe's window, so another frame or window on the page cannot speak for the widget.
 * `handlers` is read at each message, so callers can swap callbacks without reconnecting.
 * Returns the function that stops listening (idempotent).
 */
export function connectFrame(
  iframe: HTMLIFrameElement,
  url: URL,
  handlers: () => ConnectHandlers,
): () => void {
  const view = iframe.ownerDocument.defaultView ?? window;
  let institution: string | null = null;
  let requestId: string | null = null;

  function onMessage(event: MessageEvent) {
    if (event.origin !== url.origin || event.source === null || event.source !== iframe.contentWindow) return;
    const message = decode(event.data);
    if (message === null || !isWidgetEventName(message.step)) return;
    const { source: _source, version: _version, step, ...metadata } = message;
    const fields = metadata as Partial<ConnectEventMetadata['REDIRECT'] & ConnectEventMetadata['APP_RESIZE']>;
    if (typeof fields.institution === 'string') institution = fields.institution;
    if (typeof fields.requestId === 'string') requestId = fields.requestId;
    if (step === 'APP_RESIZE') {
      const height = fields.height;
      if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
      iframe.style.height = `${Math.ceil(height)}px`;
    }

    const { onEvent, onSuccess, onExit } = handlers();
    if (onEvent) eventListener(onEvent)(...([step, metadata] as ConnectEventArgs));
    if (step === 'REDIRECT') onSuccess?.(metadata as WidgetSuccess);
    if (step === 'COMPONENT_CLOSE_SESSION') {
      // COMPONENT_CLOSE_SESSION itself says which problem was on screen, if any.
      const close = metadata as Partial<ConnectEventMetadata['COMPONENT_CLOSE_SESSION']>;
      const error: WidgetError | null =
        typeof close.flinksCode === 'string'
          ? {
              flinksCode: close.flinksCode,
              requestId: typeof close.requestId === 'string' ? close.requestId : null,
              institution,
            }
          : null;
      onExit?.(error, { institution, requestId: error?.requestId ?? requestId });
    }
  }

  view.addEventListener('message', onMessage);
  if (iframe.getAttribute('src') !== url.href) iframe.src = url.href;
  return () => view.removeEventListener('message', onMessage);
}
