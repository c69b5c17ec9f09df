import { composeStories, setProjectAnnotations, type composeStory } from '@storybook/react-vite';
import { waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { SetupWorker } from 'msw/browser';
import { setupServer } from 'msw/node';
import { afterAll, describe, expect, it } from 'vitest';
import preview from '../.storybook/preview';
import { KNOWN_FLINKS_CODES } from '../src/api/codes';
import { GUIDANCE, GUIDANCE_VARIANTS, type GuidanceCode } from '../src/guidance';
import { LANGUAGES, messagesFor, type Language, type Messages } from '../src/i18n';
import { CONFIG_META_NAME } from '../src/embed/config';
import { INSTITUTIONS } from '../src/institutions';
import { institutionsBody } from '../src/sandbox/institutions';
import { loadLaterSteps } from '../src/widget/laterSteps';
import {
  BANNED,
  CODE_TOKEN,
  NAMELESS_BANK,
  englishWords,
  frenchSpacingProblems,
  repetitions,
  withoutCodes,
  words,
} from './writing-rules';

// Every story, rendered in English and in French as Storybook shows it (its loaders, `beforeEach` and play function
// run), read back by role the way a person sees it, then checked against GUIDANCE.md's rules a machine can check.

/** What a story module exports, as `composeStories` takes it. */
export type StoryModule = Parameters<typeof composeStories>[0];

// jsdom lays nothing out: the embed page's size reports have nothing to observe.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** MSW for Node in place of the browser's service worker: the stories' `beforeEach({ msw })` adds handlers to it. */
const server = setupServer();
setProjectAnnotations({
  ...preview,
  loaders: [
    mswLoader(() => {
      server.listen({ onUnhandledRequest: 'bypass' });
      // The stories and the loader call only `use` and `resetHandlers`, which the Node server has as the worker does.
      return server as unknown as SetupWorker;
    }),
    loadLaterSteps,
  ],
});

/** Names that stay as they are on a French screen: the banks' and the product's. */
const BRAND_NAMES: readonly string[] = [
  ...new Set(INSTITUTIONS.flatMap(({ name }) => [name.en, name.fr])),
  'Flinks',
  // Not a brand, a name a developer searches for: the embed page's settings tag, in its developer details.
  CONFIG_META_NAME,
]
  // Longest first, so "Flinks Capital (OAuth)" goes before "Flinks Capital".
  .sort((a, b) => b.length - a.length);

const BLOCK =
  'p, h1, h2, h3, h4, h5, h6, li, label, legend, caption, th, td, dt, dd, figcaption, summary, div, section, form, fieldset, [role]';
const CONTROL = 'button, a, [role="button"], [role="link"], [role="tab"], [role="option"]';
/** Not prose: code samples (the embed stories) are in no language. */
const NOT_PROSE = 'code, pre, script, style, template, [hidden]';

/** The text a person sees or hears on one screen. */
export interface ScreenText {
  /** h1 and h2 headings' names, and the title line of an alert. */
  titles: string[];
  /** Visible prose, one entry per block (paragraph, alert, list item, label…), controls and headings left out. */
  blocks: string[];
  /** Names of buttons and links. */
  controls: string[];
  /** Names of the buttons alone (a link is a quieter way out). */
  buttons: string[];
  /** Names of form fields. */
  labels: string[];
  /** Every piece of text in the screen's language: text nodes and the attributes read out (bank's text left out). */
  all: string[];
  /** The small print for support, when there is one. */
  references: string[];
  /** What the alerts say (the bank's answer on a form is one: its title starts it). */
  alerts: string[];
  /** Codes ("INVALID_PASSWORD") in the person's text: developer pages (tables, code, configuration) aside. */
  codes: string[];
  /** The title lines of the alerts alone (the problem's own title on a form). */
  alertTitles: string[];
  /** Text styled as an error (`.cw-field-error`): it must say what is wrong, not a neutral fact. */
  errorStyled: string[];
  /**
   * What a field marked invalid is described by, outside the alerts, the error style and the calm notes: a field's
   * problem drawn in a look of its own (the product has one error style).
   */
  otherErrorStyles: string[];
  /** Each alert inside a form, with how many fields (distinct names) the form has. */
  formAlerts: { text: string; fields: number }[];
  /**
   * What looks like a button, whatever its role: the product's buttons and the links drawn as them (`.cw-button`). A
   * control drawn as a link, a bank's row in the list and the frame's icons (the X) are quieter ways out.
   */
  buttonLike: string[];
}

function isVisuallyHidden(element: Element): boolean {
  return element.closest('.cw-visually-hidden') !== null;
}

/** The language an element's text is in: the nearest `lang`. */
function languageOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') ?? '';
}

