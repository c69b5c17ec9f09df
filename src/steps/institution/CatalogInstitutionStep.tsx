import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ownQueryClient } from '../../flow/query-client';
import type { Institution } from '../../institutions';
import type { ConnectInstitutionsQuery } from '../../institutions/query';
import { InstitutionStep, type InstitutionStepProps } from './InstitutionStep';

/** Where the bank list reads the connect server's catalog (`institutionCatalog`). */
export interface CatalogSource {
  /** The catalog's query, made by the widget with its own API client (`connectInstitutionsQuery`'s key). */
  query: ConnectInstitutionsQuery;
  /** The host's react-query client, or null for the widget's own. */
  queryClient: QueryClient | null;
  /** The catalog is in: the widget knows its banks (their names and how they sign in) from then on. */
  onList(list: readonly Institution[]): void;
}

/**
 * The bank list over the server's catalog: a react-query query in the host's client, so a catalog already there
 * (an earlier opening, a host's prefetch) shows at once. The built-in list shows meanwhile, and stays when the
 * catalog cannot be read; the next opening asks again.
 */
export function CatalogInstitutionStep({
  catalog,
  ...props
}: Omit<InstitutionStepProps, 'institutions'> & { catalog: CatalogSource }) {
  const { query, queryClient, onList } = catalog;
  const { data } = useQuery(query, queryClient ?? ownQueryClient());
  useEffect(() => {
    if (data) onList(data);
  }, [data, onList]);
  return <InstitutionStep {...props} {...(data ? { institutions: data } : {})} />;
}

export type BankListStepProps = Omit<InstitutionStepProps, 'institutions'> & {
  catalog: CatalogSource | false | undefined;
};
