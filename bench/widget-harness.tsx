/**
 * Drives the real `<ConnectWidget>` in jsdom against the in-process sandbox, counting React commits and API calls.
 * Shared by the perf tests (test/unit/perf-*.test.tsx), which assert the budgets, and by `npm run bench`, which
 * reads the numbers those tests record.
 */
import { act, Profiler, StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { ConnectWidget, type ConnectWidgetProps } from '../src/ConnectWidget';
import type { ConnectEventArgs, ConnectEventName } from '../src/flow/events';
import { format, messagesFor } from '../src/i18n';
import {
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_CUSTOMER_ID,
  SANDBOX_ONE_TIME_CODE,
  SANDBOX_PASSWORD,
  type SandboxLogEntry,
  type SandboxOptions,
} from '../src/sandbox';

const API_BASE_URL = `https://sandbox.test/v3/${SANDBOX_CUSTOMER_ID}/BankingServices`;
const en = messagesFor('en');

/** One API call as the sandbox saw it: the endpoint's name (`Authorize`, `GetAccountsSummaryAsync`...) and when. */
export interface ApiCall {
  endpoint: string;
  at: number;
  requestId: string | null;
}

function endpointOf(entry: Readonly<SandboxLogEntry>): string {
  const [, rest = ''] = entry.path.split('/BankingServices/');
  return rest.split('/')[0] ?? rest;
}

export interface WidgetHarness {
  user: UserEvent;
  /** Commits of the whole widget tree so far. */
  commits(): number;
  /** Every API call so far, oldest first. */
  calls(): ApiCall[];
  /** The names of the events so far, in order. */
  events(): ConnectEventName[];
  /** Lets time pass (fake timers) until `done()` holds; throws after `limitMs` of simulated time. */
  until(done: () => boolean, what: string, limitMs?: number): Promise<void>;
  /** Lets `ms` of simulated time pass, with every answer and render it brings. */
  advance(ms: number): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: Omit<SandboxOptions, 'now' | 'latencyMs'>;
  widget?: Partial<ConnectWidgetProps>;
}

const STEP_MS = 50;

/**
 * Renders the widget in StrictMode under a Profiler, its `fetch` answered by an in-process sandbox whose clock is
 * the test's fake clock. Call inside a test that has `vi.useFakeTimers(FAKE_TIMERS)` on.
 */
export function renderWidget(options: HarnessOptions = {}): WidgetHarness {
  const sandbox = createSandbox({ latencyMs: 0, ...options.sandbox, now: () => Date.now() });
  // Testing Library flushes user events with a setTimeout(0) it only advances under Jest's fake timers.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    sandbox.fetch(new Request(input, init)),
  );
  const events: ConnectEventName[] = [];
  let commits = 0;
  render(
    <StrictMode>
      <Profiler id="widget" onRender={() => (commits += 1)}>
        <ConnectWidget
          apiBaseUrl={API_BASE_URL}
          institution="FlinksCapital"
          demo
          onEvent={(...[name]: ConnectEventArgs) => void events.push(name)}
          {...options.widget}
        />
      </Profiler>
    </StrictMode>,
  );
  const advance = async (ms: number) => {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
      // One real turn of the event loop, for what no fake timer drives (a lazy screen's chunk loading).
      await new Promise((resolve) => setImmediate(resolve));
    });
  };
  return {
    user: userEvent.setup({ delay: null }),
    commits: () => commits,
    calls: () =>
      sandbox.log.map((entry) => ({
        endpoint: endpointOf(entry),
        at: entry.at,
        requestId: entry.requestId ?? null,
      })),
    events: () => [...events],
    advance,
    async until(done, what, limitMs = 120_000) {
      for (let waited = 0; !done(); waited += STEP_MS) {
        if (waited > limitMs) throw new Error(`Still waiting for ${what} after ${limitMs} ms`);
        await advance(STEP_MS);
      }
    },
  };
}

