/**
 * The browser's side of an OAuth sign-in: the popup to the bank's page, or the whole window sent there, and the
 * message the return page posts back. The runner uses it; tests give their own.
 */
export interface BankWindow {
  /** Closes it (when the widget goes away or the person leaves), if it is still open. */
  close(): void;
  /** Sends it to the bank's page. */
  go(url: string): void;
  readonly closed: boolean;
  /** The window a message from the return page must come from. */
  readonly source: unknown;
}

export interface OAuthBrowser {
  /** Opens a blank popup: must run within the person's click. Null when the browser blocks it. */
  openPopup(): BankWindow | null;
  /** Sends the whole window (the top one when it may) to the bank's page. */
  leaveFor(url: string): void;
  /** The address of the page the widget is on: where a whole-window trip comes back by default. */
  currentUrl(): string;
  /** Every message this window receives; returns the unsubscribe. */
  onMessage(listener: (message: { origin: string; source: unknown; data: unknown }) => void): () => void;
}

/** The one popup of a connection: reopening it reuses it, so "I closed it by mistake" never stacks windows. */
const POPUP_NAME = 'connect-widget-bank';
const POPUP_FEATURES = 'popup,width=480,height=720';

/** The real browser. */
export function browserWindow(): OAuthBrowser {
  return {
    openPopup() {
      let popup: Window | null = null;
      try {
        popup = window.open('', POPUP_NAME, POPUP_FEATURES);
      } catch {
        popup = null;
      }
      if (!popup) return null;
      const opened = popup;
      return {
        close: () => opened.close(),
        go: (url) => {
          opened.location.href = url;
        },
        get closed() {
          return opened.closed;
        },
        source: opened,
      };
    },
    leaveFor(url) {
      try {
        // Only the `href` setter of a cross-origin Location is allowed; `assign()` would throw.
        (window.top ?? window).location.href = url;
      } catch {
        // A frame that may not move the top window goes there itself.
        window.location.href = url;
      }
    },
    currentUrl: () => window.location.href,
    onMessage(listener) {
      const handle = (event: MessageEvent) =>
        listener({ origin: event.origin, source: event.source, data: event.data as unknown });
      window.addEventListener('message', handle);
      return () => window.removeEventListener('message', handle);
    },
  };
}
