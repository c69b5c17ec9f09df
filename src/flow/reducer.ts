import type { FlinksCode } from '../api/codes';
import type { AccountsDataResult, ApiError, AuthorizeResult, Pending } from '../api/types';
import { guidanceEntryFor } from '../guidance';
import type { GuidanceVariant } from '../guidance';
import { connectEvent, type ConnectEvent } from './events';
import {
  firstStep,
  type Activity,
  type FieldError,
  type FlowContext,
  type FlowState,
  type MfaFailure,
  type MfaRound,
  type RetryOrigin,
  type RetryTarget,
} from './state';

/** What the reducer needs from the widget's props. */
export interface FlowConfig {
  /** Failed credential or MFA attempts in a row before the lock-out guidance (default 3). */
  maximumRetry: number;
  accountSelectorEnable: boolean;
  /** Polling an Async endpoint gives up after this long. */
  pollTimeoutMs: number;
  /** Flinks' inactivity window for an open RequestId. */
  sessionTtlMs: number;
  tag: string | null;
}

/** The guidance actions that change the step (links to the bank's site don't; exit has its own action). */
export type StepAction =
  'tryAgain' | 'answerAgain' | 'reenter' | 'startAgain' | 'doneTryAgain' | 'chooseAnotherBank';

/** Everything that can happen to a connection. Every action that needs the time carries it (`at`, ms). */
export type FlowAction =
  | { type: 'START' }
  | { type: 'ACCEPT_CONSENT'; at: number }
  | { type: 'DENY_CONSENT' }
  | { type: 'SELECT_INSTITUTION'; institution: string }
  | { type: 'SUBMIT_CREDENTIALS'; username: string; at: number }
  | { type: 'SUBMIT_MFA'; at: number }
  | { type: 'AUTHORIZE_RESULT'; attempt: number; result: AuthorizeResult; at: number }
  | { type: 'DATA_RESULT'; attempt: number; result: AccountsDataResult; at: number }
  | { type: 'SELECT_ACCOUNT'; accountId: string }
  | { type: 'FINISH_NOW' }
  | { type: 'KEEP_WAITING' }
  | { type: 'GUIDANCE_ACTION'; action: StepAction; at: number }
  | { type: 'BACK' }
  | { type: 'DEADLINE'; at: number }
  | { type: 'ONLINE'; at: number }
  | { type: 'OFFLINE' }
  | { type: 'EXIT' };

/** A step taken: the new state and the events it emits, in order. */
export interface Transition {
  state: FlowState;
  events: ConnectEvent[];
}

const stay = (state: FlowState): Transition => ({ state, events: [] });

/**
 * The connect flow. Pure: the same state and action always give the same transition, and nothing is sent from here.
 * Secrets never enter: a submit carries the username only, and answers to the bank arrive as results.
 */
