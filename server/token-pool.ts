/**
 * Flinks' authorize tokens, minted ahead of time so that a sign-in waits for one upstream round trip (its /Authorize)
 * rather than two. A token is single-use and valid 30 minutes: each leaves the pool once, and none is handed out
 * after its `maxAgeMs` (at most the validity minus a margin). The pool starts with the first sign-in (an unused
 * process mints nothing) and is topped up in the background after each token taken; while nobody signs in, a timer
 * only replaces the tokens that aged out, so an idle process mints at most `size` tokens per `maxAgeMs`. A failed
 * mint stops the minting ahead until a sign-in's own mint succeeds.
 */

/** What one mint gives: a token, or the Flinks-shaped answer the sign-in gets instead. */
export type Minted = { token: string } | { failure: Response };
export type MintPurpose = 'ahead' | 'sign-in';

export interface TokenPoolOptions {
  /** Tokens kept ready; 0 turns the pool off (each sign-in mints its own). */
  size: number;
  /** How long a pooled token is handed out after it was asked for; also the period of the idle top-up. */
  maxAgeMs: number;
  /** One GenerateAuthorizeToken call: ahead of time (the pool's) or on a sign-in's path (the pool was empty). */
  mint: (purpose: MintPurpose) => Promise<Minted>;
  now?: () => number;
  /** A line for the operator when minting keeps failing: never a token. */
  log?: (line: string) => void;
}

export interface TokenPool {
  /** A token nobody else got, from the pool or minted for this call. */
  take(): Promise<Minted>;
  /** Tokens ready now (for tests and the benchmark). */
  ready(): number;
  /** Stops the idle timer. */
  close(): void;
}

/** Flinks' tokens are valid 30 minutes; the pool keeps a margin of 5 so a token is never spent as it expires. */
const AUTHORIZE_TOKEN_VALIDITY_MS = 30 * 60_000;
const TOKEN_POOL_MARGIN_MS = 5 * 60_000;
export const TOKEN_POOL_MAX_AGE_MS = AUTHORIZE_TOKEN_VALIDITY_MS - TOKEN_POOL_MARGIN_MS;
export const TOKEN_POOL_SIZE = 4;
/**
 * The largest pool a process may keep: enough for the sign-ins that start within one mint's time at a few thousand in
 * flight (the benchmark's top level), small enough that an idle process mints a bounded number per period.
 */
export const TOKEN_POOL_MAX_SIZE = 4096;
/** Mints failing this many times in a row: the operator is told, once. */
const TOKEN_POOL_FAILURES_IN_A_ROW = 3;

interface Pooled {
  token: string;
  /** When the mint was sent: the token's age counts from before Flinks made it. */
  askedAt: number;
}

export function createTokenPool(options: TokenPoolOptions): TokenPool {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const size = Math.max(0, Math.floor(options.size));
  const maxAgeMs = Math.min(options.maxAgeMs, TOKEN_POOL_MAX_AGE_MS);
  const tokens: Pooled[] = [];
  let minting = 0;
  let failures = 0;
  let paused = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  const dropAged = () => {
    const oldest = now() - maxAgeMs;
    while (tokens.length > 0 && (tokens[0]?.askedAt ?? 0) <= oldest) tokens.shift();
  };

  // A failed mint stops the minting ahead: a bank that refuses is asked once per sign-in, never in a loop.
  const failed = (minted: { failure: Response }) => {
    failures += 1;
    paused = true;
    if (failures === TOKEN_POOL_FAILURES_IN_A_ROW) {
      log(
        `token pool: GenerateAuthorizeToken failed ${failures} times in a row (last status ${minted.failure.status}); each sign-in mints its own token until one succeeds, then the pool fills again`,
      );
    }
  };

  const mintOne = async (): Promise<void> => {
    minting += 1;
    const askedAt = now();
    try {
      const minted = await options.mint('ahead');
      if ('token' in minted) {
        failures = 0;
        if (!closed) tokens.push({ token: minted.token, askedAt });
      } else {
        failed(minted);
      }
    } catch {
      failed({ failure: new Response(null, { status: 502 }) });
    } finally {
      minting -= 1;
    }
  };

  const topUp = () => {
    if (closed || paused) return;
    dropAged();
    for (let missing = size - tokens.length - minting; missing > 0; missing -= 1) void mintOne();
  };

  const start = () => {
    if (timer !== null || closed || size === 0) return;
    timer = setInterval(topUp, maxAgeMs);
    timer.unref?.();
  };

  return {
    async take() {
      start();
      dropAged();
      const pooled = tokens.shift();
      if (pooled) {
        topUp();
        return { token: pooled.token };
      }
      const minted = await options.mint('sign-in');
      if ('token' in minted) {
        failures = 0;
        paused = false;
        topUp();
      } else {
        failed(minted);
      }
      return minted;
    },
    ready() {
      dropAged();
      return tokens.length;
    },
    close() {
      closed = true;
      tokens.length = 0;
      if (timer !== null) clearInterval(timer);
    },
  };
}
