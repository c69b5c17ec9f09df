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

/** Printable ASCII only. */
const PLAIN = /^[\x20-\x7e]*$/;

/** Lower case, no accents, no punctuation, single spaces: "Banque de Montréal" -> "banque de montreal". */
export function normalize(text: string): string {
  // Plain ASCII (most names) has no accents to take off: the same result, without the Unicode passes.
  if (PLAIN.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
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

/** What matched a query (in resting order, to narrow the next one) and the ranked answer. */
interface Answer {
  matched: Entry[];
  ranked: Institution[];
}

/** The entries holding one character, in resting order, by where the character stands in their names. */
interface Letter {
  matched: Entry[];
  /** A name is the character itself. */
  exact: Entry[];
  /** A word starts with it. */
  starting: Entry[];
  inside: Entry[];
  /** Ranked on first use: `exact`, `starting`, `inside`. */
  ranked: Institution[] | null;
}

/** A list indexed for one language and demo flag, and the queries already answered on it. */
interface Index {
  /** The list in its resting order: the sandbox bank first, then the popular banks in order, then by name. */
  entries: Entry[];
  /** The whole list, as institutions: the answer to an empty query. */
  all: Institution[];
  /** Every character of every name, with the entries holding it: a one-character query is a look-up. */
  letters: Map<string, Letter>;
  /** The entries holding each pair of adjacent ASCII characters (`pairOf`), in resting order. */
  pairs: (Entry[] | undefined)[];
  /** Recent queries and their answers. */
  answered: Map<string, Answer>;
}

/** Queries remembered per list: typing forward narrows the last answer, Backspace finds it again. */
const REMEMBERED_QUERIES = 64;

const SPACE = 32;
/** Characters below this code are tracked in arrays while indexing, the rest in a map. */
const ASCII = 128;

/** Built once per list, language and demo flag: a keystroke only filters it. */
const indexes = new WeakMap<readonly Institution[], Map<string, Index>>();

function entryOf(institution: Institution): Entry {
  const names = [institution.name.en, institution.name.fr, institution.id, ...(institution.aliases ?? [])]
    .map(normalize)
    .filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  return { institution, names, haystack: names.map((name) => ` ${name}`).join('') };
}

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
    .map(entryOf)
    .sort((a, b) => {
      const bySandbox = Number(b.institution.sandbox ?? false) - Number(a.institution.sandbox ?? false);
      const byRank =
        (a.institution.popularRank ?? Number.MAX_SAFE_INTEGER) -
        (b.institution.popularRank ?? Number.MAX_SAFE_INTEGER);
      return (
        bySandbox || byRank || collator.compare(a.institution.name[language], b.institution.name[language])
      );
    });
  const index: Index = {
    entries,
    all: entries.map((entry) => entry.institution),
    ...lettersAndPairsOf(entries),
    answered: new Map(),
  };
  byOptions.set(key, index);
  return index;
}

/** Two adjacent ASCII characters as one number below ASCII², or -1. */
function pairOf(text: string, at: number): number {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return first < ASCII && second < ASCII ? first * ASCII + second : -1;
}

/**
 * One pass over the list: for every character, the entries holding it, ranked as `searchInstitutions` ranks; for
 * every pair of adjacent ASCII characters, the entries holding it.
 */
function lettersAndPairsOf(entries: Entry[]): Pick<Index, 'letters' | 'pairs'> {
  const letters = new Map<string, Letter>();
  const letterOf = (char: string) => {
    let letter = letters.get(char);
    if (!letter) {
      letter = { matched: [], exact: [], starting: [], inside: [], ranked: null };
      letters.set(char, letter);
    }
    return letter;
  };
  const add = (entry: Entry, char: string, startsWord: boolean) => {
    const letter = letterOf(char);
    letter.matched.push(entry);
    if (!startsWord) letter.inside.push(entry);
    else if (entry.names.includes(char)) letter.exact.push(entry);
    else letter.starting.push(entry);
  };
  // Per entry: the characters it holds (ASCII ones by code, stamped with the entry's number), whether one starts a word.
  const heldBy = new Int32Array(ASCII).fill(-1);
  const startsWord = new Uint8Array(ASCII);
  const held: number[] = [];
  const others = new Map<string, boolean>();
  const pairs: (Entry[] | undefined)[] = new Array<Entry[] | undefined>(ASCII * ASCII);
  const pairHeldBy = new Int32Array(ASCII * ASCII).fill(-1);
  for (let number = 0; number < entries.length; number += 1) {
    const entry = entries[number] as Entry;
    const { haystack } = entry;
    held.length = 0;
    others.clear();
    for (let at = 1; at < haystack.length; at += 1) {
      const code = haystack.charCodeAt(at);
      if (code === SPACE) continue;
      const starts = haystack.charCodeAt(at - 1) === SPACE;
      if (code < ASCII) {
        if (heldBy[code] !== number) {
          heldBy[code] = number;
          startsWord[code] = starts ? 1 : 0;
          held.push(code);
        } else if (starts) startsWord[code] = 1;
      } else {
        const char = haystack.charAt(at);
        if (!others.get(char)) others.set(char, starts);
      }
      const pair = pairOf(haystack, at);
      if (pair >= 0 && haystack.charCodeAt(at + 1) !== SPACE && pairHeldBy[pair] !== number) {
        pairHeldBy[pair] = number;
        const holders = pairs[pair];
        if (holders) holders.push(entry);
        else pairs[pair] = [entry];
      }
    }
    for (const code of held) add(entry, String.fromCharCode(code), startsWord[code] === 1);
    for (const [char, starts] of others) add(entry, char, starts);
  }
  return { letters, pairs };
}

/** The answer to a one-character query, from the index. */
function letterAnswer(index: Index, char: string): Answer | undefined {
  const letter = index.letters.get(char);
  if (!letter) return undefined;
  if (!letter.ranked) {
    const ranked: Institution[] = [];
    for (const tier of [letter.exact, letter.starting, letter.inside])
      for (const entry of tier) ranked.push(entry.institution);
    letter.ranked = ranked;
  }
  return { matched: letter.matched, ranked: letter.ranked };
}

/** The answer already known for `wanted`: a recent query, or any one-character one. */
function knownAnswer(index: Index, wanted: string): Answer | undefined {
  if (wanted.length === 1) return letterAnswer(index, wanted) ?? { matched: [], ranked: [] };
  return index.answered.get(wanted);
}

/**
 * The fewest entries that can hold every word of `wanted`: those that matched the longest known query it extends,
 * or those holding the rarest character or pair of adjacent characters of its words, whichever is shorter.
 */
function candidatesFor(index: Index, wanted: string, words: string[]): Entry[] {
  let fewest = index.entries;
  for (let length = wanted.length - 1; length > 0; length -= 1) {
    const known = knownAnswer(index, wanted.slice(0, length));
    if (known) {
      fewest = known.matched;
      break;
    }
  }
  for (const word of words) {
    for (const char of word) {
      const holders = index.letters.get(char)?.matched;
      if (!holders) return [];
      if (holders.length < fewest.length) fewest = holders;
    }
    for (let at = 0; at + 1 < word.length; at += 1) {
      const pair = pairOf(word, at);
      if (pair < 0) continue;
      const holders = index.pairs[pair];
      if (!holders) return [];
      if (holders.length < fewest.length) fewest = holders;
    }
  }
  return fewest;
}

/**
 * The institutions matching `query` in either language, by id or by a short name ("BNC", "RBC"), ignoring case and
 * accents; every word of the query must appear. A name or short name equal to the query comes first, then names with
 * a word starting with it, then the rest; within each, the popular banks first, then by name. An empty query lists
 * the popular banks first. No sort per keystroke: the list is indexed once (which entries hold each character, so a
 * one-character query is a look-up, and each pair of characters), a longer query looks only at the entries that can
 * hold it, in resting order, and typing forward only narrows the previous answer, so a keystroke stays cheap over
 * Flinks' whole catalog.
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
  const known = knownAnswer(index, wanted);
  if (known) return known.ranked;
  const words = wanted.split(' ');
  const wordStart = ` ${wanted}`;
  const matched: Entry[] = [];
  const exact: Institution[] = [];
  const starting: Institution[] = [];
  const inside: Institution[] = [];
  /** A matching entry, in its tier: a name equal to the query, a word starting with it, or neither. */
  const place = (entry: Entry, startsWord: boolean) => {
    matched.push(entry);
    if (!startsWord) inside.push(entry.institution);
    else if (entry.names.includes(wanted)) exact.push(entry.institution);
    else starting.push(entry.institution);
  };
  const candidates = candidatesFor(index, wanted, words);
  if (words.length === 1) {
    // One word: where it first occurs says whether it starts a word there; only if not, look further on.
    for (const entry of candidates) {
      const { haystack } = entry;
      const at = haystack.indexOf(wanted);
      if (at >= 0) place(entry, haystack.charCodeAt(at - 1) === SPACE || haystack.includes(wordStart, at));
    }
  } else {
    for (const entry of candidates) {
      const { haystack } = entry;
      if (words.every((word) => haystack.includes(word))) place(entry, haystack.includes(wordStart));
    }
  }
  const ranked = exact.concat(starting, inside);
  if (index.answered.size >= REMEMBERED_QUERIES) {
    const oldest = index.answered.keys().next().value;
    if (oldest !== undefined) index.answered.delete(oldest);
  }
  index.answered.set(wanted, { matched, ranked });
  return ranked;
}