const squash = (text: string) => text.replace(/[ \t\n\r]+/g, ' ').trim();

/** Reads a rendered story back: headings, prose, controls and labels by role, the rest as text. */
export function readScreen(root: HTMLElement, language: Language): ScreenText {
  const view = within(root);
  const ownLanguage = (element: Element) => languageOf(element).startsWith(language);
  const titles = [
    ...view.queryAllByRole('heading', { level: 1 }),
    ...view.queryAllByRole('heading', { level: 2 }),
  ]
    .filter(ownLanguage)
    .map((heading) => squash(heading.textContent ?? ''));
  const alertTitles: string[] = [];
  for (const alert of view.queryAllByRole('alert')) {
    const line = alert.querySelector('strong');
    if (line) alertTitles.push(squash(line.textContent ?? ''));
  }
  titles.push(...alertTitles);

  // Text nodes grouped by the block that holds them; a control's text is its own.
  const groups = new Map<Element, string>();
  const all: string[] = [];
  const codes: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(NOT_PROSE) || !(node.textContent ?? '').trim()) continue;
    if (ownLanguage(parent)) all.push(node.textContent ?? '');
    // Developer pages name their settings and codes: the error map's tables, the embed page's configuration screen.
    if (!parent.closest('table, .cw-embed-config'))
      codes.push(...[...(node.textContent ?? '').matchAll(CODE_TOKEN)].map(([code]) => code));
    // Prose only: what is read as a sentence, not a control, a heading or a table's cell (a table repeats by design).
    if (isVisuallyHidden(parent) || parent.closest(`${CONTROL}, h1, h2, h3, h4, h5, h6, td, th`)) continue;
    // An alert's title line is a title: the rest of the alert is its body.
    if (parent.closest('[role="alert"] strong')) continue;
    const block = parent.closest(BLOCK);
    if (block) groups.set(block, (groups.get(block) ?? '') + (node.textContent ?? ''));
  }
  for (const element of root.querySelectorAll(
    '[aria-label], [placeholder], [alt], [title], [aria-roledescription]',
  )) {
    if (element.closest(NOT_PROSE) || !ownLanguage(element)) continue;
    for (const name of ['aria-label', 'placeholder', 'alt', 'title', 'aria-roledescription']) {
      const value = element.getAttribute(name);
      if (value?.trim()) all.push(value);
    }
  }
  const blocks = [...groups.entries()]
    .filter(([element]) => ownLanguage(element))
    .map(([, text]) => squash(text))
    .filter(Boolean);

  const named = (roles: string[]) =>
    roles.flatMap((role) =>
      view
        .queryAllByRole(role)
        .filter(ownLanguage)
        .map((element) => squash(accessibleName(element))),
    );
  const references = [...root.querySelectorAll('p, div, span')]
    .map((element) => squash(element.textContent ?? ''))
    .filter((text) => referencePattern(language).test(text));
  const otherErrorStyles = new Set<string>();
  for (const field of root.querySelectorAll('[aria-invalid="true"]')) {
    for (const id of (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
      const described = root.ownerDocument.getElementById(id);
      if (!described || described.closest('[role="alert"], .cw-field-error, .cw-hint, .cw-muted')) continue;
      const said = squash(described.textContent ?? '');
      if (said) otherErrorStyles.add(said);
    }
  }
  const formAlerts = view.queryAllByRole('alert').flatMap((alert) => {
    const form = alert.closest('form');
    if (!form) return [];
    const names = new Set(
      [...form.querySelectorAll('input, select, textarea')]
        .filter((control) => !['hidden', 'submit', 'button'].includes(control.getAttribute('type') ?? ''))
        .map((control) => control.getAttribute('name') ?? control.id),
    );
    return [{ text: squash(alert.textContent ?? ''), fields: names.size }];
  });
  return {
    otherErrorStyles: [...otherErrorStyles],
    formAlerts,
    titles: titles.filter(Boolean),
    blocks,
    controls: named(['button', 'link']).filter(Boolean),
    buttons: named(['button']).filter(Boolean),
    labels: named(['textbox', 'checkbox', 'radio', 'combobox', 'searchbox', 'spinbutton', 'listbox']).filter(
      Boolean,
    ),
    all,
    references,
    alerts: view.queryAllByRole('alert').map((alert) => squash(alert.textContent ?? '')),
    codes,
    alertTitles,
    // A modal dialog is a screen of its own: the one behind it is inert.
    buttonLike: [...(root.querySelector('[aria-modal="true"]') ?? root).querySelectorAll('.cw-button')]
      .filter((element) => !element.closest(NOT_PROSE))
      .map((element) => squash(accessibleName(element))),
    errorStyled: [...root.querySelectorAll('.cw-field-error')]
      .filter(ownLanguage)
      .map((element) => squash(element.textContent ?? ''))
      .filter(Boolean),
  };
}

