import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

// Its own file: a Node server started in the same process swaps the global Response for its own, while MSW must
// meet the platform's Response.error(), as it does in Storybook and in component tests.
const BASE = 'http://sandbox.test/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

describe('faults in MSW (Storybook, component tests)', () => {
  const sandbox = createSandbox({
    latencyMs: 0,
    faults: { rate: 1, kinds: ['reset', 'timeout'], seed: 4, maxHoldMs: 60_000 },
  });
  const server = setupServer(...sandboxHandlers(sandbox));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('reset is a network failure, and a held call ends as soon as the caller gives up', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const error = await fetch(`${BASE}/Institutions`, { signal: AbortSignal.timeout(100) }).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(Error);
      outcomes.push((error as Error).name);
      expect(performance.now() - started).toBeLessThan(5000);
    }
    const faults = sandbox.log.map((entry) => entry.fault);
    expect(new Set(faults)).toEqual(new Set(['reset', 'timeout']));
    // Each reset is fetch's own TypeError; each held call, the caller's TimeoutError.
    expect(outcomes).toEqual(faults.map((fault) => (fault === 'reset' ? 'TypeError' : 'TimeoutError')));
  });
});
