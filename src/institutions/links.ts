import type { Language } from '../i18n/types';
import type { BankPages, Institution } from './types';

/** Where the widget's links to a bank go, already in the screen's language and absolute. */
export interface BankLinks {
  website: string;
  forgotPassword: string;
  contact: string;
}

function absolute(address: string, base: string | undefined): string | null {
  // A bank's own address is used exactly as listed.
  if (/^https:\/\//.test(address)) return address;
  try {
    return new URL(address, base).href;
  } catch {
    return null;
  }
}

/**
 * The bank's pages for the screen's language: its "forgot password" and "contact us" pages, each falling back to its
 * website. A relative address (the sandbox bank's site) is taken on the server that answers `apiBaseUrl`, so it works
 * wherever the widget is mounted. Null when the bank has no website the person can be sent to. `pages` is the bank's
 * entry in BANK_PAGES (pages.ts), passed in so the list of pages stays out of the first chunk; undefined means the list
 * has no entry for this bank (both links go to its website). The widget calls this only once the list is in, so no
 * link points at the website while the right page is still loading.
 *
 * @example bankLinks(findInstitution('FlinksCapital'), 'fr', 'http://localhost:5173/v3', BANK_PAGES.FlinksCapital)
 * // { website: 'http://localhost:5173/sandbox-bank/fr/', contact: 'http://localhost:5173/sandbox-bank/fr/nous-joindre', … }
 */
export function bankLinks(
  institution: Institution | undefined,
  language: Language,
  apiBaseUrl?: string,
  pages?: BankPages,
): BankLinks | null {
  if (!institution?.website) return null;
  const base = apiBaseUrl
    ? absolute(apiBaseUrl, typeof document === 'undefined' ? undefined : document.baseURI)
    : typeof document === 'undefined'
      ? null
      : document.baseURI;
  const website = absolute(institution.website, base ?? undefined);
  if (!website) return null;
  const page = (url: { en: string; fr: string } | undefined) =>
    (url && absolute(url[language], base ?? undefined)) ?? website;
  return {
    website,
    forgotPassword: page(pages?.forgotPasswordUrl),
    contact: page(pages?.contactUrl),
  };
}