/** The name Testing Library would match a role query against (aria-labelledby, aria-label, label, content). */
function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const id = element.getAttribute('id');
  const forLabel = id ? element.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  const wrapping = element.closest('label');
  return (forLabel ?? wrapping ?? element).textContent ?? '';
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The reference line of the language: "Support reference: 8c2f41d0". */
function referencePattern(language: Language): RegExp {
  const texts = messagesFor(language).guidance;
  const fill = (template: string) =>
    squash(template)
      .split(/(\{ref\})/)
      .map((part) => (part === '{ref}' ? '[0-9a-f]{8}' : escape(part)))
      .join('');
  return new RegExp(`^${fill(texts.reference)}$`);
}

/** The codes whose screen tells the person something went wrong (the waiting screens and "nothing to say" aside). */
const ALL_CODES: GuidanceCode[] = [...KNOWN_FLINKS_CODES, 'UNKNOWN'];
const GUIDANCE_CODES = ALL_CODES.filter(
  (code) => GUIDANCE[code].kind !== 'wait' && GUIDANCE[code].kind !== 'none',
);

/** A catalog text as a pattern: `{bank}` stands for any bank. */
const patternOf = (text: string) =>
  squash(text)
    .split('{bank}')
    .map((part) => escape(part))
    .join('.+');

/**
 * What a guidance screen says, per code of a language: its title alone (a heading), or its title and body together
 * (the alert on a form the person is sent back to).
 */
function guidancePatterns(messages: Messages): { title: RegExp; message: RegExp; kind: string }[] {
  const texts = [
    ...GUIDANCE_CODES.map((code) => ({ ...messages.guidance.codes[code], kind: GUIDANCE[code].kind })),
    ...Object.entries(messages.guidance.variants).map(([variant, text]) => ({
      ...text,
      kind: GUIDANCE[GUIDANCE_VARIANTS[variant as keyof typeof GUIDANCE_VARIANTS]].kind,
    })),
  ];
  return texts.map(({ title, body, kind }) => ({
    title: new RegExp(`^${patternOf(title)}$`),
    // The bank's answer on a form: its title, its body, and maybe the warning before the last try.
    message: new RegExp(`^${patternOf(title)}[.:?…]?\\s${patternOf(body)}(\\s.+)?$`),
    kind,
  }));
}

/** Where the bank refused something the person did: the title says which bank. */
const BANK_KINDS = new Set(['field', 'bank', 'mfa', 'blocked']);

