/** A bank the widget can connect to. `id` is Flinks' `Institution` identifier (case matters). */
export interface Institution {
  id: string;
  name: { en: string; fr: string };
  /** The bank's own website (where people reset a password or accept new terms); null for the sandbox bank. */
  website: string | null;
  /** Shown first, in this order, before the search narrows the list. */
  popularRank?: number;
  /** Only listed with `demo`. */
  sandbox?: boolean;
  /**
   * How the bank signs people in: our credential form (the default), or its own page (`oauth`, CONTRACT §8), in
   * which case the widget never shows the credential form for it.
   */
  signIn?: 'credentials' | 'oauth';
  /** Short names people type ("BNC", "Banque Nationale du Canada"), found by the search like the names. */
  aliases?: readonly string[];
  /** `CA` or `US`, when the catalog says. */
  country?: string;
  /** A logo the API gave (a `data:` URL or a path on this server); the list shows a monogram tile otherwise. */
  logo?: string;
}
