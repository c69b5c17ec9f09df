import type { FlinksCode } from '../api/codes';
import type { ApiError } from '../api/types';
import { guidanceEntryFor, type GuidanceVariant } from '../guidance';
import type { FlowConfig, Move } from './actions';
import { connectEvent, type ConnectEvent } from './events';
import { enter, errorEvent, gather, preceded, wait } from './moves';
import type { FieldError, FlowContext, FlowState, MfaFailure, RetryOrigin, RetryTarget } from './state';

/**
 * A code received or raised: ERROR once, then what the guidance map says. The map decides (data, not a switch per code);
 * this only knows where each kind of screen is.
 */
export function failed(state: FlowState, error: ApiError, at: number, config: FlowConfig): Move {
  const code = error.flinksCode;
  const requestId = error.requestId ?? state.ctx.requestId;
  // A session the server refused (and the host could not renew) has its own screen, which acts differently.
  const sessionEnded: GuidanceVariant | null = error.cause === 'session' ? 'sessionEnded' : null;
  const entry = guidanceEntryFor(code, sessionEnded);
  const ctx: FlowContext = { ...state.ctx, requestId, lastError: { code, requestId } };
  const reported = [errorEvent(code, requestId, ctx)];
  // Flinks Connect also tells this one as a step of its own.
  if (code === 'DISABLED_INSTITUTION')
    reported.push(connectEvent('DISABLED_INSTITUTION', { institution: ctx.institution }));
  const origin = originOf(state);
  const failures = ctx.failures + (entry.retry.countsTowardLimit ? 1 : 0);

  switch (entry.kind) {
    case 'none':
      return requestId
        ? preceded(reported, gather(ctx, requestId, at))
        : showGuidance(ctx, code, null, requestId, at, 'credentials', reported);

    case 'wait':
      if (!requestId) break;
      return preceded(
        reported,
        wait(ctx, { kind: 'pending', requestId, flinksCode: waitCode(code), message: error.message }, at),
      );

    case 'field': {
      if (ctx.mode === 'reconnect' && code === 'INVALID_LOGIN') {
        // The saved LoginId is gone: nothing the person typed was wrong, so the attempt doesn't count.
        const fresh: FlowContext = { ...ctx, mode: 'connect', loginId: null, requestId: null };
        if (!fresh.institution || fresh.signIn === 'oauth')
          return showGuidance(fresh, code, 'reconnect', requestId, at, 'credentials', reported);
        return preceded(
          reported,
          enter({ step: 'credentials', ctx: fresh, error: fieldError(code, 'reconnect') }),
        );
      }
      if (entry.retry.countsTowardLimit && failures >= config.maximumRetry)
        return lockOut(ctx, requestId, at, reported);
      // An OAuth bank never shows the credential form: its problem gets the screen of its own.
      if (!ctx.institution || ctx.signIn === 'oauth')
        return showGuidance(ctx, code, null, requestId, at, 'credentials', reported);
      const next: FlowContext = { ...ctx, failures, mode: 'connect', requestId: null };
      const lastTry = entry.retry.countsTowardLimit && failures === config.maximumRetry - 1;
      const error: FieldError = { ...fieldError(code, null), ...(lastTry ? { lastTry } : {}) };
      return preceded(reported, enter({ step: 'credentials', ctx: next, error }));
    }

    case 'mfa': {
      if (state.step !== 'mfa') break;
      if (entry.retry.countsTowardLimit && failures >= config.maximumRetry)
        return lockOut(ctx, requestId, at, reported, 'answersLocked');
      const lastTry = entry.retry.countsTowardLimit && failures === config.maximumRetry - 1;
      const error: MfaFailure = { code, variant: lastTry ? 'lastTry' : null };
      const again = {
        ...state,
        ctx: { ...ctx, failures },
        error,
        sending: false,
        expiresAt: at + config.sessionTtlMs,
      };
      return preceded(reported, enter(again, [], true));
    }

    default: {
      const automatic = entry.retry.automatic;
      const retried = ctx.autoRetried.filter((done) => done === code).length;
      if (automatic && retried < automatic.times && origin !== 'mfa' && origin !== 'waiting') {
        return {
          state: {
            step: 'processing',
            ctx: { ...ctx, autoRetried: [...ctx.autoRetried, code] },
            activity: { kind: 'retrying', code, of: origin },
            since: at,
          },
          events: reported,
        };
      }
    }
  }
  const variant = sessionEnded ?? (!ctx.online && entry.whenOffline ? entry.whenOffline : null);
  return showGuidance(ctx, code, variant, requestId, at, retryTargetOf(entry.kind, origin), reported);
}

/** A problem the widget notices by itself (a deadline passed), as the client would have reported it. */
export function raised(code: FlinksCode, message: string, requestId: string | null): ApiError {
  return { kind: 'error', httpStatus: null, flinksCode: code, message, requestId, cause: 'timeout' };
}

/** Which call failed, for "try again" and automatic retries. */
function originOf(state: FlowState): RetryOrigin | 'mfa' | 'waiting' {
  if (state.step === 'mfa') return 'mfa';
  if (state.step === 'processing') {
    const { kind } = state.activity;
    if (kind === 'retrying') return state.activity.of;
    return kind === 'questions' ? 'gathering' : kind;
  }
  return 'signingIn';
}

function waitCode(code: FlinksCode): 'OPERATION_PENDING' | 'OPERATION_DISPATCHED' {
  return code === 'OPERATION_DISPATCHED' ? 'OPERATION_DISPATCHED' : 'OPERATION_PENDING';
}

function fieldError(code: FlinksCode, variant: GuidanceVariant | null): FieldError {
  return { code, field: guidanceEntryFor(code).field ?? 'both', variant };
}

/** Transient and setup failures retry the call that failed; anything else starts the sign-in again. */
function retryTargetOf(kind: string, origin: RetryOrigin | 'mfa' | 'waiting'): RetryTarget {
  if (kind !== 'retry' && kind !== 'setup') return 'credentials';
  if (origin === 'resuming') return 'resuming';
  if (origin === 'gathering' || origin === 'waiting') return 'gathering';
  return 'credentials';
}

function lockOut(
  ctx: FlowContext,
  requestId: string | null,
  at: number,
  before: ConnectEvent[],
  variant?: GuidanceVariant,
): Move {
  const code = 'MAXIMUM_RETRY_REACHED';
  const next: FlowContext = { ...ctx, failures: 0, requestId: null, lastError: { code, requestId } };
  return showGuidance(next, code, variant ?? null, requestId, at, 'credentials', [
    ...before,
    connectEvent('MAXIMUM_RETRY_REACHED', {}),
    errorEvent(code, requestId, next),
  ]);
}

function showGuidance(
  ctx: FlowContext,
  code: FlinksCode,
  variant: GuidanceVariant | null,
  requestId: string | null,
  at: number,
  retryTo: RetryTarget,
  events: ConnectEvent[],
): Move {
  return { state: { step: 'guidance', ctx, code, variant, requestId, at, retryTo }, events };
}
