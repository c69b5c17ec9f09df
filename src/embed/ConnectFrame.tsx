import { useEffect, useLayoutEffect, useRef } from 'react';
import { loadOnce } from '../loadOnce';
import type { ConnectHandlers } from './frame';
import { frameTitle, prepareFrame } from './frame-look';

/**
 * The code that points the iframe at the widget and hears it: fetched when a `<ConnectFrame>` mounts, so a page that
 * renders `<ConnectWidget>` never downloads it. Fetched anew after a failure.
 */
const frameCode = loadOnce(() => import('./frame'), { retryOnLoad: true });

/** Props of `<ConnectFrame>`: the widget page's address and the host callbacks. */
export interface ConnectFrameProps extends ConnectHandlers {
  /** The widget's `/embed.html` address with its parameters; `parentOrigin` is added when missing. */
  url: string;
  className?: string | undefined;
  /** The iframe's accessible name; defaults to one in the widget's language. */
  title?: string | undefined;
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
  // neither adds a frame nor reloads it. The frame gets its address only once the listening code is in, so no message
  // of the widget's can arrive unheard.
  useEffect(() => {
    const iframe = iframeRef.current;
    if (iframe === null) return;
    prepareFrame(iframe);
    let live = true;
    let stop: (() => void) | undefined;
    frameCode.load().then(
      ({ connectFrame, frameUrl, FRAME_URL_PROBLEM }) => {
        if (!live) return;
        const address = frameUrl(url, window.location);
        if (address === null) {
          // No src at all: an empty frame, never a script run in the host page.
          console.error(`ConnectFrame: ${FRAME_URL_PROBLEM}`);
          return;
        }
        stop = connectFrame(iframe, address, () => handlers.current);
      },
      () => {
        if (live)
          console.error('ConnectFrame: the code that connects the widget frame could not be downloaded.');
      },
    );
    return () => {
      live = false;
      stop?.();
    };
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
