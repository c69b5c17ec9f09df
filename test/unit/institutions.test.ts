import { bankLinks } from '../../src/institutions/links';
import { BANK_PAGES } from '../../src/institutions/pages';
import { describe, expect, it } from 'vitest';
import { INSTITUTIONS, findInstitution, searchInstitutions } from '../../src/institutions';
import type { Language } from '../../src/i18n';

const ids = (query: string, options: { demo?: boolean; language?: Language } = {}) =>
  searchInstitutions(query, options).map((institution) => institution.id);

describe('the institutions table', () => {
  it('has the ids of reference/institutions.md, exactly as Flinks spells them', () => {
    expect(INSTITUTIONS.map((institution) => institution.id)).toEqual([
      'FlinksCapital',
      'RBC',
      'TD',
      'BMO',
      'Scotia',
      'CIBC',
      'Desjardins',
      'National',
      'Tangerine',
      'Laurentienne',
      'HSBC',
      'ATB',
      'Simplii',
      'EQBank',
      'CoastCapital',
      'Vancity',
      'Meridian',
    ]);
  });

  it.each(INSTITUTIONS.filter((institution) => !institution.sandbox))(
    '$id has names in both languages and an https website',
    (institution) => {
      expect(institution.name.en).toBeTruthy();
      expect(institution.name.fr).toBeTruthy();
      expect(institution.website).toMatch(/^https:\/\/www\.[a-z.]+(\/[a-z]+)?$/);
    },
  );

  it('marks only Flinks Capital as the sandbox bank, with its site on the sandbox server', () => {
    expect(INSTITUTIONS.filter((institution) => institution.sandbox)).toEqual([
      {
        id: 'FlinksCapital',
        name: { en: 'Flinks Capital', fr: 'Flinks Capital' },
        website: '/sandbox-bank/',
        sandbox: true,
      },
    ]);
    expect(BANK_PAGES.FlinksCapital).toEqual({
      forgotPasswordUrl: {
        en: '/sandbox-bank/en/forgot-password',
        fr: '/sandbox-bank/fr/mot-de-passe-oublie',
      },
      contactUrl: { en: '/sandbox-bank/en/contact', fr: '/sandbox-bank/fr/nous-joindre' },
    });
  });

  it.each(INSTITUTIONS.filter((institution) => !institution.sandbox))(
    '$id has a contact page in each language, on https',
    (institution) => {
      expect(BANK_PAGES[institution.id]?.contactUrl?.en).toMatch(/^https:\/\//);
      expect(BANK_PAGES[institution.id]?.contactUrl?.fr).toMatch(/^https:\/\//);
    },
  );

  it('resolves the sandbox bank’s pages on the server that answers the API, in the screen’s language', () => {
    const flinksCapital = INSTITUTIONS.find((institution) => institution.sandbox);
    expect(
      bankLinks(
        flinksCapital,
        'fr',
        'http://127.0.0.1:41600/v3/abc/BankingServices',
        BANK_PAGES.FlinksCapital,
      ),
    ).toEqual({
      website: 'http://127.0.0.1:41600/sandbox-bank/',
      forgotPassword: 'http://127.0.0.1:41600/sandbox-bank/fr/mot-de-passe-oublie',
      contact: 'http://127.0.0.1:41600/sandbox-bank/fr/nous-joindre',
    });
    const atb = INSTITUTIONS.find((institution) => institution.id === 'ATB');
    expect(bankLinks(atb, 'en', 'http://127.0.0.1:41600/v3')?.forgotPassword).toBe('https://www.atb.com');
    expect(bankLinks(undefined, 'en', 'http://127.0.0.1:41600/v3')).toBeNull();
  });
});

describe('searchInstitutions', () => {
  it.each<[string, Language, string[]]>([
    ['banque nationale', 'fr', ['National']],
    ['Banque Nationale', 'en', ['National']],
    ['desjardins', 'en', ['Desjardins']],
    ['DESJARDINS', 'fr', ['Desjardins']],
    ['Montreal', 'en', ['BMO']],
    ['montréal', 'en', ['BMO']],
    ['bank of montreal', 'en', ['BMO']],
    ['royale', 'fr', ['RBC']],
    ['eqbank', 'en', ['EQBank']],
    ['eq bank', 'en', ['EQBank']],
    ['  scotia  ', 'en', ['Scotia']],
    ['laurentienne', 'en', ['Laurentienne']],
    ['zzz', 'en', []],
  ])('"%s" in %s finds %j', (query, language, expected) => {
    expect(ids(query, { language })).toEqual(expected);
  });

  it('puts a word starting with the query before a match inside a word, then the popular banks', () => {
    expect(ids('bank', { language: 'en' })).toEqual([
      'RBC',
      'BMO',
      'National',
      'EQBank',
      'Laurentienne',
      'Scotia',
    ]);
  });

  it('lists the popular banks first, in their order, when the query is empty', () => {
    expect(ids('').slice(0, 8)).toEqual([
      'RBC',
      'TD',
      'BMO',
      'Scotia',
      'CIBC',
      'Desjardins',
      'National',
      'Tangerine',
    ]);
  });

  it.each<[Language, string[]]>([
    ['en', ['ATB', 'CoastCapital', 'EQBank', 'HSBC', 'Laurentienne', 'Meridian', 'Simplii', 'Vancity']],
    ['fr', ['ATB', 'EQBank', 'Laurentienne', 'CoastCapital', 'HSBC', 'Meridian', 'Simplii', 'Vancity']],
  ])('sorts the others by their %s name', (language, expected) => {
    expect(ids('', { language }).slice(8)).toEqual(expected);
  });

  it.each<[string, boolean, boolean]>([
    ['', false, false],
    ['', true, true],
    ['flinks', false, false],
    ['flinks capital', true, true],
    ['FlinksCapital', true, true],
  ])('"%s" with demo %s lists Flinks Capital: %s', (query, demo, listed) => {
    expect(ids(query, { demo }).includes('FlinksCapital')).toBe(listed);
  });

  it('puts Flinks Capital first in demo mode', () => {
    expect(ids('', { demo: true })[0]).toBe('FlinksCapital');
  });

  it('searches a list given to it, e.g. one fetched from Flinks', () => {
    const fetched = [{ id: 'KOHO', name: { en: 'KOHO', fr: 'KOHO' }, website: 'https://www.koho.ca' }];
    expect(searchInstitutions('koho', { institutions: fetched })).toEqual(fetched);
  });
});

describe('findInstitution', () => {
  it.each<[string, string | undefined]>([
    ['BMO', 'BMO'],
    ['FlinksCapital', 'FlinksCapital'],
    ['flinkscapital', 'FlinksCapital'],
    ['eqbank', 'EQBank'],
    ['Nowhere', undefined],
    ['', undefined],
  ])('finds "%s" as %s', (id, expected) => {
    expect(findInstitution(id)?.id).toBe(expected);
  });
});
