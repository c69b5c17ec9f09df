/**
 * The embed page's first script, a few hundred bytes loaded before the widget's own (server/held-submit.ts builds it
 * and puts it in the page): Enter pressed in the server-drawn sign-in form before the widget's script runs is noted
 * here, and the widget sends the form itself once it has taken over (`takeHeldSubmit`, main.tsx). Nothing is sent
 * from here: the form keeps its locked button (the browser cannot send it), and only the widget's own sign-in request
 * ever carries what was typed. Self-contained on purpose (a classic script, no imports): the names it shares with
 * src/embed/hydration.ts are repeated, and the tests hold both to them.
 */

// The names shared with hydration.ts are written out (a lookup would cost bytes on the first load): the button's
// LOCKED_ATTRIBUTE, and HELD_SUBMIT where the form pressed is kept for the widget.
addEventListener(
  'keydown',
  (event) => {
    const field = event.target as HTMLInputElement;
    const form = field.form;
    // Enter in a field, as the browser takes it for "send the form", not while an input method composes a word.
    if (
      event.key === 'Enter' &&
      !event.isComposing &&
      field.tagName === 'INPUT' &&
      form?.querySelector('[type=submit][data-locked-until-hydrated]')
    )
      (window as unknown as { cwHeldSubmit: HTMLFormElement }).cwHeldSubmit = form;
  },
  true,
);

export {};
