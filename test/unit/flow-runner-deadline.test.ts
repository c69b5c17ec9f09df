import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowAction } from '../../src/flow/actions';
import { createRequestRunner, type RunnerSettings } from '../../src/flow/runner';

/*
 * The flow's waits (an automatic retry's few seconds, MFA inactivity, the polling limit) end with a DEADLINE the
 * reducer only honours once its clock has reached the deadline. A timer can fire a moment before that clock says so;
 * the wait must then go on, never stop for good (a "Trying again in a few seconds…" that never tries again).
 */

describe('the runner’s waits', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A runner whose clock the test sets, apart from the timers. */
  function runnerAt(clock: { now: number }) {
    const actions: FlowAction[] = [];
    const settings = { now: () => clock.now } as unknown as RunnerSettings;
    const runner = createRequestRunner(
      () => settings,
      (action) => void actions.push(action),
    );
    return { runner, actions };
  }

  it('says the deadline is reached only once the clock has reached it, however early its timer fires', () => {
    const clock = { now: 1_000 };
    const { runner, actions } = runnerAt(clock);
    runner.run({ kind: 'wait', until: 6_000 });

    // The timer fires after its 5 s, but the clock still reads 1 ms short of the deadline.
    clock.now = 5_999;
    vi.advanceTimersByTime(5_000);
    expect(actions).toEqual([]);

    clock.now = 6_000;
    vi.advanceTimersByTime(1);
    expect(actions).toEqual([{ type: 'DEADLINE', at: 6_000 }]);
    runner.stop();
  });

  it('says it once, on time, when the clock and the timer agree', () => {
    const clock = { now: 0 };
    const { runner, actions } = runnerAt(clock);
    runner.run({ kind: 'wait', until: 5_000 });
    clock.now = 4_999;
    vi.advanceTimersByTime(4_999);
    expect(actions).toEqual([]);
    clock.now = 5_000;
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(10_000);
    expect(actions).toEqual([{ type: 'DEADLINE', at: 5_000 }]);
    runner.stop();
  });

  it('waits no more once stopped', () => {
    const clock = { now: 0 };
    const { runner, actions } = runnerAt(clock);
    runner.run({ kind: 'wait', until: 5_000 });
    clock.now = 4_999;
    vi.advanceTimersByTime(5_000);
    runner.stop();
    clock.now = 5_000;
    vi.advanceTimersByTime(10_000);
    expect(actions).toEqual([]);
  });
});
