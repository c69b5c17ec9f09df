import { describe, expect, it } from 'vitest';
import type { Account, ApiError } from '../../src/api/types';
import type { ConnectEvent } from '../../src/flow/events';
import { reduce, type FlowAction, type FlowConfig } from '../../src/flow/reducer';
import { FLINKS_SESSION_TTL_MS, initialState, type FlowState } from '../../src/flow/state';

/** Flinks Connect's payloads (CONTRACT §4), as a migrating host's listener reads them. */

const config: FlowConfig = {
  maximumRetry: 3,
  accountSelectorEnable: false,
  pollTimeoutMs: 30 * 60_000,
  sessionTtlMs: FLINKS_SESSION_TTL_MS,
  tag: null,
  redirectUrl: 'https://shop.example/thank-you?order=7',
  showAllOperationsAccounts: false,
  productType: null,
};

function run(state: FlowState, actions: FlowAction[], options: FlowConfig = config) {
  const events: ConnectEvent[] = [];
  let current = state;
  for (const action of actions) {
    const transition = reduce(current, action, options);
    events.push(...transition.events);
    current = transition.state;
  }
  return { state: current, events };
}

const fresh = (institution: string | null = null) =>
  initialState({ consentEnable: false, institution, requestId: null, loginId: null }, 0);

function account(id: string, category: string): Account {
  return {
    Id: id,
    Title: id,
    AccountNumber: '1234567',
    Category: category,
    Type: category,
    Currency: 'CAD',
    Balance: { Available: 1, Current: 1, Limit: null },
  } as Account;
}

/** Signed in as Greatday at Flinks Capital, the accounts answered. */
function connected(accounts: Account[], options: FlowConfig) {
  const signing = run(fresh('FlinksCapital'), [{ type: 'SUBMIT_CREDENTIALS', username: 'Greatday', at: 0 }]);
  const authorized = run(
    signing.state,
    [
      {
        type: 'AUTHORIZE_RESULT',
        attempt: signing.state.ctx.attempt,
        at: 1,
        result: {
          kind: 'authorized',
          requestId: 'req-1',
          loginId: 'login 1',
          institution: 'FlinksCapital',
          body: {} as never,
        },
      },
    ],
    options,
  );
  return run(
    authorized.state,
    [
      {
        type: 'DATA_RESULT',
        attempt: authorized.state.ctx.attempt,
        at: 2,
        result: { kind: 'accounts', requestId: 'req-1', accounts, loginId: 'login 1', institution: null },
      },
    ],
    options,
  );
}

describe('Flinks Connect payloads', () => {
  it('says whether the bank list was on screen before (`cached`)', () => {
    const { events } = run(fresh(), [
      { type: 'START' },
      { type: 'SELECT_INSTITUTION', institution: 'FlinksCapital' },
      { type: 'BACK' },
    ]);
    const loads = events.filter((event) => event.name === 'COMPONENT_LOAD_INSTITUTION_SELECTOR');
    expect(loads.map((event) => event.metadata)).toEqual([{ cached: false }, { cached: true }]);
  });

  it('builds REDIRECT’s url on redirectUrl, with loginId and institution in its query', () => {
    const { events } = connected([], config);
    const redirect = events.at(-1);
    expect(redirect?.name).toBe('REDIRECT');
    const url = new URL((redirect?.metadata as { url: string }).url);
    expect(url.origin + url.pathname).toBe('https://shop.example/thank-you');
    expect(url.searchParams.get('order')).toBe('7');
    expect(url.searchParams.get('loginId')).toBe('login 1');
    expect(url.searchParams.get('institution')).toBe('FlinksCapital');
  });

  it('adds the chosen account to REDIRECT’s url', () => {
    const options = { ...config, accountSelectorEnable: true };
    const listed = connected([account('acc-1', 'Operations'), account('acc-2', 'Operations')], options);
    const { events } = run(listed.state, [{ type: 'SELECT_ACCOUNT', accountId: 'acc-2' }], options);
    const url = new URL((events.at(-1)?.metadata as { url: string }).url);
    expect(url.searchParams.get('accountId')).toBe('acc-2');
  });

  it.each([
    [{ productType: null }, 3],
    // Banking: the accounts pay goes into; the card is not one of them.
    [{ productType: 'banking' as const }, 1],
    [{ productType: 'investment' as const }, 1],
    [{ productType: 'investment' as const, showAllOperationsAccounts: true }, 3],
  ])('lists the accounts of %o: displayedAccounts %i of totalAccounts 3', (settings, displayed) => {
    const options = { ...config, accountSelectorEnable: true, ...settings };
    const accounts = [account('c', 'Operations'), account('v', 'Credits'), account('t', 'Investments')];
    const { state, events } = connected(accounts, options);
    expect(events.at(-1)).toEqual({
      name: 'COMPONENT_LOAD_ACCOUNT_SELECTION',
      metadata: { totalAccounts: 3, displayedAccounts: displayed },
    });
    expect(state.step === 'accounts' && state.displayed.length).toBe(displayed);
  });

  it('tells DISABLED_INSTITUTION as a step event besides ERROR', () => {
    const signing = run(fresh('FlinksCapital'), [{ type: 'SUBMIT_CREDENTIALS', username: 'x', at: 0 }]);
    const disabled: ApiError = {
      kind: 'error',
      httpStatus: 405,
      flinksCode: 'DISABLED_INSTITUTION',
      message: 'm',
      requestId: 'req-1',
      cause: 'http',
    };
    const { events } = run(signing.state, [
      { type: 'AUTHORIZE_RESULT', attempt: signing.state.ctx.attempt, result: disabled, at: 1 },
    ]);
    expect(events.map((event) => event.name)).toEqual(['ERROR', 'DISABLED_INSTITUTION']);
    expect(events[1]?.metadata).toEqual({ institution: 'FlinksCapital' });
  });

  it('tells COMPONENT_CLICK_RESET_PASSWORD without changing the screen', () => {
    const before = fresh('FlinksCapital');
    const { state, events } = run(before, [{ type: 'CLICK_RESET_PASSWORD' }]);
    expect(state).toBe(before);
    expect(events).toEqual([
      { name: 'COMPONENT_CLICK_RESET_PASSWORD', metadata: { institution: 'FlinksCapital' } },
    ]);
  });
});
