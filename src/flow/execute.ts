import { QueryClient, type MutationOptions } from '@tanstack/react-query';

// The calls themselves travel with the code that runs them: nothing of them is needed before the first request.
export {
  accountsMutation,
  answerMfaMutation,
  authorizeMutation,
  cachedAuthorizeMutation,
  mfaQuestionsMutation,
  oauthRedeemMutation,
  oauthStartMutation,
} from './mutations';

/**
 * Runs one mutation outside React, as react-query's own observers do (`build`, then `execute`); it leaves the cache,
 * and the secret in its variables with it, as soon as it is answered. Its own chunk: react-query's core loads with the
 * first request, not with the first screen.
 */
export async function execute<Result, Variables>(
  queryClient: QueryClient,
  options: MutationOptions<Result, Error, Variables>,
  variables: Variables,
): Promise<Result> {
  const cache = queryClient.getMutationCache();
  const mutation = cache.build(queryClient, options);
  try {
    return await mutation.execute(variables);
  } finally {
    cache.remove(mutation);
  }
}

/** The widget's own client, when the host shares none. react-query never retries: the flow decides. */
export function ownQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}
