/**
 * Identifiers and seeded randomness for the sandbox. Nothing here may depend on Node: the sandbox also runs
 * in the browser (MSW in Storybook).
 */

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function formatGuid(bytes: Uint8Array): string {
  // RFC 4122 version 4 layout: the version nibble and the variant bits are fixed.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const digits = hex(bytes);
  return [
    digits.slice(0, 8),
    digits.slice(8, 12),
    digits.slice(12, 16),
    digits.slice(16, 20),
    digits.slice(20, 32),
  ].join('-');
}

/** A fresh random GUID (RequestId, LoginId, token). `crypto.randomUUID` is missing on plain-http pages, so build it. */
export function newGuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return formatGuid(bytes);
}

/** A generator of numbers in [0, 1) that always yields the same sequence for the same seed (mulberry32). */
export type SeededRandom = () => number;

export function seededRandom(seed: string): SeededRandom {
  // FNV-1a folds the seed string into 32 bits.
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GUID drawn from a seeded generator: the same login always gets the same account ids. */
export function seededGuid(random: SeededRandom): string {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return formatGuid(bytes);
}

export function pick<T>(random: SeededRandom, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** An integer in [min, max]. */
export function between(random: SeededRandom, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A string of `length` random decimal digits. */
export function digits(random: SeededRandom, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String(Math.floor(random() * 10));
  return text;
}
