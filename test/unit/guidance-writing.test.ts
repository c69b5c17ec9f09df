import { describe, expect, it } from 'vitest';
import { KNOWN_FLINKS_CODES } from '../../src/api/codes';
import { GUIDANCE, type GuidanceCode } from '../../src/guidance';
import { LANGUAGES, messagesFor, type Language } from '../../src/i18n';
import { ENGLISH_WORDS, NARROW_NBSP, NBSP, repeatedSentence, writingProblems } from '../writing-rules';

// GUIDANCE.md's writing standard (test/writing-rules.ts), checked over every string of the catalogs in both languages;
// test/unit/screen-copy-*.test.tsx holds every story's screen to it.

const ALL_CODES: GuidanceCode[] = [...KNOWN_FLINKS_CODES, 'UNKNOWN'];
type Entry = [path: string, text: string];

function strings(tree: object, path: string): Entry[] {
  return Object.entries(tree).flatMap(([key, value]): Entry[] =>
    typeof value === 'string' ? [[`${path}.${key}`, value]] : strings(value as object, `${path}.${key}`),
  );
}

function roleOf(path: string): 'title' | 'body' | 'label' | 'other' {
  if (path.endsWith('.title') && !path.includes('.map.')) return 'title';
  if (path.endsWith('.body')) return 'body';
  if (path.includes('.actions.')) return 'label';
  return 'other';
}

const catalog = LANGUAGES.flatMap((language) =>
  strings(messagesFor(language).guidance, 'guidance').map(([path, text]) => ({ language, path, text })),
);

describe('the writing checks themselves', () => {
  it.each<[Language, 'title' | 'body' | 'label', string, string]>([
    ['en', 'title', 'Your password is invalid', 'blaming or alarming word'],
    ['en', 'body', 'An error happened.', 'blaming or alarming word'],
    ['en', 'body', 'The login failed.', 'blaming or alarming word'],
    ['en', 'title', 'Try again!', 'exclamation mark'],
    ['en', 'title', 'This title has far more than seven words in it', 'more than 7 words'],
    ['en', 'body', 'One. Two. Three.', 'more than 2 sentences'],
    ['en', 'body', 'The financial institution said no.', 'names no bank'],
    ['en', 'body', 'We got INVALID_LOGIN.', 'code in the sentence'],
    ['en', 'body', 'Say "hello".', 'straight double quote'],
    ['fr', 'title', 'Mot de passe invalide', 'blaming or alarming word'],
    ['fr', 'body', 'Une erreur est survenue.', 'blaming or alarming word'],
    ['fr', 'body', 'La connexion a échoué.', 'blaming or alarming word'],
    ['fr', 'body', 'C’est un échec.', 'blaming or alarming word'],
    ['fr', 'label', 'Mot de passe oublié ?', 'no non-breaking space before ?'],
    ['fr', 'body', 'Attention: bloqué.', 'no non-breaking space before :'],
    ['fr', 'body', `Cliquez sur «${NBSP}Oui».`, 'no non-breaking space before »'],
    ['fr', 'body', "Vérifiez l'adresse.", 'straight apostrophe'],
  ])('%s %s "%s" breaks the rule: %s', (language, role, text, problem) => {
    expect(writingProblems(text, language, role)).toContain(problem);
  });

  it.each<[Language, 'title' | 'body' | 'label' | 'other', string]>([
    ['en', 'label', 'Forgot your password?'],
    ['fr', 'label', `Mot de passe oublié${NARROW_NBSP}?`],
    ['fr', 'body', `Cliquez sur «${NBSP}Oui${NBSP}».`],
    ['fr', 'other', `Référence${NBSP}: {code}`],
  ])('%s %s "%s" passes', (language, role, text) => {
    expect(writingProblems(text, language, role)).toEqual([]);
  });
});

describe('every guidance string follows the writing standard', () => {
  it.each(catalog)('$language $path', ({ language, path, text }) => {
    expect(writingProblems(text, language, roleOf(path))).toEqual([]);
  });

  const BANK_MOMENTS = ALL_CODES.filter((code) =>
    ['field', 'mfa', 'bank', 'blocked'].includes(GUIDANCE[code].kind),
  );

  it.each(BANK_MOMENTS.flatMap((code) => LANGUAGES.map((language) => [code, language] as const)))(
    '%s names the bank in %s',
    (code, language) => {
      const { title, body } = messagesFor(language).guidance.codes[code];
      expect(`${title} ${body}`).toContain('{bank}');
    },
  );

  it('never names a code in a visible sentence', () => {
    const visible = catalog.filter(({ path }) => roleOf(path) !== 'other');
    for (const { text } of visible) {
      for (const code of KNOWN_FLINKS_CODES) expect(text).not.toContain(code);
    }
  });
});

// The same standard over the rest of what the widget shows: its own screens (`ui`, and `screens` for those after the
// sign-in), the security check (`mfa`) and an OAuth bank's hand-off (`oauth`).
const screens = LANGUAGES.flatMap((language) => {
  const messages = messagesFor(language);
  return [
    ...strings(messages.ui, 'ui'),
    ...strings(messages.screens, 'screens'),
    ...strings(messages.mfa, 'mfa'),
    ...strings(messages.oauth, 'oauth'),
  ].map(([path, text]) => ({
    language,
    path,
    text,
  }));
});

describe('every other string on screen follows the writing standard', () => {
  it.each(screens.filter(({ path }) => !path.endsWith('.label') || path.startsWith('ui.widget')))(
    '$language $path',
    ({ language, path, text }) => {
      const role = path.endsWith('.title') ? 'title' : 'other';
      expect(writingProblems(text, language, role)).toEqual([]);
    },
  );

  it.each(screens.filter(({ language }) => language === 'en'))(
    'en $path has curly apostrophes',
    ({ text }) => {
      expect(text).not.toContain("'");
    },
  );

  it.each([...screens, ...catalog].filter(({ language }) => language === 'fr'))(
    'fr $path has no English word',
    ({ text }) => {
      expect(text.replace(/\{[a-z]+\}/g, '')).not.toMatch(ENGLISH_WORDS);
    },
  );

  it.each(
    LANGUAGES.flatMap((language) =>
      Object.entries(messagesFor(language).guidance.codes).map(([code, screen]) => ({
        language,
        code,
        screen,
      })),
    ),
  )('$language $code: the body does not say the title again', ({ screen }) => {
    expect(repeatedSentence(screen.title, screen.body)).toBeNull();
  });

  it('flags a body that repeats its title, and English on a French screen', () => {
    expect(
      repeatedSentence('This password doesn’t match', 'This password doesn’t match. Enter it.'),
    ).not.toBeNull();
    expect('Réessayez again').toMatch(ENGLISH_WORDS);
    expect('Réessayez plus tard').not.toMatch(ENGLISH_WORDS);
  });
});
