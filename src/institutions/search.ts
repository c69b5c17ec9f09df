import type { Language } from '../i18n/types';
import { INSTITUTIONS } from './data';
import type { Institution } from './types';

export interface InstitutionSearchOptions {
  /** Lists the sandbox bank (Flinks Capital), first. */
  demo?: boolean;
  /** The language the list is sorted in. */
  language?: Language;
  /** The list to search, e.g. one fetched from Flinks in proxy mode; the built-in list by default. */
  institutions?: readonly Institution[];
}

/** Lower case, no accents, no punctuation, single spaces: "Banque de Montréal" -> "banque de montreal". */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function searchableTexts(institution: Institution): string[] {
  return [institution.name.en, institution.name.fr, institution.id].map(normalize);
}

/**
 * The institutions matching `query` in either language or by id, ignoring case and accents; every word of the
 * query must appear. Names with a word starting with the query come first, then the popular banks, then the others by name.
 * An empty query lists the popular banks first.
 *
 * @example
 * searchInstitutions('banque nationale', { language: 'fr' }) // [National]
 */
export function searchInstitutions(query: string, options: InstitutionSearchOptions = {}): Institution[] {
  const { demo = false, language = 'en', institutions = INSTITUTIONS } = options;
  const wanted = normalize(query);
  const words = wanted ? wanted.split(' ') : [];

  const found = institutions
    .filter((institution) => demo || !institution.sandbox)
    .map((institution) => ({ institution, texts: searchableTexts(institution) }))
    .filter(({ texts }) => words.every((word) => texts.some((text) => text.includes(word))));

  const matchesAtWordStart = (texts: string[]) =>
    wanted !== '' && texts.some((text) => text.startsWith(wanted) || text.includes(` ${wanted}`));

  return found
    .sort((a, b) => {
      const bySandbox = Number(b.institution.sandbox ?? false) - Number(a.institution.sandbox ?? false);
      const byStart = Number(matchesAtWordStart(b.texts)) - Number(matchesAtWordStart(a.texts));
      const byRank =
        (a.institution.popularRank ?? Number.POSITIVE_INFINITY) -
        (b.institution.popularRank ?? Number.POSITIVE_INFINITY);
      const byName = a.institution.name[language].localeCompare(b.institution.name[language], language);
      return bySandbox || byStart || (Number.isNaN(byRank) ? 0 : byRank) || byName;
    })
    .map(({ institution }) => institution);
}

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
