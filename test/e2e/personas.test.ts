import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import { FLINKS_CAPITAL_QUESTIONS, SANDBOX_ONE_TIME_CODE, SANDBOX_PASSWORD } from '../../src/sandbox';
import { chromiumForFile, cspProblems, expectNoSecrets, type HostSession } from './harness';

/**
 * Every persona of CONTRACT §6, through the iframe: the partner page (another origin) mounts the widget with
 * `/connect.js`, a person signs in, and the test checks the screen and what the partner received.
 */

const BANK = 'Flinks Capital';
const [CITY, COUNTRY] = FLINKS_CAPITAL_QUESTIONS;
const ANSWERS: readonly string[] = [
  ...FLINKS_CAPITAL_QUESTIONS.map(({ answer }) => answer),
  SANDBOX_ONE_TIME_CODE,
];

const chromium = chromiumForFile();

function start(tag: string): Promise<HostSession> {
  return chromium.open({ consentEnable: 'false', demo: 'true', institution: 'FlinksCapital', tag });
}

async function signIn(widget: FrameLocator, username: string, password = SANDBOX_PASSWORD) {
  await widget.getByLabel(en.ui.credentials.username).fill(username);
  await widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(password);
  await widget.getByRole('button', { name: en.ui.credentials.submit }).click();
}

async function answer(widget: FrameLocator, fill: () => Promise<void>) {
  await widget.getByRole('heading', { name: format(en.mfa.title, { bank: BANK }) }).waitFor();
  await fill();
  await widget.getByRole('button', { name: en.mfa.continue }).click();
}

/** Greatday asks one of the three questions, picked at random. */
async function answerWhicheverIsAsked(widget: FrameLocator) {
  for (const { prompt, answer: text } of FLINKS_CAPITAL_QUESTIONS) {
    const field = widget.getByLabel(prompt);
    if ((await field.count()) > 0) await field.fill(text);
  }
}

/** The names the host received, without APP_RESIZE (which comes whenever the height changes). */
async function steps(current: HostSession): Promise<string[]> {
  return (await current.eventNames()).filter((name) => name !== 'APP_RESIZE');
}

interface SuccessCase {
  username: string;
  mfaTypes: string[][];
  afterSignIn: (widget: FrameLocator) => Promise<void>;
}

const successes: SuccessCase[] = [
  { username: 'greatday_nomfa', mfaTypes: [], afterSignIn: async () => {} },
  {
    username: 'Greatday',
    mfaTypes: [['QuestionAndAnswer']],
    afterSignIn: (widget) => answer(widget, () => answerWhicheverIsAsked(widget)),
  },
  {
    username: 'test_mfa_triple',
    // Three prompts of one type: the event lists each type once.
    mfaTypes: [['QuestionAndAnswer']],
    afterSignIn: (widget) =>
      answer(widget, async () => {
        for (const { prompt, answer: text } of FLINKS_CAPITAL_QUESTIONS)
          await widget.getByLabel(prompt).fill(text);
      }),
  },
  {
    username: 'test_mfa_rounds',
    mfaTypes: [['QuestionAndAnswer'], ['QuestionAndAnswer']],
    afterSignIn: async (widget) => {
      await answer(widget, () => widget.getByLabel(CITY.prompt).fill(CITY.answer));
      await answer(widget, () => widget.getByLabel(COUNTRY.prompt).fill(COUNTRY.answer));
    },
  },
  {
    username: 'test_mfa_choice',
    mfaTypes: [['MultipleChoice']],
    afterSignIn: (widget) =>
      answer(widget, () => widget.getByRole('radio', { name: 'Rue Sherbrooke' }).check()),
  },
  {
    username: 'test_mfa_text_or_call',
    mfaTypes: [['TextOrCall'], ['QuestionAndAnswer']],
    afterSignIn: async (widget) => {
      await answer(widget, async () => {
        await widget.getByRole('radio', { name: 'Number ending in 42' }).check();
        await widget.getByRole('radio', { name: en.mfa.delivery.text }).check();
      });
      await answer(widget, async () => {
        const code = widget.getByLabel('Enter the code');
        expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
        await code.fill(SANDBOX_ONE_TIME_CODE);
      });
    },
  },
  {
    username: 'test_mfa_image',
    mfaTypes: [['ImageSelection']],
    // The sandbox sends a circle, a triangle, a square, in this order.
    afterSignIn: (widget) =>
      answer(widget, () =>
        widget.getByRole('radio', { name: format(en.mfa.image.label, { position: 2, total: 3 }) }).check(),
      ),
  },
  { username: 'test_pending', mfaTypes: [], afterSignIn: async () => {} },
  {
    username: 'test_dispatched',
    mfaTypes: [],
    afterSignIn: (widget) => widget.getByRole('button', { name: en.guidance.actions.finishNow }).click(),
  },
];

