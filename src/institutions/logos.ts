/**
 * Logos the widget draws itself, as inline images (a `data:` URL: the embed page's CSP allows `img-src 'self' data:`,
 * and nothing is fetched). Only the sandbox bank has one: a real bank's logo comes from the partner's catalog or the
 * institutions answer (`logoUrl`). Loaded with the bank list, never with the first screen's code.
 */

/** Flinks Capital, the sandbox bank: a white "F" over a rising bar on its deep blue, drawn for this widget. */
export const FLINKS_CAPITAL_LOGO = `data:image/svg+xml,${
  /* @__PURE__ */ encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b3b5c"/>' +
      '<path d="M10 24V8h12v3.5h-8V15h7v3.5h-7V24z" fill="#fff"/><path d="M22 24v-4h3v4z" fill="#5cc8b5"/></svg>',
  )
}`;

/** The built-in banks' own logos, by Flinks `Institution` id. */
export const BUILT_IN_LOGOS: Readonly<Record<string, string>> = {
  FlinksCapital: FLINKS_CAPITAL_LOGO,
  FlinksCapitalOAuth: FLINKS_CAPITAL_LOGO,
};
