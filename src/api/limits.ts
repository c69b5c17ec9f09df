/** How long one call may take before TIMEOUT: above Flinks' 210 s dispatch limit, a bank login can be slow. */
export const DEFAULT_TIMEOUT_MS = 240_000;

/**
 * Bounds on what the client accepts from the API. A body beyond them is MALFORMED_RESPONSE: a hostile or broken
 * server must not be able to freeze the page or flood a screen.
 */
export const LIMITS = {
  /** Bytes of one response body; reading stops as soon as it is passed. */
  bodyBytes: 2 * 1024 * 1024,
  challenges: 50,
  iterablesPerChallenge: 50,
  promptChars: 1_000,
  /** ImageSelection sends raw base64 images (~200 KB each). */
  iterableChars: 512 * 1024,
  challengeTypeChars: 100,
  accounts: 200,
  /** Ids, names, titles, dates, descriptions. */
  textChars: 1_000,
  /** Longer server messages are cut, not refused: the code carries the meaning. */
  messageChars: 1_000,
  flinksCodeChars: 100,
} as const;
