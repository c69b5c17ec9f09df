import type {
  Account,
  AccountsDataResult,
  AnswerMfaQuestionsResult,
  ApiError,
  AuthorizeResult,
  MfaQuestionsResult,
} from '../api/types';
import type { FlowConfig, Move } from './actions';
import { connectEvent } from './events';
import { failed } from './failures';
import { enter, errorEvent, gather, preceded, stay, succeed, unreachable, wait } from './moves';
import type { FlowContext, FlowState, MfaRound } from './state';

/** What an answer from the bank does to the flow: /Authorize, then the account data. */

export function authorizeResult(
  state: FlowState,
  result: AuthorizeResult,
  at: number,
  config: FlowConfig,
): Move {
  const { ctx } = state;
  switch (result.kind) {
    case 'challenged': {
      const previous = state.step === 'mfa' ? state.round : null;
      const round: MfaRound = {
        requestId: result.requestId,
        challenges: result.challenges,
        number: ctx.rounds + 1,
        expectsOneTimeCode:
          previous?.challenges.some((challenge) => challenge.Type === 'TextOrCall') ?? false,
        language: result.language ?? null,
      };
      const next: FlowContext = {
        ...ctx,
        failures: 0,
        requestId: result.requestId,
        rounds: round.number,
        // A resumed session learns its bank here: Flinks names it in the 203.
        institution: ctx.institution ?? result.institution ?? null,
      };
      return enter({
        step: 'mfa',
        ctx: next,
        round,
        error: null,
        sending: false,
        expiresAt: at + config.sessionTtlMs,
      });
    }
    case 'authorized': {
      const next: FlowContext = {
        ...ctx,
        failures: 0,
        requestId: result.requestId,
        loginId: result.loginId,
        institution: ctx.institution ?? result.institution,
      };
      // Enhanced MFA follows a live sign-in only: a refreshed saved login asks nothing.
      if (config.enhancedMfa && ctx.mode !== 'reconnect') {
        return stay({
          step: 'processing',
          ctx: { ...next, attempt: next.attempt + 1 },
          activity: { kind: 'questions' },
          since: at,
        });
      }
      return gather(next, result.requestId, at);
    }
    case 'pending':
      return wait(ctx, result, at);
    case 'error':
      return failed(state, result, at, config);
    default:
      return unreachable(result);
  }
}

export function dataResult(
  state: FlowState,
  result: AccountsDataResult,
  at: number,
  config: FlowConfig,
): Move {
  const { ctx } = state;
  switch (result.kind) {
    case 'accounts': {
      const loginId = ctx.loginId ?? result.loginId;
      if (!loginId) {
        const missing: ApiError = {
          kind: 'error',
          httpStatus: null,
          flinksCode: 'MALFORMED_RESPONSE',
          message: 'The accounts arrived without a LoginId.',
          requestId: result.requestId,
          cause: 'malformed',
        };
        return failed(state, missing, at, config);
      }
      const next = { ...ctx, loginId, institution: ctx.institution ?? result.institution };
      if ((config.accountSelectorEnable || config.accountSelectorMultiple) && result.accounts.length > 0) {
        return enter({
          step: 'accounts',
          ctx: next,
          requestId: result.requestId,
          loginId,
          accounts: result.accounts,
          displayed: displayedAccounts(result.accounts, config),
        });
      }
      return succeed(next, result.requestId, loginId, null, config, [], undefined, result.accounts);
    }
    case 'pending':
      return wait(ctx, result, at, state);
    case 'error':
      return failed(state, result, at, config);
    default:
      return unreachable(result);
  }
}

/**
 * Enhanced MFA's answers from the bank: the login's stored questions (none: the connection goes on), then whether the
 * answers were saved. Neither blocks the connection, which already succeeded: a bank that cannot list its questions
 * is reported (ERROR) and passed by; refused answers come back on the question screen with the bank's word.
 */
export function questionsResult(
  state: FlowState,
  result: MfaQuestionsResult | AnswerMfaQuestionsResult,
  at: number,
): Move {
  const { ctx } = state;
  const { requestId } = ctx;
  const onScreen = state.step === 'enhancedMfa';
  if (!requestId || !(onScreen ? state.sending : state.step === 'processing')) return stay(state);
  if (result.kind === 'error') {
    const reported = { ...ctx, lastError: { code: result.flinksCode, requestId } };
    const error = [errorEvent(result.flinksCode, requestId, ctx)];
    return onScreen
      ? {
          state: {
            ...state,
            ctx: reported,
            sending: false,
            error: { code: result.flinksCode, variant: null },
          },
          events: error,
        }
      : preceded(error, gather(reported, requestId, at));
  }
  const questions = result.kind === 'questions' ? result.questions : [];
  if (questions.length > 0) {
    return {
      state: { step: 'enhancedMfa', ctx, questions, error: null, sending: false },
      events: [connectEvent('ENHANCED_MFA_HAS_QUESTIONS', { totalQuestions: questions.length })],
    };
  }
  return preceded(
    onScreen ? [] : [connectEvent('ENHANCED_MFA_NO_QUESTIONS', {})],
    gather(ctx, requestId, at),
  );
}

/**
 * The accounts the selector lists: those of `productType` (investment accounts; or, for `banking`, the everyday
 * accounts pay goes into: chequing and savings, never a card or a line of credit), or all of them with
 * `showAllOperationsAccounts` or without `productType`, or when none is of that kind (the person is never left with an
 * empty list). Cards and credit lines always come last: they are rarely the account a partner asks for.
 */
function displayedAccounts(accounts: readonly Account[], config: FlowConfig): Account[] {
  const ordered = [...accounts].sort((a, b) => Number(isCredit(a)) - Number(isCredit(b)));
  if (config.showAllOperationsAccounts || config.productType === null) return ordered;
  const investment = config.productType === 'investment';
  const kept = ordered.filter((account) =>
    investment ? account.Category === 'Investments' : account.Category === 'Operations',
  );
  return kept.length > 0 ? kept : ordered;
}

/** A card or a line of credit (Flinks' `Credits` category). */
function isCredit(account: Account): boolean {
  return account.Category === 'Credits';
}
