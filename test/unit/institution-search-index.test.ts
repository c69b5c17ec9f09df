import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import {
  institutionsFromCatalog,
  normalize,
  searchInstitutions,
  type Institution,
} from '../../src/institutions';
import { compactItems } from '../../src/sandbox/compact-catalog';
import { institutionsBody } from '../../src/sandbox/institutions';

/*
 * The search answers a keystroke from an index (which entries hold each character, each pair, each word of the
 * names) and from the queries answered before it (typing forward narrows the last answer). Whatever the route, the
 * answer must be the one the documented rules give: checked here against a plain pass over the whole generated catalog.
 */

/** The sandbox's generated catalog, compacted as the server serves it: a new array (a new index) each call. */
function catalogOf(size: number): Institution[] {
  const items = [0, 1000, 2000, 3000].flatMap(
    (skip) => institutionsBody({ skip, take: 1000, generated: size }).Institutions,
  );
  return institutionsFromCatalog(compactItems(items, true)) ?? [];
}

/**
 * The rules, read plainly: every word somewhere in a name, or a one-word query starting the id; a name or id equal to
 * it, then a word or the id starting with it, then the rest.
 */
function expected(list: Institution[], query: string, language: Language, demo: boolean): string[] {
  // The resting order is the empty query's answer (sandbox bank, popular banks, then by name).
  const resting = searchInstitutions('', { institutions: list, language, demo });
  const wanted = normalize(query);
  if (wanted === '') return resting.map((institution) => institution.id);
  const oneWord = !wanted.includes(' ');
  const tiers: string[][] = [[], [], []];
  for (const institution of resting) {
    const names = [institution.name.en, institution.name.fr, ...(institution.aliases ?? [])]
      .map(normalize)
      .filter((name, at, all) => name !== '' && all.indexOf(name) === at);
    const id = normalize(institution.id);
    const text = names.map((name) => ` ${name}`).join('');
    const startsId = oneWord && id.startsWith(wanted);
    if (!startsId && !wanted.split(' ').every((word) => text.includes(word))) continue;
    const tier =
      names.includes(wanted) || id === wanted ? 0 : startsId || text.includes(` ${wanted}`) ? 1 : 2;
    tiers[tier]?.push(institution.id);
  }
  return tiers.flat();
}

const ids = (list: Institution[], query: string, language: Language, demo: boolean) =>
  searchInstitutions(query, { institutions: list, language, demo }).map((institution) => institution.id);

/** Every prefix of `text`, typed one key at a time, then erased one key at a time. */
const typedAndErased = (text: string) => {
  const typed = [...text].map((_, end) => text.slice(0, end + 1));
  return [...typed, ...typed.slice(0, -1).reverse(), ''];
};

