import { errorBody, type SandboxError } from './errors';
import { newGuid } from './ids';
import type { SandboxStore } from './store';

/** What the endpoint handlers share: the store, the clock and the simulated bank. */
export interface SandboxContext {
  store: SandboxStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  latencyMs: number;
  pendingMs: number;
}

/** An answer before it becomes a Response. */
export interface Reply {
  status: number;
  body: object;
}

/** An error reply; the RequestId is the session's, or a fresh one support can quote. */
export function errorReply(error: SandboxError, requestId: string = newGuid()): Reply {
  return { status: error.status, body: errorBody(error, requestId) };
}
