import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, FLINKS_CAPITAL_QUESTIONS, SANDBOX_PASSWORD } from '../../src/sandbox';

// The sandbox bank in the session's language (CONTRACT §6: with `Language: "fr"` its prompts, choices and messages are
// French, the answers stay the same), Enhanced MFA's GetMFAQuestions / AnswerMFAQuestions, and test_accounts_many.

const sandbox = createSandbox({ latencyMs: 0, random: () => 0 });
const API = 'http://sandbox.test/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const NBSP = '\u00A0';

beforeEach(() => sandbox.reset());

type Json = Record<string, unknown> & {
  SecurityChallenges?: { Type: string; Prompt: string; Iterables?: string[] }[];
};

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await sandbox.fetch(
    new Request(`${API}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Json };
}

function signIn(username: string, language?: 'en' | 'fr', password = SANDBOX_PASSWORD) {
  return call('POST', 'Authorize', {
    Institution: 'FlinksCapital',
    Username: username,
    Password: password,
    ...(language ? { Language: language } : {}),
  });
}

function prompts(body: Json): string[] {
  return (body.SecurityChallenges ?? []).map((challenge) => challenge.Prompt);
}

describe('the sandbox speaks the session’s language', () => {
  it('asks the TextOrCall question in French, and the code that follows too', async () => {
    const first = await signIn('test_mfa_text_or_call', 'fr');
    expect(first.status).toBe(203);
    expect(prompts(first.body)).toEqual([`Où devons-nous envoyer votre code de sécurité${NBSP}?`]);
    const phone = first.body.SecurityChallenges?.[0]?.Iterables?.[0] ?? '';
    const code = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [phone]: ['Text'] },
    });
    expect(code.status).toBe(203);
    expect(prompts(code.body)[0]).toMatch(/^Nous avons envoyé un code de sécurité par texto au \(514\)/);
    const done = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [prompts(code.body)[0] ?? '']: ['123456'] },
    });
    expect(done.status).toBe(200);
  });

  it('declares the language of its words on each answer (Content-Language), as the session chose it', async () => {
    const answer = (language: 'en' | 'fr') =>
      sandbox.fetch(
        new Request(`${API}/Authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            Institution: 'FlinksCapital',
            Username: 'test_mfa_choice',
            Password: SANDBOX_PASSWORD,
            Language: language,
          }),
        }),
      );
    expect((await answer('fr')).headers.get('content-language')).toBe('fr');
    expect((await answer('en')).headers.get('content-language')).toBe('en');
  });

  it('keeps English prompts in an English session', async () => {
    const first = await signIn('test_mfa_text_or_call', 'en');
    expect(prompts(first.body)).toEqual(['Where should we send your security code?']);
  });

  it('asks Flinks Capital’s questions in French; the answers stay the same', async () => {
    const first = await signIn('test_mfa_triple', 'fr');
    expect(prompts(first.body)).toEqual([
      `Quelle est votre ville natale${NBSP}?`,
      `Quel est le meilleur pays du monde${NBSP}?`,
      `Quelle forme les gens préfèrent-ils${NBSP}?`,
    ]);
    const answers = Object.fromEntries(
      prompts(first.body).map((prompt, index) => [prompt, [FLINKS_CAPITAL_QUESTIONS[index]?.answer ?? '']]),
    );
    const done = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: answers,
    });
    expect(done.status).toBe(200);
  });

  it('translates choices made of words, and checks the answer against the French choices', async () => {
    const first = await signIn('test_mfa_multiple', 'fr');
    const [challenge] = first.body.SecurityChallenges ?? [];
    expect(challenge?.Prompt).toBe(`Lesquels de ces objets avez-vous déjà possédés${NBSP}?`);
    expect(challenge?.Iterables).toEqual(['Un vélo', 'Un voilier', 'Un canot', 'Une motoneige']);
    const wrong = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [challenge?.Prompt ?? '']: ['Un vélo'] },
    });
    expect(wrong.body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    expect(wrong.body.Message).toBe(
      'La réponse de sécurité fournie ne correspond pas à celle que l’institution attendait.',
    );
    const right = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [challenge?.Prompt ?? '']: ['Un canot', 'Un vélo'] },
    });
    expect(right.status).toBe(200);
  });

  it('writes its error messages in French, with the same codes and statuses', async () => {
    const wrongPassword = await signIn('Greatday', 'fr', 'Nope');
    expect(wrongPassword).toMatchObject({
      status: 401,
      body: {
        FlinksCode: 'INVALID_PASSWORD',
        Message: 'Le mot de passe fourni ne correspond pas à celui que l’institution attendait.',
      },
    });
    const disabled = await signIn('test_disabled_account', 'fr');
    expect(disabled.body.FlinksCode).toBe('DISABLED_LOGIN');
    expect(disabled.body.Message).toMatch(/^L’institution financière a désactivé ce compte\./);
    const english = await signIn('test_disabled_account', 'en');
    expect(english.body.Message).toMatch(/^The account has been deactivated/);
  });

  it('keeps French for the data calls of a French session', async () => {
    const login = await signIn('test_no_transaction', 'fr');
    const data = await call('POST', 'GetAccountsSummary', { RequestId: login.body.RequestId });
    expect(data.body.FlinksCode).toBe('NO_TRANSACTION');
    expect(data.body.Message).toBe('Les comptes n’ont pas assez de transactions pour traiter la requête.');
  });

  it('follows French typography in every French message', async () => {
    const { SANDBOX_MESSAGES_FR } = await import('../../src/sandbox/errors');
    for (const message of Object.values(SANDBOX_MESSAGES_FR)) {
      expect(message).not.toMatch(/'/);
      expect(message).not.toMatch(/[^\u00A0\u202F][:;?!]/);
    }
  });
});

