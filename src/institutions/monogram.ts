import type { Institution } from './types';

/** Words a monogram skips: "Bank of Abilene" -> "BA", not "BO". */
const SMALL_WORDS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'the', 'and', 'et', 'd']);

/** Two letters for a tile: an acronym name keeps its own ("RBC", "TD"), others take their first two words' initials. */
export function monogramOf(name: string): string {
  const words = name.split(/[\s\-’'().]+/).filter((word) => word !== '');
  const first = words[0] ?? '';
  if (/^[A-Z0-9]{2,4}$/.test(first)) return first.slice(0, 3);
  const initials = words
    .filter((word) => !SMALL_WORDS.has(word.toLowerCase()))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase());
  return initials.join('') || '?';
}

/**
 * A colour of the bank's own, the same on every visit: a hue from its id, dark enough that white letters on it keep a
 * contrast of at least 4.5:1 whatever the hue (WCAG AA), checked in test/unit/institution-catalog.test.ts.
 */
export function tileColourOf(institution: Pick<Institution, 'id'>): string {
  let hash = 0;
  for (let index = 0; index < institution.id.length; index += 1) {
    hash = (hash * 31 + institution.id.charCodeAt(index)) >>> 0;
  }
  return `hsl(${hash % 360} ${TILE_SATURATION}% ${TILE_LIGHTNESS}%)`;
}

export const TILE_SATURATION = 55;
export const TILE_LIGHTNESS = 28;
