import { useEffect, useLayoutEffect, useRef } from 'react';
import {
  connectFrame,
  FRAME_URL_PROBLEM,
  frameTitle,
  frameUrl,
  prepareFrame,
  type ConnectHandlers,
} from './frame';

/** Props of `<ConnectFrame>`: the widget page's address and the host callbacks. */
export interface ConnectFrameProps extends ConnectHandlers {
  /** The widget's `/embed.html` address with its parameters; `parentOrigin` is added when missing. */
  url: string;
  className?: string;
  /** The iframe's accessible name; defaults to one in the widget's language. */
  title?: string;
}

/**
 * The embed page in an iframe, for React hosts: what `/connect.js` does, as a component.
 * Callbacks may be inline arrows: they are read at each message, so a re-render never reloads the widget.
 * @example
 * <ConnectFrame
 *   url="https://connect.example/embed.html?demo=true&language=fr"
 *   onSuccess={({ loginId }) => saveLogin(loginId)}
 *   onExit={(error) => error && report(error.flinksCode)}
 * />
 */
export function ConnectFrame({ url, className, title, onEvent, onSuccess, onExit }: ConnectFrameProps) {
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const handlers = useRef<ConnectHandlers>({ onEvent, onSuccess, onExit });

  useLayoutEffect(() => {
    handlers.current = { onEvent, onSuccess, onExit };
  });

  // React owns the one iframe; the effect only points it at the widget and listens, so StrictMode's second run
  // neither adds a frame nor reloads it.
  useEffect(() => {
    const iframe = iframeRef.current;
    if (iframe === null) return;
    prepareFrame(iframe);
    const address = frameUrl(url, window.location);
    if (address === null) {
      // No src at all: an empty frame, never a script run in the host page.
      console.error(`ConnectFrame: ${FRAME_URL_PROBLEM}`);
      return;
    }
    return connectFrame(iframe, address, () => handlers.current);
  }, [url]);

  return (
    <iframe
      ref={iframeRef}
      className={className}
      title={title ?? frameTitle(url)}
      referrerPolicy="no-referrer"
    />
  );
}
