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

/** One institution, ready to be matched: its names (both languages, short names, id) normalized once. */
interface Entry {
  /** Its place in the list's resting order. */
  number: number;
  institution: Institution;
  /** Every name and the id: a query equal to one of them ranks first. */
  names: string[];
  /** The names but the id, each preceded by a space: a word starts wherever " query" is found. */
  haystack: string;
  /** The id, which matches a query it starts with ("coastcap"), not one found inside it. */
  id: string;
}

/** One word of the names, and the entries whose names hold it, by number (in resting order). */
interface Word {
  text: string;
  entries: number[];
  /** Some entry's name is this word alone: a query equal to it ranks that entry first. */
  whole: boolean;
  /** The last entry that added itself: an entry holds a word once however often its names repeat it. */
  last: number;
}

/** For a one-word query: the words holding it, and which ids start with it. What its answer is made of. */
interface Parts {
  words: Word[];
  /** How many of `words` start with the query. */
  starting: number;
  /** The ids starting with the query: `[from, to)` in `Index.ids`. */
  ids: [number, number];
  /** Whether a name or the id of some entry equals the query. */
  exact: boolean;
}

/** What matched a query (in resting order, to narrow the next one), the ranked answer and, for one word, its parts. */
interface Answer {
  matched: Entry[];
  ranked: Institution[];
  parts?: Parts;
}

/**
 * The entries holding one character, in resting order, by where it stands in their names: the answer to a query of
 * that character, sorted when the list is indexed.
 */
interface Held {
  /** A name is the character itself. */
  exact: Entry[];
  /** A word starts with it. */
  starting: Entry[];
  inside: Entry[];
  /** Made on first use: `exact`, `starting`, `inside`, and the three in resting order when a longer query needs it. */
  answer: Answer | null;
}

/** A list indexed for one language and demo flag, and the queries already answered on it. */
interface Index {
  /** The list in its resting order: the sandbox bank first, then the popular banks in order, then by name. */
  entries: Entry[];
  /** The whole list, as institutions: the answer to an empty query. */
  all: Institution[];
  /** Every character of every name, with the entries holding it: a one-character query is a look-up. */
  letters: Map<string, Held>;
  /** Every word of every name (a few thousand: names share words), with the entries holding it. */
  words: Map<string, Word>;
  /** The ids in code-unit order, each with its entry's number: those starting with a query are one run. */
  ids: { id: string; number: number }[];
  /** Recent queries and their answers. */
  answered: Map<string, Answer>;
  /**
   * Scratch for ranking a one-word answer, so a keystroke allocates only its answer: the number of the query that
   * last touched each entry, the entry's tier, and the entries touched, in the order they were.
   */
  touchedBy: Int32Array;
  tier: Uint8Array;
  touched: Int32Array;
  queries: number;
}

/** Queries remembered per list: typing forward narrows the last answer, Backspace finds it again. */
const REMEMBERED_QUERIES = 64;

const SPACE = 32;
/** Characters below this code are tracked in arrays while indexing, the rest in a map. */
const ASCII = 128;
/** Tiers of a one-word answer, by rank. */
const EXACT = 3;
const STARTING = 2;
const INSIDE = 1;

/** Built once per list, language and demo flag: a keystroke only filters it. */
const indexes = new WeakMap<readonly Institution[], Map<string, Index>>();

