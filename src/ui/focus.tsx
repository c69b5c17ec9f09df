import { createContext, useContext, useLayoutEffect, useRef } from 'react';

/**
 * Whether a newly mounted screen takes focus. False for the very first screen, so that mounting the widget
 * never pulls focus away from the host page; true for every screen after a step changes.
 */
export const StepFocusContext = createContext(false);

/**
 * Moves focus to a heading by script, marked so that no ring shows for it (`data-focus="script"`, see widget.css):
 * a ring around a heading the person never chose looks like a fault. Screen readers still land on it; a control the
 * keyboard reaches keeps its ring (`:focus-visible`). The mark goes when the heading loses focus.
 */
export function focusFromScript(element: HTMLElement | null): void {
  if (!element) return;
  element.dataset.focus = 'script';
  element.addEventListener('blur', () => delete element.dataset.focus, { once: true });
  element.focus();
}

/** A ref for a step's heading: focused when the screen mounts after a step change. */
export function useStepFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const shouldFocus = useContext(StepFocusContext);
  // In the commit itself (not after paint), so focus has moved by the time the screen shows, on React 18 as on 19.
  useLayoutEffect(() => {
    if (shouldFocus) focusFromScript(ref.current);
    // Only on mount: a language switch re-renders the screen and must leave focus where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