/** The words of a text, lower case, for finding the same run of words in two places. */
const runsOf = (text: string, length: number): Set<string> => {
  const list = words(text.toLowerCase().replace(/[.,:;?!…«»“”]/g, ' '));
  const runs = new Set<string>();
  for (let start = 0; start + length <= list.length; start += 1)
    runs.add(list.slice(start, start + length).join(' '));
  return runs;
};

/** Five words in a row, said by the alert and by another block of the screen (the intro it should have hidden). */
function alertRepeats(screen: ScreenText): string | null {
  for (const alert of screen.alerts) {
    const said = runsOf(alert, 5);
    for (const block of screen.blocks) {
      if (screen.alerts.some((text) => text.includes(block) || block.includes(text))) continue;
      const again = [...runsOf(block, 5)].find((run) => said.has(run));
      if (again) return `“${again}” in the alert and in “${block}”`;
    }
  }
  return null;
}

/**
 * Every name in the sandbox's whole catalog (thousands of made-up banks and credit unions, "Yuma State Bank"): a row of
 * the bank list shows one by itself, and a bank's name is not English on a French screen, whatever words it holds.
 */
const CATALOG_NAMES = new Set<string>();
for (let skip = 0, count = 1; skip < count; skip += 1000) {
  const page = institutionsBody({ skip, take: 1000 });
  count = page.Count;
  for (const { Name } of page.Institutions) CATALOG_NAMES.add(Name.En).add(Name.Fr);
}

/** Notes that state a fact calmly (a field emptied for safety): never in an error's red. */
const NEUTRAL_NOTES: Record<Language, string[]> = {
  // As the notes were worded before this standard (the catalog's own notes are added where they are checked).
  en: ['This field was cleared for your security.'],
  fr: ['Ce champ a été vidé par mesure de sécurité.'],
};

/** The summary of a form's empty answers, as worded before this standard (the catalog's is added where checked). */
const SUMMARIES_BEFORE: Record<Language, string[]> = {
  en: ['Answer every question to continue.'],
  fr: ['Répondez à toutes les questions pour continuer.'],
};

/** What a screen says when it leaves the person nowhere to go. */
const DEAD_END: Record<Language, RegExp> = {
  en: /nothing (more|else) to do/i,
  fr: /plus rien à faire/i,
};

