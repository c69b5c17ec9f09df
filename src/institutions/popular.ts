import type { Language } from '../i18n/types';
import { INSTITUTIONS } from './data';
import type { Institution } from './types';

/**
 * The banks most people in Canada use, in the order each language's readers look for them (Desjardins and Banque
 * Nationale lead in French): the bank list's first screen shows these, by id, before any search. Here, not in data.ts,
 * so that they come with the bank list's chunk rather than with the first screen's.
 */
const POPULAR_IDS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'RBC',
    'TD',
    'Scotia',
    'BMO',
    'CIBC',
    'Desjardins',
    'National',
    'Tangerine',
    'Simplii',
    'EQBank',
    'ATB',
    'Laurentienne',
  ],
  fr: [
    'Desjardins',
    'National',
    'RBC',
    'TD',
    'BMO',
    'Scotia',
    'CIBC',
    'Laurentienne',
    'Tangerine',
    'Simplii',
    'EQBank',
    'ATB',
  ],
};

/** About what a phone screen holds without scrolling, under the title and the search box. */
const POPULAR_COUNT = 12;

/**
 * The bank list's first screen: the sandbox bank first with `demo`, then the popular banks in the language's order,
 * as many of them as the list holds (a catalog may spell ids in another case), `POPULAR_COUNT` at most. A list that
 * holds none of them gives its first banks instead.
 */
export function popularInstitutions(
  language: Language,
  {
    demo = false,
    institutions = INSTITUTIONS,
  }: { demo?: boolean; institutions?: readonly Institution[] } = {},
): Institution[] {
  const byId = new Map(institutions.map((institution) => [institution.id.toLowerCase(), institution]));
  const sandbox = demo ? institutions.filter((institution) => institution.sandbox) : [];
  const popular = POPULAR_IDS[language]
    .map((id) => byId.get(id.toLowerCase()))
    .filter((institution): institution is Institution => institution !== undefined && !institution.sandbox);
  const chosen = popular.length > 0 ? popular : institutions.filter((institution) => !institution.sandbox);
  return [...sandbox, ...chosen].slice(0, POPULAR_COUNT);
}
