import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import {
  answerQuestions,
  choose,
  count,
  gathering,
  mfa,
  nextRound,
  sandboxPerFile,
  signingIn,
  success,
  walk,
  type Driver,
  type Flow,
} from './screen-reader/harness';

// Heard through a virtual screen reader, in English and French: the security checks answered by typing or one choice,
// from the submit to "Connection complete": the check's heading with its intro on arrival (again for each new
// round), a refused answer said once. (screen-reader-mfa-more.test.tsx has the others and the time limit.)

sandboxPerFile();

/** A wrong answer first: the bank's word on it is heard once, then the right answer. */
async function wrongThenRight(d: Driver) {
  const field = screen.getByRole('textbox');
  await d.user.type(field, 'Toronto{Enter}');
  const { title, body } = d.guidance('INVALID_SECURITY_RESPONSE');
  expect(await screen.findByRole('alert')).toHaveTextContent(title);
  // Said at most once as it appears; reading the screen again from its heading, once in all.
  expect(count(await d.sinceArrival(), title)).toBeLessThanOrEqual(1);
  await d.readFromHeading(14);
  const heard = await d.sinceArrival();
  expect(count(heard, title)).toBe(1);
  expect(count(heard, body)).toBe(1);
  await d.user.clear(field);
  await answerQuestions(d);
}

const flows: [name: string, flow: Flow][] = [
  ['Greatday', { username: 'Greatday', steps: [signingIn, mfa(wrongThenRight), gathering, success] }],
  [
    'test_mfa_triple',
    {
      username: 'test_mfa_triple',
      steps: [
        signingIn,
        mfa(answerQuestions, ({ m, t }) => t(m.mfa.introMany, { count: 3 })),
        gathering,
        success,
      ],
    },
  ],
  [
    'test_mfa_rounds',
    {
      username: 'test_mfa_rounds',
      steps: [signingIn, mfa(answerQuestions), nextRound(answerQuestions), gathering, success],
    },
  ],
  [
    'test_mfa_choice',
    {
      username: 'test_mfa_choice',
      steps: [signingIn, mfa(choose(() => 'Rue Sherbrooke')), gathering, success],
    },
  ],
];

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it.each(flows)('%s', { timeout: 20_000 }, async (_, flow) => {
    await walk(language, flow);
  });
});