/** Every rule the screen breaks, as readable lines. */
export function screenProblems(screen: ScreenText, language: Language): string[] {
  const problems: string[] = [];
  const messages = messagesFor(language);
  for (const title of screen.titles) {
    // A bank's name counts as one word, as `{bank}` does in the catalog.
    const oneWordNames = BRAND_NAMES.reduce((text, name) => text.split(name).join('Bank'), title);
    if (words(oneWordNames).length > 7) problems.push(`title over 7 words: “${title}”`);
  }
  const shown = [...screen.titles, ...screen.blocks, ...screen.controls, ...screen.labels].map(withoutCodes);
  for (const text of shown) {
    if (BANNED[language].test(text)) problems.push(`blaming or alarming word: “${text}”`);
    if (NAMELESS_BANK[language].test(text)) problems.push(`names no bank: “${text}”`);
    if (text.includes('!') && !text.includes('?!')) problems.push(`exclamation mark: “${text}”`);
  }
  for (const repeat of repetitions(screen.titles, screen.blocks)) problems.push(`repeats itself: ${repeat}`);
  for (const text of screen.all) {
    if (text.includes("'")) problems.push(`straight apostrophe: “${squash(text)}”`);
    if (text.includes('"')) problems.push(`straight double quote: “${squash(text)}”`);
    if (language === 'fr') {
      for (const problem of new Set(frenchSpacingProblems(withoutCodes(text)))) {
        problems.push(`${problem}: “${squash(text)}”`);
      }
      const english = CATALOG_NAMES.has(text.trim()) ? [] : englishWords(text, BRAND_NAMES);
      if (english.length > 0) {
        problems.push(
          `English word${english.length > 1 ? 's' : ''} ${english.join(', ')} on a French screen: “${squash(text)}”`,
        );
      }
    }
  }
  const matched = guidancePatterns(messages).filter(
    ({ title, message }) =>
      screen.titles.some((text) => title.test(text)) || screen.alerts.some((text) => message.test(text)),
  );
  const isGuidance = matched.length > 0;
  // On a bank's screen, the title names the bank ("Desjardins didn't accept this password"). A bank's screen is known
  // by its catalog text, or by a code shown on it (as screens showed them before this standard).
  const shownCodes = screen.codes;
  // The code is the developer's (ERROR, onExit): the person gets words, and a support reference.
  for (const code of new Set(shownCodes)) problems.push(`a code in the person’s text: ${code}`);
  const bankScreen =
    matched.some(({ kind }) => BANK_KINDS.has(kind)) ||
    shownCodes.some((code) => code in GUIDANCE && BANK_KINDS.has(GUIDANCE[code as GuidanceCode].kind));
  if (bankScreen) {
    // On a form, the problem's title is the alert's; elsewhere the screen's heading.
    const problemTitles = screen.alertTitles.length > 0 ? screen.alertTitles : screen.titles;
    const named = problemTitles.some(
      (title) =>
        BRAND_NAMES.some((name) => title.includes(name)) ||
        [...CATALOG_NAMES].some((name) => title.includes(name)),
    );
    if (!named)
      problems.push(`a bank’s screen whose title names no bank (titles: ${screen.titles.join(' / ')})`);
  }
  const repeated = alertRepeats(screen);
  if (repeated) problems.push(`an alert that repeats the screen: ${repeated}`);
  for (const text of screen.errorStyled) {
    if (
      NEUTRAL_NOTES[language].includes(text) ||
      Object.values(messages.screens.credentials.notes).includes(text)
    )
      problems.push(`a neutral note in error style: “${text}”`);
  }
  // One error style in the product: a field's problem looks the same on every form.
  for (const text of screen.otherErrorStyles) problems.push(`a field’s error in another style: “${text}”`);
  // "Answer every question" over a form of one question says, in a second place, what the field's message says.
  const summaries = [messages.mfa.required.summary, ...SUMMARIES_BEFORE[language]];
  for (const { text, fields } of screen.formAlerts) {
    if (fields <= 1 && summaries.includes(text)) problems.push(`a summary for one field: “${text}”`);
  }
  // Success names what was connected and hands back: a way forward, never "nothing more to do here".
  const success = screen.titles.includes(messages.screens.success.title);
  if (DEAD_END[language].test([...screen.blocks, ...screen.titles].join(' '))) {
    problems.push(`a dead end: “${screen.blocks.find((block) => DEAD_END[language].test(block)) ?? ''}”`);
  }
  if (success && screen.buttons.length === 0) {
    problems.push(`a success without a way forward (titles: ${screen.titles.join(' / ')})`);
  }
  // One primary action, one other at most: a third way out is a link (GUIDANCE.md).
  if (screen.buttonLike.length > 2) {
    problems.push(`more than two buttons: ${screen.buttonLike.map((name) => `“${name}”`).join(', ')}`);
  }
  if (isGuidance && screen.references.length === 0) {
    problems.push(`guidance screen without a reference line (titles: ${screen.titles.join(' / ')})`);
  }
  return [...new Set(problems)];
}

afterAll(() => server.close());

/** The longest story waits 5 s for the widget's own retry (CONCURRENT_SESSION, CARD_IN_USE); room for a busy machine. */
const STORY_TIMEOUT = 45_000;

/**
 * Play functions that cannot finish in jsdom, which lays out nothing and applies no style sheet; they pass in Chromium
 * (the `storybook` projects). Their screen is still checked, as the play function left it.
 */
