/**
 * The compact institution catalog the widget's bank list reads (`GET /v3/institutions`), built from Flinks'
 * `Institutions` pages (reference/institutions.md). The connect server serves it (server/catalog.ts) from Flinks or from
 * the sandbox; the sandbox's MSW handlers serve the same list where no server runs (Storybook, tests in a browser).
 */

import { usableLogo } from '../institutions/logo-url';

/** One institution as the widget reads it: short keys, the French name only when it differs. */
export interface CatalogEntry {
  /** Flinks' `Institution` identifier. */
  i: string;
  /** English name. */
  e: string;
  /** French name, when it differs. */
  f?: string;
  /** Country. */
  c: string;
  /** Website. */
  w?: string;
  /** Signs in on its own page (OAuth). */
  o?: 1;
  /** The sandbox bank (listed with `demo` only). */
  s?: 1;
  /** Logo (`LogoUrl`): an inline image or a path on this server, what the widget's CSP loads. */
  l?: string;
}

interface Page {
  Count?: unknown;
  Institutions?: unknown;
}

/** One item of an `Institutions` page, as read: nothing trusted. */
export interface Item {
  Institution?: unknown;
  Name?: { En?: unknown; Fr?: unknown };
  Url?: { En?: unknown };
  Country?: unknown;
  OAuth?: unknown;
  LogoUrl?: unknown;
}

const PAGE = 1000;
/** Past this many, the list is cut: a runaway upstream cannot grow the server's memory without bound. */
const MAX_ENTRIES = 50_000;
const SANDBOX_BANKS = new Set(['FlinksCapital', 'FlinksCapitalOAuth']);

function entryOf(item: Item, sandbox: boolean): CatalogEntry | null {
  const id = item.Institution;
  const en = item.Name?.En;
  if (typeof id !== 'string' || typeof en !== 'string' || id === '' || en === '') return null;
  const fr = typeof item.Name?.Fr === 'string' && item.Name.Fr !== en ? item.Name.Fr : undefined;
  const website =
    typeof item.Url?.En === 'string' && /^https:\/\//.test(item.Url.En) ? item.Url.En : undefined;
  const logo = usableLogo(item.LogoUrl);
  return {
    i: id,
    e: en,
    ...(fr ? { f: fr } : {}),
    c: typeof item.Country === 'string' ? item.Country : 'CA',
    ...(website ? { w: website } : {}),
    ...(item.OAuth === true ? { o: 1 as const } : {}),
    ...(sandbox && SANDBOX_BANKS.has(id) ? { s: 1 as const } : {}),
    ...(logo ? { l: logo } : {}),
  };
}

/** The items of one `Institutions` page, compacted; an item without an identifier or an English name is left out. */
export function compactItems(items: readonly Item[], sandbox: boolean): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const item of items) {
    const entry = entryOf(item, sandbox);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Pages through `Institutions` 1,000 at a time (`page` answers one `Institutions?skip=…&take=…` request) and compacts
 * every item; Flinks Capital is marked as the sandbox bank only when `sandbox`. Throws when a page is not a 2xx.
 */
export async function compactCatalog(
  page: (endpoint: string) => Promise<Response>,
  sandbox: boolean,
): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (let skip = 0; skip < MAX_ENTRIES; skip += PAGE) {
    const response = await page(`Institutions?skip=${skip}&take=${PAGE}`);
    if (!response.ok) throw new Error(`Institutions answered ${response.status}`);
    const body = (await response.json()) as Page;
    const items = Array.isArray(body.Institutions) ? (body.Institutions as Item[]) : [];
    entries.push(...compactItems(items, sandbox));
    const count = typeof body.Count === 'number' ? body.Count : 0;
    if (items.length < PAGE || skip + PAGE >= count) break;
  }
  return entries;
}
