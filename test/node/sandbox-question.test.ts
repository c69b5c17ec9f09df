import { describe, expect, it } from 'vitest';
import {
  createSandbox,
  FLINKS_CAPITAL_QUESTIONS,
  flinksCapitalAnswer,
  SANDBOX_PASSWORD,
  type Sandbox,
} from '../../src/sandbox';
import { FLINKS_CAPITAL_QUESTIONS_FR } from '../../src/sandbox/challenges';

// A partner's test signs Greatday in and answers the question: it must pass every time, not one time in three.

const API = 'https://bank.test/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';

async function post(sandbox: Sandbox, body: object) {
  const response = await sandbox.fetch(
    new Request(`${API}/Authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return (await response.json()) as {
    HttpStatusCode: number;
    RequestId: string;
    SecurityChallenges?: { Prompt: string }[];
  };
}

async function signIn(sandbox: Sandbox, language: 'en' | 'fr' = 'en') {
  const challenged = await post(sandbox, {
    Institution: 'FlinksCapital',
    Username: 'Greatday',
    Password: SANDBOX_PASSWORD,
    Language: language,
  });
  expect(challenged.HttpStatusCode).toBe(203);
  const prompt = challenged.SecurityChallenges?.[0]?.Prompt ?? '';
  return { prompt, requestId: challenged.RequestId };
}

describe("Greatday's security question in tests", () => {
  it.each([0, 1, 2] as const)('is always question %i with createSandbox({ question })', async (question) => {
    // A `random` that would pick every question in turn: `question` wins.
    let turn = 0;
    const sandbox = createSandbox({ latencyMs: 0, question, random: () => (turn++ % 3) / 3 });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const { prompt } = await signIn(sandbox);
      expect(prompt).toBe(FLINKS_CAPITAL_QUESTIONS[question].prompt);
    }
  });

  it('is drawn from the three without it', async () => {
    let turn = 0;
    const sandbox = createSandbox({ latencyMs: 0, random: () => (turn++ % 3) / 3 + 0.1 });
    const prompts = new Set<string>();
    for (let attempt = 0; attempt < 3; attempt += 1) prompts.add((await signIn(sandbox)).prompt);
    expect(prompts.size).toBe(3);
  });

  it('is answered by flinksCapitalAnswer whichever is drawn, in English or French', async () => {
    let turn = 0;
    const sandbox = createSandbox({ latencyMs: 0, random: () => (turn++ % 3) / 3 + 0.1 });
    for (const language of ['en', 'fr', 'en', 'fr', 'en', 'fr'] as const) {
      const { prompt, requestId } = await signIn(sandbox, language);
      const answer = flinksCapitalAnswer(prompt);
      expect(answer).toBeDefined();
      const done = await post(sandbox, {
        RequestId: requestId,
        SecurityResponses: { [prompt]: [answer] },
      });
      expect(done.HttpStatusCode).toBe(200);
    }
  });

  it('flinksCapitalAnswer knows only the bank’s own questions', () => {
    FLINKS_CAPITAL_QUESTIONS.forEach(({ prompt, answer }, index) => {
      expect(flinksCapitalAnswer(prompt)).toBe(answer);
      expect(flinksCapitalAnswer(`  ${prompt.toUpperCase()} `)).toBe(answer);
      expect(flinksCapitalAnswer(FLINKS_CAPITAL_QUESTIONS_FR[index] ?? '')).toBe(answer);
    });
    expect(flinksCapitalAnswer('What is your password?')).toBeUndefined();
    expect(flinksCapitalAnswer('')).toBeUndefined();
  });
});
