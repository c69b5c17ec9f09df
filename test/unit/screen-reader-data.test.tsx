import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n';
import {
  count,
  guidanceScreen,
  sandboxPerFile,
  signingIn,
  spaced,
  success,
  walk,
  type Driver,
  type Flow,
  type Step,
} from './screen-reader/harness';

// Heard through a virtual screen reader, in English and French: the personas that sign in at once, through the wait
// for their account data (polled, with the sandbox's pending window run on fake timers) and account selection, to
// "Connection complete". The wait's progress is said when its stage changes, not at every poll or second.

sandboxPerFile();

/** The live messages said since the step arrived, spaces as the reader says them. */
async function liveSince(d: Driver) {
  return (await d.sinceArrival()).filter((phrase) => /^(polite|assertive): /.test(phrase)).map(spaced);
}

/**
 * After the sign-in the waiting screen stays, its title becoming "Gathering your accounts" in place (the heading keeps
 * focus, so it is not said again): the news is its status, said once.
 */
async function gatheringInPlace(d: Driver) {
  const first = spaced(d.t(d.m.screens.processing.stages.gathering.first));
  await waitFor(async () => expect(await liveSince(d)).toEqual([`polite: ${first}`]));
}

/**
 * test_pending: the bank answers "pending" for its window (3 s in the sandbox), polled every second: the wait's words
 * are said once, nothing for each poll or second.
 */
async function pollUntilReady(d: Driver) {
  const first = spaced(d.t(d.m.screens.processing.stages.gathering.first));
  const { title, body } = d.guidance('OPERATION_PENDING');
  const expected = [`polite: ${first}`, `polite: ${spaced(body)}`];
  await waitFor(async () => expect(await liveSince(d)).toEqual(expected));
  expect(screen.getByRole('heading', { name: title })).toHaveFocus();
  // Read on from the title: the progress bar is heard by its name and its stage's words, never "Step 1 of 4".
  await d.readFromHeading(2);
  const heard = (await d.sinceArrival()).map(spaced);
  expect(heard).toContain(
    `progressbar, ${d.m.screens.processing.progress}, max value 100, min value 0, current value ${spaced(body)}`,
  );
  expect(heard.filter((phrase) => /\d+ (of|sur) \d+/.test(phrase))).toEqual([]);
  await d.wait(2_000);
  expect(await liveSince(d)).toEqual(expected);
  await d.wait(3_000);
}

/**
 * test_dispatched: the title becomes "{bank} is responding slowly" in place, its explanation said once as a status; the
 * person keeps waiting, and the polls that follow say nothing.
 */
async function slowToday(d: Driver) {
  const { title, body } = d.guidance('OPERATION_DISPATCHED');
  expect(await screen.findByRole('heading', { name: title })).toHaveFocus();
  await d.user.click(screen.getByRole('button', { name: d.m.guidance.actions.keepWaiting }));
  const said = await liveSince(d);
  expect(said.filter((phrase) => phrase.includes(spaced(body)))).toHaveLength(1);
  await d.wait(5_000);
  expect(await liveSince(d)).toEqual(said);
}

/** Account selection: Continue with none chosen says why, once; then one account. */
const chooseAccount: Step = {
  heading: ({ m }) => m.screens.accounts.titleAnonymous,
  act: async (d) => {
    const { required, submit } = d.m.screens.accounts;
    await d.user.click(screen.getByRole('button', { name: submit }));
    expect(await screen.findByRole('alert')).toHaveTextContent(required);
    await d.readFromHeading(12);
    expect(count(await d.sinceArrival(), required)).toBe(1);
    const accounts = screen.getAllByRole('radio');
    expect(accounts).toHaveLength(8);
    await d.user.click(accounts[3] as HTMLElement);
    await d.user.click(screen.getByRole('button', { name: submit }));
  },
};

const flows: [name: string, flow: Flow][] = [
  [
    'greatday_nomfa',
    { username: 'greatday_nomfa', steps: [{ ...signingIn, act: gatheringInPlace }, success] },
  ],
  [
    'test_pending',
    {
      username: 'test_pending',
      props: { pollIntervalMs: 1_000 },
      steps: [{ ...signingIn, act: pollUntilReady }, success],
    },
  ],
  [
    'test_dispatched',
    {
      username: 'test_dispatched',
      props: { pollIntervalMs: 1_000 },
      steps: [{ ...signingIn, act: slowToday }, success],
    },
  ],
  [
    'test_accounts_many',
    {
      username: 'test_accounts_many',
      props: { accountSelectorEnable: true },
      steps: [signingIn, chooseAccount, success],
    },
  ],
];

describe.each<Language>(['en', 'fr'])('in %s', (language) => {
  it.each(flows)('%s', { timeout: 20_000 }, async (_, flow) => {
    await walk(language, flow);
  });
});

// A guidance screen reached after the data calls: the wait gives up at pollTimeoutMs and says so once.
describe.each<Language>(['en', 'fr'])('in %s, a bank that never finishes', (language) => {
  it('test_pending with pollTimeoutMs shorter than the bank: TIMEOUT', { timeout: 20_000 }, async () => {
    await walk(language, {
      username: 'test_pending',
      props: { pollIntervalMs: 1_000, pollTimeoutMs: 2_000 },
      steps: [{ ...signingIn, act: (d) => d.wait(3_000) }, guidanceScreen('TIMEOUT')],
    });
  });
});
