import { screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMITS_PER_KEYSTROKE } from '../../bench/budgets';
import {
  FAKE_TIMERS,
  loadLaterScreens,
  passwordField,
  renderWidget,
  signIn,
  usernameField,
  type WidgetHarness,
} from '../../bench/widget-harness';
import { FLINKS_CAPITAL_QUESTIONS } from '../../src/sandbox';

const TYPED = 'Abcdefghij';

beforeAll(loadLaterScreens, 30_000);
beforeEach(() => {
  vi.useFakeTimers(FAKE_TIMERS);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The field a person types into, once the widget shows it. */
type FieldUnderTest = (harness: WidgetHarness) => Promise<HTMLElement>;

const credentialsForm = (field: () => HTMLElement): FieldUnderTest => {
  return async (harness) => {
    await harness.until(() => screen.queryAllByRole('textbox').length > 0, 'the credential form');
    return field();
  };
};

const mfaAnswer: FieldUnderTest = async (harness) => {
  await signIn(harness, 'Greatday');
  const prompts = FLINKS_CAPITAL_QUESTIONS.map(({ prompt }) => prompt);
  const question = () => prompts.find((prompt) => screen.queryByRole('textbox', { name: prompt }));
  await harness.until(() => question() !== undefined, 'the security question');
  const asked = question();
  if (!asked) throw new Error('No security question on screen');
  return screen.getByRole('textbox', { name: asked });
};

const FIELDS: [string, FieldUnderTest][] = [
  ['the username field', credentialsForm(usernameField)],
  ['the password field', credentialsForm(passwordField)],
  ['an MFA answer field', mfaAnswer],
];

describe('React commits per keystroke, whole widget in StrictMode', () => {
  it.for(FIELDS)(
    `typing ${TYPED.length} characters in %s commits at most ${COMMITS_PER_KEYSTROKE} time per key`,
    async ([, open], { task }) => {
      const harness = renderWidget();
      const field = await open(harness);
      await harness.user.click(field);
      const before = harness.commits();

      await harness.user.keyboard(TYPED);

      const commits = harness.commits() - before;
      task.meta.perf = { renders: { keystrokes: TYPED.length, commits } };
      expect(field).toHaveValue(TYPED);
      expect(commits).toBeLessThanOrEqual(TYPED.length * COMMITS_PER_KEYSTROKE);
    },
  );
});
