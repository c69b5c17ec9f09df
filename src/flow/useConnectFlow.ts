import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FlinksClient, SecurityResponses } from '../api/types';
import type { Language } from '../i18n/types';
import { tellHost, type HostCallbacks } from './host';
import type { FlowConfig, StepAction } from './reducer';
import type { OAuthBrowser } from './bank-window';
import { initialState, type ExitReason, type FlowState, type SignIn, type StartOptions } from './state';
import { createFlowStore } from './store';

export type { HostCallbacks } from './host';

export interface ConnectFlowOptions extends HostCallbacks {
  client: FlinksClient;
  /** The host's react-query client, or null for the widget's own. */
  queryClient: QueryClient | null;
  config: FlowConfig;
  /** Read once, on mount: where the connection starts. */
  start: StartOptions;
  language: Language;
  pollIntervalMs: number;
  /** The clock (ms). Default `Date.now`. */
  now?: () => number;
  /** How a bank signs in (its own page for OAuth banks). Default: every bank with the credential form. */
  signInOf?: (institution: string) => SignIn;
  /** Where a whole-window trip to an OAuth bank comes back; the widget's own page by default. */
  oauthReturnTo?: string | null;
  /** Popups and whole-window trips; the real browser by default (tests give their own). */
  browser?: OAuthBrowser;
}

export interface ConnectFlow {
  state: FlowState;
  acceptConsent(): void;
  denyConsent(): void;
  selectInstitution(institution: string): void;
  submitCredentials(credentials: { username: string; password: string }): void;
  submitMfa(responses: SecurityResponses): void;
  selectAccount(accountId: string): void;
  /** Opens an OAuth bank's page: call it from the person's click. */
  openBank(): void;
  /** With `accountSelectorMultiple`: every account chosen. */
  selectAccounts(accountIds: string[]): void;
  /** Enhanced MFA: go on without saving the answers (when `skipEnhancedMFA` allows it). */
  skipEnhancedMfa(): void;
  /** The person opened the partner's terms. */
  clickTermsUrl(): void;
  finishNow(): void;
  keepWaiting(): void;
  guidanceAction(action: StepAction): void;
  back(): void;
  /** "Start again" after leaving: the connection's first screen, fresh. */
  startAgain(): void;
  /** The person leaves; `reason` when the host should know why (`institution_not_found`). */
  exit(reason?: ExitReason): void;
  /** The person opened the bank's "forgot password" page. */
  clickResetPassword(): void;
}

/**
 * The flow store, for React: subscribes to its state, hands it the latest props, and tells it what the browser and
 * the person do. The store sends every request; nothing here does.
 */
export function useConnectFlow(options: ConnectFlowOptions): ConnectFlow {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const now = () => (latest.current.now ?? Date.now)();

  const [store] = useState(() =>
    createFlowStore(initialState({ ...options.start, online: isOnline() }, now()), {
      config: () => latest.current.config,
      onEvents: (events, state) => tellHost(latest.current, events, state),
      runner: () => ({ ...latest.current, now }),
    }),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);

  useEffect(() => store.attach(), [store]);

  useEffect(() => {
    const online = () => store.dispatch({ type: 'ONLINE', at: now() });
    const offline = () => store.dispatch({ type: 'OFFLINE' });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [store]);

  const { dispatch } = store;
  return {
    state,
    acceptConsent: () => dispatch({ type: 'ACCEPT_CONSENT', at: now() }),
    denyConsent: () => dispatch({ type: 'DENY_CONSENT' }),
    selectInstitution: (institution) =>
      dispatch({
        type: 'SELECT_INSTITUTION',
        institution,
        signIn: latest.current.signInOf?.(institution) ?? 'credentials',
      }),
    openBank: () => dispatch({ type: 'OPEN_BANK' }),
    submitCredentials: (credentials) => store.submitCredentials(credentials, now()),
    submitMfa: (responses) => store.submitMfa(responses, now()),
    selectAccount: (accountId) => dispatch({ type: 'SELECT_ACCOUNT', accountId }),
    selectAccounts: (accountIds) => dispatch({ type: 'SELECT_ACCOUNTS', accountIds }),
    skipEnhancedMfa: () => dispatch({ type: 'SKIP_ENHANCED_MFA', at: now() }),
    clickTermsUrl: () => dispatch({ type: 'CLICK_TERMS_URL' }),
    finishNow: () => dispatch({ type: 'FINISH_NOW' }),
    keepWaiting: () => dispatch({ type: 'KEEP_WAITING' }),
    guidanceAction: (action) => dispatch({ type: 'GUIDANCE_ACTION', action, at: now() }),
    back: () => dispatch({ type: 'BACK' }),
    startAgain: () =>
      dispatch({
        type: 'START_AGAIN',
        // A fresh connection: not the session it resumed or the saved login it refreshed, nor a used OAuth return.
        first: initialState(
          { ...latest.current.start, requestId: null, loginId: null, oauthReturn: null },
          now(),
        ),
      }),
    exit: (reason) => dispatch({ type: 'EXIT', ...(reason === 'institution_not_found' ? { reason } : {}) }),
    clickResetPassword: () => dispatch({ type: 'CLICK_RESET_PASSWORD' }),
  };
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
