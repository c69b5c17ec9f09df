import { QueryClient } from '@tanstack/react-query';

let own: QueryClient | undefined;

/**
 * The widget's own react-query client, when the host shares none: one per page, so a widget opened a second time
 * finds the bank catalog already there. Each query and mutation says itself whether it retries.
 */
export function ownQueryClient(): QueryClient {
  return (own ??= new QueryClient());
}
