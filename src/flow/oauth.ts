import type { FlinksCode } from '../api/codes';
import type { ApiError, OAuthOutcome } from '../api/types';
import type { FlowConfig, Move } from './actions';
import { failed } from './failures';
import { stay } from './moves';
import type { FlowContext, FlowState } from './state';

/** What came back from the bank's OAuth page: the login it approved, or the problem, as the flow's other calls say it. */
export type OAuthResult = { kind: 'allowed'; loginId: string; institution: string } | ApiError;

/** The message `/oauth/return` posts to the widget's window (server/oauth-page.ts). */
export const OAUTH_MESSAGE_SOURCE = 'connect-widget-oauth';

/** The bank's error words (OAuth's, and Flinks' `cancelled`) and the code each one shows. */
const BANK_ERRORS: Readonly<Record<string, FlinksCode>> = {
  access_denied: 'OAUTH_DENIED',
  cancelled: 'OAUTH_CANCELLED',
  canceled: 'OAUTH_CANCELLED',
  user_cancelled: 'OAUTH_CANCELLED',
  state_invalid: 'OAUTH_STATE_INVALID',
  temporarily_unavailable: 'RETRY_LATER',
};

/** An error the widget raises about the bank's page, in the client's shape. */
export function oauthProblem(code: FlinksCode, message: string): ApiError {
  return { kind: 'error', httpStatus: null, flinksCode: code, message, requestId: null, cause: 'http' };
}

/** The outcome the bank's page gave, as a result; a bank error the widget has no word for is UNAUTHORIZED. */
export function oauthResultOf(outcome: OAuthOutcome): OAuthResult {
  if ('loginId' in outcome) return { kind: 'allowed', ...outcome };
  const code = BANK_ERRORS[outcome.error] ?? 'UNAUTHORIZED';
  return oauthProblem(code, `The bank's OAuth page answered error=${outcome.error}.`);
}

/** The bank's window closed before it sent the person back. */
export const popupClosed = (): ApiError =>
  oauthProblem('OAUTH_CANCELLED', "The bank's OAuth window closed before it returned an outcome.");

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
