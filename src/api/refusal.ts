/*
 * Telling a refused call from a dropped connection. A browser hides why a cross-origin `fetch` failed: a CORS
 * refusal (the API does not list this page's origin, e.g. in CONNECT_ALLOWED_ORIGINS) and being offline both reject
 * with the same TypeError. One `no-cors` request tells them apart where it can: it needs no permission, so it
 * succeeds when the API is reachable and fails when the network is down. A connection that dropped once and came
 * back at once looks refused too, so the verdict only changes what the developer is told (the error's message and
 * the console), never what the person sees or whether the widget retries.
 */

/** How long the check may take before the failure counts as a network one. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether a call to `url` that failed at the network level was refused by the browser's cross-origin rules while
 * the API itself can be reached. False for same-origin calls (no CORS there), while offline, outside a browser, and
 * whenever the check cannot say.
 */
export async function refusedCrossOrigin(url: string, fetchImpl: typeof fetch): Promise<boolean> {
  if (typeof location === 'undefined' || typeof navigator === 'undefined' || navigator.onLine === false)
    return false;
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return false;
  }
  if (target.origin === location.origin) return false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    // No body, no credentials, no headers: nothing of the call itself is sent again.
    await fetchImpl(`${target.origin}${target.pathname}`, {
      method: 'GET',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The developer's explanation of a refused call: for `onExit`'s developer message and the console. */
export function refusalMessage(url: string): string {
  const api = new URL(url, location.href).origin;
  return (
    `The API at ${api} refused calls from ${location.origin}: it answers this page, so this looks like a CORS ` +
    `refusal rather than a dropped connection. Add ${location.origin} to the API's allowed origins ` +
    `(CONNECT_ALLOWED_ORIGINS on the widget's server).`
  );
}

/** Says it in the console during development; production builds (NODE_ENV=production) stay quiet. */
export function reportRefusalInDevelopment(message: string): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.NODE_ENV !== 'production') console.error(`[connect-widget] ${message}`);
}
