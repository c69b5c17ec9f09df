import { createFlinksClient } from '../api/client';
import { queryOptions, type DataTag, type UseQueryOptions } from '@tanstack/react-query';
import type { CallFailed } from '../api/transient';
import type { FlinksClient } from '../api/types';
import type { Institution } from './types';

/** The catalog's key: `['connect-widget', 'institutions', apiBaseUrl]`. */
export type ConnectInstitutionsKey = readonly ['connect-widget', 'institutions', string];

/** What `connectInstitutionsQuery` returns: react-query options, the key typed with the data. */
export type ConnectInstitutionsQuery = UseQueryOptions<
  Institution[],
  Error,
  Institution[],
  ConnectInstitutionsKey
> & { queryKey: DataTag<ConnectInstitutionsKey, Institution[], Error> };

/** The connect server keeps its catalog an hour (server/catalog.ts): a page need not ask sooner. */
const HOUR_MS = 3_600_000;

export interface ConnectInstitutionsQueryOptions {
  /** The widget's `apiBaseUrl`: the catalog is the one its connect server lists (`GET /v3/institutions`). */
  apiBaseUrl: string;
}

/**
 * The bank catalog the widget's bank list shows with `institutionCatalog`, as react-query options: the widget reads
 * it from your `QueryClient` (its `queryClient` prop), so a second opening lists every bank at once, and you may
 * fetch it ahead of time. Transient network failures are tried again with react-query's backoff.
 *
 * @example
 * <button onPointerEnter={() => queryClient.prefetchQuery(connectInstitutionsQuery({ apiBaseUrl }))}>
 *   Connect a bank
 * </button>
 */
export function connectInstitutionsQuery(options: ConnectInstitutionsQueryOptions): ConnectInstitutionsQuery;
// The widget passes its own props, which carry its API client (its session, its timeout); a host's call makes one.
export function connectInstitutionsQuery({
  apiBaseUrl,
  client = createFlinksClient({ baseUrl: apiBaseUrl }),
}: ConnectInstitutionsQueryOptions & { client?: FlinksClient }): ConnectInstitutionsQuery {
  return queryOptions({
    queryKey: ['connect-widget', 'institutions', apiBaseUrl] as const,
    // The code that reads the catalog comes with it, not with the first screen.
    queryFn: ({ signal }) => import('./catalog').then((code) => code.fetchInstitutions(client, signal)),
    // Fresh for an hour; kept five minutes (react-query's default) once no widget shows it.
    staleTime: HOUR_MS,
    // No `retryDelay`: react-query's backoff, or the one a host's client sets by default.
    // Transient failures only (`CallFailed`, ../api/transient.ts), three times, as the account data's reads.
    retry: (failures, error) => (error as CallFailed).transient && failures < 3,
  });
}
