export type * from './types';
export { createFlinksClient, DEFAULT_TIMEOUT_MS } from './client';
export { LIMITS } from './limits';
