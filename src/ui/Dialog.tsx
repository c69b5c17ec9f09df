import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import './dialog.css';

export interface DialogProps {
  title: string;
  body: string;
  /** The safe choice: focused first, and what Escape does. */
  cancelLabel: string;
  confirmLabel: string;
  onCancel(): void;
  onConfirm(): void;
}

const focusable = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation inside the widget: focus moves in and stays in (Tab wraps), Escape cancels, and focus
 * returns to where it was when the dialog closes.
 */
export function Dialog({ title, body, cancelLabel, confirmLabel, onCancel, onConfirm }: DialogProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Before the widget behind turns inert (its effect runs after this one): read then, the focus is still on the
  // button that opened the dialog, not already dropped on the page's body.
  useLayoutEffect(() => {
    const previous = document.activeElement;
    cancelRef.current?.focus();
    return () => {
      // Once this commit is done and the widget behind is no longer inert: an inert element takes no focus.
      queueMicrotask(() => {
        if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
      });
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="cw-dialog-backdrop">
      <div
        ref={ref}
        className="cw-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 className="cw-heading" id={`${id}-title`}>
          {title}
        </h2>
        <p id={`${id}-body`}>{body}</p>
        <div className="cw-actions">
          <button ref={cancelRef} type="button" className="cw-button cw-button--primary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="cw-button cw-button--secondary" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
