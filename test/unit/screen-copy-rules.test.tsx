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

  it('find blaming words, nameless banks and codes shown to the person', () => {
    expect(has(problemsOf('<h2>Try later</h2><p>An error happened.</p>', 'en'), 'blaming')).toBe(true);
    expect(has(problemsOf('<h2>Réessayez</h2><p>La connexion a échoué.</p>', 'fr'), 'blaming')).toBe(true);
    expect(has(problemsOf('<h2>Try later</h2><p>The server said no.</p>', 'en'), 'names no bank')).toBe(true);
    // The old reference line: the code is the developer's, never the person's.
    expect(problemsOf('<h2>Try later</h2><p>Reference: INVALID_LOGIN · 8c2f41d0</p>', 'en')).toContain(
      'a code in the person’s text: INVALID_LOGIN',
    );
    expect(problemsOf('<h2>Try later</h2><p>Support reference: 8c2f41d0</p>', 'en')).toEqual([]);
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
    expect(problemsOf(`<p>Référence pour le soutien${NBSP}: 8c2f41d0</p>`, 'fr')).toEqual([]);
    expect(problemsOf('<p>Connexion à BMO Bank of Montreal par Flinks</p>', 'fr')).toEqual([]);
  });

  it('want a reference line on a guidance screen, a heading or a form’s alert', () => {
    for (const language of ['en', 'fr'] as const) {
      const m = messagesFor(language);
      const screen = guidanceText('NEW_ACCOUNT', m, { language, bank: 'Desjardins' });
      const reference = referenceText('8c2f41d0-5b7e', m);
      const guidance = `<h2>${screen.title}</h2><p>${screen.body}</p>`;
      expect(problemsOf(guidance, language)).toEqual([
        `guidance screen without a reference line (titles: ${screen.title})`,
      ]);
      expect(problemsOf(`${guidance}<p class="cw-reference">${reference}</p>`, language)).toEqual([]);

      const refused = guidanceText('INVALID_PASSWORD', m, { language, bank: 'Desjardins' });
      const alert = `<h2>${m.ui.credentials.submit}</h2><div role="alert"><strong>${refused.title}</strong> ${refused.body}</div>`;
      expect(has(problemsOf(alert, language), 'guidance screen without a reference line')).toBe(true);
      const withReference = `${alert}<p>${referenceText('42be061d-5b7e', m)}</p>`;
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

  it('count what looks like a button: three on the old DISABLED_LOGIN and slow-bank screens, Exit as a link lets two by', () => {
    for (const language of ['en', 'fr'] as const) {
      const m = messagesFor(language);
      const actions = m.guidance.actions;
      const screen = guidanceText('DISABLED_LOGIN', m, { language, bank: 'Desjardins' });
      const top = `<h2>${screen.title}</h2><p>${screen.body}</p>`;
      const reference = `<p class="cw-reference">${referenceText('8c2f41d0-5b7e', m)}</p>`;
      // As base2 drew it: the bank's contact page as a link drawn as a button, then two more full-width buttons.
      const old = `${top}<div class="cw-actions">
          <a class="cw-button cw-button--primary" href="https://www.desjardins.com">${format(actions.contactBank, { bank: 'Desjardins' })}</a>
          <button class="cw-button cw-button--secondary">${actions.chooseAnotherBank}</button>
          <button class="cw-button cw-button--secondary">${actions.exit}</button>
        </div>${reference}`;
      expect(has(problemsOf(old, language), 'more than two buttons')).toBe(true);
      const now = old.replace(
        `<button class="cw-button cw-button--secondary">${actions.exit}</button>\n        </div>`,
        `</div><button class="cw-link cw-link-button">${actions.exit}</button>`,
      );
      expect(now).not.toBe(old);
      expect(problemsOf(now, language)).toEqual([]);
      // The X in the frame and the bank's rows in a list are not the screen's buttons.
      const frame = `<button class="cw-icon-button" aria-label="X"></button><ul><li><button>RBC</button></li><li><button>TD</button></li></ul>`;
      expect(has(problemsOf(`${frame}${now}`, language), 'more than two buttons')).toBe(false);
      // A modal dialog is a screen of its own, over an inert one: its buttons count, not those behind it.
      const dialog = `<div role="dialog" aria-modal="true"><h2>${m.screens.exit.title}</h2>
        <button class="cw-button">${m.screens.exit.stay}</button><button class="cw-button">${m.screens.exit.leave}</button></div>`;
      expect(has(problemsOf(`${now}${dialog}`, language), 'more than two buttons')).toBe(false);
    }
    // The slow bank's old screen: « Terminer maintenant », « Continuer d’attendre » and « Quitter », stacked.
    const slow = `<h2>Desjardins répond lentement</h2><progress aria-label="Progression"></progress>
      <div class="cw-actions"><button class="cw-button cw-button--primary">Terminer maintenant</button>
      <button class="cw-button cw-button--secondary">Continuer d’attendre</button>
      <button class="cw-button cw-button--quiet">Quitter</button></div>`;
    expect(problemsOf(slow, 'fr')).toEqual([
      'more than two buttons: “Terminer maintenant”, “Continuer d’attendre”, “Quitter”',
    ]);
  });

  it('catch the old wrong-password form: an alert repeating the intro, a title naming no bank, a code, a neutral note in red', () => {
    const old = `<h2>Sign in to Desjardins</h2>
      <p>Use the username and password you use for Desjardins’s online banking.</p>
      <form>
        <div role="alert"><strong>This password doesn’t match</strong> Enter the password you use for Desjardins’s online banking.</div>
        <p class="cw-reference">Reference: INVALID_PASSWORD · 42be061d</p>
        <label for="u">Username or card number</label><input id="u" aria-invalid="true">
        <label for="p">Password</label><input id="p" aria-invalid="true">
        <p class="cw-field-error">This field was cleared for your security.</p>
        <button>Connect</button>
      </form>`;
    const problems = problemsOf(old, 'en');
    expect(has(problems, 'an alert that repeats the screen')).toBe(true);
    expect(has(problems, 'a bank’s screen whose title names no bank')).toBe(true);
    expect(has(problems, 'a neutral note in error style')).toBe(true);

    const oldFr = `<h2>Ouvrez une session chez Desjardins</h2>
      <p>Utilisez le nom d’utilisateur et le mot de passe de vos services bancaires en ligne de Desjardins.</p>
      <div role="alert"><strong>Ce mot de passe ne correspond pas</strong> Entrez le mot de passe de vos services bancaires en ligne de Desjardins.</div>
      <p class="cw-reference">Référence${NBSP}: INVALID_PASSWORD · 42be061d</p>
      <p class="cw-field-error">Ce champ a été vidé par mesure de sécurité.</p>`;
    const french = problemsOf(oldFr, 'fr');
    expect(has(french, 'an alert that repeats the screen')).toBe(true);
    expect(has(french, 'a bank’s screen whose title names no bank')).toBe(true);
    expect(has(french, 'a neutral note in error style')).toBe(true);
  });

  it('let the new wrong-password form by: the intro hidden, the bank named, the note calm', () => {
    for (const language of ['en', 'fr'] as const) {
      const m = messagesFor(language);
      const refused = guidanceText('INVALID_PASSWORD', m, { language, bank: 'Desjardins' });
      const screen = `<h2>${format(m.ui.credentials.title, { bank: 'Desjardins' })}</h2>
        <div role="alert"><strong>${refused.title}</strong> ${refused.body}</div>
        <p class="cw-reference">${referenceText('42be061d-5b7e', m)}</p>
        <p class="cw-hint">${m.screens.credentials.notes.cleared}</p>`;
      expect(problemsOf(screen, language)).toEqual([]);
      // The catalog's own note, in an error's red, is caught too.
      const red = screen.replace('cw-hint', 'cw-field-error');
      expect(has(problemsOf(red, language), 'a neutral note in error style')).toBe(true);
    }
  });

  it('catch the old empty answer: a summary over one question, its message in a look of its own', () => {
    const old = {
      en: ['What city were you born in?', 'Answer every question to continue.', 'Enter your answer.'],
      fr: [
        'Dans quelle ville êtes-vous né\u00A0?',
        'Répondez à toutes les questions pour continuer.',
        'Entrez votre réponse.',
      ],
    } as const;
    for (const language of ['en', 'fr'] as const) {
      const [question, summary, empty] = old[language];
      const form = (alert: string, errorClass: string) => `<h2>Desjardins</h2>
        <form>
          ${alert}
          <label for="a">${question}</label>
          <input id="a" name="a" aria-invalid="true" aria-describedby="a-error">
          <p class="${errorClass}" id="a-error">${empty}</p>
          <button>Continue</button>
        </form>`;
      const problems = problemsOf(form(`<div role="alert">${summary}</div>`, 'cw-mfa-field-error'), language);
      expect(has(problems, 'a summary for one field')).toBe(true);
      expect(problems).toContain(`a field’s error in another style: “${empty}”`);
      // The new one: the field's message alone, in the error style.
      expect(problemsOf(form('', 'cw-field-error'), language)).toEqual([]);
      // Over several questions, the summary is in its place.
      const several = form(`<div role="alert">${summary}</div>`, 'cw-field-error').replace(
        '<button>',
        '<label for="b">Second</label><input id="b" name="b"><button>',
      );
      expect(has(problemsOf(several, language), 'a summary for one field')).toBe(false);
    }
  });
});
