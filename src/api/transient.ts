import type { ApiError } from './types';

/**
 * A failed call as react-query sees it: thrown, so that a read (the bank catalog, the account data) may be tried
 * again with react-query's backoff when the same call could succeed a moment later. The answer itself is kept for
 * the flow, which shows it once the tries are spent. It holds only what the client reported: no body, no secret.
 */
export class CallFailed extends Error {
  readonly transient: boolean;

  constructor(readonly result: ApiError) {
    super(result.message);
    this.name = 'CallFailed';
    // A dropped connection (a refusal can be one that came back at once: src/api/refusal.ts) or a gateway between
    // the widget and the API that could not reach it; never a timeout (minutes each) nor an answer of the API's own.
    this.transient =
      result.cause === 'network' ||
      result.cause === 'refused' ||
      (result.cause === 'http' && [502, 503, 504].includes(result.httpStatus ?? 0));
  }
}

/** How many times a read is tried again, with react-query's backoff (1 s, 2 s, 4 s by default), after a transient failure. */
const READ_RETRIES = 3;

/** react-query's `retry` for reads: transient failures only, `READ_RETRIES` times. */
export function retryTransient(failures: number, error: unknown): boolean {
  return failures < READ_RETRIES && error instanceof CallFailed && error.transient;
}
