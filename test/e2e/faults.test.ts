import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import {
  FAULT_KINDS,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_ONE_TIME_CODE,
  SANDBOX_PASSWORD,
} from '../../src/sandbox';
import { chromiumForFile, cspProblems, type HostSession } from './harness';
import { createHostApp } from './host-app';
import { startStage, type Stage } from './stage';

/**
 * Every persona of CONTRACT §6 on a bad network: the sandbox fails about a third of the calls (a 500, no answer
 * until the page gives up, a body cut short or HTML, a late answer, a dropped connection). Whatever happens, the
 * person always sees a screen that says where they are, can try again, and ends where the persona ends, having
 * typed only the password again.
 */

const BANK = 'Flinks Capital';
const REQUEST_TIMEOUT_MS = 1500;
const FAULTS = `rate=0.3,kinds=${FAULT_KINDS.join('|')},seed=42,slow=400`;

const signInTitle = format(en.ui.credentials.title, { bank: BANK });
const mfaTitle = format(en.mfa.title, { bank: BANK });
const successTitle = en.screens.success.title;
const guidanceTitle = (code: keyof typeof en.guidance.codes) =>
  format(en.guidance.codes[code].title, { bank: BANK });
/** The way on from a failure: "Try again", or "Sign in again" where that opens the sign-in form. */
const TRY_AGAIN = new RegExp(`^(${en.guidance.actions.tryAgain}|${en.guidance.actions.reenter})$`);
const PROCESSING = Object.values(en.screens.processing.titles).map((title) => format(title, { bank: BANK }));

type End =
  | { kind: 'success' }
  | { kind: 'guidance'; code: keyof typeof en.guidance.codes }
  | { kind: 'field'; code: keyof typeof en.guidance.codes };

interface Persona {
  username: string;
  password?: string;
  end: End;
}

const success: End = { kind: 'success' };
const guidance = (code: keyof typeof en.guidance.codes): End => ({ kind: 'guidance', code });
const field = (code: keyof typeof en.guidance.codes): End => ({ kind: 'field', code });

const PERSONAS: Persona[] = [
  { username: 'Greatday', end: success },
  { username: 'greatday_nomfa', end: success },
  { username: 'test_mfa_triple', end: success },
  { username: 'test_mfa_rounds', end: success },
  { username: 'test_mfa_choice', end: success },
  { username: 'test_mfa_text_or_call', end: success },
  { username: 'test_mfa_image', end: success },
  { username: 'test_disabled_account', end: guidance('DISABLED_LOGIN') },
  { username: 'test_service_unavailable', end: guidance('RETRY_LATER') },
  { username: 'test_new_account', end: guidance('NEW_ACCOUNT') },
  { username: 'test_unauthorized', end: guidance('UNAUTHORIZED') },
  { username: 'test_invalid_login', end: field('INVALID_LOGIN') },
  { username: 'test_question_not_found', end: guidance('QUESTION_NOT_FOUND') },
  { username: 'test_concurrent_session', end: guidance('CONCURRENT_SESSION') },
  { username: 'test_card_in_use', end: guidance('CARD_IN_USE') },
  { username: 'test_pending', end: success },
  { username: 'test_dispatched', end: success },
  { username: 'test_aggregation_error', end: guidance('AGGREGATION_ERROR') },
  { username: 'test_disabled_institution', end: guidance('DISABLED_INSTITUTION') },
  { username: 'someone_else', end: field('INVALID_USERNAME') },
  { username: 'Greatday', password: 'Not-Everyday-3', end: field('INVALID_PASSWORD') },
];

let stage: Stage;

beforeAll(async () => {
  // A widget server of its own, with faults on and a short wait for each answer, framed by a host of its own.
  stage = await startStage(createHostApp, {
    CONNECT_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    SANDBOX_FAULTS: FAULTS,
  });
});

afterAll(async () => {
  await stage?.close();
});

const chromium = chromiumForFile();

/** Answers whatever round is on screen with the right answers. */
async function answerRound(widget: FrameLocator) {
  const street = widget.getByRole('radio', { name: 'Rue Sherbrooke' });
  const phone = widget.getByRole('radio', { name: 'Number ending in 42' });
  const triangle = widget.getByRole('radio', { name: format(en.mfa.image.label, { position: 2, total: 3 }) });
  const code = widget.getByLabel('Enter the code');
  if ((await street.count()) > 0) await street.check();
  else if ((await phone.count()) > 0) {
    await phone.check();
    await widget.getByRole('radio', { name: en.mfa.delivery.text }).check();
  } else if ((await triangle.count()) > 0) await triangle.check();
  else if ((await code.count()) > 0) await code.fill(SANDBOX_ONE_TIME_CODE);
  else {
    for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
      const question = widget.getByLabel(prompt);
      if ((await question.count()) > 0) await question.fill(answer);
    }
  }
  await submitAndLeave(widget, widget.getByRole('button', { name: en.mfa.continue }));
}

