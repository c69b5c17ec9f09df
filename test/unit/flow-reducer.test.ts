import { describe, expect, it } from 'vitest';
import type { ApiError, AuthorizeResult, SecurityChallenge } from '../../src/api/types';
import { GUIDANCE } from '../../src/guidance';
import type { ConnectEvent } from '../../src/flow/events';
import { deadlineOf, reduce, type FlowAction, type FlowConfig } from '../../src/flow/reducer';
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

const start: StartOptions = { consentEnable: false, institution: null, requestId: null, loginId: null };

const question: SecurityChallenge = { Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' };

function run(state: FlowState, actions: FlowAction[], options: FlowConfig = config) {
  const events: ConnectEvent[] = [];
  let current = state;
  for (const action of actions) {
    const transition = reduce(current, action, options);
    events.push(...transition.events);
    current = transition.state;
  }
  return { state: current, events, names: events.map((event) => event.name) };
}

function error(code: string, requestId: string | null = 'req-1'): ApiError {
  return { kind: 'error', httpStatus: 401, flinksCode: code, message: 'm', requestId, cause: 'http' };
}

/** One sign-in the bank refuses with `code`. */
function failSignIn(state: FlowState, code: string, options: FlowConfig): FlowState {
  return run(
    state,
    [
      { type: 'SUBMIT_CREDENTIALS', username: 'x', at: 0 },
      { type: 'AUTHORIZE_RESULT', attempt: state.ctx.attempt + 1, result: error(code), at: 0 },
    ],
    options,
  ).state;
}

const challenged = (requestId = 'req-1', challenges = [question]): AuthorizeResult => ({
  kind: 'challenged',
  requestId,
  challenges,
});

/** The state right after a credential submit for FlinksCapital / Greatday. */
function signingIn(options: Partial<StartOptions> = {}): FlowState {
  return run(initialState({ ...start, institution: 'FlinksCapital', ...options }, 0), [
    { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 },
  ]).state;
}

function answered(state: FlowState, result: AuthorizeResult, at = 1) {
  return run(state, [{ type: 'AUTHORIZE_RESULT', attempt: state.ctx.attempt, result, at }]);
}

function onMfa(): FlowState {
  return answered(signingIn(), challenged()).state;
}

describe('where a connection starts', () => {
  it.each([
    [{ consentEnable: true }, 'consent'],
    [{}, 'institution'],
    [{ institution: 'RBC' }, 'credentials'],
    [{ requestId: 'req-9' }, 'processing'],
    [{ loginId: 'login-9' }, 'processing'],
  ] as const)('%o starts at %s', (options, step) => {
    expect(initialState({ ...start, ...options }, 0).step).toBe(step);
  });

  it('emits APP_MOUNTED and the first screen load on START', () => {
    const { names } = run(initialState({ ...start, consentEnable: true }, 0), [{ type: 'START' }]);
    expect(names).toEqual(['APP_MOUNTED', 'COMPONENT_CONSENT_INTRO', 'COMPONENT_LOAD_CONSENT']);
  });

  it('goes consent -> institution -> credentials with one event per move', () => {
    const { state, events } = run(initialState({ ...start, consentEnable: true }, 0), [
      { type: 'ACCEPT_CONSENT', at: 0 },
      { type: 'SELECT_INSTITUTION', institution: 'FlinksCapital' },
    ]);
    expect(state.step).toBe('credentials');
    expect(events).toEqual([
      { name: 'COMPONENT_ACCEPT_CONSENT', metadata: {} },
      { name: 'COMPONENT_LOAD_INSTITUTION_SELECTOR', metadata: { cached: false } },
      { name: 'INSTITUTION_SELECTED', metadata: { institution: 'FlinksCapital' } },
      { name: 'COMPONENT_LOAD_CREDENTIAL', metadata: { institution: 'FlinksCapital' } },
    ]);
  });

  it('closes on a denied consent', () => {
    const { state, names } = run(initialState({ ...start, consentEnable: true }, 0), [
      { type: 'DENY_CONSENT' },
    ]);
    expect(state).toMatchObject({ step: 'closed', from: 'consent' });
    expect(names).toEqual(['COMPONENT_DENY_CONSENT', 'COMPONENT_CLOSE_SESSION']);
  });
});

describe('signing in', () => {
  it('keeps only the username from a submit', () => {
    const state = signingIn();
    expect(state).toMatchObject({ step: 'processing', activity: { kind: 'signingIn' } });
    expect(state.ctx.username).toBe('Greatday');
    expect(JSON.stringify(state)).not.toContain('Everyday');
  });

  it('moves to MFA on a 203 and counts rounds; a TextOrCall round makes the next one a code', () => {
    const textOrCall: SecurityChallenge = { Type: 'TextOrCall', Prompt: 'Where?', Iterables: ['***-1234'] };
    const first = answered(signingIn(), challenged('req-1', [textOrCall]));
    expect(first.names).toEqual(['COMPONENT_LOAD_MFA']);
    expect(first.events[0]).toEqual({ name: 'COMPONENT_LOAD_MFA', metadata: { mfaTypes: ['TextOrCall'] } });
    const sent = run(first.state, [{ type: 'SUBMIT_MFA', at: 2 }]);
    expect(sent.names).toEqual(['SUBMIT_MFA']);
    const second = answered(
      sent.state,
      challenged('req-1', [{ Type: 'QuestionAndAnswer', Prompt: 'Code?' }]),
    );
    expect(second.state).toMatchObject({ step: 'mfa', round: { number: 2, expectsOneTimeCode: true } });
  });

  it('gathers the accounts after a 200, then succeeds with REDIRECT last', () => {
    const authorized = answered(signingIn(), {
      kind: 'authorized',
      requestId: 'req-1',
      loginId: 'login-1',
      institution: 'FlinksCapital',
      body: {} as never,
    });
    expect(authorized.state).toMatchObject({
      step: 'processing',
      activity: { kind: 'gathering', requestId: 'req-1' },
    });
    const done = run(authorized.state, [
      {
        type: 'DATA_RESULT',
        attempt: authorized.state.ctx.attempt,
        result: { kind: 'accounts', requestId: 'req-1', accounts: [], loginId: 'login-1', institution: null },
        at: 2,
      },
    ]);
    expect(done.state).toMatchObject({ step: 'success', loginId: 'login-1' });
    expect(done.events).toEqual([
      {
        name: 'REDIRECT',
        metadata: {
          loginId: 'login-1',
          requestId: 'req-1',
          institution: 'FlinksCapital',
          tag: 'order-42',
          url: 'https://shop.example/done?loginId=login-1&institution=FlinksCapital&tag=order-42',
        },
      },
    ]);
  });

  it('offers account selection when enabled, then ACCOUNT_SELECTED before REDIRECT', () => {
    const options = { ...config, accountSelectorEnable: true };
    const authorized = run(
      signingIn(),
      [
        {
          type: 'AUTHORIZE_RESULT',
          attempt: 1,
          result: {
            kind: 'authorized',
            requestId: 'r',
            loginId: 'l',
            institution: 'FlinksCapital',
            body: {} as never,
          },
          at: 1,
        },
      ],
      options,
    ).state;
    const accounts = [{ Id: 'a1' }, { Id: 'a2' }] as never;
    const { state, names } = run(
      authorized,
      [
        {
          type: 'DATA_RESULT',
          attempt: authorized.ctx.attempt,
          result: { kind: 'accounts', requestId: 'r', accounts, loginId: 'l', institution: null },
          at: 2,
        },
        { type: 'SELECT_ACCOUNT', accountId: 'a2' },
      ],
      options,
    );
    expect(names).toEqual(['COMPONENT_LOAD_ACCOUNT_SELECTION', 'ACCOUNT_SELECTED', 'REDIRECT']);
    expect(state).toMatchObject({ step: 'success', accountId: 'a2' });
  });

  it('drops an answer to an older request', () => {
    const state = signingIn();
    const { state: after, events } = run(state, [
      { type: 'AUTHORIZE_RESULT', attempt: state.ctx.attempt - 1, result: challenged(), at: 1 },
    ]);
    expect(after).toBe(state);
    expect(events).toEqual([]);
  });
});

describe('retry counting', () => {
  const wrongPassword = (state: FlowState) =>
    run(state, [
      { type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 },
      { type: 'AUTHORIZE_RESULT', attempt: state.ctx.attempt + 1, result: error('INVALID_PASSWORD'), at: 1 },
    ]);

  it('returns to the form with the field marked, then locks out at maximumRetry', () => {
    const initial = initialState({ ...start, institution: 'FlinksCapital' }, 0);
    const first = wrongPassword(initial);
    expect(first.state).toMatchObject({
      step: 'credentials',
      error: { code: 'INVALID_PASSWORD', field: 'password' },
      ctx: { username: 'Greatday', failures: 1 },
    });
    expect(first.names).toEqual(['SUBMIT_CREDENTIAL', 'ERROR', 'COMPONENT_LOAD_CREDENTIAL_RETRY']);
    const second = wrongPassword(first.state);
    const third = wrongPassword(second.state);
    expect(third.state).toMatchObject({ step: 'guidance', code: 'MAXIMUM_RETRY_REACHED' });
    expect(third.names).toEqual(['SUBMIT_CREDENTIAL', 'ERROR', 'MAXIMUM_RETRY_REACHED', 'ERROR']);
    expect(third.events.filter((event) => event.name === 'ERROR').map((event) => event.metadata)).toEqual([
      { flinksCode: 'INVALID_PASSWORD', requestId: 'req-1', institution: 'FlinksCapital' },
      { flinksCode: 'MAXIMUM_RETRY_REACHED', requestId: 'req-1', institution: 'FlinksCapital' },
    ]);
  });

  it.each([1, 2, 5])('honours maximumRetry=%i', (maximumRetry) => {
    let state = initialState({ ...start, institution: 'FlinksCapital' }, 0);
    const options = { ...config, maximumRetry };
    for (let index = 0; index < maximumRetry; index += 1) {
      expect(state.step).toBe('credentials');
      state = failSignIn(state, 'INVALID_USERNAME', options);
    }
    expect(state).toMatchObject({ step: 'guidance', code: 'MAXIMUM_RETRY_REACHED' });
  });

  it.each([2, 3, 5])(
    'with maximumRetry=%i, marks only the sign-in form before the last try as the last try',
    (maximumRetry) => {
      let state = initialState({ ...start, institution: 'FlinksCapital' }, 0);
      const marks: boolean[] = [];
      for (let index = 0; index < maximumRetry - 1; index += 1) {
        state = failSignIn(state, 'INVALID_PASSWORD', { ...config, maximumRetry });
        if (state.step !== 'credentials') throw new Error(`on ${state.step}`);
        marks.push(state.error?.lastTry === true);
      }
      expect(marks).toEqual([...Array<boolean>(maximumRetry - 2).fill(false), true]);
    },
  );

  it('counts wrong MFA answers on the same limit, warns on the last try, and resets after a success', () => {
    const wrongAnswer = (state: FlowState) =>
      run(state, [
        { type: 'SUBMIT_MFA', at: 5 },
        {
          type: 'AUTHORIZE_RESULT',
          attempt: state.ctx.attempt + 1,
          result: error('INVALID_SECURITY_RESPONSE'),
          at: 6,
        },
      ]);
    const first = wrongAnswer(onMfa());
    expect(first.state).toMatchObject({
      step: 'mfa',
      error: { code: 'INVALID_SECURITY_RESPONSE', variant: null },
    });
    expect(first.names).toEqual(['SUBMIT_MFA', 'ERROR', 'COMPONENT_LOAD_MFA_RETRY']);
    const second = wrongAnswer(first.state);
    expect(second.state).toMatchObject({ step: 'mfa', error: { variant: 'lastTry' }, ctx: { failures: 2 } });
    const third = wrongAnswer(second.state);
    expect(third.state).toMatchObject({ step: 'guidance', code: 'MAXIMUM_RETRY_REACHED' });
  });

  it('does not count SECURITYRESPONSES_INCOMPLETE', () => {
    const state = onMfa();
    const { state: after } = run(state, [
      { type: 'SUBMIT_MFA', at: 1 },
      {
        type: 'AUTHORIZE_RESULT',
        attempt: state.ctx.attempt + 1,
        result: error('SECURITYRESPONSES_INCOMPLETE'),
        at: 2,
      },
    ]);
    expect(after).toMatchObject({
      step: 'mfa',
      error: { code: 'SECURITYRESPONSES_INCOMPLETE' },
      ctx: { failures: 0 },
    });
  });

  it('uses the reconnect variant when a saved LoginId is gone, without counting it', () => {
    const state = initialState({ ...start, institution: 'FlinksCapital', loginId: 'gone' }, 0);
    const { state: after } = answered(state, error('INVALID_LOGIN', null));
    expect(after).toMatchObject({
      step: 'credentials',
      error: { code: 'INVALID_LOGIN', field: 'both', variant: 'reconnect' },
      ctx: { failures: 0, mode: 'connect', loginId: null },
    });
  });
});

describe('every code of the guidance map lands on its kind of screen', () => {
  const screenOf = {
    field: 'credentials',
    mfa: 'mfa',
    wait: 'processing',
    none: 'processing',
    retry: 'guidance',
    restart: 'guidance',
    bank: 'guidance',
    blocked: 'guidance',
    setup: 'guidance',
  } as const;

  it.each(Object.entries(GUIDANCE))('%s (%o)', (code, entry) => {
    const from = entry.kind === 'mfa' ? onMfa() : signingIn();
    const { state, events } = answered(from, error(code));
    const automatic = 'automatic' in entry.retry;
    expect(state.step).toBe(automatic ? 'processing' : screenOf[entry.kind]);
    const errors = events.filter((event) => event.name === 'ERROR');
    expect(errors[0]).toEqual({
      name: 'ERROR',
      metadata: { flinksCode: code, requestId: 'req-1', institution: 'FlinksCapital' },
    });
  });
});

describe('automatic retry', () => {
  it.each(['CONCURRENT_SESSION', 'CARD_IN_USE'])(
    '%s waits, retries once by itself, then shows guidance',
    (code) => {
      const first = answered(signingIn(), error(code));
      expect(first.state).toMatchObject({ step: 'processing', activity: { kind: 'retrying', code } });
      const deadline = deadlineOf(first.state, config);
      expect(deadline).toBe(1 + (GUIDANCE[code as 'CARD_IN_USE'].retry.automatic?.delayMs ?? Number.NaN));
      const early = run(first.state, [{ type: 'DEADLINE', at: (deadline ?? 0) - 1 }]);
      expect(early.state).toBe(first.state);
      const retried = run(first.state, [{ type: 'DEADLINE', at: deadline ?? 0 }]).state;
      expect(retried).toMatchObject({ step: 'processing', activity: { kind: 'signingIn' } });
      expect(retried.ctx.attempt).toBe(first.state.ctx.attempt + 1);
      const second = answered(retried, error(code));
      expect(second.state).toMatchObject({ step: 'guidance', code });
      expect(second.names).toEqual(['ERROR']);
    },
  );
});

describe('timing as data', () => {
  it('expires MFA after the inactivity window, counted from the last activity', () => {
    const state = run(onMfa(), [{ type: 'SUBMIT_MFA', at: 60_000 }]).state;
    expect(deadlineOf(state, config)).toBe(60_000 + FLINKS_SESSION_TTL_MS);
    const { state: expired, events } = run(state, [{ type: 'DEADLINE', at: 60_000 + FLINKS_SESSION_TTL_MS }]);
    expect(expired).toMatchObject({ step: 'guidance', code: 'SESSION_EXPIRED', retryTo: 'credentials' });
    expect(events).toEqual([
      {
        name: 'ERROR',
        metadata: { flinksCode: 'SESSION_EXPIRED', requestId: 'req-1', institution: 'FlinksCapital' },
      },
    ]);
  });

  it('gives up polling at pollTimeoutMs, and FINISH_NOW succeeds with the loginId while dispatched', () => {
    const authorized = answered(signingIn(), {
      kind: 'authorized',
      requestId: 'req-1',
      loginId: 'login-1',
      institution: 'FlinksCapital',
      body: {} as never,
    }).state;
    const waiting = run(authorized, [
      {
        type: 'DATA_RESULT',
        attempt: authorized.ctx.attempt,
        result: { kind: 'pending', requestId: 'req-1', flinksCode: 'OPERATION_DISPATCHED', message: '' },
        at: 10,
      },
    ]).state;
    expect(waiting).toMatchObject({
      step: 'processing',
      activity: { kind: 'waiting', code: 'OPERATION_DISPATCHED' },
    });
    expect(deadlineOf(waiting, config)).toBe(10 + config.pollTimeoutMs);
    expect(run(waiting, [{ type: 'DEADLINE', at: 10 + config.pollTimeoutMs }]).state).toMatchObject({
      step: 'guidance',
      code: 'TIMEOUT',
      retryTo: 'gathering',
    });
    expect(run(waiting, [{ type: 'FINISH_NOW' }]).state).toMatchObject({
      step: 'success',
      loginId: 'login-1',
    });
  });
});

describe('guidance actions', () => {
  const guidance = (code: string) => answered(signingIn(), error(code)).state;

  it.each([
    ['RETRY_LATER', 'tryAgain', 'credentials'],
    ['SESSION_EXPIRED', 'startAgain', 'credentials'],
    ['DISABLED_INSTITUTION', 'chooseAnotherBank', 'institution'],
    ['NEW_ACCOUNT', 'doneTryAgain', 'credentials'],
  ] as const)('%s + %s -> %s, username kept unless the bank changes', (code, action, step) => {
    const { state } = run(guidance(code), [{ type: 'GUIDANCE_ACTION', action, at: 9 }]);
    expect(state.step).toBe(step);
    expect(state.ctx.username).toBe(step === 'institution' ? '' : 'Greatday');
  });

  it('tries NETWORK_ERROR again by itself once back online', () => {
    const { state, names } = run(guidance('NETWORK_ERROR'), [{ type: 'ONLINE', at: 5 }]);
    expect(state.step).toBe('credentials');
    expect(names).toEqual(['APP_ONLINE', 'COMPONENT_LOAD_CREDENTIAL']);
  });

  it('goes back from MFA to the form, never to a blank step', () => {
    const { state } = run(onMfa(), [{ type: 'BACK' }]);
    expect(state).toMatchObject({
      step: 'credentials',
      error: null,
      ctx: { username: 'Greatday', requestId: null },
    });
  });

  it('records where the person left, and COMPONENT_CLOSE_SESSION names the bank', () => {
    const { state, events } = run(onMfa(), [{ type: 'EXIT' }]);
    expect(state).toMatchObject({ step: 'closed', from: 'mfa' });
    expect(events).toEqual([{ name: 'COMPONENT_CLOSE_SESSION', metadata: { institution: 'FlinksCapital' } }]);
  });

  it('says in COMPONENT_CLOSE_SESSION which problem was on screen when the person left', () => {
    const refused = answered(signingIn(), error('INVALID_PASSWORD', 'req-7')).state;
    const { events } = run(refused, [{ type: 'EXIT' }]);
    expect(events.at(-1)).toEqual({
      name: 'COMPONENT_CLOSE_SESSION',
      metadata: { institution: 'FlinksCapital', flinksCode: 'INVALID_PASSWORD', requestId: 'req-7' },
    });
  });
});

describe('purity', () => {
  it('never changes the state it is given', () => {
    const state = onMfa();
    const frozen = JSON.stringify(state);
    reduce(
      state,
      {
        type: 'AUTHORIZE_RESULT',
        attempt: state.ctx.attempt,
        result: error('INVALID_SECURITY_RESPONSE'),
        at: 1,
      },
      config,
    );
    reduce(state, { type: 'BACK' }, config);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});
