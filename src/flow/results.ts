import type { AccountsDataResult, ApiError, AuthorizeResult } from '../api/types';
import type { FlowConfig, Move } from './actions';
import { failed } from './failures';
import { enter, gather, succeed, unreachable, wait } from './moves';
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
      if (config.accountSelectorEnable && result.accounts.length > 0) {
        return enter({
          step: 'accounts',
          ctx: next,
          requestId: result.requestId,
          loginId,
          accounts: result.accounts,
        });
      }
      return succeed(next, result.requestId, loginId, null, config, []);
    }
    case 'pending':
      return wait(ctx, result, at, state);
    case 'error':
      return failed(state, result, at, config);
    default:
      return unreachable(result);
  }
}