/** `named` is the name in the list's language, normalized already (to sort by). */
function entryOf(institution: Institution, number: number, language: Language, named: string): Entry {
  const id = normalize(institution.id);
  const other = language === 'en' ? 'fr' : 'en';
  const names = [
    named,
    normalize(institution.name[other]),
    ...(institution.aliases ?? []).map(normalize),
  ].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  return {
    number,
    institution,
    names: id === '' || names.includes(id) ? names : [...names, id],
    haystack: names.map((name) => ` ${name}`).join(''),
    id,
  };
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
  // By name as the language sorts it: first as plain text (accents and case aside, so "Banque" and "banque" tie), which
  // is quick, and only between names that tie there by the language's own rules, which are slow over thousands.
  const collator = new Intl.Collator(language);
  const listed = institutions
    .filter((institution) => demo || !institution.sandbox)
    .map((institution) => ({ institution, sortName: normalize(institution.name[language]) }));
  listed.sort(({ institution: a, sortName: aName }, { institution: b, sortName: bName }) => {
    const bySandbox = Number(b.sandbox ?? false) - Number(a.sandbox ?? false);
    const byRank = (a.popularRank ?? Number.MAX_SAFE_INTEGER) - (b.popularRank ?? Number.MAX_SAFE_INTEGER);
    const byName =
      aName < bName ? -1 : aName > bName ? 1 : collator.compare(a.name[language], b.name[language]);
    return bySandbox || byRank || byName;
  });
  const entries = listed.map(({ institution, sortName }, number) =>
    entryOf(institution, number, language, sortName),
  );
  const ids = entries
    .filter((entry) => entry.id !== '')
    .map((entry) => ({ id: entry.id, number: entry.number }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.number - b.number));
  const index: Index = {
    entries,
    all: entries.map((entry) => entry.institution),
    letters: lettersOf(entries),
    words: wordsOf(entries),
    ids,
    answered: new Map(),
    touchedBy: new Int32Array(entries.length).fill(-1),
    tier: new Uint8Array(entries.length),
    touched: new Int32Array(entries.length),
    queries: 0,
  };
  byOptions.set(key, index);
  return index;
}

/** Every word of the names, with the entries holding it. */
function wordsOf(entries: Entry[]): Map<string, Word> {
  const words = new Map<string, Word>();
  for (const entry of entries) {
    for (const text of entry.haystack.slice(1).split(' ')) {
      let word = words.get(text);
      if (!word) {
        word = { text, entries: [], last: -1, whole: false };
        words.set(text, word);
      }
      if (word.last === entry.number) continue;
      word.last = entry.number;
      word.entries.push(entry.number);
    }
    for (const name of entry.names) {
      const word = name.includes(' ') ? undefined : words.get(name);
      if (word) word.whole = true;
    }
  }
  return words;
}

const heldNothing = (): Held => ({ exact: [], starting: [], inside: [], answer: null });

/** An entry in the tier of a character it holds: `exact` when one of its names is that character. */
function hold(held: Held, entry: Entry, startsWord: boolean, exact: boolean) {
  if (!startsWord) held.inside.push(entry);
  else if (exact) held.exact.push(entry);
  else held.starting.push(entry);
}

/** One pass over the list: for every character, the entries holding it in their names or starting their id, ranked. */
function lettersOf(entries: Entry[]): Map<string, Held> {
  const letters = new Map<string, Held>();
  // ASCII characters by code while indexing, into `letters` at the end.
  const ascii: (Held | undefined)[] = new Array<Held | undefined>(ASCII);
  // Per entry: the characters it holds (ASCII ones by code, stamped with the entry's number), and whether one starts a
  // word.
  const heldBy = new Int32Array(ASCII).fill(-1);
  const startsWord = new Uint8Array(ASCII);
  const held: number[] = [];
  const others = new Map<string, boolean>();
  for (let number = 0; number < entries.length; number += 1) {
    const entry = entries[number] as Entry;
    const { names, id, haystack } = entry;
    held.length = 0;
    others.clear();
    // The id counts by its first character only, which starts a word.
    const text = id === '' ? haystack : `${haystack} ${id.charAt(0)}`;
    for (let at = 1; at < text.length; at += 1) {
      const code = text.charCodeAt(at);
      if (code === SPACE) continue;
      const starts = text.charCodeAt(at - 1) === SPACE;
      if (code < ASCII) {
        if (heldBy[code] !== number) {
          heldBy[code] = number;
          startsWord[code] = starts ? 1 : 0;
          held.push(code);
        } else if (starts) startsWord[code] = 1;
      } else {
        const char = text.charAt(at);
        if (!others.get(char)) others.set(char, starts);
      }
    }
    for (const code of held) {
      const starts = startsWord[code] === 1;
      hold(
        (ascii[code] ??= heldNothing()),
        entry,
        starts,
        starts && names.includes(String.fromCharCode(code)),
      );
    }
    for (const [char, starts] of others) {
      let letter = letters.get(char);
      if (!letter) {
        letter = heldNothing();
        letters.set(char, letter);
      }
      hold(letter, entry, starts, starts && names.includes(char));
    }
  }
  ascii.forEach((letter, code) => {
    if (letter) letters.set(String.fromCharCode(code), letter);
  });
  return letters;
}

