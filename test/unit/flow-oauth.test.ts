import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/api/types';
import { oauthResultOf, popupClosed } from '../../src/flow/oauth-handoff';
import { reduce, type FlowAction, type FlowConfig } from '../../src/flow/reducer';
import type { FlowRequest } from '../../src/flow/actions';
import { FLINKS_SESSION_TTL_MS, initialState, type FlowState, type StartOptions } from '../../src/flow/state';

/** OAuth banks in the pure flow: every popup, return and read of the LoginId is asked for as data. */
const config: FlowConfig = {
  maximumRetry: 3,
  accountSelectorEnable: false,
  pollTimeoutMs: 30 * 60_000,
  sessionTtlMs: FLINKS_SESSION_TTL_MS,
  tag: null,
  redirectUrl: 'https://shop.example/done',
  showAllOperationsAccounts: false,
  productType: null,
};
const start: StartOptions = { consentEnable: false, institution: null, requestId: null, loginId: null };

function run(state: FlowState, actions: FlowAction[], options: FlowConfig = config) {
  let current = state;
  const names: string[] = [];
  const requests: FlowRequest[] = [];
  for (const action of actions) {
    const transition = reduce(current, action, options);
    names.push(...transition.events.map((event) => event.name));
    requests.push(...transition.requests);
    current = transition.state;
  }
  return { state: current, names, requests };
}

const pick: FlowAction = { type: 'SELECT_INSTITUTION', institution: 'FlinksCapitalOAuth', signIn: 'oauth' };