/**
 * Loads the screens the widget loads lazily (the bank list; MFA, processing, accounts, guidance), under real timers:
 * call it before faking them. Compiling a chunk takes real time, which `until` would otherwise spend as fake time
 * (up to its limit) while the screen is still on its way.
 */
export async function loadLaterScreens(): Promise<void> {
  await Promise.all([import('../src/widget/later'), import('../src/steps/institution')]);
}

/** Fake the clock and timers only: React's scheduler and the sandbox's promises keep running on their own. */
export const FAKE_TIMERS: Parameters<typeof vi.useFakeTimers>[0] = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
};

export function usernameField(): HTMLElement {
  return screen.getByRole('textbox', { name: en.ui.credentials.username });
}

export function passwordField(): HTMLElement {
  return screen.getByLabelText(en.ui.credentials.password, { selector: 'input' });
}

/** Signs in as a sandbox persona and waits for the bank's answer to land. */
export async function signIn(harness: WidgetHarness, username: string): Promise<void> {
  const { user } = harness;
  await harness.until(
    () => screen.queryByRole('textbox', { name: en.ui.credentials.username }) !== null,
    'the form',
  );
  await user.type(usernameField(), username);
  await user.type(passwordField(), SANDBOX_PASSWORD);
  const before = harness.events().length;
  await user.click(screen.getByRole('button', { name: en.ui.credentials.submit }));
  const answered = () =>
    harness
      .events()
      .slice(before)
      .some((name) => name !== 'SUBMIT_CREDENTIAL');
  await harness.until(answered, 'the sign-in');
}

const mfaRounds = (harness: WidgetHarness) =>
  harness.events().filter((name) => name === 'COMPONENT_LOAD_MFA').length;

/** Answers the MFA round on screen with `fill`, then waits for the bank's answer (a new round or the end). */
async function answerRound(harness: WidgetHarness, fill: (user: UserEvent) => Promise<void>): Promise<void> {
  const submitted = harness.events().filter((name) => name === 'SUBMIT_MFA').length;
  await fill(harness.user);
  await harness.user.click(screen.getByRole('button', { name: en.mfa.continue }));
  const settled = () => {
    const events = harness.events();
    const last = events.at(-1);
    return events.filter((name) => name === 'SUBMIT_MFA').length > submitted && last !== 'SUBMIT_MFA';
  };
  await harness.until(settled, 'the answer');
}

/** Types the answer of every Flinks Capital question on screen. */
async function answerQuestions(user: UserEvent): Promise<void> {
  for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
    const field = screen.queryByRole('textbox', { name: prompt });
    if (field) await user.type(field, answer);
  }
}

const choose = (name: string) => (user: UserEvent) => user.click(screen.getByRole('radio', { name }));

/** How each persona's connection ends, and the MFA answers it takes on the way. */
export interface PersonaFlow {
  username: string;
  rounds: ((user: UserEvent) => Promise<void>)[];
  /** The event that ends the flow. */
  ends: 'REDIRECT' | 'ERROR' | 'COMPONENT_LOAD_MFA';
  /** The calls the flow needs, no more: Authorize, then the account data (sync call, then Async polls). */
  expected: { Authorize: number; data: number };
}

const success = (username: string, rounds: PersonaFlow['rounds'] = [], data = 1): PersonaFlow => ({
  username,
  rounds,
  ends: 'REDIRECT',
  expected: { Authorize: 1 + rounds.length, data },
});
const refused = (username: string): PersonaFlow => ({
  username,
  rounds: [],
  ends: 'ERROR',
  expected: { Authorize: 1, data: 0 },
});

/**
 * Every sandbox persona's full flow, with the sandbox's default pending window (3 s) and the widget's default
 * poll interval (10 s): `test_pending` and `test_dispatched` make one sync data call (202), then one Async poll.
 */
