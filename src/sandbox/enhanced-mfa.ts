import type { MfaQuestionsBody, SecurityResponses } from '../api/types';
import { CHALLENGES, checkRound, inLanguage, type Round } from './challenges';
import { errorReply, inSessionLanguage, type Reply, type SandboxContext } from './context';
import { SANDBOX_MESSAGES, sandboxError } from './errors';
import { answerMfaQuestionsBodySchema } from '../api/wire';
import { parseBody } from './schemas';
import type { LoginRecord } from './store';

/**
 * Enhanced MFA (Flinks, Canada): the security questions the bank keeps for a login, collected ahead of time so that
 * scheduled refreshes never stop on one. The questions are asked in the login's language; answers compare as on
 * /Authorize (trimmed, case- and accent-insensitive) and are never logged.
 */

function storedRound(login: LoginRecord): Round {
  return (login.persona.storedQuestions ?? []).map((name) => inLanguage(CHALLENGES[name], login.language));
}

function unknownLogin(): Reply {
  return errorReply(sandboxError(400, 'INVALID_LOGIN', SANDBOX_MESSAGES.INVALID_LOGIN_ID));
}

/** GET /GetMFAQuestions/{loginId}: every stored question of the login (an empty list when it has none). */
export function handleGetMfaQuestions(ctx: SandboxContext, loginId: string): Reply {
  const login = ctx.store.login(loginId);
  if (!login) return unknownLogin();
  const body: MfaQuestionsBody = {
    HttpStatusCode: 200,
    LoginId: login.id,
    Questions: storedRound(login).map(({ challenge }) => ({ Question: challenge.Prompt })),
  };
  return { status: 200, body, language: login.language };
}

/**
 * PATCH /AnswerMFAQuestions `{ LoginId, Questions: [{ Question, Answer }] }`: every stored question answered at once,
 * checked in /Authorize's order (a question not asked, one left unanswered, a wrong answer).
 */
export function handleAnswerMfaQuestions(
  ctx: SandboxContext,
  raw: string,
  trace: { username?: string },
): Reply {
  const parsed = parseBody(answerMfaQuestionsBodySchema, raw);
  if (!parsed.ok) return errorReply(parsed.error);
  const login = ctx.store.login(parsed.value.LoginId);
  if (!login) return unknownLogin();
  trace.username = login.account.username;
  const responses: SecurityResponses = {};
  for (const { Question, Answer } of parsed.value.Questions) {
    responses[Question] = [...(responses[Question] ?? []), Answer];
  }
  const verdict = checkRound(storedRound(login), responses, login.language);
  const reply: Reply =
    verdict.kind === 'rejected'
      ? errorReply(sandboxError(401, verdict.code))
      : {
          status: 200,
          body: { HttpStatusCode: 200, LoginId: login.id, Message: SANDBOX_MESSAGES.MFA_QUESTIONS_SAVED },
        };
  return inSessionLanguage(reply, login.language);
}
