import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { sandboxHandlers } from '../../src/sandbox/msw';

const sandbox = createSandbox({ latencyMs: 0, random: () => 0 });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('sandboxHandlers (MSW)', () => {
  it.each(['https://toolbox-api.private.fin.ag', 'http://localhost:6006'])(
    'answers Flinks calls to %s from the sandbox, for any customerId',
    async (origin) => {
      const response = await fetch(`${origin}/v3/some-customer/BankingServices/Authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday' }),
      });
      expect(response.status).toBe(203);
      expect(await response.json()).toMatchObject({
        SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' }],
      });
    },
  );

  it('keeps one state across calls: the answer authorizes the RequestId the 203 gave', async () => {
    const base = 'https://toolbox-api.private.fin.ag/v3/x/BankingServices';
    const post = (path: string, body: unknown) =>
      fetch(`${base}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = (await (
      await post('Authorize', { Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday' })
    ).json()) as { RequestId: string };
    const done = await post('Authorize', {
      RequestId: first.RequestId,
      SecurityResponses: { 'What city were you born in?': ['Montreal'] },
    });
    expect(done.status).toBe(200);
  });
});