const JSDOM_CANNOT_PLAY: Record<string, string> = {
  'Steps/Consent › WithTerms': 'a link’s accessible name loses the space before its visually hidden part',
  'Steps/Consent › WithTermsInFrench':
    'a link’s accessible name loses the space before its visually hidden part',
  'Steps/Sign in › BankWithWebsite':
    'a link’s accessible name loses the space before its visually hidden part',
  'Flows/Sandbox personas › HeadingFocusWithoutRing': 'reads the focus ring’s computed style',
  'Steps/Sign in › ShowPassword': 'measures where the toggle’s words start (jsdom lays nothing out)',
  'Steps/Choose a bank › FocusRingInsideTheList':
    'measures the focus ring against the list’s box (jsdom lays nothing out)',
};

/**
 * One test per story and language: the story runs as Storybook runs it (loaders, `beforeEach`, play function), then
 * its screen is read and checked. A story pinned to a language (`globals: { language }`) runs in the other one too;
 * there its play function may expect its own language's words, so only the screen is held to the rules.
 */
export function checkScreens(
  modules: Record<string, unknown>,
  languages: readonly Language[] = LANGUAGES,
): void {
  for (const [file, exports] of Object.entries(modules)) {
    // A module whose stories take their own args type is still a module of stories.
    const module = exports as StoryModule;
    const stories = Object.entries(composeStories(module)) as [string, ReturnType<typeof composeStory>][];
    const title = module.default.title ?? file;
    describe.each(languages)(`${title} in %s`, (language) => {
      it.each(stories)('%s', { timeout: STORY_TIMEOUT }, async (name, story) => {
        const where = `${title} › ${name}`;
        // The story's own `globals`, not the composed ones (which hold the toolbar's default language too).
        const own = (exports as Record<string, { globals?: Record<string, unknown> } | undefined>)[name]
          ?.globals;
        const pinned = typeof own?.language === 'string' && own.language !== language;
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        // Every screen the story passes through (a persona's flow shows several): a copy of the DOM as it last was
        // under each title and alert, read at the end.
        const passed = new Map<string, Node>();
        let pending: ReturnType<typeof setTimeout> | undefined;
        const observer = new MutationObserver(() => {
          clearTimeout(pending);
          pending = setTimeout(() => {
            const marks = [...canvasElement.querySelectorAll('h1, h2, [role="alert"]')];
            if (marks.length > 0) {
              passed.set(marks.map((mark) => mark.textContent).join('\n'), canvasElement.cloneNode(true));
            }
          });
        });
        observer.observe(canvasElement, { subtree: true, childList: true, characterData: true });
        try {
          try {
            // jsdom has no clipboard, so Storybook gives no `userEvent`: one set up as it would be, without the pause
            // between keys (the screens, not the typing, are under test here).
            await story.run({
              canvasElement,
              globals: { ...story.globals, language },
              userEvent: userEvent.setup({ delay: null }),
            });
          } catch (error) {
            if (!pinned && !(where in JSDOM_CANNOT_PLAY)) {
              throw new Error(`${where} (${language}): the story did not run`, { cause: error });
            }
          }
          // Settled: the screen shows its title (a story of the error map shows its table, named by a caption).
          await waitFor(
            () => {
              const view = within(canvasElement);
              const titled = [1, 2].some((level) => view.queryAllByRole('heading', { level }).length > 0);
              expect(
                titled || view.queryAllByRole('table').length > 0,
                `${where} (${language}) shows no title`,
              ).toBe(true);
            },
            { timeout: 2_000 },
          );
          observer.disconnect();
          clearTimeout(pending);
          const problems = screenProblems(readScreen(canvasElement, language), language);
          // The screens before the last, each alone in the document (their ids are the live screen's).
          canvasElement.remove();
          for (const copy of passed.values()) {
            const root = copy as HTMLElement;
            document.body.append(root);
            const screen = readScreen(root, language);
            root.remove();
            const on = `on “${screen.titles.join(' / ')}”: `;
            for (const problem of screenProblems(screen, language)) {
              if (!problems.includes(problem) && !problems.includes(on + problem))
                problems.push(on + problem);
            }
          }
          expect(
            problems,
            `${where} (${language}) breaks the writing standard:\n  - ${problems.join('\n  - ')}\n`,
          ).toEqual([]);
        } finally {
          observer.disconnect();
          canvasElement.remove();
        }
      });
    });
  }
}
