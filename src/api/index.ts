export type * from './types';
export { KNOWN_FLINKS_CODES, CLIENT_CODES, isKnownFlinksCode } from './codes';
export type { FlinksCode, KnownFlinksCode } from './codes';
export { createFlinksClient, DEFAULT_TIMEOUT_MS } from './client';
export { LIMITS } from './limits';
