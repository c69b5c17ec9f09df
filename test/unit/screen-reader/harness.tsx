import { virtual } from '@guidepup/virtual-screen-reader';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../../../src/ConnectWidget';
import { guidanceText, loadMessages, messagesFor, type Language } from '../../../src/i18n';
import { format } from '../../../src/i18n/format';
import { createSandbox } from '../../../src/sandbox';
import { FLINKS_CAPITAL_QUESTIONS, FLINKS_CAPITAL_QUESTIONS_FR } from '../../../src/sandbox/challenges';
import { sandboxHandlers } from '../../../src/sandbox/msw';
import { loadLaterSteps } from '../../../src/widget/laterSteps';

// A whole connection heard through a virtual screen reader (@guidepup/virtual-screen-reader, over jsdom): what it
// says, in order, from the first submit to the persona's last screen. Every expected phrase comes from the catalogs
// of the language under test, so the same table checks English and French.

const BANK = 'Flinks Capital';

// The reader names the target of every DOM change after a microtask; when that target was removed meanwhile (a
// countdown's text changed just as its screen left), dom-accessibility-api looks an `aria-labelledby` id up on the
// detached subtree's root, an element without `getElementById`, and the rejection escapes the test. Give detached
// subtrees the same lookup a document has.
if (!('getElementById' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'getElementById', {
    value(this: Element, id: string) {
      return this.querySelector(`#${CSS.escape(id)}`);
    },
  });
}

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

export type Messages = ReturnType<typeof messagesFor>;
type User = ReturnType<typeof userEvent.setup>;

/** The catalogs of the language under test, with `{bank}` filled. */
export interface Texts {
  language: Language;
  m: Messages;
  /** A catalog string with `{bank}` (and any other value) filled. */
  t(template: string, values?: Record<string, string | number>): string;
  /** A code's guidance screen, as the widget shows it for Flinks Capital. */
  guidance(code: string): { title: string; body: string };
}

/** What a step of the table may do once its screen is heard. */
export interface Driver extends Texts {
  user: User;
  /** Moves the clock (fake timers) by `ms`, letting every timer and request run. */
  wait(ms: number): Promise<void>;
  /** Reads on from where the reader is, `count` items (the person pressing "next"). */
  readOn(count?: number): Promise<void>;
  /** Goes back to the screen's heading and reads on from it, `count` items. */
  readFromHeading(count: number): Promise<void>;
  /** The phrases spoken since the step's screen arrived. */
  sinceArrival(): Promise<string[]>;
}

/** One screen of a flow: the heading heard when it arrives, then what the person does there. */
export interface Step {
  heading(texts: Texts): string;
  /** A screen the flow passes through on its own (waiting for the bank): gone by the time the next one is heard. */
  passing?: boolean;
  /** Said with the heading, in the same phrase (its `aria-describedby`). */
  describedBy?(texts: Texts): string;
  /** Texts heard exactly once on this screen, from its arrival to the end of its reading (a bank's error, its text). */
  once?(texts: Texts): string[];
  /** After arrival: read the screen through (the person listens on from the heading). */
  read?: number;
  act?(driver: Driver): Promise<void>;
}

export interface Flow {
  username: string;
  password?: string;
  props?: Partial<ConnectWidgetProps>;
  steps: Step[];
}

function texts(language: Language): Texts {
  const m = messagesFor(language);
  const t = (template: string, values: Record<string, string | number> = {}) =>
    format(template, { bank: BANK, ...values });
  return {
    language,
    m,
    t,
    guidance: (code) => {
      const { title, body } = guidanceText(code, m, { language, bank: BANK });
      return { title, body };
    },
  };
}

/** One sandbox and mock server per test file (call at the top of the file). */
export function sandboxPerFile() {
  // The clock is read at each call, so fake timers move the sandbox's pending windows too.
  const sandbox = createSandbox({ latencyMs: 0, now: () => Date.now() });
  const server = setupServer(...sandboxHandlers(sandbox));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    await virtual.stop();
    server.resetHandlers();
    sandbox.reset();
    vi.useRealTimers();
  });
  afterAll(() => server.close());
  return sandbox;
}

/**
 * How many phrases say `text`. The reader's own "end of heading, …" marker, said when the cursor leaves an element,
 * repeats the element's name as a landmark, not as news: it does not count.
 */
export const count = (log: readonly string[], text: string) =>
  log.filter((phrase) => !phrase.startsWith('end of ') && spaced(phrase).includes(spaced(text))).length;

/** The reader says a no-break space (French `:`, `;`, `»`) as a space. */
export const spaced = (text: string) => text.replace(/\s+/g, ' ');

const HEADING = 'heading, ';

/**
 * Drives `flow` from the sign-in form to its last step and checks, at each step, that its heading is the next heading
 * said, said once, with its description; returns the whole phrase log.
 */
