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

/** A list indexed for one language and demo flag, and the queries already answered on it. */
interface Index {
  /** The list in its resting order: the sandbox bank first, then the popular banks in order, then by name. */
  entries: Entry[];
  /** The whole list, as institutions: the answer to an empty query. */
  all: Institution[];
  /** Recent queries: what matched them (in resting order) and the ranked answer. */
  answered: Map<string, { matched: Entry[]; ranked: Institution[] }>;
}

/** Queries remembered per list: typing forward narrows the last answer, Backspace finds it again. */
const REMEMBERED_QUERIES = 64;

/** Built once per list, language and demo flag: a keystroke only filters it. */
const indexes = new WeakMap<readonly Institution[], Map<string, Index>>();

function indexOf(institutions: readonly Institution[], language: Language, demo: boolean): Index {
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
  const index: Index = { entries, all: entries.map((entry) => entry.institution), answered: new Map() };
  byOptions.set(key, index);
  return index;
}

/** The entries to look through for `wanted`: those that matched the longest remembered query it extends. */
function candidatesFor(index: Index, wanted: string): Entry[] {
  for (let length = wanted.length - 1; length > 0; length -= 1) {
    const known = index.answered.get(wanted.slice(0, length));
    if (known) return known.matched;
  }
  return index.entries;
}

/**
 * The institutions matching `query` in either language, by id or by a short name ("BNC", "RBC"), ignoring case and
 * accents; every word of the query must appear. A name or short name equal to the query comes first, then names with
 * a word starting with it, then the rest; within each, the popular banks first, then by name. An empty query lists
 * the popular banks first. No sort per keystroke: one pass over the list in its resting order, and typing forward
 * only narrows the previous answer, so a keystroke stays cheap over Flinks' whole catalog.
 *
 * @example
 * searchInstitutions('banque nationale', { language: 'fr' }) // [National]
 * searchInstitutions('BNC') // [National, …]
 */
export function searchInstitutions(query: string, options: InstitutionSearchOptions = {}): Institution[] {
  const { demo = false, language = 'en', institutions = INSTITUTIONS } = options;
  const index = indexOf(institutions, language, demo);
  const wanted = normalize(query);
  if (wanted === '') return index.all;
  const remembered = index.answered.get(wanted);
  if (remembered) return remembered.ranked;
  const words = wanted.split(' ');
  const wordStart = ` ${wanted}`;
  const matched: Entry[] = [];
  const exact: Institution[] = [];
  const starting: Institution[] = [];
  const inside: Institution[] = [];
  for (const entry of candidatesFor(index, wanted)) {
    const { haystack } = entry;
    let all = true;
    for (const word of words) {
      if (!haystack.includes(word)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    matched.push(entry);
    if (!haystack.includes(wordStart)) inside.push(entry.institution);
    else if (entry.names.includes(wanted)) exact.push(entry.institution);
    else starting.push(entry.institution);
  }
  const ranked = exact.concat(starting, inside);
  if (index.answered.size >= REMEMBERED_QUERIES) {
    const oldest = index.answered.keys().next().value;
    if (oldest !== undefined) index.answered.delete(oldest);
  }
  index.answered.set(wanted, { matched, ranked });
  return ranked;
}

/**
 * Answers the one-letter queries ahead, one per idle moment of the browser, so that the first key typed (the one that
 * matches the most banks) costs a look-up, not a pass over the whole catalog. Returns the cancel.
 */
export function prepareSearch(options: InstitutionSearchOptions): () => void {
  const idle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
  if (typeof idle !== 'function') return () => undefined;
  const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  let handle = 0;
  const next = () => {
    const letter = letters.shift();
    if (letter === undefined) return;
    searchInstitutions(letter, options);
    handle = idle(next);
  };
  handle = idle(next);
  return () => globalThis.cancelIdleCallback(handle);
}
