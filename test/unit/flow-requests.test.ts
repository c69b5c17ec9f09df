import { describe, expect, it } from 'vitest';
import type { ApiError, AuthorizeResult, SecurityChallenge } from '../../src/api/types';
import { GUIDANCE } from '../../src/guidance';
import { reduce, type FlowAction, type FlowConfig } from '../../src/flow/reducer';
import type { FlowRequest } from '../../src/flow/actions';
import { FLINKS_SESSION_TTL_MS, initialState, type FlowState, type StartOptions } from '../../src/flow/state';

const config: FlowConfig = {
  maximumRetry: 3,
  accountSelectorEnable: false,
  pollTimeoutMs: 30 * 60_000,
  sessionTtlMs: FLINKS_SESSION_TTL_MS,
  tag: 'order-42',
  redirectUrl: 'https://shop.example/done',
  showAllOperationsAccounts: false,
  productType: null,
};
const start: StartOptions = {
  consentEnable: false,
  institution: 'FlinksCapital',
  requestId: null,
  loginId: null,
};
const question: SecurityChallenge = { Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' };

/** Runs the actions and keeps every request asked for on the way. */
function run(state: FlowState, actions: FlowAction[], options: FlowConfig = config) {
  const requests: FlowRequest[] = [];
  let current = state;
  for (const action of actions) {
    const transition = reduce(current, action, options);
    requests.push(...transition.requests);
    current = transition.state;
  }
  return { state: current, requests };
}

const result = (state: FlowState, answer: AuthorizeResult, at = 1): FlowAction => ({
  type: 'AUTHORIZE_RESULT',
  attempt: state.ctx.attempt,
  result: answer,
  at,
});

function error(code: string): ApiError {
  return {
    kind: 'error',
    httpStatus: 401,
    flinksCode: code,
    message: 'm',
    requestId: 'req-1',
    cause: 'http',
  };
}

describe('the requests a transition asks for', () => {
  it('asks to sign in with the username only, then to answer, each with its attempt and a deadline', () => {
    const signIn = run(initialState(start, 0), [{ type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 }]);
    expect(signIn.requests).toEqual([
      { kind: 'signIn', attempt: 1, institution: 'FlinksCapital', username: 'Greatday', tag: 'order-42' },
    ]);
    const mfa = run(signIn.state, [
      result(signIn.state, { kind: 'challenged', requestId: 'req-1', challenges: [question] }, 10),
    ]);
    expect(mfa.requests).toEqual([{ kind: 'wait', until: 10 + FLINKS_SESSION_TTL_MS }]);
    const answer = run(mfa.state, [{ type: 'SUBMIT_MFA', at: 20 }]);
    expect(answer.requests).toEqual([
      { kind: 'answer', attempt: 2, requestId: 'req-1' },
      { kind: 'wait', until: 20 + FLINKS_SESSION_TTL_MS },
    ]);
    expect(answer.state).toMatchObject({ step: 'mfa', sending: true });
    // A second submit while the answers are on their way sends nothing.
    expect(run(answer.state, [{ type: 'SUBMIT_MFA', at: 21 }]).requests).toEqual([]);
  });

  it('gathers after a 200, polls after each 202, and stops asking once the data is in', () => {
    const signingIn = run(initialState(start, 0), [
      { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 },
    ]);
    const authorized = run(signingIn.state, [
      result(signingIn.state, {
        kind: 'authorized',
        requestId: 'req-1',
        loginId: 'login-1',
        institution: 'FlinksCapital',
        body: {} as never,
      }),
    ]);
    expect(authorized.requests).toEqual([{ kind: 'gather', attempt: 2, requestId: 'req-1', detail: false }]);
    const pending = {
      kind: 'pending',
      requestId: 'req-1',
      flinksCode: 'OPERATION_PENDING',
      message: '',
    } as const;
    const waiting = run(authorized.state, [{ type: 'DATA_RESULT', attempt: 2, result: pending, at: 5 }]);
    expect(waiting.requests).toEqual([
      { kind: 'poll', attempt: 3, requestId: 'req-1', detail: false },
      { kind: 'wait', until: 5 + config.pollTimeoutMs },
    ]);
    const again = run(waiting.state, [{ type: 'DATA_RESULT', attempt: 3, result: pending, at: 15 }]);
    expect(again.requests).toEqual([{ kind: 'poll', attempt: 3, requestId: 'req-1', detail: false }]);
    const stale = run(waiting.state, [{ type: 'DATA_RESULT', attempt: 2, result: pending, at: 15 }]);
    expect(stale.requests).toEqual([]);
    const done = run(waiting.state, [
      {
        type: 'DATA_RESULT',
        attempt: 3,
        result: { kind: 'accounts', requestId: 'req-1', accounts: [], loginId: 'login-1', institution: null },
        at: 20,
      },
    ]);
    expect(done.state.step).toBe('success');
    expect(done.requests).toEqual([]);
  });

  it.each([
    [{ requestId: 'req-9' }, { kind: 'resume', attempt: 1, requestId: 'req-9' }],
    [{ loginId: 'login-9' }, { kind: 'reconnect', attempt: 1, loginId: 'login-9', tag: 'order-42' }],
  ] as const)('reopens %o on START', (options, request) => {
    expect(run(initialState({ ...start, ...options }, 0), [{ type: 'START' }]).requests).toEqual([request]);
  });

  it('waits before an automatic retry, then signs in again', () => {
    const signingIn = run(initialState(start, 0), [
      { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 },
    ]);
    const retrying = run(signingIn.state, [result(signingIn.state, error('CONCURRENT_SESSION'), 100)]);
    const delay = GUIDANCE.CONCURRENT_SESSION.retry.automatic?.delayMs ?? Number.NaN;
    expect(retrying.requests).toEqual([{ kind: 'wait', until: 100 + delay }]);
    expect(run(retrying.state, [{ type: 'DEADLINE', at: 100 + delay }]).requests).toEqual([
      { kind: 'signIn', attempt: 2, institution: 'FlinksCapital', username: 'Greatday', tag: 'order-42' },
    ]);
  });

  it('holds a submit while offline, and keeps the state of the network', () => {
    const offline = run(initialState(start, 0), [
      { type: 'OFFLINE' },
      { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 },
    ]);
    expect(offline.state).toMatchObject({ step: 'credentials', ctx: { online: false } });
    expect(offline.requests).toEqual([]);
    const back = run(offline.state, [
      { type: 'ONLINE', at: 1 },
      { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 2 },
    ]);
    expect(back.state).toMatchObject({ step: 'processing', ctx: { online: true } });
    expect(back.requests).toHaveLength(1);
  });
});

describe('a resumed session (requestId)', () => {
  const resumed = () => initialState({ ...start, institution: null, requestId: 'req-9' }, 0);

  it('learns its bank from the 203, so Back leads to a form that can be sent', () => {
    const state = resumed();
    const mfa = run(state, [
      result(state, { kind: 'challenged', requestId: 'req-9', challenges: [question], institution: 'RBC' }),
    ]).state;
    expect(mfa.ctx.institution).toBe('RBC');
    const back = run(mfa, [{ type: 'BACK' }]).state;
    expect(back).toMatchObject({ step: 'credentials', ctx: { institution: 'RBC' } });
    const sent = run(back, [{ type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 5 }]);
    expect(sent.state).toMatchObject({ step: 'processing', activity: { kind: 'signingIn' } });
    expect(sent.requests).toEqual([
      { kind: 'signIn', attempt: 3, institution: 'RBC', username: 'Greatday', tag: 'order-42' },
    ]);
  });

  it('goes Back to the bank list when no bank was ever named, never to a form with no bank', () => {
    const state = resumed();
    const mfa = run(state, [
      result(state, { kind: 'challenged', requestId: 'req-9', challenges: [question] }),
    ]);
    const back = run(mfa.state, [{ type: 'BACK' }]).state;
    expect(back.step).toBe('institution');
  });
});
