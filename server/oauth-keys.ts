/** The shared-state key under which a connect session is granted the LoginId an OAuth return brought it. */
export const oauthLoginKey = (loginId: string): string => `oauth-login:${loginId}`;
