import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A form the widget draws may reach the browser as HTML before the script that runs it: a partner's server renders
 * `<ConnectWidget>` (Next.js, React Router, any `renderToString`) and the browser shows a working HTML form. Sent by the
 * browser itself (Enter in a field, a click on its button), it would go out as `GET /their-page?password=…`: into the
 * address bar, the history, the partner's logs and any Referer. Until the script runs the form, its submit button is
 * disabled (no click and no Enter can send it; JavaScript off included) and its fields carry no `name` (a form sent
 * anyway would carry none of them).
 */

/**
 * Set by a page that locks its own server-drawn screen until its script runs (the embed page: the server disables its
 * buttons, server/embed-config.ts), so that the form's lock does not stand twice: the function that lifts the page's
 * lock, which the widget calls once the screen the server drew is hydrated (a tap on a button React does not run yet
 * would be lost).
 */
export const PageLocksFirstScreen = createContext<(() => void) | null>(null);

/** Lifts the page's lock (above) once the screen around it runs: effects run only after hydration. */
export function ReleasePageLock(): null {
  const release = useContext(PageLocksFirstScreen);
  useEffect(() => release?.(), [release]);
  return null;
}

const noSubscription = () => () => undefined;

/**
 * False on the server and while React adopts HTML a server drew (hydration); true once the script runs the form, and
 * at once when the script draws it itself.
 */
export function useFormLive(): boolean {
  const running = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return useContext(PageLocksFirstScreen) !== null || running;
}

/**
 * A react-hook-form field as a server-drawn form shows it: without its `name` until the script runs the form (`live`).
 * When the script adopts the field, react-hook-form writes its default value over what the person typed: `keep` puts
 * the typed value back.
 */
export function unsentUntilLive<Name extends string>(
  field: UseFormRegisterReturn<Name>,
  live: boolean,
  keep: (name: Name, typed: string) => void,
): UseFormRegisterReturn<Name> | Omit<UseFormRegisterReturn<Name>, 'name'> {
  if (live) return field;
  const { name, ref, ...rest } = field;
  return {
    ...rest,
    ref: (element: HTMLInputElement | null) => {
      const typed = element?.value ?? '';
      ref(element);
      if (element && typed !== '' && element.value !== typed) keep(name, typed);
    },
  };
}