export const PERSONA_FLOWS: readonly PersonaFlow[] = [
  success('Greatday', [answerQuestions]),
  success('greatday_nomfa'),
  success('test_mfa_triple', [answerQuestions]),
  success('test_mfa_rounds', [answerQuestions, answerQuestions]),
  success('test_mfa_choice', [choose('Rue Sherbrooke')]),
  success('test_mfa_multiple', [
    async (user) => {
      await user.click(screen.getByRole('checkbox', { name: 'A bicycle' }));
      await user.click(screen.getByRole('checkbox', { name: 'A canoe' }));
    },
  ]),
  success('test_mfa_text_or_call', [
    async (user) => {
      const [phone] = screen.getAllByRole('radio').filter((radio) => radio.getAttribute('value') === '0');
      if (phone) await user.click(phone);
      await choose(en.mfa.delivery.text)(user);
    },
    async (user) => {
      const code = document.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]');
      if (code) await user.type(code, SANDBOX_ONE_TIME_CODE);
    },
  ]),
  success('test_mfa_image', [choose(format(en.mfa.image.label, { position: 2, total: 3 }))]),
  success('test_mfa_no_retry', [answerQuestions]),
  {
    username: 'test_mfa_unknown_type',
    rounds: [],
    ends: 'COMPONENT_LOAD_MFA',
    expected: { Authorize: 1, data: 0 },
  },
  refused('test_disabled_account'),
  refused('test_service_unavailable'),
  refused('test_new_account'),
  refused('test_unauthorized'),
  refused('test_invalid_login'),
  refused('test_question_not_found'),
  // The guidance map retries these two once by itself, after a wait: one more Authorize, on purpose.
  { ...refused('test_concurrent_session'), expected: { Authorize: 2, data: 0 } },
  { ...refused('test_card_in_use'), expected: { Authorize: 2, data: 0 } },
  success('test_pending', [], 2),
  success('test_dispatched', [], 2),
  refused('test_aggregation_error'),
  refused('test_disabled_institution'),
  refused('test_too_many_requests'),
  { ...refused('test_no_transaction'), expected: { Authorize: 1, data: 1 } },
  { ...refused('test_method_not_available'), expected: { Authorize: 1, data: 1 } },
  refused('test_unknown_code'),
];

/** What one persona's flow cost: calls per endpoint, repeats, and the shortest gap between two polls. */
export interface FlowReport {
  username: string;
  ended: string;
  calls: Record<string, number>;
  /** The same endpoint called twice for the same RequestId with nothing new in between (polls excluded). */
  duplicates: string[];
  /** Shortest time between two Async polls, null with fewer than two. */
  minPollGapMs: number | null;
}

export async function runPersonaFlow(flow: PersonaFlow): Promise<FlowReport> {
  const harness = renderWidget();
  await signIn(harness, flow.username);
  for (const [index, fill] of flow.rounds.entries()) {
    const onScreen = () =>
      mfaRounds(harness) > index && screen.queryByRole('button', { name: en.mfa.continue }) !== null;
    await harness.until(onScreen, `MFA round ${index + 1}`);
    await answerRound(harness, fill);
  }
  await harness.until(() => harness.events().includes(flow.ends), flow.ends);
  // Anything still scheduled (a poll, a retry) would show up here.
  await harness.advance(30_000);
  return reportOf(flow.username, flow.ends, harness.calls());
}

export function reportOf(username: string, ended: string, calls: ApiCall[]): FlowReport {
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const call of calls) {
    counts[call.endpoint] = (counts[call.endpoint] ?? 0) + 1;
    if (call.endpoint.endsWith('Async') || call.endpoint === 'Authorize') continue;
    const key = `${call.endpoint} ${call.requestId ?? ''}`;
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
  }
  const polls = calls.filter((call) => call.endpoint.endsWith('Async')).map((call) => call.at);
  const gaps = polls.slice(1).map((at, index) => at - (polls[index] ?? at));
  return {
    username,
    ended,
    calls: counts,
    duplicates,
    minPollGapMs: gaps.length > 0 ? Math.min(...gaps) : null,
  };
}

export const isDataCall = (endpoint: string) => endpoint.startsWith('GetAccounts');
