import type { ChallengeName } from './challenges';

/** The password of every sandbox persona. */
export const SANDBOX_PASSWORD = 'Everyday';

/** One 203 of an MFA persona: these challenges together, or one of them picked at random. */
export type RoundPlan = { ask: readonly ChallengeName[] } | { askOneOf: readonly ChallengeName[] };

/** What a live Authorize with the right password leads to. */
export type LoginOutcome =
  | { kind: 'authorized' }
  /** `noRetry`: a wrong answer ends the session with INVALID_SECURITY_RESPONSE_NO_RETRY. */
  | { kind: 'mfa'; rounds: readonly RoundPlan[]; noRetry?: boolean }
  | { kind: 'error'; status: number; code: string };

/** What the account data calls answer once the login is authorized. */
export type DataOutcome =
  | { kind: 'ready' }
  /** 202 OPERATION_PENDING, sync and async, until the pending window has passed. */
  | { kind: 'pending' }
  /** 202 OPERATION_DISPATCHED on the sync calls every time; the async calls answer 200 after the pending window. */
  | { kind: 'dispatched' }
  | { kind: 'error'; status: number; code: string };

export interface SandboxPersona {
  /** The username to type (password {@link SANDBOX_PASSWORD}). */
  username: string;
  /** What happens, in one sentence, for docs, stories and tests. */
  behaviour: string;
  /** The FlinksCodes this persona is there to reproduce. */
  codes: readonly string[];
  login: LoginOutcome;
  data: DataOutcome;
  /**
   * The security questions the bank keeps for this login, which Enhanced MFA collects answers to ahead of time
   * (GetMFAQuestions / AnswerMFAQuestions); none when absent.
   */
  storedQuestions?: readonly ChallengeName[] | undefined;
  /** How many accounts the login has; 2 to 4, drawn from its LoginId, when absent. */
  accountCount?: number | undefined;
}

const ready: DataOutcome = { kind: 'ready' };

function failing(username: string, status: number, code: string): SandboxPersona {
  return {
    username,
    behaviour: `/Authorize answers ${status} ${code}.`,
    codes: [code],
    login: { kind: 'error', status, code },
    data: ready,
  };
}

/**
 * Every sandbox persona (institution `FlinksCapital`, password `Everyday`): the sandbox's named logins, plus one per code the
 * contract leaves without a persona, so every known code can be reproduced.
 * Any other username answers 401 INVALID_USERNAME; a persona's username with another password, 401 INVALID_PASSWORD.
 *
 * @example
 * SANDBOX_PERSONAS.filter((persona) => persona.login.kind === 'mfa').map((persona) => persona.username)
 */
