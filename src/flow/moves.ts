import type { FlinksCode } from '../api/codes';
import type { Account, Pending } from '../api/types';
import type { FlowConfig, Move } from './actions';
import { connectEvent, type ConnectEvent } from './events';
import { redirectAddress } from './redirect';
import type { Activity, ExitReason, FlowContext, FlowState } from './state';

/** The building blocks of the reducer's moves. */

export const stay = (state: FlowState): Move => ({ state, events: [] });

/** Moves to a screen and emits its load event (the retry flavour when it comes back with an error). */
export function enter(state: FlowState, before: ConnectEvent[] = [], retry = false): Move {
  const events = [...before, ...loadEvents(state, retry)];
  // The bank list is in memory from its first showing on: the next one says so (`cached`).
  if (state.step === 'institution' && !state.ctx.institutionListShown)
    return { state: { ...state, ctx: { ...state.ctx, institutionListShown: true } }, events };
  return { state, events };
}

/** `before`, then the events of `move`. */
export function preceded(before: ConnectEvent[], move: Move): Move {
  return { state: move.state, events: [...before, ...move.events] };
}

/** The ERROR event of a code received or raised, with what the host needs to find it. */
export function errorEvent(code: FlinksCode, requestId: string | null, ctx: FlowContext): ConnectEvent {
  return connectEvent('ERROR', { flinksCode: code, requestId, institution: ctx.institution });
}

/** A new attempt at the account data of `requestId`. */
export function gather(ctx: FlowContext, requestId: string, at: number): Move {
  return stay({
    step: 'processing',
    ctx: { ...ctx, attempt: ctx.attempt + 1, requestId },
    activity: { kind: 'gathering', requestId },
    since: at,
  });
}

/** 202: keep polling. A repeat of the same answer changes nothing, so the polling clock keeps running. */
export function wait(ctx: FlowContext, result: Pending, at: number, current?: FlowState): Move {
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

export function succeed(
  ctx: FlowContext,
  requestId: string,
  loginId: string,
  accountId: string | null,
  config: FlowConfig,
  before: ConnectEvent[],
  accountIds?: readonly string[],
  accounts: readonly Account[] = [],
): Move {
  const url = redirectAddress(config.redirectUrl, {
    loginId,
    institution: ctx.institution,
    tag: config.tag,
    accountId,
    ...(accountIds ? { accountIds } : {}),
  });
  const redirect = connectEvent('REDIRECT', {
    loginId,
    requestId,
    institution: ctx.institution,
    tag: config.tag,
    ...(accountId === null ? {} : { accountId }),
    ...(accountIds ? { accountIds: [...accountIds] } : {}),
    url,
  });
  return {
    state: {
      step: 'success',
      ctx: { ...ctx, requestId, loginId },
      requestId,
      loginId,
      accountId,
      connected: accounts,
    },
    events: [...before, redirect],
  };
}

/** The code on screen when the person leaves, if any: what `onExit` reports. */
function errorOnScreen(state: FlowState): FlinksCode | null {
  if (state.step === 'guidance') return state.code;
  if (state.step === 'credentials' || state.step === 'mfa') return state.error?.code ?? null;
  return null;
}

export function close(state: FlowState, before: ConnectEvent[], reason?: ExitReason): Move {
  const code = errorOnScreen(state);
  const error =
    code === null ? null : { code, requestId: state.ctx.lastError?.requestId ?? state.ctx.requestId };
  return {
    state: { step: 'closed', ctx: state.ctx, from: state.step, error, ...(reason ? { reason } : {}) },
    events: [
      ...before,
      connectEvent('COMPONENT_CLOSE_SESSION', {
        institution: state.ctx.institution,
        ...(error ? { flinksCode: error.code, requestId: error.requestId } : {}),
      }),
    ],
  };
}

function loadEvents(state: FlowState, retry = false): ConnectEvent[] {
  switch (state.step) {
    case 'consent':
      return [connectEvent('COMPONENT_CONSENT_INTRO', {}), connectEvent('COMPONENT_LOAD_CONSENT', {})];
    case 'institution':
      return [
        connectEvent('COMPONENT_LOAD_INSTITUTION_SELECTOR', { cached: state.ctx.institutionListShown }),
      ];
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
    case 'oauth':
      return providerConsent(state);
    case 'accounts':
      return [
        connectEvent('COMPONENT_LOAD_ACCOUNT_SELECTION', {
          totalAccounts: state.accounts.length,
          displayedAccounts: state.displayed.length,
        }),
      ];
    default:
      return [];
  }
}

/**
 * COMPONENT_ACCEPT_PROVIDER_CONSENT, as Flinks Connect sends it: the person's click that leaves for an OAuth bank's own
 * sign-in page (the provider's consent), whether from the bank list, the hand-off's button or a retry.
 */
function providerConsent(state: FlowState): ConnectEvent[] {
  if (state.step !== 'oauth' || state.phase !== 'opening' || !state.ctx.institution) return [];
  return [connectEvent('COMPONENT_ACCEPT_PROVIDER_CONSENT', { institution: state.ctx.institution })];
}

export function unreachable(value: never): never {
  throw new Error(`Unhandled flow value: ${JSON.stringify(value)}`);
}