export function reduce(state: FlowState, action: FlowAction, config: FlowConfig): Transition {
  const { ctx } = state;
  switch (action.type) {
    case 'START':
      return { state, events: [connectEvent('APP_MOUNTED', {}), ...loadEvents(state)] };

    case 'ACCEPT_CONSENT':
      if (state.step !== 'consent') return stay(state);
      return enter(firstStep(ctx, action.at), [connectEvent('COMPONENT_ACCEPT_CONSENT', {})]);

    case 'DENY_CONSENT':
      if (state.step !== 'consent') return stay(state);
      return close(state, [connectEvent('COMPONENT_DENY_CONSENT', {})]);

    case 'SELECT_INSTITUTION':
      if (state.step !== 'institution') return stay(state);
      return enter({ step: 'credentials', ctx: { ...ctx, institution: action.institution }, error: null }, [
        connectEvent('INSTITUTION_SELECTED', { institution: action.institution }),
      ]);

    case 'SUBMIT_CREDENTIALS': {
      if (state.step !== 'credentials' || !ctx.institution) return stay(state);
      const next: FlowContext = {
        ...ctx,
        mode: 'connect',
        username: action.username,
        attempt: ctx.attempt + 1,
        requestId: null,
        loginId: null,
        autoRetried: [],
      };
      return {
        state: { step: 'processing', ctx: next, activity: { kind: 'signingIn' }, since: action.at },
        events: [connectEvent('SUBMIT_CREDENTIAL', { institution: ctx.institution })],
      };
    }

    case 'SUBMIT_MFA':
      if (state.step !== 'mfa') return stay(state);
      return {
        state: { ...state, ctx: { ...ctx, attempt: ctx.attempt + 1 }, error: null, activeAt: action.at },
        events: [connectEvent('SUBMIT_MFA', {})],
      };

    case 'AUTHORIZE_RESULT':
      if (action.attempt !== ctx.attempt || !awaitsAuthorize(state)) return stay(state);
      return authorizeResult(state, action.result, action.at, config);

    case 'DATA_RESULT':
      if (action.attempt !== ctx.attempt || !awaitsData(state)) return stay(state);
      return dataResult(state, action.result, action.at, config);

    case 'SELECT_ACCOUNT':
      if (state.step !== 'accounts') return stay(state);
      return succeed(ctx, state.requestId, state.loginId, action.accountId, config, [
        connectEvent('ACCOUNT_SELECTED', { accountId: action.accountId }),
      ]);

    case 'FINISH_NOW':
      if (state.step !== 'processing' || state.activity.kind !== 'waiting' || !ctx.loginId)
        return stay(state);
      return succeed(ctx, state.activity.requestId, ctx.loginId, null, config, []);

    case 'KEEP_WAITING':
      if (state.step !== 'processing' || state.activity.kind !== 'waiting') return stay(state);
      return stay({ ...state, activity: { ...state.activity, keepWaiting: true } });

    case 'GUIDANCE_ACTION':
      if (state.step !== 'guidance') return stay(state);
      return guidanceAction(state, action.action, action.at);

    case 'BACK':
      if (state.step === 'mfa') {
        return enter({
          step: 'credentials',
          ctx: { ...ctx, attempt: ctx.attempt + 1, requestId: null },
          error: null,
        });
      }
      if (state.step === 'credentials') {
        return enter({ step: 'institution', ctx: { ...ctx, institution: null, username: '', failures: 0 } });
      }
      return stay(state);

    case 'DEADLINE':
      return deadlineReached(state, action.at, config);

    case 'ONLINE': {
      const online = [connectEvent('APP_ONLINE', {})];
      // NETWORK_ERROR promises to try again by itself once the device is back online.
      if (state.step === 'guidance' && state.code === 'NETWORK_ERROR') {
        const retried = guidanceAction(state, 'tryAgain', action.at);
        return { state: retried.state, events: [...online, ...retried.events] };
      }
      return { state, events: online };
    }

    case 'OFFLINE':
      return { state, events: [connectEvent('APP_OFFLINE', {})] };

    case 'EXIT':
      if (state.step === 'closed') return stay(state);
      return close(state, []);

    default:
      return unreachable(action);
  }
}

/** When the current step expires by itself (MFA inactivity, polling limit, automatic retry), or null. */
export function deadlineOf(state: FlowState, config: FlowConfig): number | null {
  if (state.step === 'mfa') return state.activeAt + config.sessionTtlMs;
  if (state.step !== 'processing') return null;
  const { activity } = state;
  if (activity.kind === 'waiting') return state.since + config.pollTimeoutMs;
  if (activity.kind === 'retrying') return state.since + automaticDelay(activity.code);
  return null;
}

/** The ERROR event of a code received or raised, with what the host needs to find it. */
export function errorEvent(code: FlinksCode, requestId: string | null, ctx: FlowContext): ConnectEvent {
  return connectEvent('ERROR', { flinksCode: code, requestId, institution: ctx.institution });
}

function awaitsAuthorize(state: FlowState): boolean {
  if (state.step === 'mfa') return true;
  return (
    state.step === 'processing' && (state.activity.kind === 'signingIn' || state.activity.kind === 'resuming')
  );
}

function awaitsData(state: FlowState): boolean {
  return (
    state.step === 'processing' && (state.activity.kind === 'gathering' || state.activity.kind === 'waiting')
  );
}

function authorizeResult(
  state: FlowState,
  result: AuthorizeResult,
  at: number,
  config: FlowConfig,
): Transition {
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
      };
      const next = { ...ctx, failures: 0, requestId: result.requestId, rounds: round.number };
      return enter({ step: 'mfa', ctx: next, round, error: null, activeAt: at });
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