export const SANDBOX_PERSONAS: readonly SandboxPersona[] = [
  {
    username: 'Greatday',
    behaviour:
      "203 with one of Flinks Capital's three questions (Montreal, Canada, Triangle), then 200; a wrong answer keeps the RequestId open.",
    codes: ['INVALID_SECURITY_RESPONSE'],
    login: { kind: 'mfa', rounds: [{ askOneOf: ['city', 'country', 'shape'] }] },
    data: ready,
    storedQuestions: ['city', 'country', 'shape'],
  },
  {
    username: 'greatday_nomfa',
    behaviour: '200 at once.',
    codes: [],
    login: { kind: 'authorized' },
    data: ready,
  },
  {
    username: 'test_mfa_triple',
    behaviour: '203 with all three questions at once; an answer set missing one is refused.',
    codes: ['SECURITYRESPONSES_INCOMPLETE'],
    login: { kind: 'mfa', rounds: [{ ask: ['city', 'country', 'shape'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_rounds',
    behaviour: '203 (city), then a second 203 with another question (country), then 200.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['city'] }, { ask: ['country'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_choice',
    behaviour:
      '203 MultipleChoice "Which of these streets have you lived on?"; the right choice is Rue Sherbrooke.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['street'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_multiple',
    behaviour:
      '203 MultipleChoiceMultipleAnswers "Which of these have you owned?"; the right set is A bicycle and A canoe.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['owned'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_text_or_call',
    behaviour:
      '203 TextOrCall over two masked phones, answered { "<phone>": ["Text"] } or ["Call"]; then a 203 asking for the code, 123456.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['textOrCall'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_image',
    behaviour:
      '203 ImageSelection over a circle, a triangle and a square (raw base64 PNG); the prompt asks for the triangle.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['image'] }] },
    data: ready,
  },
  {
    username: 'test_mfa_no_retry',
    behaviour: '203 with a question (Montreal); a wrong answer ends the session.',
    codes: ['INVALID_SECURITY_RESPONSE_NO_RETRY'],
    login: { kind: 'mfa', rounds: [{ ask: ['city'] }], noRetry: true },
    data: ready,
  },
  {
    username: 'test_mfa_unknown_type',
    behaviour: '203 with a challenge of Type "FingerprintScan", which no widget knows; any answer passes.',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['fingerprint'] }] },
    data: ready,
  },
  {
    username: 'test_enhanced_mfa',
    behaviour:
      '203 with one question (Montreal), then 200; the login keeps three security questions (Montreal, Canada, Triangle), which GetMFAQuestions lists and AnswerMFAQuestions saves (enhancedMFA=true).',
    codes: [],
    login: { kind: 'mfa', rounds: [{ ask: ['city'] }] },
    data: ready,
    storedQuestions: ['city', 'country', 'shape'],
  },
  {
    username: 'test_accounts_many',
    behaviour: '200; eight accounts of several kinds, for account selection (one or several).',
    codes: [],
    login: { kind: 'authorized' },
    data: ready,
    accountCount: 8,
  },
  failing('test_disabled_account', 401, 'DISABLED_LOGIN'),
  failing('test_service_unavailable', 401, 'RETRY_LATER'),
  failing('test_new_account', 401, 'NEW_ACCOUNT'),
  failing('test_unauthorized', 401, 'UNAUTHORIZED'),
  failing('test_invalid_login', 400, 'INVALID_LOGIN'),
  failing('test_question_not_found', 401, 'QUESTION_NOT_FOUND'),
  failing('test_concurrent_session', 401, 'CONCURRENT_SESSION'),
  failing('test_card_in_use', 400, 'CARD_IN_USE'),
  {
    username: 'test_pending',
    behaviour:
      '200; the data calls answer 202 OPERATION_PENDING until the pending window has passed, then 200.',
    codes: ['OPERATION_PENDING'],
    login: { kind: 'authorized' },
    data: { kind: 'pending' },
  },
  {
    username: 'test_dispatched',
    behaviour:
      '200; the sync data calls answer 202 OPERATION_DISPATCHED every time, the Async ones 200 once the pending window has passed.',
    codes: ['OPERATION_DISPATCHED'],
    login: { kind: 'authorized' },
    data: { kind: 'dispatched' },
  },
  failing('test_aggregation_error', 500, 'AGGREGATION_ERROR'),
  failing('test_disabled_institution', 405, 'DISABLED_INSTITUTION'),
  failing('test_too_many_requests', 429, 'TOO_MANY_REQUESTS'),
  {
    username: 'test_no_transaction',
    behaviour: '200; the data calls answer 400 NO_TRANSACTION.',
    codes: ['NO_TRANSACTION'],
    login: { kind: 'authorized' },
    data: { kind: 'error', status: 400, code: 'NO_TRANSACTION' },
  },
  {
    username: 'test_method_not_available',
    behaviour: '200; the data calls answer 401 METHOD_NOT_AVAILABLE.',
    codes: ['METHOD_NOT_AVAILABLE'],
    login: { kind: 'authorized' },
    data: { kind: 'error', status: 401, code: 'METHOD_NOT_AVAILABLE' },
  },
  {
    ...failing('test_unknown_code', 400, 'SOMETHING_NEW'),
    behaviour: '/Authorize answers 400 with FlinksCode SOMETHING_NEW, a code no one knows.',
  },
];

const byUsername = new Map(SANDBOX_PERSONAS.map((persona) => [canonicalUsername(persona.username), persona]));

/** Usernames compare trimmed and case-insensitively, as banks do. */
export function canonicalUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function personaFor(username: string): SandboxPersona | undefined {
  return byUsername.get(canonicalUsername(username));
}
