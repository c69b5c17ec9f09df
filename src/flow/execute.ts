import type { MutationOptions, QueryClient } from '@tanstack/react-query';
import { CallFailed } from '../api/transient';
import type { ApiError } from '../api/types';

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
export { ownQueryClient } from './query-client';

/**
 * What a settled call leaves in the cache, for a host's `useMutationState` or devtools: how it ended (`kind`:
 * `challenged`, `authorized`, `accounts`, `pending`, `error`…), its RequestId and, for a failure, its code. Not the
 * bank's answer itself: that holds the username, the LoginId and the account numbers, which go to the flow only.
 */
export interface CallOutcome {
  kind: string;
  requestId?: string;
  flinksCode?: string;
  httpStatus?: number | null;
}

function outcomeOf(result: unknown): CallOutcome {
  const { kind, requestId, flinksCode, httpStatus } = result as Partial<ApiError> & { kind: string };
  return {
    kind,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(flinksCode !== undefined ? { flinksCode, httpStatus } : {}),
  };
}

/**
 * Runs one mutation outside React, as react-query's own observers do (`build`, then `execute`). It stays in the
 * cache as any mutation does, with its key, its variables (no secret: ./mutations.ts) and its outcome; the answer
 * itself comes back here. A read that gave up after its tries answers with its last failure, as the client does.
 * Its own chunk: react-query's core loads with the bank list or the first request, not with the first screen.
 */
export async function execute<Result, Variables>(
  queryClient: QueryClient,
  { mutationFn, mutationKey, retry }: MutationOptions<Result, Error, Variables>,
  variables: Variables,
): Promise<Result | ApiError> {
  let answer: Result | undefined;
  const kept: MutationOptions<CallOutcome, Error, Variables> = {
    mutationKey,
    retry,
    mutationFn: async (vars, context) => {
      if (!mutationFn) throw new Error('A mutation without its call.');
      answer = await mutationFn(vars, context);
      return outcomeOf(answer);
    },
  };
  try {
    await queryClient.getMutationCache().build(queryClient, kept).execute(variables);
    return answer as Result;
  } catch (error) {
    if (error instanceof CallFailed) return error.result;
    throw error;
  }
}