describe('personas that connect', () => {
  it.each(successes)('$username ends with REDIRECT and the success screen', async (persona) => {
    const tag = `e2e-${persona.username}`;
    const current = await start(tag);
    await signIn(current.widget, persona.username);
    await persona.afterSignIn(current.widget);

    // test_pending polls its Async endpoint every 10 s: the success screen may take that long.
    await current.widget
      .getByRole('heading', { name: en.screens.success.title })
      .waitFor({ timeout: 30_000 });
    await current.waitForEvent('REDIRECT');

    const names = await steps(current);
    const mfaRounds = persona.mfaTypes.length;
    expect(names.slice(0, 3)).toEqual(['APP_MOUNTED', 'COMPONENT_LOAD_CREDENTIAL', 'SUBMIT_CREDENTIAL']);
    expect(names.filter((name) => name === 'COMPONENT_LOAD_MFA')).toHaveLength(mfaRounds);
    expect(names.filter((name) => name === 'SUBMIT_MFA')).toHaveLength(mfaRounds);
    expect(names).not.toContain('ERROR');
    expect(names.at(-1)).toBe('REDIRECT');

    const events = await current.events();
    const mfaTypes = events.flatMap((entry) =>
      entry.kind === 'event' && entry.name === 'COMPONENT_LOAD_MFA' ? [entry.metadata.mfaTypes] : [],
    );
    expect(mfaTypes).toEqual(persona.mfaTypes);
    const redirect = events.find((entry) => entry.kind === 'event' && entry.name === 'REDIRECT');
    expect(redirect).toMatchObject({
      metadata: {
        loginId: expect.any(String),
        requestId: expect.any(String),
        institution: 'FlinksCapital',
        tag,
      },
    });
    const success = events.find((entry) => entry.kind === 'success');
    expect(success).toEqual({
      kind: 'success',
      success: redirect?.kind === 'event' ? redirect.metadata : null,
    });

    await expectNoSecrets(current, [SANDBOX_PASSWORD, ...ANSWERS]);
    expect(cspProblems(current)).toEqual([]);
  });
});

interface ErrorCase {
  username: string;
  password?: string;
  flinksCode: string;
  /** The heading of the screen the person lands on. */
  heading: string;
  /** Text the screen shows about the problem (the guidance's title, on the form for field errors). */
  shows: string;
}

const guidance = (code: keyof typeof en.guidance.codes) =>
  format(en.guidance.codes[code].title, { bank: BANK });
const signInTitle = format(en.ui.credentials.title, { bank: BANK });

const errors: ErrorCase[] = [
  ['test_disabled_account', 'DISABLED_LOGIN'],
  ['test_service_unavailable', 'RETRY_LATER'],
  ['test_new_account', 'NEW_ACCOUNT'],
  ['test_unauthorized', 'UNAUTHORIZED'],
  ['test_question_not_found', 'QUESTION_NOT_FOUND'],
  ['test_concurrent_session', 'CONCURRENT_SESSION'],
  ['test_card_in_use', 'CARD_IN_USE'],
  ['test_aggregation_error', 'AGGREGATION_ERROR'],
  ['test_disabled_institution', 'DISABLED_INSTITUTION'],
].map(([username = '', code = '']) => {
  const text = guidance(code as keyof typeof en.guidance.codes);
  return { username, flinksCode: code, heading: text, shows: text };
});

