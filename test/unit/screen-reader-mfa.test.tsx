import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import { SANDBOX_ONE_TIME_CODE } from '../../src/sandbox';
import {
  answerQuestions,
  count,
  gathering,
  guidanceScreen,
  mfa,
  sandboxPerFile,
  signingIn,
  spaced,
  success,
  walk,
  type Driver,
  type Flow,
  type Step,
} from './screen-reader/harness';

// Heard through a virtual screen reader, in English and French: every security-check persona from the submit to
// "Your account is connected": the check's heading with its intro on arrival (again for each new round), a refused
// answer said once, and the time warning at its thresholds only.

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

const choose = (name: (d: Driver) => string | RegExp) => async (d: Driver) => {
  await d.user.click(screen.getByRole('radio', { name: name(d) }));
  await d.user.click(screen.getByRole('button', { name: d.m.mfa.continue }));
};

/** The time warning: said when under 2 minutes, 1 minute and 30 seconds are left, never the clock each second. */
async function letTimeRunOut(d: Driver) {
  const [underTwoMinutes, underOneMinute, underThirtySeconds] = [
    d.m.mfa.timer.underTwoMinutes,
    d.m.mfa.timer.underOneMinute,
    d.m.mfa.timer.underThirtySeconds,
  ].map(spaced);
  const { left } = d.m.mfa.timer;
  const clock = spaced(left.split('{time}')[0] ?? '').trim();
  const live = async () =>
    (await d.sinceArrival()).filter((phrase) => /^(polite|assertive): /.test(phrase)).map(spaced);
  // The bank closes the check after 8 minutes without an answer: nothing is said for the first 6.
  await d.wait(5 * 60_000 + 55_000);
  expect(await live()).toEqual([]);
  await d.wait(10_000);
  expect(await live()).toEqual([`polite: ${underTwoMinutes}`]);
  expect(spaced(screen.getByRole('timer').textContent ?? '')).toContain(clock);
  await d.wait(60_000);
  expect(await live()).toEqual([`polite: ${underTwoMinutes}`, `polite: ${underOneMinute}`]);
  await d.wait(30_000);
  expect(await live()).toEqual([
    `polite: ${underTwoMinutes}`,
    `polite: ${underOneMinute}`,
    `polite: ${underThirtySeconds}`,
  ]);
  // The clock itself ("Time left: 0:25"), a timer, is never read out as it changes.
  expect(count(await d.sinceArrival(), clock)).toBe(0);
  await d.wait(30_000);
}

/** Each new round of the check is a fresh screen: its heading again, with the next-round intro. */
const nextRound = (act: Step['act']): Step => mfa(act, ({ m, t }) => t(m.mfa.introNextRound));

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
  [
    'test_mfa_text_or_call',
    {
      username: 'test_mfa_text_or_call',
      steps: [
        signingIn,
        mfa(async (d) => {
          await d.user.click(screen.getByRole('radio', { name: d.t(d.m.mfa.maskedPhone, { digits: '42' }) }));
          await choose(({ m }) => m.mfa.delivery.text)(d);
        }),
        nextRound(async (d) => {
          await d.user.type(screen.getByRole('textbox'), SANDBOX_ONE_TIME_CODE);
          await d.user.click(screen.getByRole('button', { name: d.m.mfa.continue }));
        }),
        gathering,
        success,
      ],
    },
  ],
  [
    'test_mfa_image',
    {
      username: 'test_mfa_image',
      steps: [
        signingIn,
        mfa(
          choose(
            ({ m }) => new RegExp(`^${m.mfa.image.label.replace('{position}', '2').replace('{total}', '3')}`),
          ),
        ),
        gathering,
        success,
      ],
    },
  ],
  [
    'test_enhanced_mfa',
    {
      username: 'test_enhanced_mfa',
      props: { enhancedMFA: true },
      steps: [
        signingIn,
        mfa(answerQuestions),
        gathering,
        {
          heading: ({ m, t }) => t(m.options.enhancedMfa.title),
          describedBy: ({ m, t }) => t(m.options.enhancedMfa.intro),
          act: (d) => answerQuestions(d, d.m.options.enhancedMfa.save),
        },
        gathering,
        success,
      ],
    },
  ],
  [
    'Greatday, leaving the check unanswered',
    { username: 'Greatday', steps: [signingIn, mfa(letTimeRunOut), guidanceScreen('SESSION_EXPIRED')] },
  ],
];

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it.each(flows)('%s', { timeout: 20_000 }, async (_, flow) => {
    await walk(language, flow);
  });
});
