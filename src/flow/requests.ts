import { guidanceEntryFor } from '../guidance';
import type { FlowAction, FlowConfig, FlowRequest } from './actions';
import type { FlowState } from './state';

/** When the current step expires by itself (MFA inactivity, polling limit, automatic retry), or null. */
export function deadlineOf(state: FlowState, config: FlowConfig): number | null {
  if (state.step === 'mfa') return state.expiresAt;
  if (state.step !== 'processing') return null;
  const { activity } = state;
  if (activity.kind === 'waiting') return state.since + config.pollTimeoutMs;
  if (activity.kind === 'retrying')
    return state.since + (guidanceEntryFor(activity.code).retry.automatic?.delayMs ?? 0);
  return null;
}

/**
 * What a transition from `before` to `after` must send. A new attempt sends the call its state waits for; a 202
 * while polling asks again; a new deadline sets its timer.
 */
export function requestsOf(
  before: FlowState,
  after: FlowState,
  action: FlowAction,
  config: FlowConfig,
): FlowRequest[] {
  const requests: FlowRequest[] = [];
  const started = action.type === 'START';
  const call =
    started || after.ctx.attempt !== before.ctx.attempt
      ? callFor(after, config)
      : action.type === 'DATA_RESULT' && action.attempt === after.ctx.attempt
        ? pollFor(after, config)
        : null;
  if (call) requests.push(call);
  const deadline = deadlineOf(after, config);
  if (deadline !== null && (started || deadline !== deadlineOf(before, config))) {
    requests.push({ kind: 'wait', until: deadline });
  }
  return requests;
}

/** The call a state waits for, if any. */
function callFor(state: FlowState, config: FlowConfig): FlowRequest | null {
  const { ctx } = state;
  if (state.step === 'mfa') {
    return state.sending ? { kind: 'answer', attempt: ctx.attempt, requestId: state.round.requestId } : null;
  }
  if (state.step === 'oauth') {
    if (state.phase === 'finishing' && state.returnState) {
      return { kind: 'redeemOAuth', attempt: ctx.attempt, ticket: state.returnState };
    }
    if (state.phase !== 'opening' || !ctx.institution) return null;
    const window = config.oauthWindow ?? 'popup';
    return { kind: 'openBank', attempt: ctx.attempt, institution: ctx.institution, window };
  }
  if (state.step === 'enhancedMfa' || (state.step === 'processing' && state.activity.kind === 'questions')) {
    const save = state.step === 'enhancedMfa';
    return ctx.loginId && (!save || state.sending)
      ? { kind: 'questions', attempt: ctx.attempt, loginId: ctx.loginId, save }
      : null;
  }
  if (state.step !== 'processing') return null;
  const { activity } = state;
  switch (activity.kind) {
    case 'signingIn':
      return ctx.institution
        ? {
            kind: 'signIn',
            attempt: ctx.attempt,
            institution: ctx.institution,
            username: ctx.username,
            tag: config.tag,
          }
        : null;
    case 'resuming':
      if (ctx.mode === 'reconnect' && ctx.loginId) {
        return { kind: 'reconnect', attempt: ctx.attempt, loginId: ctx.loginId, tag: config.tag };
      }
      return ctx.requestId ? { kind: 'resume', attempt: ctx.attempt, requestId: ctx.requestId } : null;
    case 'gathering':
      return {
        kind: 'gather',
        attempt: ctx.attempt,
        requestId: activity.requestId,
        detail: wantsDetail(config),
      };
    case 'waiting':
      return pollFor(state, config);
    case 'retrying':
    case 'questions':
      return null;
    default: {
      const unreachable: never = activity;
      return unreachable;
    }
  }
}

function pollFor(state: FlowState, config: FlowConfig): FlowRequest | null {
  if (state.step !== 'processing' || state.activity.kind !== 'waiting') return null;
  return {
    kind: 'poll',
    attempt: state.ctx.attempt,
    requestId: state.activity.requestId,
    detail: wantsDetail(config),
  };
}

/** GetAccountsDetail rather than the lighter summary: accounts to choose from, transactions or statements asked for. */
function wantsDetail({ accountSelectorEnable, accountSelectorMultiple, data }: FlowConfig): boolean {
  return (
    accountSelectorEnable ||
    accountSelectorMultiple === true ||
    !!data?.daysOfTransactions ||
    !!data?.statements
  );
}
