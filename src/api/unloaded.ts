import type { ApiError } from './types';

/**
 * Code fetched on demand that did not arrive is a network problem (the person went offline, most often), said so:
 * the flow shows the offline screen and may try again, which fetches the chunk anew. `what` names the missing part.
 */
export function codeNotLoaded(what: string): ApiError {
  return {
    kind: 'error',
    httpStatus: null,
    flinksCode: 'NETWORK_ERROR',
    message: `The code that ${what} could not be loaded.`,
    requestId: null,
    cause: 'network',
  };
}
