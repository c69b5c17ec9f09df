/** What a successful connection appends to its redirect address (never a secret). */
export interface RedirectQuery {
  loginId: string;
  institution: string | null;
  tag?: string | null;
  accountId?: string | null;
  accountIds?: readonly string[];
}

/**
 * The address a connection ends on, as Flinks Connect builds it: `base` with `loginId`, `institution`, `tag` and the
 * chosen account(s) appended. Pure, so the reducer can put it in REDIRECT.
 * @example
 * redirectAddress('https://shop.example/done', { loginId: 'L1', institution: 'FlinksCapital' })
 * // 'https://shop.example/done?loginId=L1&institution=FlinksCapital'
 */
export function redirectAddress(base: string, query: RedirectQuery): string {
  const url = new URL(base);
  url.searchParams.set('loginId', query.loginId);
  if (query.institution) url.searchParams.set('institution', query.institution);
  if (query.tag) url.searchParams.set('tag', query.tag);
  if (query.accountId) url.searchParams.set('accountId', query.accountId);
  if (query.accountIds && query.accountIds.length > 0)
    url.searchParams.set('accountIds', query.accountIds.join(','));
  return url.href;
}
