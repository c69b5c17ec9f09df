import type { Language } from '../i18n/types';
import { INSTITUTIONS } from './data';
import type { Institution } from './types';

export interface InstitutionSearchOptions {
  /** Lists the sandbox bank (Flinks Capital), first. */
  demo?: boolean;
  /** The language the list is sorted in. */
  language?: Language;
  /** The list to search, e.g. the catalog fetched from Flinks; the built-in list by default. */
  institutions?: readonly Institution[];
}

/** Lower case, no accents, no punctuation, single spaces: "Banque de Montréal" -> "banque de montreal". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One institution, ready to be matched: its names (both languages, id, short names) normalized once. */
interface Entry {
  institution: Institution;
  names: string[];
  /** Every name, each preceded by a space: a word starts wherever " query" is found. */
  haystack: string;
}

/**
 * The list in its resting order (the sandbox bank first, then the popular banks in their order, then the others by
 * name), each entry normalized once. Built once per list, language and demo flag: a keystroke only filters it.
 */
const indexes = new WeakMap<readonly Institution[], Map<string, Entry[]>>();

function indexOf(institutions: readonly Institution[], language: Language, demo: boolean): Entry[] {
  let byOptions = indexes.get(institutions);
  if (!byOptions) {
    byOptions = new Map();
    indexes.set(institutions, byOptions);
  }
  const key = `${language}:${demo}`;
  const known = byOptions.get(key);
  if (known) return known;
  const collator = new Intl.Collator(language);
  const entries = institutions
    .filter((institution) => demo || !institution.sandbox)
    .map((institution): Entry => {
      const names = [institution.name.en, institution.name.fr, institution.id, ...(institution.aliases ?? [])]
        .map(normalize)
        .filter((name, index, all) => name !== '' && all.indexOf(name) === index);
      return { institution, names, haystack: names.map((name) => ` ${name}`).join('') };
    })
    .sort((a, b) => {
      const bySandbox = Number(b.institution.sandbox ?? false) - Number(a.institution.sandbox ?? false);
      const byRank =
        (a.institution.popularRank ?? Number.MAX_SAFE_INTEGER) -
        (b.institution.popularRank ?? Number.MAX_SAFE_INTEGER);
      return (
        bySandbox || byRank || collator.compare(a.institution.name[language], b.institution.name[language])
      );
    });
  byOptions.set(key, entries);
  return entries;
}

/**
 * The institutions matching `query` in either language, by id or by a short name ("BNC", "RBC"), ignoring case and
 * accents; every word of the query must appear. A name or short name equal to the query comes first, then names with
 * a word starting with it, then the rest; within each, the popular banks first, then by name. An empty query lists
 * the popular banks first. One pass over the list, no sort: fast enough for every keystroke over Flinks' catalog.
 *
 * @example
 * searchInstitutions('banque nationale', { language: 'fr' }) // [National]
 * searchInstitutions('BNC') // [National, …]
 */
export function searchInstitutions(query: string, options: InstitutionSearchOptions = {}): Institution[] {
  const { demo = false, language = 'en', institutions = INSTITUTIONS } = options;
  const entries = indexOf(institutions, language, demo);
  const wanted = normalize(query);
  if (wanted === '') return entries.map((entry) => entry.institution);
  const words = wanted.split(' ');
  const wordStart = ` ${wanted}`;
  const exact: Institution[] = [];
  const starting: Institution[] = [];
  const inside: Institution[] = [];
  for (const entry of entries) {
    const { haystack } = entry;
    let all = true;
    for (const word of words) {
      if (!haystack.includes(word)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    if (entry.names.includes(wanted)) exact.push(entry.institution);
    else if (haystack.includes(wordStart)) starting.push(entry.institution);
    else inside.push(entry.institution);
  }
  return exact.concat(starting, inside);
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