export async function walk(language: Language, flow: Flow): Promise<string[]> {
  try {
    return await walkSteps(language, flow);
  } catch (error) {
    // The whole log with the failure: what was said is the first thing to look at.
    const log = await virtual.spokenPhraseLog().catch(() => []);
    if (error instanceof Error)
      error.message += `\n\nSpoken:\n${log.map((phrase) => `  ${phrase}`).join('\n')}`;
    throw error;
  }
}

async function walkSteps(language: Language, flow: Flow): Promise<string[]> {
  const tx = texts(language);
  // The later screens and their text in memory first, as they are once the person is on the form: the waiting screen
  // after the submit is then always shown, not sometimes skipped while its code loads.
  await Promise.all([loadLaterSteps(), loadMessages(language)]);
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(
    <ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" language={language} {...flow.props} />,
  );
  // The form is filled in before the reader starts listening: what it says from the submit on is what is checked.
  const username = await screen.findByLabelText(tx.m.ui.credentials.username);
  await user.type(username, flow.username);
  await user.type(screen.getByLabelText(tx.m.ui.credentials.password), flow.password ?? 'Everyday');
  await virtual.start({ container: document.body });
  // From here on, every heading said belongs to a step of the table.
  let mark = (await virtual.spokenPhraseLog()).length;
  let arrivedAt = mark;
  // What the person reads themselves (moving the reader's cursor) is not a screen arriving.
  const ownReading = new Set<number>();
  const reading = async (move: () => Promise<void>) => {
    const from = (await virtual.spokenPhraseLog()).length;
    await move();
    const to = (await virtual.spokenPhraseLog()).length;
    for (let position = from; position < to; position += 1) ownReading.add(position);
  };
  const announced = (log: readonly string[], position: number) =>
    !ownReading.has(position) && (log[position] ?? '').startsWith(HEADING);
  await user.click(screen.getByRole('button', { name: tx.m.ui.credentials.submit }));

  const driver: Driver = {
    ...tx,
    user,
    wait: async (ms) => {
      await act(() => vi.advanceTimersByTimeAsync(ms));
    },
    readOn: (times = 40) =>
      reading(async () => {
        for (let item = 0; item < times; item += 1) await virtual.next();
      }),
    readFromHeading: (times) =>
      reading(async () => {
        await virtual.perform(virtual.commands.moveToPreviousHeading);
        for (let item = 0; item < times; item += 1) await virtual.next();
      }),
    sinceArrival: async () => (await virtual.spokenPhraseLog()).slice(arrivedAt),
  };

  for (const [index, step] of flow.steps.entries()) {
    const title = step.heading(tx);
    const where = `step ${index + 1} (“${title}”)`;
    // The next heading said is this step's, and no other heading was said before it.
    const arrival = await waitFor(
      async () => {
        const log = await virtual.spokenPhraseLog();
        const at = log.findIndex((_, position) => position >= mark && announced(log, position));
        expect(at, `${where}: no heading said yet`).toBeGreaterThanOrEqual(0);
        return { at, phrase: log[at] ?? '' };
      },
      { timeout: 5_000 },
    );
    expect(arrival.phrase, where).toMatch(new RegExp(`^${HEADING}${escape(title)}, `));
    if (step.describedBy) expect(arrival.phrase, where).toContain(`, ${step.describedBy(tx)}, `);
    mark = arrival.at + 1;
    arrivedAt = arrival.at;
    // The heading has focus: a screen reader's cursor is on it (a screen that passes by is gone by now).
    if (!step.passing) expect(screen.getByRole('heading', { name: title, level: 2 })).toHaveFocus();
    if (step.read) {
      await driver.readOn(step.read);
      const log = await virtual.spokenPhraseLog();
      expect(
        log.slice(mark).filter((phrase) => phrase.startsWith(HEADING)),
        `${where}: reading on says no other heading`,
      ).toEqual([]);
    }
    // Once on this screen: from its arrival (a screen shown again after a retry is heard again).
    const heard = (await virtual.spokenPhraseLog()).slice(arrival.at);
    for (const text of step.once?.(tx) ?? []) {
      expect(count(heard, text), `${where}: “${text}” said once`).toBe(1);
    }
    if (step.act) await step.act(driver);
  }
  const log = await virtual.spokenPhraseLog();
  expect(
    log.filter((_, position) => position >= mark && announced(log, position)),
    'no heading after the last step',
  ).toEqual([]);
  if (language === 'fr') expectNoEnglish(log);
  return log;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * No English of the widget's own on a French screen: every English catalog string that French says differently, by
 * its longest stretch without a placeholder ("Sign in to" for "Sign in to {bank}"), as whole words ("Continue" is not
 * found in "Continuer").
 */
export function expectNoEnglish(log: readonly string[]) {
  const heard = log.map(spaced);
  for (const [stretch, words] of englishStretches()) {
    expect(
      heard.filter((phrase) => words.test(phrase)),
      `English on a French screen: “${stretch}”`,
    ).toEqual([]);
  }
}

let english: [stretch: string, words: RegExp][] | undefined;

function englishStretches(): [stretch: string, words: RegExp][] {
  if (english) return english;
  const frenchTexts = strings(messagesFor('fr')).map(spaced);
  const french = new Set(strings(messagesFor('fr')));
  const stretches = strings(messagesFor('en'))
    .filter((text) => !french.has(text))
    .map((text) => longest(text.split(/\{\w+\}/)).trim())
    .filter((stretch) => stretch.length >= 4);
  english = [...new Set(stretches)]
    .map((stretch): [string, RegExp] => [stretch, wordsOf(stretch)])
    // Not a word French uses too ("Image", "Question").
    .filter(([, words]) => !frenchTexts.some((text) => words.test(text)));
  return english;
}
/** `text` as whole words, spaces as the reader says them. */
function wordsOf(text: string): RegExp {
  return new RegExp(`(?<!\\p{L})${escape(spaced(text))}(?!\\p{L})`, 'u');
}

function longest(parts: readonly string[]): string {
  return parts.reduce((best, part) => (part.trim().length > best.trim().length ? part : best), '');
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The answer to whichever of Flinks Capital's questions `prompt` is, in either language. */
function answerTo(prompt: string): string {
  const index = FLINKS_CAPITAL_QUESTIONS.findIndex(
    (question, position) => question.prompt === prompt || FLINKS_CAPITAL_QUESTIONS_FR[position] === prompt,
  );
  const question = FLINKS_CAPITAL_QUESTIONS[index];
  if (!question) throw new Error(`Not one of Flinks Capital's questions: ${prompt}`);
  return question.answer;
}

/** Answers every question on the security check, then sends with the screen's main button. */
export async function answerQuestions(driver: Driver, submit?: string) {
  for (const field of screen.getAllByRole<HTMLInputElement>('textbox')) {
    const label = field.labels?.[0]?.textContent ?? '';
    await driver.user.type(field, answerTo(label.trim()));
  }
  await driver.user.click(screen.getByRole('button', { name: submit ?? driver.m.mfa.continue }));
}

// The screens every flow passes through, by their headings.
export const signingIn: Step = {
  heading: ({ m, t }) => t(m.screens.processing.titles.signingIn),
  passing: true,
};
export const success: Step = {
  heading: ({ m }) => m.screens.success.title,
  // Read on up to the one way forward; what was connected is said once on the way (one account by name, or how many).
  act: async ({ m, t, sinceArrival, readOn }) => {
    const button = `button, ${m.screens.success.done}`;
    for (let item = 0; item < 30 && count(await sinceArrival(), button) === 0; item += 1) await readOn(1);
    const heard = await sinceArrival();
    expect(heard.filter((phrase) => phrase.startsWith('heading, ')).length, 'no other heading').toBe(1);
    const tail = (template: string) => t(template.split(/\{account\}|\{count\}/)[1] ?? template).trim();
    const said =
      count(heard, tail(m.screens.success.oneAccount)) +
      count(heard, tail(m.screens.success.severalAccounts));
    expect(said, 'what was connected, said once').toBe(1);
    expect(count(heard, button)).toBe(1);
  },
};
export const mfa = (act: Step['act'], describedBy?: Step['describedBy']): Step => ({
  heading: ({ m, t }) => t(m.mfa.title),
  describedBy: describedBy ?? (({ m, t }) => t(m.mfa.intro)),
  act,
});
/** A code's guidance screen: its title on arrival, its body once when read on. */
export const guidanceScreen = (code: string, act?: Step['act']): Step => ({
  heading: ({ guidance }) => guidance(code).title,
  once: ({ guidance }) => [guidance(code).title, guidance(code).body],
  read: 10,
  ...(act ? { act } : {}),
});
/** The sign-in form again, with the bank's answer above it: heard once when read on from the heading. */
export const credentialsAgain = (code: string): Step => ({
  heading: ({ m, t }) => t(m.ui.credentials.title),
  once: ({ guidance }) => [guidance(code).title, guidance(code).body],
  read: 18,
});
export const gathering: Step = {
  heading: ({ m }) => m.screens.processing.titles.gathering,
  passing: true,
};

/** Picks the choice named `name` on the security check, then Continue. */
export const choose = (name: (d: Driver) => string | RegExp) => async (d: Driver) => {
  await d.user.click(screen.getByRole('radio', { name: name(d) }));
  await d.user.click(screen.getByRole('button', { name: d.m.mfa.continue }));
};

/** Each new round of the check is a fresh screen: its heading again, with the next-round intro. */
export const nextRound = (act: Step['act']): Step => mfa(act, ({ m, t }) => t(m.mfa.introNextRound));
