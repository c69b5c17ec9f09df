import type { Hono } from 'hono';
import type { BankUpstream } from './proxy';

/**
 * The institution catalog the widget's bank list searches (`GET /v3/institutions`): the server pages through Flinks'
 * `Institutions` endpoint (reference/institutions.md) 1,000 at a time, keeps the result for an hour, and serves a
 * compact list. One fetch at a time: requests that arrive meanwhile share it.
 */

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
}

interface Page {
  Count?: unknown;
  Institutions?: unknown;
}

interface Item {
  Institution?: unknown;
  Name?: { En?: unknown; Fr?: unknown };
  Url?: { En?: unknown };
  Country?: unknown;
  OAuth?: unknown;
}

const PAGE = 1000;
/** Past this many, the list is cut: a runaway upstream cannot grow the server's memory without bound. */
const MAX_ENTRIES = 50_000;
export const CATALOG_TTL_MS = 60 * 60_000;
const SANDBOX_BANKS = new Set(['FlinksCapital', 'FlinksCapitalOAuth']);

function entryOf(item: Item, sandbox: boolean): CatalogEntry | null {
  const id = item.Institution;
  const en = item.Name?.En;
  if (typeof id !== 'string' || typeof en !== 'string' || id === '' || en === '') return null;
  const fr = typeof item.Name?.Fr === 'string' && item.Name.Fr !== en ? item.Name.Fr : undefined;
  const website =
    typeof item.Url?.En === 'string' && /^https:\/\//.test(item.Url.En) ? item.Url.En : undefined;
  return {
    i: id,
    e: en,
    ...(fr ? { f: fr } : {}),
    c: typeof item.Country === 'string' ? item.Country : 'CA',
    ...(website ? { w: website } : {}),
    ...(item.OAuth === true ? { o: 1 as const } : {}),
    ...(sandbox && SANDBOX_BANKS.has(id) ? { s: 1 as const } : {}),
  };
}

async function fetchAll(upstream: BankUpstream, sandbox: boolean): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (let skip = 0; skip < MAX_ENTRIES; skip += PAGE) {
    const response = await upstream.send({
      method: 'GET',
      endpoint: `Institutions?skip=${skip}&take=${PAGE}`,
      authorize: false,
    });
    if (!response.ok) throw new Error(`Institutions answered ${response.status}`);
    const page = (await response.json()) as Page;
    const items = Array.isArray(page.Institutions) ? (page.Institutions as Item[]) : [];
    for (const item of items) {
      const entry = entryOf(item, sandbox);
      if (entry) entries.push(entry);
    }
    const count = typeof page.Count === 'number' ? page.Count : 0;
    if (items.length < PAGE || skip + PAGE >= count) break;
  }
  return entries;
}

export function withInstitutionCatalog(options: {
  upstream: BankUpstream;
  sandbox: boolean;
  now?: () => number;
  log?: (line: string) => void;
}) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  let cached: { body: string; at: number } | null = null;
  let loading: Promise<string> | null = null;

  function load(): Promise<string> {
    loading ??= fetchAll(options.upstream, options.sandbox)
      .then((entries) => {
        const body = JSON.stringify(entries);
        cached = { body, at: now() };
        log(`catalog: ${entries.length} institutions`);
        return body;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return (app: Hono): void => {
    app.get('/v3/institutions', async () => {
      let body = cached?.body;
      if (!cached || now() - cached.at > CATALOG_TTL_MS) {
        try {
          body = await load();
        } catch {
          log('catalog: Institutions could not be read');
          // An older list beats none; without one, the widget keeps its built-in list.
          if (!body)
            return Response.json(
              { error: 'unavailable' },
              { status: 502, headers: { 'cache-control': 'no-store' } },
            );
        }
      }
      return new Response(body, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'public, max-age=3600',
        },
      });
    });
  };
}