/** Submits, then waits for the form to go: the next screen is not this one still sending. */
async function submitAndLeave(widget: FrameLocator, submit: ReturnType<FrameLocator['getByRole']>) {
  const form = await widget.locator('form').first().elementHandle();
  await submit.click();
  await form?.waitForElementState('hidden', { timeout: 30_000 });
}

/**
 * The heading of the next screen that asks something of the person. A processing screen must give way within
 * the bound (no endless spinner), and a heading must be there all along (never a blank frame).
 */
async function nextScreen(widget: FrameLocator): Promise<string> {
  const heading = widget.locator('h2').first();
  const finishNow = widget.getByRole('button', { name: en.guidance.actions.finishNow });
  const settled = widget
    .locator('h2')
    .filter({
      hasNotText: new RegExp(
        `^(${PROCESSING.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
      ),
    })
    .or(finishNow);
  for (let waits = 0; waits < 5; waits++) {
    await heading.waitFor({ timeout: 10_000 });
    await settled.first().waitFor({ timeout: 40_000 });
    if ((await finishNow.count()) > 0 && (await finishNow.isVisible())) {
      await finishNow.click();
      continue;
    }
    return ((await heading.textContent()) ?? '').trim();
  }
  throw new Error('The processing screen never gave way');
}

/** Plays the persona as a patient person: every failure's retry action is taken, until the persona's own end. */
async function play(current: HostSession, persona: Persona): Promise<string[]> {
  const { widget } = current;
  const seen: string[] = [];
  let signIns = 0;
  for (let screen = 0; screen < 40; screen++) {
    const title = await nextScreen(widget);
    seen.push(title);
    const { end } = persona;
    if (end.kind === 'success' && title === successTitle) return seen;
    if (end.kind === 'guidance' && title === guidanceTitle(end.code)) return seen;

    if (title === signInTitle) {
      const username = widget.getByLabel(en.ui.credentials.username);
      const password = widget.getByLabel(en.ui.credentials.password, { exact: true });
      // Back on the form after a try: the username is kept, the password is not.
      if (signIns > 0) expect(await username.inputValue()).toBe(persona.username);
      expect(await password.inputValue()).toBe('');
      const alert = widget.getByRole('alert');
      if (end.kind === 'field' && (await alert.count()) > 0) {
        expect(await alert.first().textContent()).toContain(guidanceTitle(end.code));
        return seen;
      }
      if (signIns === 0) await username.fill(persona.username);
      await password.fill(persona.password ?? SANDBOX_PASSWORD);
      await submitAndLeave(widget, widget.getByRole('button', { name: en.ui.credentials.submit }));
      signIns += 1;
    } else if (title === mfaTitle) {
      await answerRound(widget);
    } else {
      // A failure's screen: it must offer to try again ("Sign in again" when that opens the sign-in form).
      await widget.getByRole('button', { name: TRY_AGAIN }).first().click({ timeout: 5_000 });
    }
  }
  throw new Error(`${persona.username} did not reach its end after 40 screens: ${seen.join(' > ')}`);
}

describe(`every persona with faults on (SANDBOX_FAULTS=${FAULTS})`, () => {
  it.each(PERSONAS)(
    '$username ends where it should',
    async (persona) => {
      const current = await chromium.open(
        { consentEnable: 'false', demo: 'true', institution: 'FlinksCapital' },
        stage.hostOrigin,
      );
      const seen = await play(current, persona).catch(async (error: unknown) => {
        const frame = await current.widget
          .locator('body')
          .innerHTML()
          .catch(() => '(no frame)');
        throw new Error(`${String(error)}\nThe frame showed: ${frame.slice(0, 3000)}`);
      });
      expect(seen.length).toBeGreaterThan(0);

      const names = (await current.eventNames()).filter((name) => name !== 'APP_RESIZE');
      if (persona.end.kind === 'success') {
        expect(names.at(-1)).toBe('REDIRECT');
        expect(names.filter((name) => name === 'REDIRECT')).toHaveLength(1);
      } else {
        expect(names).not.toContain('REDIRECT');
      }
      expect(current.console.filter((line) => line.startsWith('pageerror'))).toEqual([]);
      expect(cspProblems(current)).toEqual([]);
    },
    180_000,
  );

  it('met every kind of fault on the way', () => {
    // The log keeps the last 1,000 calls: plenty for this run.
    const kinds = new Set(stage.sandbox.log.map((entry) => entry.fault).filter((kind) => kind !== undefined));
    expect([...kinds].sort()).toEqual([...FAULT_KINDS].sort());
  });
});
