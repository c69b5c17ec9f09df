import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import {
  count,
  credentialsAgain,
  guidanceScreen,
  signingIn,
  sandboxPerFile,
  walk,
  type Driver,
  type Flow,
} from './screen-reader/harness';

// Heard through a virtual screen reader, in English and French: the personas whose sign-in the bank refuses, from
// the submit to the screen that says what to do. Each screen's heading is said once when it arrives; the bank's
// answer is said once on its screen; a countdown is not read out every second.

sandboxPerFile();

/**
 * The countdown before "Sign in again" works (RETRY_LATER, 15 s): the held button says why, nothing is said while the
 * clock runs, one polite sentence when it ends, then the button works. The button is named for what it does: it
 * opens the sign-in form again.
 */
async function sitOutCountdown(d: Driver) {
  const before = (await d.sinceArrival()).length;
  const signInAgain = screen.getByRole('button', { name: d.m.guidance.actions.reenter });
  expect(signInAgain).toHaveAttribute('aria-disabled', 'true');
  // The words before the number, in the screen's language: "You can sign in again in".
  const countdown = d.m.guidance.signInCountdown.many.split('{seconds}')[0] ?? '';
  expect(screen.getByRole('timer')).toHaveTextContent(countdown);
  expect(signInAgain).toHaveAccessibleDescription(expect.stringContaining(countdown.trim()));
  await d.wait(16_000);
  const during = (await d.sinceArrival()).slice(before);
  expect(count(during, countdown.trim())).toBe(0);
  expect(during).toEqual([`polite: ${d.m.guidance.signInCountdown.over}`]);
  expect(signInAgain).not.toHaveAttribute('aria-disabled');
  expect(signInAgain).not.toHaveAccessibleDescription();
  await d.user.click(signInAgain);
}

/** Back on the sign-in form with the username kept: the password again, and Connect. */
async function signInAgain(d: Driver) {
  expect(screen.getByLabelText(d.m.ui.credentials.username)).toHaveValue('test_service_unavailable');
  await d.user.type(screen.getByLabelText(d.m.ui.credentials.password), 'Everyday');
  await d.user.click(screen.getByRole('button', { name: d.m.ui.credentials.submit }));
}

/** Read on from the bank's answer: the cleared field says so, and "Forgot your password?" is there to take. */
async function passwordFieldSaysWhatToDo(d: Driver) {
  await d.readOn(14);
  const heard = await d.sinceArrival();
  expect(count(heard, d.m.screens.credentials.notes.cleared)).toBeGreaterThanOrEqual(1);
  expect(count(heard, d.m.ui.credentials.forgotPassword)).toBeGreaterThanOrEqual(1);
  expect(screen.getByLabelText(d.m.ui.credentials.password)).toHaveValue('');
}

/** The wrong password once more. */
async function wrongPasswordAgain(d: Driver) {
  await d.user.type(screen.getByLabelText(d.m.ui.credentials.password), 'Wrongday');
  await d.user.click(screen.getByRole('button', { name: d.m.ui.credentials.submit }));
}

/**
 * The pause before the widget tries again by itself, on the waiting screen it is on (its title changes in place, the
 * heading keeps focus): said once, by its status, not counted down.
 */
const retryOnce = async (d: Driver) => {
  // The widget waits 5 s, saying so once (its status), then tries again.
  await d.wait(5_000);
  expect(count(await d.sinceArrival(), d.m.guidance.retryingSoon)).toBe(1);
};

/** A persona whose sign-in ends on its code's screen, heard once. */
const straightToGuidance = (username: string, code: string): [string, Flow] => [
  username,
  { username, steps: [signingIn, guidanceScreen(code)] },
];

/** Persona → the screens heard, in order, from the submit on. */
const flows: [name: string, flow: Flow][] = [
  [
    'any other username',
    { username: 'nobody_at_all', steps: [signingIn, credentialsAgain('INVALID_USERNAME')] },
  ],
  [
    'a persona with another password',
    {
      username: 'Greatday',
      password: 'Wrongday',
      steps: [signingIn, { ...credentialsAgain('INVALID_PASSWORD'), act: passwordFieldSaysWhatToDo }],
    },
  ],
  [
    'a second wrong password, the last try before lock-out',
    {
      username: 'Greatday',
      password: 'Wrongday',
      steps: [
        signingIn,
        { ...credentialsAgain('INVALID_PASSWORD'), act: wrongPasswordAgain },
        signingIn,
        {
          // The warning is heard once, with the bank's answer, before the try that may lock the account.
          ...credentialsAgain('INVALID_PASSWORD'),
          once: ({ guidance, m, t }) => [
            guidance('INVALID_PASSWORD').title,
            guidance('INVALID_PASSWORD').body,
            t(m.screens.credentials.lastTry),
          ],
        },
      ],
    },
  ],
  [
    'test_invalid_login',
    { username: 'test_invalid_login', steps: [signingIn, credentialsAgain('INVALID_LOGIN')] },
  ],
  straightToGuidance('test_disabled_account', 'DISABLED_LOGIN'),
  [
    'test_service_unavailable',
    {
      username: 'test_service_unavailable',
      // The countdown runs out, "Sign in again" leads back to the form, and the bank says the same again.
      steps: [
        signingIn,
        guidanceScreen('RETRY_LATER', sitOutCountdown),
        { heading: ({ m, t }) => t(m.ui.credentials.title), act: signInAgain },
        signingIn,
        guidanceScreen('RETRY_LATER'),
      ],
    },
  ],
  straightToGuidance('test_new_account', 'NEW_ACCOUNT'),
  straightToGuidance('test_unauthorized', 'UNAUTHORIZED'),
  straightToGuidance('test_question_not_found', 'QUESTION_NOT_FOUND'),
  straightToGuidance('test_aggregation_error', 'AGGREGATION_ERROR'),
  straightToGuidance('test_disabled_institution', 'DISABLED_INSTITUTION'),
  [
    'test_concurrent_session',
    {
      username: 'test_concurrent_session',
      // Tried again once by the widget after a pause, then the guidance.
      steps: [{ ...signingIn, act: retryOnce }, guidanceScreen('CONCURRENT_SESSION')],
    },
  ],
  [
    'test_card_in_use',
    {
      username: 'test_card_in_use',
      steps: [{ ...signingIn, act: retryOnce }, guidanceScreen('CARD_IN_USE')],
    },
  ],
];

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it.each(flows)('%s', { timeout: 20_000 }, async (_, flow) => {
    await walk(language, flow);
  });
});
