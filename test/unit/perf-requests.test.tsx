import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FAKE_TIMERS,
  isDataCall,
  loadLaterScreens,
  PERSONA_FLOWS,
  renderWidget,
  reportOf,
  runPersonaFlow,
  signIn,
} from '../../bench/widget-harness';

declare module 'vitest' {
  interface TaskMeta {
    /** What `npm run bench` reads back from the JSON report. */
    perf?: Record<string, unknown>;
  }
}

beforeAll(loadLaterScreens, 30_000);
beforeEach(() => {
  vi.useFakeTimers(FAKE_TIMERS);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('API calls per flow', () => {
  it('signs Greatday in with exactly 2 Authorize calls: the credentials, then the answer', async ({
    task,
  }) => {
    const flow = PERSONA_FLOWS.find((candidate) => candidate.username === 'Greatday');
    if (!flow) throw new Error('Greatday has no flow');

    const report = await runPersonaFlow(flow);

    task.meta.perf = { flow: report };
    expect(report.ended).toBe('REDIRECT');
    expect(report.calls.Authorize).toBe(2);
  });

  it.for(PERSONA_FLOWS.map((flow) => [flow.username, flow] as const))(
    '%s makes the calls its flow needs, each once',
    async ([, flow], { task }) => {
      const report = await runPersonaFlow(flow);
      task.meta.perf = { flow: report };

      const data = Object.entries(report.calls)
        .filter(([endpoint]) => isDataCall(endpoint))
        .reduce((sum, [, count]) => sum + count, 0);
      expect({ Authorize: report.calls.Authorize ?? 0, data }).toEqual(flow.expected);
      expect(report.duplicates).toEqual([]);
    },
  );
});

describe('polling while the bank is still working', () => {
  const PENDING_MS = 60_000;
  const POLL_INTERVAL_MS = 10_000;

  it('polls no faster than configured during a 60 s OPERATION_PENDING wait: at most 7 Async calls', async ({
    task,
  }) => {
    const harness = renderWidget({
      sandbox: { pendingMs: PENDING_MS },
      widget: { pollIntervalMs: POLL_INTERVAL_MS },
    });
    await signIn(harness, 'test_pending');
    const dataCalls = () => harness.calls().filter((call) => isDataCall(call.endpoint));
    await harness.until(() => dataCalls().length > 0, 'the first data call');
    const start = dataCalls()[0]?.at ?? Date.now();

    await harness.advance(PENDING_MS);

    const during = dataCalls().filter((call) => call.at - start <= PENDING_MS);
    const report = reportOf('test_pending', 'waiting', during);
    const asyncCalls = during.filter((call) => call.endpoint.endsWith('Async')).length;
    task.meta.perf = {
      pendingWait: { windowMs: PENDING_MS, pollIntervalMs: POLL_INTERVAL_MS, asyncCalls, report },
    };
    expect(asyncCalls).toBeGreaterThan(0);
    expect(asyncCalls).toBeLessThanOrEqual(7);
    expect(report.minPollGapMs).toBeGreaterThanOrEqual(POLL_INTERVAL_MS);
  });
});