describe('the search index over the generated catalog', () => {
  const catalog = catalogOf(3000);

  it.each<[string, Language, boolean]>([
    ['credit', 'en', true],
    ['caisse populaire', 'fr', false],
    ['Banque Nationale', 'fr', true],
    ['bnc', 'en', false],
    ['trois-rivières', 'fr', false],
    ['kelowna credit union', 'en', true],
    ['royal bank of canada', 'en', false],
    ['zq', 'en', true],
  ])(
    'answers every key of "%s" (%s, demo %s) as a plain pass over the whole list would',
    (text, language, demo) => {
      const list = catalogOf(3000);
      for (const query of typedAndErased(text)) {
        expect(ids(list, query, language, demo), JSON.stringify(query)).toEqual(
          expected(list, query, language, demo),
        );
      }
    },
  );

  it('answers every one-character query from the index as a plain pass would, in both languages', () => {
    const characters = [...'abcdefghijklmnopqrstuvwxyz0123456789éÉ-ç'];
    for (const language of ['en', 'fr'] as const) {
      for (const character of characters) {
        expect(ids(catalog, character, language, true), character).toEqual(
          expected(catalog, character, language, true),
        );
      }
    }
  });

  it('answers two-character queries from the index as a plain pass would, a two-character name first', () => {
    const characters = [...'acdeinorstu2'];
    const pairs = characters.flatMap((first) => characters.map((second) => first + second));
    for (const query of [...pairs, 'td', 'bm', 'cr', 'é2'])
      expect(ids(catalog, query, 'en', true), query).toEqual(expected(catalog, query, 'en', true));
    const bank = (id: string, en: string, fr = en): Institution => ({ id, name: { en, fr }, website: null });
    const list = [
      bank('Inside', 'Maqz Savings'),
      bank('Starts', 'Qzone Trust'),
      bank('Pair', 'Zed Bank', 'QZ'),
    ];
    expect(ids(list, 'qz', 'en', false)).toEqual(['Pair', 'Starts', 'Inside']);
  });

  it('gives back the very same list for a key that narrows nothing', () => {
    const list = catalogOf(3000);
    const credit = searchInstitutions('credit', { institutions: list });
    const creditUnion = searchInstitutions('credit u', { institutions: list });
    expect(creditUnion).toBe(credit);
    expect(searchInstitutions('credit m', { institutions: list }).length).toBeLessThan(credit.length);
  });

  it('gives the same answer after narrowing as a fresh search on a list never searched', () => {
    const typed = catalogOf(3000);
    // Typing forward, back and forward again over one list…
    for (const query of [...typedAndErased('credit union'), ...typedAndErased('cai'), 'caisse de']) {
      ids(typed, query, 'fr', false);
    }
    // …then every query the person could land on, against a list that answers it first.
    for (const query of ['c', 'cr', 'credit', 'credit u', 'credit union', 'cai', 'caisse de', 'de']) {
      expect(ids(typed, query, 'fr', false), query).toEqual(ids(catalogOf(3000), query, 'fr', false));
    }
  });

  it('ranks a one-character name first for that character, then word starts, then the rest', () => {
    const bank = (id: string, en: string, fr = en): Institution => ({ id, name: { en, fr }, website: null });
    const list = [
      bank('Inside', 'Abc Savings'),
      bank('Starts', 'Central Trust'),
      bank('Letter', 'Q Bank', 'C'),
      bank('Other', 'Dollar Bank'),
    ];
    expect(ids(list, 'c', 'en', false)).toEqual(['Letter', 'Starts', 'Inside']);
    expect(ids(list, 'c', 'en', false)).toEqual(expected(list, 'c', 'en', false));
    expect(ids(list, 'é', 'en', false)).toEqual(ids(list, 'e', 'en', false));
    expect(ids(list, '', 'en', false)).toEqual(['Inside', 'Starts', 'Other', 'Letter']);
    // Characters beyond ASCII are indexed one by one: a pair holding one is found by scanning.
    const wider = [...list, bank('Strasse', 'Straße Bank', 'Banque Straße'), bank('Nordic', 'Øresund Bank')];
    for (const query of ['ß', 'aß', 'straße', 'øre', 'ø', 'o', 'se b', 'q b'])
      expect(ids(wider, query, 'fr', false), query).toEqual(expected(wider, query, 'fr', false));
    expect(ids(wider, 'aß', 'fr', false)).toEqual(['Strasse']);
  });

  it('answers the popular short names whichever key came before', () => {
    const list = catalogOf(3000);
    for (const query of typedAndErased('rbc')) ids(list, query, 'en', false);
    expect(ids(list, 'RBC', 'en', false)[0]).toBe('RBC');
    expect(ids(list, 'b', 'en', false).length).toBeGreaterThan(ids(list, 'bn', 'en', false).length);
    expect(ids(list, 'bnc', 'en', false)[0]).toBe('National');
  });
});

describe('normalize', () => {
  /** The Unicode route, for every text: what the ASCII shortcut must equal. */
  const byUnicode = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  it('gives plain ASCII names what the Unicode route gives', () => {
    const names = catalogOf(3000).flatMap((institution) => [
      institution.name.en,
      institution.name.fr,
      institution.id,
      ...(institution.aliases ?? []),
    ]);
    for (const name of [...names, '  RBC  Royal--Bank ', "O'Brien & Sons", 'A_B', '~tilde~', '', '   '])
      expect(normalize(name), name).toBe(byUnicode(name));
  });

  it('takes accents off and keeps letters of other scripts', () => {
    expect(normalize('Banque de Montréal')).toBe('banque de montreal');
    expect(normalize('Caisse populaire de Lévis\tQuébec')).toBe('caisse populaire de levis quebec');
    expect(normalize('Straße Bank')).toBe(byUnicode('Straße Bank'));
  });
});