function dataResult(
  state: FlowState,
  result: AccountsDataResult,
  at: number,
  config: FlowConfig,
): Transition {
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

function gather(ctx: FlowContext, requestId: string, at: number): Transition {
  return stay({
    step: 'processing',
    ctx: { ...ctx, attempt: ctx.attempt + 1, requestId },
    activity: { kind: 'gathering', requestId },
    since: at,
  });
}

/** 202: keep polling. A repeat of the same answer changes nothing, so the polling clock keeps running. */
function wait(ctx: FlowContext, result: Pending, at: number, current?: FlowState): Transition {
  if (current?.step === 'processing' && current.activity.kind === 'waiting') {
    if (current.activity.code === result.flinksCode) return stay(current);
    return stay({ ...current, activity: { ...current.activity, code: result.flinksCode } });
  }
  const activity: Activity = {
    kind: 'waiting',
    code: result.flinksCode,
    requestId: result.requestId,
    keepWaiting: false,
  };
  return stay({
    step: 'processing',
    ctx: { ...ctx, attempt: ctx.attempt + 1, requestId: result.requestId },
    activity,
    since: at,
  });
}

function succeed(
  ctx: FlowContext,
  requestId: string,
  loginId: string,
  accountId: string | null,
  config: FlowConfig,
  before: ConnectEvent[],
): Transition {
  const redirect = connectEvent('REDIRECT', {
    loginId,
    requestId,
    institution: ctx.institution,
    tag: config.tag,
    ...(accountId === null ? {} : { accountId }),
  });
  return {
    state: { step: 'success', ctx: { ...ctx, requestId, loginId }, requestId, loginId, accountId },
    events: [...before, redirect],
  };
}

/** Which call failed, for "try again" and automatic retries. */
function originOf(state: FlowState): RetryOrigin | 'mfa' | 'waiting' {
  if (state.step === 'mfa') return 'mfa';
  if (state.step === 'processing') {
    const { kind } = state.activity;
    if (kind === 'retrying') return state.activity.of;
    return kind;
  }
  return 'signingIn';
}

/**
 * A code received or raised: ERROR once, then what the guidance map says. The map decides (data, not a switch per code);
 * this only knows where each kind of screen is.
 */
function failed(state: FlowState, error: ApiError, at: number, config: FlowConfig): Transition {
  const code = error.flinksCode;
  const requestId = error.requestId ?? state.ctx.requestId;
  const variant: GuidanceVariant | null = error.cause === 'session' ? 'sessionEnded' : null;
  const entry = guidanceEntryFor(code, variant);
  const ctx: FlowContext = { ...state.ctx, requestId, lastError: { code, requestId } };
  const reported = [errorEvent(code, requestId, ctx)];
  const origin = originOf(state);
  const failures = ctx.failures + (entry.retry.countsTowardLimit ? 1 : 0);

  switch (entry.kind) {
    case 'none':
      return requestId
        ? then(reported, gather(ctx, requestId, at))
        : showGuidance(ctx, code, null, requestId, at, 'credentials', reported);

    case 'wait':
      if (!requestId) break;
      return then(
        reported,
        wait(ctx, { kind: 'pending', requestId, flinksCode: waitCode(code), message: error.message }, at),
      );

    case 'field': {
      if (ctx.mode === 'reconnect' && code === 'INVALID_LOGIN') {
        // The saved LoginId is gone: nothing the person typed was wrong, so the attempt doesn't count.
        const fresh: FlowContext = { ...ctx, mode: 'connect', loginId: null, requestId: null };
        if (!fresh.institution)
          return showGuidance(fresh, code, 'reconnect', requestId, at, 'credentials', reported);
        return then(
          reported,
          enter({ step: 'credentials', ctx: fresh, error: fieldError(code, 'reconnect') }),
        );
      }
      if (entry.retry.countsTowardLimit && failures >= config.maximumRetry)
        return lockOut(ctx, requestId, at, reported);
      if (!ctx.institution) return showGuidance(ctx, code, null, requestId, at, 'credentials', reported);
      const next: FlowContext = { ...ctx, failures, mode: 'connect', requestId: null };
      return then(reported, enter({ step: 'credentials', ctx: next, error: fieldError(code, null) }));
    }

    case 'mfa': {
      if (state.step !== 'mfa') break;
      if (entry.retry.countsTowardLimit && failures >= config.maximumRetry)
        return lockOut(ctx, requestId, at, reported);
      const lastTry = entry.retry.countsTowardLimit && failures === config.maximumRetry - 1;
      const error: MfaFailure = { code, variant: lastTry ? 'lastTry' : null };
      return then(reported, enter({ ...state, ctx: { ...ctx, failures }, error, activeAt: at }, [], true));
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
  return showGuidance(ctx, code, variant, requestId, at, retryTargetOf(entry.kind, origin), reported);
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

function lockOut(ctx: FlowContext, requestId: string | null, at: number, before: ConnectEvent[]): Transition {
  const code = 'MAXIMUM_RETRY_REACHED';
  const next: FlowContext = { ...ctx, failures: 0, requestId: null, lastError: { code, requestId } };
  return showGuidance(next, code, null, requestId, at, 'credentials', [
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
): Transition {
  return { state: { step: 'guidance', ctx, code, variant, requestId, at, retryTo }, events };
}

function guidanceAction(
  state: Extract<FlowState, { step: 'guidance' }>,
  action: StepAction,
  at: number,
): Transition {
  const { ctx } = state;
  if (action === 'chooseAnotherBank') {
    const fresh: FlowContext = {
      ...ctx,
      mode: 'connect',
      institution: null,
      username: '',
      failures: 0,
      requestId: null,
      loginId: null,
    };
    return enter({ step: 'institution', ctx: fresh });
  }
  if (action !== 'startAgain') {
    if (state.retryTo === 'gathering' && state.requestId) return gather(ctx, state.requestId, at);
    if (state.retryTo === 'resuming') {
      return stay({
        step: 'processing',
        ctx: { ...ctx, attempt: ctx.attempt + 1 },
        activity: { kind: 'resuming' },
        since: at,
      });
    }
  }
  const fresh: FlowContext = {
    ...ctx,
    mode: 'connect',
    attempt: ctx.attempt + 1,
    requestId: null,
    loginId: ctx.mode === 'reconnect' ? null : ctx.loginId,
  };
  return enter(
    fresh.institution
      ? { step: 'credentials', ctx: fresh, error: null }
      : { step: 'institution', ctx: fresh },
  );
}

function deadlineReached(state: FlowState, at: number, config: FlowConfig): Transition {
  const deadline = deadlineOf(state, config);
  if (deadline === null || at < deadline) return stay(state);
  const { ctx } = state;
  if (state.step === 'mfa') {
    // The bank has closed the RequestId by now: say so without waiting for the next answer to bounce.
    return failed(
      state,
      raised('SESSION_EXPIRED', 'The 8-minute MFA inactivity window ran out.', state.round.requestId),
      at,
      config,
    );
  }
  if (state.step === 'processing' && state.activity.kind === 'waiting') {
    return failed(
      state,
      raised(
        'TIMEOUT',
        'The data was still processing when pollTimeoutMs ran out.',
        state.activity.requestId,
      ),
      at,
      config,
    );
  }
  if (state.step === 'processing' && state.activity.kind === 'retrying') {
    const activity: Activity =
      state.activity.of === 'gathering' && ctx.requestId
        ? { kind: 'gathering', requestId: ctx.requestId }
        : { kind: state.activity.of === 'gathering' ? 'signingIn' : state.activity.of };
    return stay({ step: 'processing', ctx: { ...ctx, attempt: ctx.attempt + 1 }, activity, since: at });
  }
  return stay(state);
}

function raised(code: FlinksCode, message: string, requestId: string | null): ApiError {
  return { kind: 'error', httpStatus: null, flinksCode: code, message, requestId, cause: 'timeout' };
}

function automaticDelay(code: FlinksCode): number {
  return guidanceEntryFor(code).retry.automatic?.delayMs ?? 0;
}

/** The code on screen when the person leaves, if any: what `onExit` reports. */
function errorOnScreen(state: FlowState): FlinksCode | null {
  if (state.step === 'guidance') return state.code;
  if (state.step === 'credentials' || state.step === 'mfa') return state.error?.code ?? null;
  return null;
}

function close(state: FlowState, before: ConnectEvent[]): Transition {
  const code = errorOnScreen(state);
  const error =
    code === null ? null : { code, requestId: state.ctx.lastError?.requestId ?? state.ctx.requestId };
  return {
    state: { step: 'closed', ctx: state.ctx, from: state.step, error },
    events: [...before, connectEvent('COMPONENT_CLOSE_SESSION', {})],
  };
}

/** Moves to a screen and emits its load event (the retry flavour when it comes back with an error). */
function enter(state: FlowState, before: ConnectEvent[] = [], retry = false): Transition {
  return { state, events: [...before, ...loadEvents(state, retry)] };
}

function then(before: ConnectEvent[], transition: Transition): Transition {
  return { state: transition.state, events: [...before, ...transition.events] };
}

function loadEvents(state: FlowState, retry = false): ConnectEvent[] {
  switch (state.step) {
    case 'consent':
      return [connectEvent('COMPONENT_LOAD_CONSENT', {})];
    case 'institution':
      return [connectEvent('COMPONENT_LOAD_INSTITUTION_SELECTOR', {})];
    case 'credentials':
      if (state.error) return [connectEvent('COMPONENT_LOAD_CREDENTIAL_RETRY', {})];
      return state.ctx.institution
        ? [connectEvent('COMPONENT_LOAD_CREDENTIAL', { institution: state.ctx.institution })]
        : [];
    case 'mfa':
      if (retry) return [connectEvent('COMPONENT_LOAD_MFA_RETRY', {})];
      return [
        connectEvent('COMPONENT_LOAD_MFA', {
          mfaTypes: [...new Set(state.round.challenges.map((challenge) => String(challenge.Type)))],
        }),
      ];
    case 'accounts':
      return [connectEvent('COMPONENT_LOAD_ACCOUNT_SELECTION', { totalAccounts: state.accounts.length })];
    default:
      return [];
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled flow value: ${JSON.stringify(value)}`);
}
