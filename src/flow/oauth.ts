import type { FlowConfig, Move, OAuthResult } from './actions';
import { failed } from './failures';
import { stay } from './moves';
import type { FlowContext, FlowState } from './state';

/**
 * The bank approved: from here on, the same path as a credential login. The LoginId is read like a saved one
 * (Authorize with LoginId), so processing, account selection and REDIRECT follow.
 */
export function oauthResult(state: FlowState, result: OAuthResult, at: number, config: FlowConfig): Move {
  if (result.kind === 'error') return failed(state, result, at, config);
  const { ctx } = state;
  const next: FlowContext = {
    ...ctx,
    mode: 'reconnect',
    institution: ctx.institution ?? result.institution,
    loginId: result.loginId,
    requestId: null,
    failures: 0,
    attempt: ctx.attempt + 1,
  };
  return stay({ step: 'processing', ctx: next, activity: { kind: 'resuming' }, since: at });
}
