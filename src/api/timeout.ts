/** Above Flinks' 210 s dispatch limit: a bank login can be slow. */
export const DEFAULT_TIMEOUT_MS = 240_000;
