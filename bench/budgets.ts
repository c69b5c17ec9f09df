/** The performance budgets, in one place: `npm run size` (CI), the perf tests and `npm run bench` read them. */

/** 1 kB = 1000 bytes, as size-limit counts. */
const KB = 1000;

/** Brotli (quality 11) bytes. */
export const SIZE_BUDGETS = {
  /** dist/lib/index.js and its CSS, bundled and minified as a partner's build would, React & co. external. */
  library: 20 * KB,
  /** /embed.html and every script and stylesheet it loads before the first screen, react-hook-form included. */
  embedFirstLoad: 45 * KB,
  /** The host SDK. */
  connectJs: 2 * KB,
} as const;

/** React commits per keystroke in the credential form and in an MFA answer field. */
export const COMMITS_PER_KEYSTROKE = 1;

/** One keystroke in the bank search over 10,000 institutions, on the throttled CPU: script time and frames to paint. */
export const KEYSTROKE_SCRIPT_MS = 4;
export const KEYSTROKE_FRAMES = 1;

/** The credential form usable (median of the cold loads) on the throttled profile. */
export const FORM_USABLE_MS = 1500;

/**
 * The credential form usable within this many times the floor's time: a bare HTML page with the same form, served
 * and framed the same way, measured in the same run (medians).
 */
export const FORM_USABLE_VS_FLOOR = 1.25;

/** The throttled profile: Lighthouse's "slow 4G" numbers with a 4x slower CPU. */
export const THROTTLING = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
} as const;

/** `npm run bench:server` (issue 26): connections in flight one process serves with no error. */
export const SERVER_IN_FLIGHT = 2000;
/** The server's own latency on top of the bank's, per API call, 95th percentile. */
export const SERVER_ADDED_P95_MS = 10;
/** The server process's event-loop delay under that load, 99th percentile. */
export const SERVER_LOOP_P99_MS = 50;
/** The server process's resident memory under that load. */
export const SERVER_RSS_MB = 400;
/** `/embed.html`'s server-drawn first screen at 200 requests per second, 95th percentile. */
export const SERVER_FIRST_SCREEN_P95_MS = 5;
/** Bank round trips a sign-in's /Authorize waits for, with the token pool. */
export const SERVER_ROUND_TRIPS_PER_SIGN_IN = 1;
