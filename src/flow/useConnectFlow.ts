import { useMutation, useQuery, type MutationStatus, type QueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type {
  AccountsDataResult,
  ApiError,
  AuthorizeResult,
  FlinksClient,
  SecurityResponses,
} from '../api/types';
import type { Language } from '../i18n/types';
import type { ConnectEventArgs } from './events';
import {
  loadDeveloperMessages,
  reportExit,
  type ConnectExitError,
  type ConnectExitMetadata,
  type ConnectSuccessMetadata,
} from './host';
import { deadlineOf, type FlowAction, type FlowConfig, type StepAction } from './reducer';
import {
  accountsQuery,
  answerMfaMutation,
  authorizeMutation,
  cachedAuthorizeMutation,
  type AccountsQuery,
  type Lifetime,
} from './requests';
import { initialState, type FlowState, type StartOptions } from './state';
import { createFlowStore } from './store';

export interface HostCallbacks {
  onEvent?: (...event: ConnectEventArgs) => void;
  onSuccess?: (metadata: ConnectSuccessMetadata) => void;
  onExit?: (error: ConnectExitError | null, metadata: ConnectExitMetadata) => void;
}

export interface ConnectFlowOptions extends HostCallbacks {
  client: FlinksClient;
  queryClient: QueryClient;
  config: FlowConfig;
  /** Read once, on mount: where the connection starts. */
  start: StartOptions;
  language: Language;
  pollIntervalMs: number;
  /** The clock (ms). Default `Date.now`. */
  now?: () => number;
}

export interface ConnectFlow {
  state: FlowState;
  /** The browser's own word on the network: while false, a submit is held and nothing typed is lost. */
  online: boolean;
  /** The MFA answer on its way (`pending`), as react-query reports it. */
  answerStatus: MutationStatus;
  acceptConsent(): void;
  denyConsent(): void;
  selectInstitution(institution: string): void;
  submitCredentials(credentials: { username: string; password: string }): void;
  submitMfa(responses: SecurityResponses): void;
  selectAccount(accountId: string): void;
  finishNow(): void;
  keepWaiting(): void;
  guidanceAction(action: StepAction): void;
  back(): void;
  exit(): void;
}

/**
 * Wires the pure flow to the network: the three mutations, the account data query (polled after a 202), the
 * timers the state asks for, and the host callbacks. Events come from transitions only, so StrictMode's double
 * effects never double one; a request is sent once per attempt, whatever React re-runs.
 */
export function useConnectFlow(options: ConnectFlowOptions): ConnectFlow {
  const { client, queryClient, language, pollIntervalMs } = options;
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const now = () => (latest.current.now ?? Date.now)();

  const [store] = useState(() =>
    createFlowStore(initialState(options.start, (options.now ?? Date.now)()), {
      config: () => latest.current.config,
      onEvents(events, state) {
        const host = latest.current;
        for (const event of events) {
          host.onEvent?.(...([event.name, event.metadata] as ConnectEventArgs));
          if (event.name === 'REDIRECT') {
            const { tag: _tag, ...success } = event.metadata;
            host.onSuccess?.(success);
          }
          // The developer message of a problem on screen, ready for onExit should the person leave.
          if (event.name === 'ERROR' && host.onExit) void loadDeveloperMessages();
          if (event.name === 'COMPONENT_CLOSE_SESSION' && state.step === 'closed' && host.onExit) {
            reportExit(state, host.onExit);
          }
        }
      },
    }),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const dispatch = (action: FlowAction) => store.dispatch(action);

  const lifetime = useLifetime();
  const online = useSyncExternalStore(subscribeToNetwork, isOnline, () => true);
  const authorize = useMutation(authorizeMutation(client, lifetime), queryClient);
  const answer = useMutation(answerMfaMutation(client, lifetime), queryClient);
  const reopen = useMutation(cachedAuthorizeMutation(client, lifetime), queryClient);

  /** The attempt whose request is already on its way: an effect that runs again sends nothing. */
  const sent = useRef(-1);

  const settleAuthorize = (attempt: number) => ({
    onSuccess: (result: AuthorizeResult) =>
      dispatch({ type: 'AUTHORIZE_RESULT', attempt, result, at: now() }),
    onError: (error: Error) =>
      dispatch({ type: 'AUTHORIZE_RESULT', attempt, result: unexpected(error), at: now() }),
  });

  useEffect(() => {
    store.dispatch({ type: 'START' });
  }, [store]);

  // Calls the state asks for by itself: resuming, and re-sending a sign-in after an automatic retry's wait.
  useEffect(() => {
    if (state.step !== 'processing' || sent.current === state.ctx.attempt) return;
    const { attempt, mode, requestId, loginId } = state.ctx;
    if (state.activity.kind === 'resuming') {
      sent.current = attempt;
      const request =
        mode === 'reconnect' && loginId
          ? {
              kind: 'reconnect' as const,
              loginId,
              language,
              ...(latest.current.config.tag ? { tag: latest.current.config.tag } : {}),
            }
          : { kind: 'resume' as const, requestId: requestId ?? '', language };
      reopen.mutate(request, {
        ...settleAuthorize(attempt),
        onSettled: () => reopen.reset(),
      });
    } else if (state.activity.kind === 'signingIn' && authorize.variables) {
      sent.current = attempt;
      sendCredentials(attempt, authorize.variables);
    }
  });

  function sendCredentials(attempt: number, request: Parameters<typeof authorize.mutate>[0]) {
    authorize.mutate(request, {
      ...settleAuthorize(attempt),
      onSettled: () => {
        // The password stays only while an automatic retry may need to send it again.
        const after = store.getState();
        if (!(after.step === 'processing' && after.activity.kind === 'retrying')) authorize.reset();
      },
    });
  }

  // The account data: fetched once after a 200, polled on the Async endpoint after a 202.
  const dataRequest = accountsRequest(state, options.config.accountSelectorEnable);
  const polling =
    state.step === 'processing' && state.activity.kind === 'waiting'
      ? {
          // The 202 that started the wait counts as the first answer: the next call goes out one interval later.
          initialData: {
            kind: 'pending',
            requestId: state.activity.requestId,
            flinksCode: state.activity.code,
            message: '',
          } satisfies AccountsDataResult,
          initialDataUpdatedAt: state.since,
          refetchInterval: pollIntervalMs,
          refetchIntervalInBackground: true,
        }
      : {};
  const data = useQuery({ ...accountsQuery(client, dataRequest), ...polling }, queryClient);
  const { data: dataResult, dataUpdatedAt, error: dataError } = data;
  const dataAttempt = dataRequest?.attempt;
  useEffect(() => {
    if (dataAttempt === undefined) return;
    const result = dataError ? unexpected(dataError) : dataResult;
    if (result) store.dispatch({ type: 'DATA_RESULT', attempt: dataAttempt, result, at: now() });
    // `dataUpdatedAt` is a dependency: it changes on every poll, even when the answer is the same.
  }, [store, dataAttempt, dataResult, dataUpdatedAt, dataError]);

  // The state's own deadline: MFA inactivity, polling limit, automatic retry.
  const deadline = deadlineOf(state, options.config);
  useEffect(() => {
    if (deadline === null) return;
    const timer = setTimeout(
      () => store.dispatch({ type: 'DEADLINE', at: (latest.current.now ?? Date.now)() }),
      Math.max(0, deadline - (latest.current.now ?? Date.now)()),
    );
    return () => clearTimeout(timer);
  }, [store, deadline]);

  useEffect(() => {
    const online = () => store.dispatch({ type: 'ONLINE', at: (latest.current.now ?? Date.now)() });
    const offline = () => store.dispatch({ type: 'OFFLINE' });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [store]);

  return {
    state,
    online,
    answerStatus: answer.status,
    acceptConsent: () => dispatch({ type: 'ACCEPT_CONSENT', at: now() }),
    denyConsent: () => dispatch({ type: 'DENY_CONSENT' }),
    selectInstitution: (institution) => dispatch({ type: 'SELECT_INSTITUTION', institution }),
    submitCredentials({ username, password }) {
      // Offline, the call could only fail and send the person back to an empty password: hold it instead.
      if (!isOnline()) return;
      dispatch({ type: 'SUBMIT_CREDENTIALS', username, at: now() });
      const after = store.getState();
      if (after.step !== 'processing' || !after.ctx.institution) return;
      sent.current = after.ctx.attempt;
      const { tag } = latest.current.config;
      sendCredentials(after.ctx.attempt, {
        institution: after.ctx.institution,
        username,
        password,
        language,
        save: true,
        ...(tag ? { tag } : {}),
      });
    },
    submitMfa(responses) {
      if (answer.status === 'pending' || !isOnline()) return;
      dispatch({ type: 'SUBMIT_MFA', at: now() });
      const after = store.getState();
      if (after.step !== 'mfa') return;
      const { attempt } = after.ctx;
      answer.mutate(
        { requestId: after.round.requestId, securityResponses: responses, language },
        { ...settleAuthorize(attempt), onSettled: () => answer.reset() },
      );
    },
    selectAccount: (accountId) => dispatch({ type: 'SELECT_ACCOUNT', accountId }),
    finishNow: () => dispatch({ type: 'FINISH_NOW' }),
    keepWaiting: () => dispatch({ type: 'KEEP_WAITING' }),
    guidanceAction: (action) => dispatch({ type: 'GUIDANCE_ACTION', action, at: now() }),
    back() {
      answer.reset();
      dispatch({ type: 'BACK' });
    },
    exit: () => dispatch({ type: 'EXIT' }),
  };
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/**
 * A signal aborted when the widget really unmounts, so no call outlives it. StrictMode's rehearsal unmounts and
 * mounts again within one task: the abort waits a microtask and is dropped when the widget came back.
 */
function useLifetime(): Lifetime {
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (mounted.current) return;
        controller.current?.abort();
        controller.current = null;
      });
    };
  }, []);
  return () => {
    controller.current ??= new AbortController();
    return controller.current.signal;
  };
}

/** Which account data call the state waits for, if any. */
function accountsRequest(state: FlowState, detail: boolean): AccountsQuery | null {
  if (state.step !== 'processing') return null;
  const { activity } = state;
  if (activity.kind !== 'gathering' && activity.kind !== 'waiting') return null;
  return {
    requestId: activity.requestId,
    detail,
    poll: activity.kind === 'waiting',
    attempt: state.ctx.attempt,
  };
}

/** The client never throws; should anything else, the person still gets a screen, not a crash. */
function unexpected(error: unknown): ApiError {
  return {
    kind: 'error',
    httpStatus: null,
    flinksCode: 'MALFORMED_RESPONSE',
    message: error instanceof Error ? error.name : 'Unexpected failure',
    requestId: null,
    cause: 'malformed',
  };
}