const fieldErrors: ErrorCase[] = [
  { username: 'test_invalid_login', flinksCode: 'INVALID_LOGIN' },
  { username: 'someone_else', flinksCode: 'INVALID_USERNAME' },
  { username: 'Greatday', password: 'Not-Everyday-9', flinksCode: 'INVALID_PASSWORD' },
].map((entry) => ({
  ...entry,
  heading: signInTitle,
  shows: guidance(entry.flinksCode as keyof typeof en.guidance.codes),
}));

describe('personas that meet a Flinks code', () => {
  it.each([...errors, ...fieldErrors])(
    '$username gets ERROR $flinksCode and its screen',
    async ({ username, password, flinksCode, heading, shows }) => {
      const current = await start(`e2e-${username}`);
      await signIn(current.widget, username, password);

      // CONCURRENT_SESSION and CARD_IN_USE retry once by themselves (after 5 s) before their screen.
      await current.widget.getByText(shows).first().waitFor({ timeout: 20_000 });
      await current.widget.getByRole('heading', { name: heading }).waitFor();
      await current.waitForEvent('ERROR');

      const events = await current.events();
      const errorEvents = events.filter((entry) => entry.kind === 'event' && entry.name === 'ERROR');
      expect(errorEvents.length).toBeGreaterThan(0);
      for (const entry of errorEvents) {
        expect(entry).toMatchObject({
          metadata: { flinksCode, requestId: expect.any(String), institution: 'FlinksCapital' },
        });
      }
      expect(await steps(current)).not.toContain('REDIRECT');
      expect(events.some((entry) => entry.kind === 'success')).toBe(false);

      await expectNoSecrets(current, [SANDBOX_PASSWORD, ...(password ? [password] : [])]);
      expect(cspProblems(current)).toEqual([]);
    },
  );

  it('test_mfa_rounds with a wrong answer gets INVALID_SECURITY_RESPONSE, then connects with the right ones', async () => {
    const current = await start('e2e-wrong-answer');
    await signIn(current.widget, 'test_mfa_rounds');
    await answer(current.widget, () => current.widget.getByLabel(CITY.prompt).fill('Toronto'));
    await current.widget.getByText(guidance('INVALID_SECURITY_RESPONSE')).waitFor();
    await answer(current.widget, () => current.widget.getByLabel(CITY.prompt).fill(CITY.answer));
    await answer(current.widget, () => current.widget.getByLabel(COUNTRY.prompt).fill(COUNTRY.answer));
    await current.widget.getByRole('heading', { name: en.screens.success.title }).waitFor();

    const names = await steps(current);
    expect(names).toContain('COMPONENT_LOAD_MFA_RETRY');
    expect(names.at(-1)).toBe('REDIRECT');
    const errorCodes = (await current.events()).flatMap((entry) =>
      entry.kind === 'event' && entry.name === 'ERROR' ? [entry.metadata.flinksCode] : [],
    );
    expect(errorCodes).toEqual(['INVALID_SECURITY_RESPONSE']);
    await expectNoSecrets(current, [SANDBOX_PASSWORD, 'Toronto', CITY.answer, COUNTRY.answer]);
  });

  it(`stops after maximumRetry wrong passwords with MAXIMUM_RETRY_REACHED`, async () => {
    const current = await chromium.open({
      consentEnable: 'false',
      demo: 'true',
      institution: 'FlinksCapital',
      maximumRetry: '2',
    });
    await signIn(current.widget, 'Greatday', 'wrong-one');
    await current.widget.getByText(guidance('INVALID_PASSWORD')).waitFor();
    await signIn(current.widget, 'Greatday', 'wrong-two');
    await current.widget.getByRole('heading', { name: guidance('MAXIMUM_RETRY_REACHED') }).waitFor();
    await current.waitForEvent('MAXIMUM_RETRY_REACHED');
    const codes = (await current.events()).flatMap((entry) =>
      entry.kind === 'event' && entry.name === 'ERROR' ? [entry.metadata.flinksCode] : [],
    );
    expect(codes).toEqual(['INVALID_PASSWORD', 'INVALID_PASSWORD', 'MAXIMUM_RETRY_REACHED']);
    await expectNoSecrets(current, ['wrong-one', 'wrong-two']);
  });
});
