import type { ConnectEventMetadata, ConnectEventName } from '../flow/events';
import { encode, envelope, exitEnvelope, type WidgetError } from './protocol';

/** The embed page's side of the protocol: what it posts to its host. */
export interface EmbedBridge {
  /** Posts one event to the host's origin (never `"*"`). Framed pages only; at top level it does nothing. */
  post<N extends ConnectEventName>(name: N, metadata: ConnectEventMetadata[N]): void;
  /** Posts how the person left (the problem on screen, or null); the page sends it right before COMPONENT_CLOSE_SESSION. */
  postExit(error: WidgetError | null): void;
  /** Posts APP_RESIZE `{height}` each time the element's height changes. Returns the function that stops it. */
  observeHeight(element: HTMLElement): () => void;
}

export interface EmbedBridgeOptions {
  /** The window that framed the page, or null at top level. */
  parent: Window | null;
  /** The host's origin, already checked against the deployment's allowed origins. */
  parentOrigin: string | null;
  stringify: boolean;
}

/**
 * The widget reports every step itself, APP_ONLINE and APP_OFFLINE included; the page forwards them and adds
 * APP_RESIZE, which only it can measure.
 */
export function createEmbedBridge({ parent, parentOrigin, stringify }: EmbedBridgeOptions): EmbedBridge {
  let lastHeight: number | null = null;

  function post<N extends ConnectEventName>(name: N, metadata: ConnectEventMetadata[N]): void {
    if (parent === null || parentOrigin === null) return;
    parent.postMessage(encode(envelope(name, metadata), stringify), parentOrigin);
  }

  function postExit(error: WidgetError | null): void {
    if (parent === null || parentOrigin === null) return;
    parent.postMessage(encode(exitEnvelope(error), stringify), parentOrigin);
  }

  function observeHeight(element: HTMLElement): () => void {
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      post('APP_RESIZE', { height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }

  return { post, postExit, observeHeight };
}
