import {
  connectFrame,
  FRAME_URL_PROBLEM,
  frameTitle,
  frameUrl,
  prepareFrame,
  type ConnectHandlers,
} from '../frame';

/**
 * `/connect.js`: the host SDK as a plain script, no framework.
 * @example
 * <script src="https://connect.example/connect.js"></script>
 * <script type="module">
 *   const widget = window.ConnectWidget.mount({
 *     container: document.getElementById('connect'),
 *     url: 'https://connect.example/embed.html?demo=true',
 *     onSuccess: ({ loginId }) => saveLogin(loginId),
 *     onExit: (error) => console.warn(error),
 *   });
 *   // later: widget.destroy();
 * </script>
 */
export interface MountOptions extends ConnectHandlers {
  /** The element the iframe goes into. */
  container: HTMLElement;
  /** The widget's `/embed.html` address with its parameters; `parentOrigin` is added when missing. */
  url: string;
  /** The iframe's accessible name; defaults to one in the widget's language. */
  title?: string;
}

export interface MountedWidget {
  /** Removes the iframe and stops listening. Safe to call twice. */
  destroy(): void;
}

export interface ConnectWidgetSdk {
  mount(options: MountOptions): MountedWidget;
}

declare global {
  interface Window {
    ConnectWidget?: ConnectWidgetSdk;
  }
}

export function mount(options: MountOptions): MountedWidget {
  const url = frameUrl(options.url, window.location);
  if (url === null) throw new TypeError(FRAME_URL_PROBLEM);
  const iframe = document.createElement('iframe');
  iframe.title = options.title ?? frameTitle(options.url);
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  prepareFrame(iframe);
  const disconnect = connectFrame(iframe, url, () => options);
  options.container.appendChild(iframe);
  let mounted = true;
  return {
    destroy() {
      if (!mounted) return;
      mounted = false;
      disconnect();
      iframe.remove();
    },
  };
}