/** Two lists of entries in resting order, as one. */
function merged(a: Entry[], b: Entry[]): Entry[] {
  const both: Entry[] = [];
  let at = 0;
  let bt = 0;
  while (at < a.length && bt < b.length)
    both.push((a[at] as Entry).number < (b[bt] as Entry).number ? (a[at++] as Entry) : (b[bt++] as Entry));
  for (; at < a.length; at += 1) both.push(a[at] as Entry);
  for (; bt < b.length; bt += 1) both.push(b[bt] as Entry);
  return both;
}

const NOTHING: Answer = { matched: [], ranked: [] };

/** The answer to a one-character or two-character query, from the index. */
function heldAnswer(held: Held | undefined): Answer {
  if (!held) return NOTHING;
  if (!held.answer) {
    const { exact, starting, inside } = held;
    const ranked: Institution[] = [];
    for (const tier of [exact, starting, inside]) for (const entry of tier) ranked.push(entry.institution);
    let matched: Entry[] | null = null;
    held.answer = {
      ranked,
      // Only a longer query of several words narrows it: made then.
      get matched() {
        return (matched ??= merged(merged(exact, starting), inside));
      },
    };
  }
  return held.answer;
}

/** The answer already known for `wanted`: a recent query, or any query of one character. */
function knownAnswer(index: Index, wanted: string): Answer | undefined {
  if (wanted.length === 1) return heldAnswer(index.letters.get(wanted));
  return index.answered.get(wanted);
}

/** The longest query answered before that `wanted` extends, if any. */
function longestKnownPrefix(index: Index, wanted: string): Answer | undefined {
  for (let length = wanted.length - 1; length > 0; length -= 1) {
    const known = knownAnswer(index, wanted.slice(0, length));
    if (known) return known;
  }
  return undefined;
}

/** The ids starting with `wanted`: `[from, to)` in `index.ids`, found by halving. */
function idsStartingWith(index: Index, wanted: string): [number, number] {
  const { ids } = index;
  const firstAtLeast = (text: string) => {
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ids[middle] as { id: string }).id < text) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const from = firstAtLeast(wanted);
  // Past every id starting with `wanted`: the same text with its last character one code unit higher.
  const to = firstAtLeast(
    wanted.slice(0, -1) + String.fromCharCode(wanted.charCodeAt(wanted.length - 1) + 1),
  );
  return [from, to];
}

/** The parts of a one-word query's answer: the words holding it (among `within`, when given) and the ids it starts. */
function partsOf(index: Index, wanted: string, within: Parts | undefined): Parts {
  const words: Word[] = [];
  let starting = 0;
  const looked = within ? within.words : index.words.values();
  for (const word of looked) {
    const at = word.text.indexOf(wanted);
    if (at < 0) continue;
    words.push(word);
    if (at === 0) starting += 1;
  }
  const ids = idsStartingWith(index, wanted);
  const exact =
    Boolean(index.words.get(wanted)?.whole) || (ids[0] < ids[1] && index.ids[ids[0]]?.id === wanted);
  return { words, starting, ids, exact };
}

/** Whether two one-word queries' parts make the same answer: the same words and ids, and no name equal to either. */
function sameParts(a: Parts, b: Parts): boolean {
  return (
    a.words.length === b.words.length &&
    a.starting === b.starting &&
    a.ids[1] - a.ids[0] === b.ids[1] - b.ids[0] &&
    !a.exact &&
    !b.exact
  );
}

/**
 * The answer to a one-word query of two characters or more, from the words of the names: each entry holding a
 * word that starts with it, or whose id starts with it, ranks before those holding it only inside a word. Typing
 * forward looks only at the words that held the previous query, and a key that changes none of them ("cre" -> "cred")
 * gives back the previous answer itself.
 */
