import type { Language } from '../src/i18n';

// GUIDANCE.md's writing standard as functions: the catalog test (test/unit/guidance-writing.test.ts) runs them over
// every string, the screen test (test/unit/screen-copy-*.test.tsx) over what each story shows.

export const NBSP = '\u00A0';
export const NARROW_NBSP = '\u202F';

/** Words that blame or alarm. */
export const BANNED: Record<Language, RegExp> = {
  en: /(?<!\p{L})(invalid|errors?|fail(s|ed|ure)?|illegal)(?!\p{L})/iu,
  fr: /(?<!\p{L})(invalides?|erreurs?|échecs?|échoué(e|s|es)?)(?!\p{L})/iu,
};

/** Ways of not naming the bank. */
export const NAMELESS_BANK: Record<Language, RegExp> = {
  en: /financial institution|the server/i,
  fr: /le serveur/i,
};

const CODE_LIKE = /[A-Z]{2,}_[A-Z_]+/;

export type Role = 'title' | 'body' | 'label' | 'other';

export function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}{]/u.test(word));
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!…])\s+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The French spacing rules: a no-break space before `: ; ? !` and inside « ». */
export function frenchSpacingProblems(text: string): string[] {
  const problems: string[] = [];
  const chars = [...text];
  for (const [index, char] of chars.entries()) {
    const before = chars[index - 1];
    const after = chars[index + 1];
    // A time on a clock face ("1:35") is not a colon of prose.
    const clock = char === ':' && /\d/.test(before ?? '') && /\d/.test(after ?? '');
    if (':?!;'.includes(char) && before !== NBSP && before !== NARROW_NBSP && !clock) {
      problems.push(`no non-breaking space before ${char}`);
    }
    if (char === '«' && after !== NBSP && after !== NARROW_NBSP)
      problems.push('no non-breaking space after «');
    if (char === '»' && before !== NBSP && before !== NARROW_NBSP)
      problems.push('no non-breaking space before »');
  }
  return problems;
}

/** Every rule a string breaks; `role` is where it appears on screen. */
export function writingProblems(text: string, language: Language, role: Role): string[] {
  const problems: string[] = [];
  if (text.trim() === '') problems.push('empty');
  if (text.includes('!')) problems.push('exclamation mark');
  if (BANNED[language].test(text)) problems.push('blaming or alarming word');
  if (NAMELESS_BANK[language].test(text)) problems.push('names no bank');
  if (CODE_LIKE.test(text)) problems.push('code in the sentence');
  if (text.includes('"')) problems.push('straight double quote');
  if ((role === 'title' || role === 'label') && words(text).length > 7) problems.push('more than 7 words');
  if (role === 'body' && sentences(text).length > 2) problems.push('more than 2 sentences');
  if (role === 'body' && sentences(text).some((sentence) => words(sentence).length > 25)) {
    problems.push('sentence over 25 words');
  }
  if (role !== 'other' && text.includes('{code}')) problems.push('code in the sentence');

  if (language === 'fr') {
    if (text.includes("'")) problems.push('straight apostrophe');
    problems.push(...frenchSpacingProblems(text));
  } else {
    if (/\s[:?;]/u.test(text)) problems.push('space before punctuation');
    if (/[«»]/.test(text)) problems.push('French quotes in English');
  }
  return problems;
}

/**
 * Words that give English away on a French screen: function words and the widget's own vocabulary, none of which
 * is also French (the bank's own text is marked `lang="en"` and brand names are taken out before this is asked).
 */
export const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|your|you|with|to|of|for|from|this|that|is|are|please|sign|bank|password|username|account|accounts|connect|error|click|here|try|again|back|next|close|exit|open|choose|select|show|hide|loading|secure|security|answer|website)(?!\p{L})/iu;

/** A code as Flinks names it ("INVALID_LOGIN"): shown for support, in no language. */
export const CODE_TOKEN = /(?<![\p{L}\p{N}_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\p{L}\p{N}_])/gu;

/** Text without its codes, for the checks of words. */
export function withoutCodes(text: string): string {
  return text.replace(CODE_TOKEN, ' ');
}

/** The English words in a French text, after taking out codes and the names in `allowed`. */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = withoutCodes(text).replace(/\{[a-z]+\}/g, '');
  for (const name of allowed) rest = rest.split(name).join(' ');
  return [...rest.matchAll(new RegExp(ENGLISH_WORDS.source, 'giu'))].map((match) => match[0]);
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/[.?!…:\s]+$/u, '')
    .trim();

/** A sentence of the title said again in the body: the screen repeats itself. */
export function repeatedSentence(title: string, body: string): string | null {
  const heading = normalize(title);
  return sentences(body).find((sentence) => normalize(sentence) === heading) ?? null;
}

/**
 * What a screen says twice: the same sentence in two places, or its title again in the body ("This password doesn’t
 * match This password doesn’t match the one…"). `blocks` are the body's paragraphs, alerts and labels, without the
 * titles themselves.
 */
export function repetitions(titles: readonly string[], blocks: readonly string[]): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  for (const sentence of blocks.flatMap(sentences).map(normalize)) {
    if (words(sentence).length < 2) continue;
    if (seen.has(sentence)) found.add(`“${sentence}” twice`);
    seen.add(sentence);
  }
  const body = blocks.flatMap(sentences).map(normalize);
  for (const title of titles.map(normalize)) {
    const length = words(title).length;
    // A whole sentence of two words or more, or three words or more inside a longer one.
    const again = body.some(
      (sentence) =>
        (length >= 2 && sentence === title) || (length >= 3 && ` ${sentence} `.includes(` ${title} `)),
    );
    if (again) found.add(`the title “${title}” said again`);
  }
  return [...found];
}
