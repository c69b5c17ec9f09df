import type { FlowAction, FlowConfig, Move, StepAction, Transition } from './actions';
import { guidanceEntryFor } from '../guidance';
import { connectEvent } from './events';
import { failed, raised } from './failures';
import { close, enter, gather, preceded, stay, succeed, unreachable } from './moves';
import { authorizeResult, dataResult, questionsResult } from './results';
import { deadlineOf, requestsOf } from './requests';
import { oauthResult } from './oauth';
import { firstStep, signInStep, type Activity, type FlowContext, type FlowState } from './state';

export type { FlowAction, FlowConfig, StepAction, Transition } from './actions';
export { deadlineOf } from './requests';

/**
 * The connect flow. Pure: the same state and action always give the same transition. Nothing is sent from here: the
 * transition lists the requests to make, as data. Secrets never enter: a submit carries the username only, and
 * answers from the bank arrive as results.
 */
export function reduce(state: FlowState, action: FlowAction, config: FlowConfig): Transition {
  const move = step(state, action, config);
  return { ...move, requests: requestsOf(state, move.state, action, config) };
}

function step(state: FlowState, action: FlowAction, config: FlowConfig): Move {
  const { ctx } = state;
  switch (action.type) {
    case 'START':
      return enter(state, [connectEvent('APP_MOUNTED', {})]);

    case 'ACCEPT_CONSENT':
      if (state.step !== 'consent') return stay(state);
      return enter(firstStep(ctx, action.at), [
        ...(config.terms ? [connectEvent('COMPONENT_ACCEPT_TERMS', {})] : []),
        connectEvent('COMPONENT_ACCEPT_CONSENT', {}),
      ]);

    case 'DENY_CONSENT':
      if (state.step !== 'consent') return stay(state);
      return close(state, [
        ...(config.terms ? [connectEvent('COMPONENT_DENY_TERMS', {})] : []),
        connectEvent('COMPONENT_DENY_CONSENT', {}),
      ]);

    case 'SELECT_INSTITUTION': {
      if (state.step !== 'institution') return stay(state);
      const chosen = { ...ctx, institution: action.institution, signIn: action.signIn ?? 'credentials' };
      // The choice is a click: an OAuth bank's page opens from it.
      return enter(signInStep(chosen, true), [
        connectEvent('INSTITUTION_SELECTED', { institution: action.institution }),
      ]);
    }

    case 'OPEN_BANK':
      if (state.step !== 'oauth' || state.phase === 'finishing') return stay(state);
      return enter({ ...state, ctx: { ...ctx, attempt: ctx.attempt + 1 }, phase: 'opening' });

    case 'POPUP_OPENED':
    case 'POPUP_BLOCKED': {
      if (state.step !== 'oauth' || state.phase !== 'opening' || action.attempt !== ctx.attempt)
        return stay(state);
      const opened = action.type === 'POPUP_OPENED';
      return {
        state: { ...state, phase: opened ? 'waiting' : 'blocked' },
        events: [connectEvent(action.type, { institution: ctx.institution ?? '' })],
      };
    }

    case 'OAUTH_RESULT':
      if (state.step !== 'oauth' || action.attempt !== ctx.attempt) return stay(state);
      return oauthResult(state, action.result, action.at, config);

    case 'SUBMIT_CREDENTIALS': {
      // Offline, the call could only fail and send the person back to an empty password: the form holds instead.
      if (state.step !== 'credentials' || !ctx.institution || !ctx.online) return stay(state);
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
      if (state.step === 'enhancedMfa' && !state.sending && ctx.online) {
        // Answers saved for later refreshes: not a sign-in step, so no SUBMIT_MFA for the host.
        return stay({ ...state, ctx: { ...ctx, attempt: ctx.attempt + 1 }, error: null, sending: true });
      }
      if (state.step !== 'mfa' || state.sending || !ctx.online) return stay(state);
      return {
        state: {
          ...state,
          ctx: { ...ctx, attempt: ctx.attempt + 1 },
          error: null,
          sending: true,
          expiresAt: action.at + config.sessionTtlMs,
        },
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
      return succeed(
        ctx,
        state.requestId,
        state.loginId,
        action.accountId,
        config,
        [connectEvent('ACCOUNT_SELECTED', { accountId: action.accountId })],
        undefined,
        state.accounts.filter((account) => account.Id === action.accountId),
      );

    case 'SELECT_ACCOUNTS':
      if (state.step !== 'accounts' || action.accountIds.length === 0) return stay(state);
      return succeed(
        ctx,
        state.requestId,
        state.loginId,
        null,
        config,
        action.accountIds.map((accountId) => connectEvent('ACCOUNT_SELECTED', { accountId })),
        action.accountIds,
        state.accounts.filter((account) => action.accountIds.includes(account.Id)),
      );

    case 'QUESTIONS_RESULT':
      if (action.attempt !== ctx.attempt) return stay(state);
      return questionsResult(state, action.result, action.at);

    case 'SKIP_ENHANCED_MFA':
      if (state.step !== 'enhancedMfa' || !config.skipEnhancedMfa || !ctx.requestId) return stay(state);
      return gather(ctx, ctx.requestId, action.at);

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
      return back(state);

    case 'DEADLINE':
      return deadlineReached(state, action.at, config);

    case 'ONLINE': {
      const next = withOnline(state, true);
      const online = [connectEvent('APP_ONLINE', {})];
      // NETWORK_ERROR promises to try again by itself once the device is back online.
      if (next.step === 'guidance' && next.code === 'NETWORK_ERROR') {
        return preceded(online, guidanceAction(next, 'tryAgain', action.at));
      }
      return { state: next, events: online };
    }

    case 'OFFLINE': {
      const next = withOnline(state, false);
      const offline = [connectEvent('APP_OFFLINE', {})];
      // A problem that has its own screen while offline switches to it.
      const whenOffline = next.step === 'guidance' ? guidanceEntryFor(next.code).whenOffline : undefined;
      if (next.step === 'guidance' && whenOffline && next.variant === null) {
        return { state: { ...next, variant: whenOffline }, events: offline };
      }
      return { state: next, events: offline };
    }

    case 'CLICK_TERMS_URL':
      return { state, events: [connectEvent('COMPONENT_CLICK_TERMS_URL', {})] };

    case 'CLICK_RESET_PASSWORD':
      return {
        state,
        events: [connectEvent('COMPONENT_CLICK_RESET_PASSWORD', { institution: ctx.institution })],
      };

    case 'START_AGAIN': {
      // Only from a cancelled connection: after success there is nothing to start again.
      if (state.step !== 'closed' || state.from === 'success') return stay(state);
      const { first } = action;
      const fresh = {
        ...first.ctx,
        attempt: ctx.attempt + 1,
        online: ctx.online,
        institutionListShown: ctx.institutionListShown,
      };
      return enter({ ...first, ctx: fresh } as FlowState);
    }

    case 'EXIT':
      if (state.step === 'closed') return stay(state);
      if (action.reason === 'institution_not_found')
        return close(state, [connectEvent('INSTITUTION_NOT_FOUND', {})], action.reason);
      return close(state, []);

    default:
      return unreachable(action);
  }
}

function withOnline<State extends FlowState>(state: State, online: boolean): State {
  return state.ctx.online === online ? state : { ...state, ctx: { ...state.ctx, online } };
}

/** MFA -> the credential form (or the bank list, when no bank is known); credential form -> the bank list. */
function back(state: FlowState): Move {
  const { ctx } = state;
  if (state.step === 'mfa') {
    const next: FlowContext = { ...ctx, attempt: ctx.attempt + 1, requestId: null, mode: 'connect' };
    // A resumed session may not have told which bank it is: a form with no bank could never be sent.
    if (!next.institution) return enter({ step: 'institution', ctx: { ...next, username: '' } });
    return enter(signInStep(next, false));
  }
  if (state.step === 'credentials' || state.step === 'oauth') {
    return enter({ step: 'institution', ctx: { ...ctx, institution: null, username: '', failures: 0 } });
  }
  return stay(state);
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

function guidanceAction(
  state: Extract<FlowState, { step: 'guidance' }>,
  action: StepAction,
  at: number,
): Move {
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
  // A guidance button is a click: an OAuth bank's page opens again from it.
  return enter(fresh.institution ? signInStep(fresh, true) : { step: 'institution', ctx: fresh });
}

function deadlineReached(state: FlowState, at: number, config: FlowConfig): Move {
  const deadline = deadlineOf(state, config);
  if (deadline === null || at < deadline) return stay(state);
  const { ctx } = state;
  if (state.step === 'mfa') {
    // The bank has closed the RequestId by now: say so without waiting for the next answer to bounce.
    const expired = raised(
      'SESSION_EXPIRED',
      'The 8-minute MFA inactivity window ran out.',
      state.round.requestId,
    );
    return failed({ ...state, sending: false }, expired, at, config);
  }
  if (state.step === 'processing' && state.activity.kind === 'waiting') {
    const why = 'The data was still processing when pollTimeoutMs ran out.';
    return failed(state, raised('TIMEOUT', why, state.activity.requestId), at, config);
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
