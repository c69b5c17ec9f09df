import type { ConnectEventMetadata, ConnectEventName } from '../flow/events';
import type { ConnectExitError } from '../flow/host';
import type { StepName } from '../flow/state';
import { encode, envelope, exitEnvelope } from './protocol';

/** The embed page's side of the protocol: what it posts to its host. */
export interface EmbedBridge {
  /** Posts one event to the host's origin (never `"*"`). Framed pages only; at top level it does nothing. */
  post<N extends ConnectEventName>(name: N, metadata: ConnectEventMetadata[N]): void;
  /** Posts how the person left (the problem on screen, or null); the page sends it right before COMPONENT_CLOSE_SESSION. */
  postExit(error: ConnectExitError | null, from: StepName): void;
  /** Posts APP_RESIZE `{height}` each time the element's height changes. Returns the function that stops it. */
  observeHeight(element: HTMLElement): () => void;
}

export interface EmbedBridgeOptions {
  /** The window that framed the page, or null at top level. */
  parent: Window | null;
  /** The host's origin, already checked against the deployment's allowed origins. */
  parentOrigin: string | null;
  stringify: boolean;
  /**
   * `webview=true` (CONTRACT §9): the page's own window, whose native channel gets every message as a JSON string;
   * nothing then goes to a parent.
   */
  webview?: Window;
}

/** What a mobile app injects into its webview to hear the page (CONTRACT §9; the README shows each listener). */
interface NativeChannels {
  ReactNativeWebView?: { postMessage?: (message: string) => void };
  webkit?: { messageHandlers?: { flinksEvent?: { postMessage?: (message: string) => void } } };
  /** Android: `webView.addJavascriptInterface(listener, "FlinksAndroid")` with a `postMessage(String)` method. */
  FlinksAndroid?: { postMessage?: (message: string) => void };
}

/**
 * Sends one JSON message to the app: React Native's bridge, else the iOS handler `flinksEvent`, else the Android
 * interface. Looked up at each message, since an app may inject its channel after the page started. False: none.
 */
export function postToApp(view: Window, message: string): boolean {
  const channels = view as Window & NativeChannels;
  const react = channels.ReactNativeWebView;
  if (typeof react?.postMessage === 'function') {
    react.postMessage(message);
    return true;
  }
  const ios = channels.webkit?.messageHandlers?.flinksEvent;
  if (typeof ios?.postMessage === 'function') {
    ios.postMessage(message);
    return true;
  }
  const android = channels.FlinksAndroid;
  if (typeof android?.postMessage === 'function') {
    android.postMessage(message);
    return true;
  }
  return false;
}

/**
 * The widget reports every step itself, APP_ONLINE and APP_OFFLINE included; the page forwards them and adds
 * APP_RESIZE, which only it can measure.
 */
export function createEmbedBridge({
  parent,
  parentOrigin,
  stringify,
  webview,
}: EmbedBridgeOptions): EmbedBridge {
  let lastHeight: number | null = null;

  function send(message: object): void {
    if (webview) {
      postToApp(webview, JSON.stringify(message));
      return;
    }
    if (parent === null || parentOrigin === null) return;
    parent.postMessage(encode(message, stringify), parentOrigin);
  }

  function post<N extends ConnectEventName>(name: N, metadata: ConnectEventMetadata[N]): void {
    send(envelope(name, metadata));
  }

  function postExit(error: ConnectExitError | null, from: StepName): void {
    send(exitEnvelope(error, from));
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
