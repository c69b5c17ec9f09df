import { describe, expect, it } from 'vitest';
import { format, guidanceText, messagesFor, referenceText, type Language } from '../../src/i18n';
import { readScreen, screenProblems } from '../screen-copy';

// The screen test's own rules, on screens made by hand: each rule catches what it is for and lets the rest by, so a
// green screen-copy run means the stories' screens follow them.

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function problemsOf(html: string, language: Language): string[] {
  const root = document.createElement('div');
  root.lang = language;
  root.innerHTML = html;
  document.body.append(root);
  try {
    return screenProblems(readScreen(root, language), language);
  } finally {
    root.remove();
  }
}

const has = (problems: string[], start: string) => problems.some((problem) => problem.startsWith(start));

describe('the screen rules', () => {
  it('let a screen that follows them by, in both languages', () => {
    expect(
      problemsOf(
        `<h2>Sign in to TD Canada Trust</h2><p>TD Canada Trust checks it’s you.</p><button>Continue</button>`,
        'en',
      ),
    ).toEqual([]);
    expect(
      problemsOf(
        `<h2>Ouvrez une session chez TD Canada Trust</h2>
         <p>Vous ne la voyez pas${NNBSP}? Cliquez sur «${NBSP}Oui${NBSP}».</p>
         <label for="q" lang="en">What city were you born in?</label><input id="q">
         <button>Continuer</button>`,
        'fr',
      ),
    ).toEqual([]);
  });

  it('count words in a title, a bank’s name as one', () => {
    expect(problemsOf('<h2>This title has far more than seven words in it</h2>', 'en')).toEqual([
      'title over 7 words: “This title has far more than seven words in it”',
    ]);
    expect(problemsOf('<h1>Sign in on BMO Bank of Montreal’s website now</h1>', 'en')).toEqual([]);
  });

  it('find blaming words and nameless banks, not codes in the reference', () => {
    expect(has(problemsOf('<h2>Try later</h2><p>An error happened.</p>', 'en'), 'blaming')).toBe(true);
    expect(has(problemsOf('<h2>Réessayez</h2><p>La connexion a échoué.</p>', 'fr'), 'blaming')).toBe(true);
    expect(has(problemsOf('<h2>Try later</h2><p>The server said no.</p>', 'en'), 'names no bank')).toBe(true);
    expect(problemsOf('<h2>Try later</h2><p>Reference: INVALID_LOGIN · 8c2f41d0</p>', 'en')).toEqual([]);
  });

  it('find a screen that says something twice', () => {
    const alert = `<div role="alert"><strong>This password doesn’t match</strong> This password doesn’t match the one on file.</div>`;
    expect(has(problemsOf(`<h2>Sign in</h2>${alert}`, 'en'), 'repeats itself')).toBe(true);
    const twice = '<h2>Check your answer</h2><p>Check your answer.</p>';
    expect(has(problemsOf(twice, 'en'), 'repeats itself')).toBe(true);
    const sameBody = '<h2>Sign in</h2><p>We keep nothing.</p><div><p>We keep nothing.</p></div>';
    expect(has(problemsOf(sameBody, 'en'), 'repeats itself')).toBe(true);
  });

  it('hold French to its spacing, and both languages to curly apostrophes', () => {
    expect(problemsOf('<h2>Vous ne la voyez pas ?</h2>', 'fr')).toEqual([
      'no non-breaking space before ?: “Vous ne la voyez pas ?”',
    ]);
    expect(has(problemsOf('<p>Cliquez sur « Oui ».</p>', 'fr'), 'no non-breaking space after «')).toBe(true);
    expect(has(problemsOf('<p>Temps restant : 1:15</p>', 'fr'), 'no non-breaking space before :')).toBe(true);
    expect(problemsOf(`<p>Temps restant${NBSP}: 1:15</p>`, 'fr')).toEqual([]);
    expect(has(problemsOf("<p>Check it's you.</p>", 'en'), 'straight apostrophe')).toBe(true);
    expect(has(problemsOf('<input aria-label="l\'adresse">', 'fr'), 'straight apostrophe')).toBe(true);
  });

  it('find English on a French screen, outside the bank’s marked text, brand names and codes', () => {
    expect(problemsOf('<button>Continue with your bank</button>', 'fr')).toEqual([
      'English words with, your, bank on a French screen: “Continue with your bank”',
    ]);
    expect(has(problemsOf('<input placeholder="Search your bank">', 'fr'), 'English')).toBe(true);
    expect(problemsOf('<p lang="en">Select the triangle.</p>', 'fr')).toEqual([]);
    expect(problemsOf(`<p>Référence${NBSP}: NEW_ACCOUNT · 8c2f41d0</p>`, 'fr')).toEqual([]);
    expect(problemsOf('<p>Connexion à BMO Bank of Montreal par Flinks</p>', 'fr')).toEqual([]);
  });

  it('want a reference line on a guidance screen, a heading or a form’s alert', () => {
    for (const language of ['en', 'fr'] as const) {
      const m = messagesFor(language);
      const screen = guidanceText('NEW_ACCOUNT', m, { language, bank: 'Desjardins' });
      const reference = referenceText('NEW_ACCOUNT', '8c2f41d0-5b7e', m);
      const guidance = `<h2>${screen.title}</h2><p>${screen.body}</p>`;
      expect(problemsOf(guidance, language)).toEqual([
        `guidance screen without a reference line (titles: ${screen.title})`,
      ]);
      expect(problemsOf(`${guidance}<p class="cw-reference">${reference}</p>`, language)).toEqual([]);

      const refused = guidanceText('INVALID_PASSWORD', m, { language, bank: 'Desjardins' });
      const alert = `<h2>${m.ui.credentials.submit}</h2><div role="alert"><strong>${refused.title}</strong> ${refused.body}</div>`;
      expect(has(problemsOf(alert, language), 'guidance screen without a reference line')).toBe(true);
      const withReference = `${alert}<p>${referenceText('INVALID_PASSWORD', null, m)}</p>`;
      expect(problemsOf(withReference, language)).toEqual([]);
    }
  });

  it('want a success to show a way forward, never a dead end (the old success screen)', () => {
    for (const language of ['en', 'fr'] as const) {
      const m = messagesFor(language).screens.success;
      const old = {
        en: '<h2>Your account is connected</h2><p>Your account at Desjardins is now connected. There’s nothing more to do here.</p>',
        fr: '<h2>Votre compte est relié</h2><p>Votre compte chez Desjardins est maintenant relié. Vous n’avez plus rien à faire ici.</p>',
      }[language];
      expect(has(problemsOf(old, language), 'a dead end')).toBe(true);
      const bare = `<h2>${m.title}</h2><p>${format(m.body, { bank: 'Desjardins' })}</p>`;
      expect(has(problemsOf(bare, language), 'a success without a way forward')).toBe(true);
      expect(problemsOf(`${bare}<button>${m.done}</button>`, language)).toEqual([]);
    }
  });
});
