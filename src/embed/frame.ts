import {
  eventListener,
  type ConnectEventArgs,
  type ConnectEventMetadata,
  type ConnectEventName,
} from '../flow/events';
import type { ConnectExitError, ConnectExitMetadata, ConnectHandlers } from '../flow/host';
import type { StepName } from '../flow/state';
import { decode, isWidgetEventName, UNDESCRIBED_EXIT, type WidgetSuccess } from './protocol';

export type { ConnectHandlers } from '../flow/host';

/** @deprecated Use `ConnectExitMetadata`: `onExit`'s metadata, the same in the component and in the frame. */
export type ExitMetadata = ConnectExitMetadata;

/** The step each screen's event opens, for a page that does not say where the person left from. */
const STEP_OF: Partial<Record<ConnectEventName, StepName>> = {
  COMPONENT_LOAD_CONSENT: 'consent',
  COMPONENT_LOAD_INSTITUTION_SELECTOR: 'institution',
  COMPONENT_LOAD_CREDENTIAL: 'credentials',
  COMPONENT_LOAD_CREDENTIAL_RETRY: 'credentials',
  COMPONENT_LOAD_MFA: 'mfa',
  COMPONENT_LOAD_MFA_RETRY: 'mfa',
  COMPONENT_LOAD_ACCOUNT_SELECTION: 'accounts',
  ERROR: 'guidance',
  REDIRECT: 'success',
};

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
  // The step the person is on, from the last screen event: `onExit`'s metadata names it, as the component's does.
  let step: StepName = 'institution';

  function onMessage(event: MessageEvent) {
    if (event.origin !== url.origin || event.source === null || event.source !== iframe.contentWindow) return;
    const message = decode(event.data);
    if (message === null || !isWidgetEventName(message.step)) return;
    const { source: _source, version: _version, step: name, ...metadata } = message;
    const fields = metadata as Partial<ConnectEventMetadata['REDIRECT'] & ConnectEventMetadata['APP_RESIZE']>;
    if (typeof fields.institution === 'string') institution = fields.institution;
    if (typeof fields.requestId === 'string') requestId = fields.requestId;
    if (name === 'APP_RESIZE') {
      const height = fields.height;
      if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
      // Held to 100,000 px: past any screen, and a number CSS reads (1e21 would be written as "1e+21px").
      iframe.style.height = `${Math.min(Math.ceil(height), 100_000)}px`;
    }
    step = STEP_OF[name] ?? step;

    const { onEvent, onSuccess, onExit } = handlers();
    if (onEvent) eventListener(onEvent)(...([name, metadata] as ConnectEventArgs));
    if (name === 'REDIRECT') onSuccess?.(metadata as WidgetSuccess);
    if (name === 'COMPONENT_CLOSE_SESSION') {
      // COMPONENT_CLOSE_SESSION itself says which problem was on screen, if any (its own `institution` is read above).
      const close = metadata as Partial<ConnectEventMetadata['COMPONENT_CLOSE_SESSION']>;
      const error: ConnectExitError | null =
        typeof close.flinksCode === 'string'
          ? {
              flinksCode: close.flinksCode,
              developerMessage: UNDESCRIBED_EXIT,
              requestId: typeof close.requestId === 'string' ? close.requestId : null,
              institution,
            }
          : null;
      onExit?.(error, {
        step,
        institution,
        requestId: error?.requestId ?? requestId,
        ...(error ? { flinksCode: error.flinksCode, developerMessage: error.developerMessage } : {}),
      });
    }
  }

  view.addEventListener('message', onMessage);
  if (iframe.getAttribute('src') !== url.href) iframe.src = url.href;
  return () => view.removeEventListener('message', onMessage);
}
