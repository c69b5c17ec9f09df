/** An address in each language of the widget: the bank's page in English and in French (often the same). */
export interface LocalizedUrl {
  en: string;
  fr: string;
}

/** A bank's pages beyond its website (in pages.ts, loaded with the screens that link to them). */
export interface BankPages {
  /** The bank's page for a forgotten password or username; the widget falls back to `website` without it. */
  forgotPasswordUrl?: LocalizedUrl;
  /** The bank's "contact us" page (phone numbers, branches); the widget falls back to `website` without it. */
  contactUrl?: LocalizedUrl;
}

/** A bank the widget can connect to. `id` is Flinks' `Institution` identifier (case matters). */
export interface Institution {
  id: string;
  name: { en: string; fr: string };
  /**
   * The bank's own website (where people reset a password or accept new terms). An absolute https address, or for
   * the sandbox bank a path on the sandbox server (resolved against the widget's `apiBaseUrl`); null when unknown.
   */
  website: string | null;
  /** Shown first, in this order, before the search narrows the list. */
  popularRank?: number;
  /** Only listed with `demo`. */
  sandbox?: boolean;
  /**
   * How the bank signs people in: our credential form (the default), or its own page (`oauth`), in
   * which case the widget never shows the credential form for it.
   */
  signIn?: 'credentials' | 'oauth';
  /** Short names people type ("BNC", "Banque Nationale du Canada"), found by the search like the names. */
  aliases?: readonly string[];
  /** `CA` or `US`, when the catalog says. */
  country?: string;
  /**
   * The bank's logo: from the partner's catalog or the institutions answer (`LogoUrl`), a `data:` image or a path on the
   * widget's server (what the page's CSP loads). The list shows a neutral monogram tile without one.
   */
  logoUrl?: string;
}
