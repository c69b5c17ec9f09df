/**
 * The shared-state key under which a connect session is granted a LoginId that an OAuth return brought it, once the
 * server proved the return (server/oauth.ts). One key per session and login: two people who each went through the
 * bank's page for the same login each get it, nobody else does.
 */
export const oauthLoginKey = (loginId: string, sessionId: string): string =>
  `oauth-login:${sessionId}:${loginId}`;
