import { INSTITUTIONS } from './data';
import type { Institution } from './types';

// What the first screen and the flow need of the institution model, without the search (src/institutions/search.ts,
// in the bank list's chunk).

/** The institution with this Flinks id; an exact match first, then one that differs only by case. */
export function findInstitution(
  id: string,
  institutions: readonly Institution[] = INSTITUTIONS,
): Institution | undefined {
  return (
    institutions.find((institution) => institution.id === id) ??
    institutions.find((institution) => institution.id.toLowerCase() === id.toLowerCase())
  );
}

/**
 * How the bank with this id signs people in. With `demoOutbound` (Flinks Connect's parameter), Flinks Capital itself
 * goes through the sandbox bank's OAuth page.
 *
 * @example
 * signInOf('FlinksCapitalOAuth') // 'oauth'
 */
export function signInOf(
  id: string,
  options: { demoOutbound?: boolean; institutions?: readonly Institution[] } = {},
): 'credentials' | 'oauth' {
  if (options.demoOutbound && id === 'FlinksCapital') return 'oauth';
  return findInstitution(id, options.institutions)?.signIn ?? 'credentials';
}
