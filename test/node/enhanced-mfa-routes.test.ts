import { describe, expect, it } from 'vitest';
import { createServerApp } from '../../server/app';
import { parseConfig } from '../../server/config';
import { createSandbox, FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '../../src/sandbox';
import { API } from './attack-helpers';
import { createSession, SERVER, SESSION_ENV } from './sessions-helpers';

/**
 * Enhanced MFA's calls through the connect server with sessions required (CONTRACT §7's scope): a session may ask
 * GetMFAQuestions and AnswerMFAQuestions only for the login its own sign-in gave it (or the one it was made for).
 */

function server() {
  const sandbox = createSandbox({ latencyMs: 0, random: () => 0 });
  const app = createServerApp(
    parseConfig({ PORT: '5173', SANDBOX_LATENCY_MS: '0', CONNECT_REQUIRE_SESSION: 'true', ...SESSION_ENV }),
    { sandbox, log: () => undefined },
  );
  const call = (token: string, path: string, method = 'GET', body?: unknown) =>
    app.request(`${SERVER}${API}/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, origin: SERVER, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { app, sandbox, call };
}

const ANSWERS = FLINKS_CAPITAL_QUESTIONS.map(({ prompt, answer }) => ({ Question: prompt, Answer: answer }));

describe('Enhanced MFA through connect sessions', () => {
  it('serves the session that signed in, for its own login only', async () => {
    const { app, sandbox, call } = server();
    const owner = await createSession(app);
    const signIn = await call(owner, 'Authorize', 'POST', {
      Institution: 'FlinksCapital',
      Username: 'Greatday',
      Password: SANDBOX_PASSWORD,
    });
    const challenge = (await signIn.json()) as {
      RequestId: string;
      SecurityChallenges: { Prompt: string }[];
    };
    const prompt = challenge.SecurityChallenges[0]?.Prompt ?? '';
    const answer = FLINKS_CAPITAL_QUESTIONS.find((question) => question.prompt === prompt)?.answer ?? '';
    const done = await call(owner, 'Authorize', 'POST', {
      RequestId: challenge.RequestId,
      SecurityResponses: { [prompt]: [answer] },
    });
    const loginId = ((await done.json()) as { Login: { Id: string } }).Login.Id;

    const questions = await call(owner, `GetMFAQuestions/${loginId}`);
    expect(questions.status).toBe(200);
    expect(((await questions.json()) as { Questions: unknown[] }).Questions).toHaveLength(3);
    const saved = await call(owner, 'AnswerMFAQuestions', 'PATCH', { LoginId: loginId, Questions: ANSWERS });
    expect(saved.status).toBe(200);

    // Another session knows the LoginId but never signed in to it: refused before the sandbox hears of it.
    const stranger = await createSession(app);
    const heard = sandbox.log.length;
    expect((await call(stranger, `GetMFAQuestions/${loginId}`)).status).toBe(403);
    const answering = await call(stranger, 'AnswerMFAQuestions', 'PATCH', {
      LoginId: loginId,
      Questions: ANSWERS,
    });
    expect(answering.status).toBe(403);
    expect(sandbox.log.length).toBe(heard);
  });

  it('refuses an AnswerMFAQuestions body of the wrong shape', async () => {
    const { app, call } = server();
    const token = await createSession(app);
    const answer = await call(token, 'AnswerMFAQuestions', 'PATCH', {
      LoginId: 'any-login',
      Questions: [{ Question: 'What city were you born in?', Answer: 42 }],
    });
    expect(answer.status).toBe(400);
  });
});
