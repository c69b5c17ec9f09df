import { frameTitles } from './messages';
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
  /** The person closed the widget. `error` is the last error they met, or null. */
  onExit?: (error: WidgetError | null, metadata: ExitMetadata) => void;
}

/** The widget page's address with `parentOrigin` set to the host's own origin when the caller left it out. */
export function frameUrl(url: string, host: Location): URL {
  const resolved = new URL(url, host.href);
  if (!resolved.searchParams.has('parentOrigin')) resolved.searchParams.set('parentOrigin', host.origin);
  return resolved;
}

/** The iframe's accessible name, in the language the widget's address asks for. */
export function frameTitle(url: string): string {
  const query = url.split('#')[0]?.split('?')[1] ?? '';
  return new URLSearchParams(query).get('language') === 'fr' ? frameTitles.fr : frameTitles.en;
}

/** How every widget iframe looks by default: no border, full width. CSSOM only: the host may run a strict CSP. */
export function prepareFrame(iframe: HTMLIFrameElement): void {
  iframe.style.border = '0';
  iframe.style.width = '100%';
  iframe.style.display = 'block';
}

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
  let lastError: WidgetError | null = null;

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
    if (step === 'ERROR') lastError = metadata as WidgetError;

    const { onEvent, onSuccess, onExit } = handlers();
    if (onEvent) eventListener(onEvent)(...([step, metadata] as ConnectEventArgs));
    if (step === 'REDIRECT') onSuccess?.(metadata as WidgetSuccess);
    if (step === 'COMPONENT_CLOSE_SESSION') onExit?.(lastError, { institution, requestId });
  }

  view.addEventListener('message', onMessage);
  if (iframe.getAttribute('src') !== url.href) iframe.src = url.href;
  return () => view.removeEventListener('message', onMessage);
}
