import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import { SANDBOX_ONE_TIME_CODE } from '../../src/sandbox';
import {
  answerQuestions,
  choose,
  count,
  gathering,
  guidanceScreen,
  mfa,
  nextRound,
  sandboxPerFile,
  signingIn,
  spaced,
  success,
  walk,
  type Driver,
  type Flow,
} from './screen-reader/harness';

// Heard through a virtual screen reader, in English and French: the security checks that are not a typed answer
// (text or call then a code, images), Enhanced MFA's saved questions, and the time limit of an unanswered check.
// (screen-reader-mfa.test.tsx has the typed answers; two files so that vitest runs them side by side.)

sandboxPerFile();

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

const flows: [name: string, flow: Flow][] = [
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