function oneWordAnswer(index: Index, wanted: string): Answer {
  const base = longestKnownPrefix(index, wanted);
  const parts = partsOf(index, wanted, base?.parts);
  if (base?.parts && sameParts(parts, base.parts)) return base;
  const { touchedBy, tier } = index;
  const query = (index.queries += 1);
  const { touched } = index;
  let count = 0;
  let inOrder = true;
  const touch = (number: number, rank: number) => {
    if (touchedBy[number] !== query) {
      touchedBy[number] = query;
      tier[number] = rank;
      if (count > 0 && number < (touched[count - 1] as number)) inOrder = false;
      touched[count++] = number;
    } else if (rank > (tier[number] as number)) tier[number] = rank;
  };
  for (const word of parts.words) {
    const rank = word.text.startsWith(wanted) ? STARTING : INSIDE;
    for (const number of word.entries) touch(number, rank);
  }
  for (let at = parts.ids[0]; at < parts.ids[1]; at += 1)
    touch((index.ids[at] as { number: number }).number, STARTING);
  // In resting order: sorted in place, in the scratch array, when several words added their entries.
  const numbers = touched.subarray(0, count);
  if (!inOrder) numbers.sort();
  const matched: Entry[] = [];
  const tiers: Institution[][] = [[], [], [], []];
  for (const number of numbers) {
    const entry = index.entries[number] as Entry;
    matched.push(entry);
    let rank = tier[number] as number;
    if (rank === STARTING && parts.exact && entry.names.includes(wanted)) rank = EXACT;
    (tiers[rank] as Institution[]).push(entry.institution);
  }
  const [, inside, starting, exact] = tiers as [Institution[], Institution[], Institution[], Institution[]];
  return { matched, ranked: exact.concat(starting, inside), parts };
}

/**
 * The answer to a query of several words: the entries whose names hold every word, among the fewest that can (those
 * that matched the longest query it extends, or else those matching its rarest word).
 */
function severalWordsAnswer(index: Index, wanted: string): Answer {
  const words = wanted.split(' ');
  const base = longestKnownPrefix(index, wanted);
  let candidates = base?.matched;
  // Nothing typed before it (a pasted query): the entries matching its rarest word.
  if (!candidates)
    for (const word of words) {
      const holders = answerOf(index, word).matched;
      if (!candidates || holders.length < candidates.length) candidates = holders;
    }
  const wordStart = ` ${wanted}`;
  const matched: Entry[] = [];
  const exact: Institution[] = [];
  const starting: Institution[] = [];
  const inside: Institution[] = [];
  for (const entry of candidates ?? []) {
    const { haystack } = entry;
    if (!words.every((word) => haystack.includes(word))) continue;
    matched.push(entry);
    if (!haystack.includes(wordStart)) inside.push(entry.institution);
    else if (entry.names.includes(wanted)) exact.push(entry.institution);
    else starting.push(entry.institution);
  }
  const ranked = exact.concat(starting, inside);
  // A key that narrows nothing ("credit" -> "credit u"): the same list as before, so nothing that shows it draws again.
  if (base && matched.length === base.matched.length && sameList(ranked, base.ranked)) return base;
  return { matched, ranked };
}

/** Whether two answers list the same institutions in the same order. */
function sameList(a: readonly Institution[], b: readonly Institution[]): boolean {
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at += 1) if (a[at] !== b[at]) return false;
  return true;
}

/**
 * The institutions matching `query` in either language, or by a short name ("BNC", "RBC"), ignoring case and accents;
 * every word of the query must appear in a name, or a one-word query must start the id ("coastcap"). A name, short name or
 * id equal to the query comes first, then those with a word (or the id) starting with it, then the rest; within each,
 * the popular banks first, then by name. An empty query lists the popular banks first.
 *
 * No sort per keystroke: the list is indexed once (where each character stands, so a one-character query is a
 * look-up, and which entries hold each word of the names). A longer one-word query looks only at the words of the
 * names, a few thousand however long the list, and typing forward only at those that held the previous query; a key
 * that changes none of them gives back the same list. So a keystroke stays cheap over Flinks' whole catalog.
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
  return answerOf(index, wanted).ranked;
}

/** The answer to a normalized query, known already or found and remembered. */
function answerOf(index: Index, wanted: string): Answer {
  const known = knownAnswer(index, wanted);
  if (known) return known;
  const answer = wanted.includes(' ') ? severalWordsAnswer(index, wanted) : oneWordAnswer(index, wanted);
  if (index.answered.size >= REMEMBERED_QUERIES) {
    const oldest = index.answered.keys().next().value;
    if (oldest !== undefined) index.answered.delete(oldest);
  }
  index.answered.set(wanted, answer);
  return answer;
}
