import { CallFailed } from '../api/transient';
import type { FlinksClient } from '../api/types';
import { INSTITUTIONS } from './data';
import { usableLogo } from './logo-url';
import type { Institution } from './types';

/** The catalog, asked of the connect server (the bank list's query, ./query.ts): a failure is thrown for react-query. */
export async function fetchInstitutions(client: FlinksClient, signal?: AbortSignal): Promise<Institution[]> {
  const result = await client.institutionCatalog({ ...(signal ? { signal } : {}) });
  if (result.kind === 'error') throw new CallFailed(result);
  // The client hands over a list only: what the list holds is read entry by entry.
  return institutionsFromCatalog(result.entries) ?? [];
}

/**
 * The server's compact catalog (`GET /v3/institutions`, server/catalog.ts) as institutions. The built-in entries keep
 * what only they know (popular rank, short names, how they sign in); the catalog brings the thousands of others.
 */
export function institutionsFromCatalog(entries: unknown): Institution[] | null {
  if (!Array.isArray(entries)) return null;
  const builtIn = new Map(INSTITUTIONS.map((institution) => [institution.id, institution]));
  const seen = new Set<string>();
  const list: Institution[] = [];
  for (const raw of entries as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const {
      i: id,
      e: en,
      f: fr,
      c: country,
      w: website,
      o: oauth,
      s: sandbox,
      l: logo,
    } = raw as Record<string, unknown>;
    if (typeof id !== 'string' || typeof en !== 'string' || seen.has(id)) continue;
    seen.add(id);
    const known = builtIn.get(id);
    if (known) {
      list.push(oauth === 1 && known.signIn !== 'oauth' ? { ...known, signIn: 'oauth' } : known);
      continue;
    }
    list.push({
      id,
      name: { en, fr: typeof fr === 'string' ? fr : en },
      website: typeof website === 'string' && website.startsWith('https://') ? website : null,
      ...(typeof country === 'string' ? { country } : {}),
      ...(oauth === 1 ? { signIn: 'oauth' as const } : {}),
      ...(sandbox === 1 ? { sandbox: true } : {}),
      // Only a logo the page's CSP allows: an inline image or one from this server.
      ...(usableLogo(logo) ? { logoUrl: logo as string } : {}),
    });
  }
  // A catalog that lacks a built-in bank (a shorter list from Flinks) still offers it.
  for (const institution of INSTITUTIONS) if (!seen.has(institution.id)) list.push(institution);
  return list;
}