describe('an OAuth bank', () => {
  it('picked from the list: its page opens from that click, never the credential form', () => {
    const { state, names, requests } = run(initialState(start, 0), [pick]);
    expect(state).toMatchObject({ step: 'oauth', phase: 'opening' });
    // The click that leaves for the bank's own page is Flinks Connect's provider consent.
    expect(names).toEqual(['INSTITUTION_SELECTED', 'COMPONENT_ACCEPT_PROVIDER_CONSENT']);
    expect(requests).toEqual([
      { kind: 'openBank', attempt: 1, institution: 'FlinksCapitalOAuth', window: 'popup' },
    ]);
    const opened = run(state, [{ type: 'POPUP_OPENED', attempt: 1 }]);
    expect(opened.state).toMatchObject({ step: 'oauth', phase: 'waiting' });
    expect(opened.names).toEqual(['POPUP_OPENED']);
  });

  it('preset: a "Continue" screen (no click yet), and a blocked popup comes back to it', () => {
    const preset = initialState({ ...start, institution: 'FlinksCapitalOAuth', signIn: 'oauth' }, 0);
    expect(preset).toMatchObject({ step: 'oauth', phase: 'ready' });
    const clicked = run(preset, [{ type: 'START' }, { type: 'OPEN_BANK' }]);
    expect(clicked.names).toContain('COMPONENT_ACCEPT_PROVIDER_CONSENT');
    expect(run(preset, [{ type: 'START' }]).names).not.toContain('COMPONENT_ACCEPT_PROVIDER_CONSENT');
    expect(clicked.requests).toEqual([
      { kind: 'openBank', attempt: 1, institution: 'FlinksCapitalOAuth', window: 'popup' },
    ]);
    const blocked = run(clicked.state, [{ type: 'POPUP_BLOCKED', attempt: 1 }]);
    expect(blocked.state).toMatchObject({ phase: 'blocked' });
    expect(blocked.names).toEqual(['POPUP_BLOCKED']);
    // A late answer of an older attempt changes nothing.
    expect(run(blocked.state, [{ type: 'POPUP_OPENED', attempt: 0 }]).state).toBe(blocked.state);
  });

  it('approved: the LoginId is read like a saved login, then the usual path', () => {
    const waiting = run(initialState(start, 0), [pick, { type: 'POPUP_OPENED', attempt: 1 }]).state;
    const allowed = oauthResultOf({ loginId: 'login-1', institution: 'FlinksCapitalOAuth' });
    const { state, requests } = run(waiting, [{ type: 'OAUTH_RESULT', attempt: 1, result: allowed, at: 5 }]);
    expect(state).toMatchObject({ step: 'processing', activity: { kind: 'resuming' } });
    expect(requests).toEqual([{ kind: 'reconnect', attempt: 2, loginId: 'login-1', tag: null }]);
  });

  it.each([
    ['access_denied', 'OAUTH_DENIED'],
    ['cancelled', 'OAUTH_CANCELLED'],
    ['state_invalid', 'OAUTH_STATE_INVALID'],
    ['temporarily_unavailable', 'RETRY_LATER'],
    ['server_error', 'UNAUTHORIZED'],
  ])('error=%s shows %s with one ERROR', (word, code) => {
    const waiting = run(initialState(start, 0), [pick, { type: 'POPUP_OPENED', attempt: 1 }]).state;
    const result = oauthResultOf({ error: word });
    const { state, names } = run(waiting, [{ type: 'OAUTH_RESULT', attempt: 1, result, at: 5 }]);
    expect(state).toMatchObject({ step: 'guidance', code });
    expect(names).toEqual(['ERROR']);
  });

  it('a closed popup is cancelled; "Open it again" opens the bank from that click', () => {
    const waiting = run(initialState(start, 0), [pick, { type: 'POPUP_OPENED', attempt: 1 }]).state;
    const cancelled = run(waiting, [
      { type: 'OAUTH_RESULT', attempt: 1, result: popupClosed(), at: 5 },
    ]).state;
    expect(cancelled).toMatchObject({ step: 'guidance', code: 'OAUTH_CANCELLED' });
    const again = run(cancelled, [{ type: 'GUIDANCE_ACTION', action: 'reopenBank', at: 6 }]);
    expect(again.state).toMatchObject({ step: 'oauth', phase: 'opening' });
    expect(again.requests).toEqual([
      expect.objectContaining({ kind: 'openBank', institution: 'FlinksCapitalOAuth' }),
    ]);
  });

  it('a bank error on the saved-login read never falls back to the credential form', () => {
    const waiting = run(initialState(start, 0), [pick, { type: 'POPUP_OPENED', attempt: 1 }]).state;
    const allowed = oauthResultOf({ loginId: 'gone', institution: 'FlinksCapitalOAuth' });
    const reading = run(waiting, [{ type: 'OAUTH_RESULT', attempt: 1, result: allowed, at: 5 }]).state;
    const invalid: ApiError = {
      kind: 'error',
      httpStatus: 400,
      flinksCode: 'INVALID_LOGIN',
      message: 'm',
      requestId: null,
      cause: 'http',
    };
    const { state } = run(reading, [
      { type: 'AUTHORIZE_RESULT', attempt: reading.ctx.attempt, result: invalid, at: 6 },
    ]);
    expect(state.step).toBe('guidance');
  });

  it('whole window: the bank page replaces the page; back on it, the outcome is collected once', () => {
    const whole = { ...config, oauthWindow: 'whole' as const };
    expect(run(initialState(start, 0), [pick], whole).requests).toEqual([
      { kind: 'openBank', attempt: 1, institution: 'FlinksCapitalOAuth', window: 'whole' },
    ]);
    const back = initialState(
      {
        ...start,
        institution: 'FlinksCapitalOAuth',
        signIn: 'oauth',
        oauthReturn: { state: 'st-1', code: 'one-time-code' },
      },
      0,
    );
    expect(back).toMatchObject({ step: 'oauth', phase: 'finishing' });
    expect(run(back, [{ type: 'START' }]).requests).toEqual([
      { kind: 'redeemOAuth', attempt: 1, ticket: { state: 'st-1', code: 'one-time-code' } },
    ]);
  });

  it('Back from the bank page leads to the bank list', () => {
    const waiting = run(initialState(start, 0), [pick, { type: 'POPUP_OPENED', attempt: 1 }]).state;
    expect(run(waiting, [{ type: 'BACK' }]).state.step).toBe('institution');
  });
});
