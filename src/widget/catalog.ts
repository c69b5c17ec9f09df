import { useEffect, useState } from 'react';
import type { FlinksClient } from '../api/types';
import type { Institution } from '../institutions';

/** One catalog per client (per API), fetched once; a failed fetch is forgotten, so a later bank list asks again. */
const catalogs = new WeakMap<FlinksClient, Promise<Institution[] | null>>();

function load(client: FlinksClient): Promise<Institution[] | null> {
  let loading = catalogs.get(client);
  if (!loading) {
    // The code that reads the catalog comes with it, not with the first screen.
    loading = Promise.all([client.institutionCatalog(), import('../institutions/catalog')])
      .then(([result, code]) =>
        result.kind === 'catalog' ? code.institutionsFromCatalog(result.entries) : null,
      )
      .catch(() => null)
      .then((list) => {
        if (!list) catalogs.delete(client);
        return list;
      });
    catalogs.set(client, loading);
  }
  return loading;
}

/**
 * The server's institution catalog once the bank list is on screen (`enabled`), else undefined: the built-in list
 * stays meanwhile, and a preset bank never fetches it. Fetched through the API client, never by a screen.
 */
export function useInstitutionCatalog(
  client: FlinksClient,
  enabled: boolean,
): readonly Institution[] | undefined {
  const [list, setList] = useState<readonly Institution[] | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void load(client).then((catalog) => {
      if (live && catalog) setList(catalog);
    });
    return () => {
      live = false;
    };
  }, [client, enabled]);
  return list;
}
