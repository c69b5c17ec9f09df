/**
 * The embed page's first screen is drawn by the server (src/embed/first-screen.tsx) and taken over by the script
 * (main.tsx). What both sides agree on lives here: the marks the server leaves in the page, and what the script does
 * with them. The person may type before the script arrives: every character is kept, and the sign-in button stays
 * disabled until the script runs, so the form can never be sent by the browser itself (a GET with the password in its
 * address).
 */

/** On `#root`: the server drew its content for a page that is `framed` or at the `top`. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
export type FirstScreenPlace = 'framed' | 'top';

/** The element whose text describes the disabled button while the script loads (outside `#root`). */
export const HYDRATION_WAIT_ID = 'cw-hydration-wait';

/** Marks a button the server disabled until the script takes over. */
export const LOCKED_ATTRIBUTE = 'data-locked-until-hydrated';

/** Where the page is: the server's drawing is only taken over when it was made for the same place. */
export function placeOf(view: Window): FirstScreenPlace {
  return view.parent === view ? 'top' : 'framed';
}

/** True when `#root` holds a first screen the server drew for this place. */
export function canHydrate(container: HTMLElement, place: FirstScreenPlace): boolean {
  return container.getAttribute(FIRST_SCREEN_ATTRIBUTE) === place && container.firstElementChild !== null;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

function fieldKey(field: Field): string | null {
  return field.id || field.name || null;
}

/** What the person typed into the server's form before the script arrived, by field id (or name). */
export function typedValues(container: HTMLElement): Map<string, string> {
  const values = new Map<string, string>();
  for (const field of container.querySelectorAll<Field>('input, textarea')) {
    const key = fieldKey(field);
    if (key && field.value !== '' && field.type !== 'checkbox' && field.type !== 'radio')
      values.set(key, field.value);
  }
  return values;
}

/**
 * Puts back what the person typed into any field that taking over the form emptied (a form library may write its
 * default values into the fields it registers), and tells the form through an `input` event, as typing would.
 */
export function restoreTypedValues(container: HTMLElement, values: Map<string, string>): void {
  const view = container.ownerDocument.defaultView;
  if (view === null) return;
  for (const field of container.querySelectorAll<Field>('input, textarea')) {
    const key = fieldKey(field);
    const typed = key === null ? undefined : values.get(key);
    if (typed === undefined || field.value === typed) continue;
    field.value = typed;
    field.dispatchEvent(new view.Event('input', { bubbles: true }));
  }
}

/** The script has taken over: the locked buttons work again and the waiting text goes. */
export function releaseLockedButtons(doc: Document): void {
  for (const button of doc.querySelectorAll(`button[${LOCKED_ATTRIBUTE}]`)) {
    button.removeAttribute(LOCKED_ATTRIBUTE);
    button.removeAttribute('disabled');
    // Only the waiting text goes: a description the button had of its own stays.
    const own = (button.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '' && id !== HYDRATION_WAIT_ID);
    if (own.length > 0) button.setAttribute('aria-describedby', own.join(' '));
    else button.removeAttribute('aria-describedby');
  }
  doc.getElementById(HYDRATION_WAIT_ID)?.remove();
}