describe('Enhanced MFA (GetMFAQuestions / AnswerMFAQuestions)', () => {
  async function enhancedLogin(language: 'en' | 'fr' = 'en'): Promise<string> {
    const first = await signIn('test_enhanced_mfa', language);
    expect(first.status).toBe(203);
    const done = await call('POST', 'Authorize', {
      RequestId: first.body.RequestId,
      SecurityResponses: { [prompts(first.body)[0] ?? '']: ['Montreal'] },
    });
    expect(done.status).toBe(200);
    return (done.body.Login as { Id: string }).Id;
  }

  it('test_enhanced_mfa: one question at sign-in, then every stored question listed', async () => {
    const loginId = await enhancedLogin();
    const questions = await call('GET', `GetMFAQuestions/${loginId}`);
    expect(questions).toEqual({
      status: 200,
      body: {
        HttpStatusCode: 200,
        LoginId: loginId,
        Questions: FLINKS_CAPITAL_QUESTIONS.map(({ prompt }) => ({ Question: prompt })),
      },
    });
  });

  it('lists the questions in the login’s language', async () => {
    const loginId = await enhancedLogin('fr');
    const questions = await call('GET', `GetMFAQuestions/${loginId}`);
    expect(questions.body.Questions).toContainEqual({ Question: `Quelle est votre ville natale${NBSP}?` });
  });

  it('saves a full set of right answers, and says why it refuses any other set', async () => {
    const loginId = await enhancedLogin();
    const all = FLINKS_CAPITAL_QUESTIONS.map(({ prompt, answer }) => ({ Question: prompt, Answer: answer }));
    const wrong = await call('PATCH', 'AnswerMFAQuestions', {
      LoginId: loginId,
      Questions: all.map((item, index) => (index === 1 ? { ...item, Answer: 'France' } : item)),
    });
    expect(wrong).toMatchObject({ status: 401, body: { FlinksCode: 'INVALID_SECURITY_RESPONSE' } });
    const incomplete = await call('PATCH', 'AnswerMFAQuestions', {
      LoginId: loginId,
      Questions: all.slice(1),
    });
    expect(incomplete.body.FlinksCode).toBe('SECURITYRESPONSES_INCOMPLETE');
    const unknown = await call('PATCH', 'AnswerMFAQuestions', {
      LoginId: loginId,
      Questions: [...all, { Question: 'What is your pet’s name?', Answer: 'Rex' }],
    });
    expect(unknown.body.FlinksCode).toBe('UNKNOWN_CHALLENGE_KEY');
    const saved = await call('PATCH', 'AnswerMFAQuestions', {
      LoginId: loginId,
      Questions: all.map((item) => ({ ...item, Answer: ` ${item.Answer.toUpperCase()} ` })),
    });
    expect(saved).toMatchObject({ status: 200, body: { HttpStatusCode: 200, LoginId: loginId } });
  });

  it('answers an empty list for a login without stored questions, and INVALID_LOGIN for an unknown one', async () => {
    const login = await signIn('greatday_nomfa');
    const loginId = (login.body.Login as { Id: string }).Id;
    expect((await call('GET', `GetMFAQuestions/${loginId}`)).body.Questions).toEqual([]);
    const unknown = await call('GET', 'GetMFAQuestions/00000000-0000-0000-0000-000000000000');
    expect(unknown).toMatchObject({ status: 400, body: { FlinksCode: 'INVALID_LOGIN' } });
  });

  it('never logs the answers', async () => {
    const loginId = await enhancedLogin();
    await call('PATCH', 'AnswerMFAQuestions', {
      LoginId: loginId,
      Questions: FLINKS_CAPITAL_QUESTIONS.map(({ prompt, answer }) => ({ Question: prompt, Answer: answer })),
    });
    const log = JSON.stringify(sandbox.log);
    expect(log).toContain('AnswerMFAQuestions');
    for (const { answer } of FLINKS_CAPITAL_QUESTIONS) expect(log).not.toContain(answer);
  });
});

describe('test_accounts_many', () => {
  it('has eight accounts of several kinds', async () => {
    const login = await signIn('test_accounts_many');
    expect(login.status).toBe(200);
    const data = await call('POST', 'GetAccountsDetail', { RequestId: login.body.RequestId });
    const accounts = data.body.Accounts as { Id: string; Category: string }[];
    expect(accounts).toHaveLength(8);
    expect(new Set(accounts.map((account) => account.Id)).size).toBe(8);
    expect(new Set(accounts.map((account) => account.Category))).toEqual(
      new Set(['Operations', 'Credits', 'Investments']),
    );
  });
});
