/** Words a monogram skips: "Bank of Abilene" -> "BA", not "BO". */
const SMALL_WORDS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'the', 'and', 'et', 'd']);

/**
 * The letters of a tile: an acronym name keeps its own, whole ("RBC", "CIBC": never cut to "CIB"), others take their
 * first two words' initials. At most four letters, which the tile fits without touching its edges.
 */
export function monogramOf(name: string): string {
  const words = name.split(/[\s\-’'().]+/).filter((word) => word !== '');
  const first = words[0] ?? '';
  if (/^[A-Z0-9]{2,4}$/.test(first)) return first;
  const initials = words
    .filter((word) => !SMALL_WORDS.has(word.toLowerCase()))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase());
  return initials.join('') || '?';
}
