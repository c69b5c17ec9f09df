import type { checked, failure, withoutCode } from './answers';
import type { Call, Exchange } from './exchange';
import type { AnswerMfaQuestionsBody } from './wire';
import type {
  AnswerMfaQuestionsResult,
  ApiError,
  CallOptions,
  MfaQuestionsAnswerRequest,
  MfaQuestionsResult,
} from './types';

/**
 * Enhanced MFA's two calls (GetMFAQuestions, AnswerMFAQuestions). Their own chunk: only a connection with
 * `enhancedMFA` makes them, after the sign-in, so the first screen never carries them.
 */

/**
 * What the client lends these calls: its `settledCall` (a 202 is a code like any other) and its ways of reading an
 * answer. Lent rather than imported, so this chunk shares no module with the first load.
 */
export interface ClientTools {
  send: (call: Call, options: CallOptions | undefined) => Promise<Exchange | ApiError>;
  checked: typeof checked;
  failure: typeof failure;
  withoutCode: typeof withoutCode;
}

export async function getMfaQuestions(
  { send, checked, failure, withoutCode }: ClientTools,
  loginId: string,
  options: CallOptions | undefined,
): Promise<MfaQuestionsResult> {
  const context = { requestId: null, secrets: [] };
  if (!/^[\w-]+$/.test(loginId))
    return failure('malformed', 'INVALID_REQUEST', 'The loginId is not a usable path segment.', context);
  const answer = await send({ ...context, method: 'GET', path: `GetMFAQuestions/${loginId}` }, options);
  if (answer.kind === 'error') return answer;
  if (answer.status !== 200) return withoutCode(answer);
  return checked(answer, answer.checks.mfaQuestions, (body) => ({
    kind: 'questions',
    questions: body.Questions.map((question) => question.Question),
  }));
}

export async function answerMfaQuestions(
  { send, withoutCode }: ClientTools,
  request: MfaQuestionsAnswerRequest,
  options: CallOptions | undefined,
): Promise<AnswerMfaQuestionsResult> {
  const answer = await send(
    {
      method: 'PATCH',
      path: 'AnswerMFAQuestions',
      requestId: null,
      // The answers are secrets: redacted from anything the client reports.
      secrets: Object.values(request.answers),
      body: {
        LoginId: request.loginId,
        Questions: Object.entries(request.answers).map(([Question, Answer]) => ({ Question, Answer })),
      } satisfies AnswerMfaQuestionsBody,
    },
    options,
  );
  if (answer.kind === 'error') return answer;
  return answer.status === 200 ? { kind: 'saved' } : withoutCode(answer);
}
