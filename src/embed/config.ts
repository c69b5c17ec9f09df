/**
 * The deployment's settings for the embed page. They come from the server (a `<meta name="connect-config">` it
 * injects into embed.html), never from a URL parameter, so a link cannot point the widget at another API.
 */
export interface DeploymentConfig {
  /** Base URL of the Flinks-compatible API, e.g. `/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices`. */
  apiBaseUrl: string;
  /** Origins that may frame the page and receive its events, e.g. `["https://bank.example"]`. */
  allowedOrigins: string[];
  /**
   * Origins a `redirectUrl` may send the person to (CONNECT_REDIRECT_ORIGINS). Unset: `allowedOrigins`, and a framed
   * page goes only to its framing page's origin. Another `redirectUrl` is not navigated to; REDIRECT still carries it.
   */
  redirectOrigins?: string[];
  /** How long the widget waits for one API answer before TIMEOUT. */
  requestTimeoutMs: number;
  /** Every API call needs a connect session (CONNECT_REQUIRE_SESSION): the page asks for `sessionToken`. */
  sessionRequired?: boolean;
  /** CONNECT_APP_SCHEMES: the custom schemes a webview's `redirectUrl` may use (`myapp` for `myapp://…`). */
  appSchemes?: string[];
}

export const CONFIG_META_NAME = 'connect-config';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Validates the JSON text of the meta tag. Anything missing or malformed: null (the page then shows why). */
export function parseDeploymentConfig(json: string | null | undefined): DeploymentConfig | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { apiBaseUrl, allowedOrigins, redirectOrigins, requestTimeoutMs, sessionRequired, appSchemes } =
    value as Record<string, unknown>;
  if (typeof apiBaseUrl !== 'string' || apiBaseUrl === '') return null;
  if (!isStringArray(allowedOrigins)) return null;
  if (redirectOrigins !== undefined && !isStringArray(redirectOrigins)) return null;
  if (typeof requestTimeoutMs !== 'number' || !Number.isFinite(requestTimeoutMs) || requestTimeoutMs <= 0)
    return null;
  if (sessionRequired !== undefined && typeof sessionRequired !== 'boolean') return null;
  if (appSchemes !== undefined && !isStringArray(appSchemes)) return null;
  return {
    apiBaseUrl,
    allowedOrigins,
    ...(redirectOrigins ? { redirectOrigins } : {}),
    requestTimeoutMs,
    ...(sessionRequired ? { sessionRequired } : {}),
    ...(appSchemes && appSchemes.length > 0 ? { appSchemes } : {}),
  };
}

/** Reads the server's settings from the page. */
export function readDeploymentConfig(doc: Document): DeploymentConfig | null {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${CONFIG_META_NAME}"]`);
  return parseDeploymentConfig(meta?.content);
}
