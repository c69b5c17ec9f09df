import type { MutationOptions, QueryClient } from '@tanstack/react-query';
import { codeNotLoaded } from '../api/unloaded';
import { loadOnce } from '../loadOnce';
import type { ApiError, FlinksClient, SecurityResponses } from '../api/types';
import type { Language } from '../i18n/types';
import type { FlowAction, FlowConfig, FlowRequest, OAuthResult } from './actions';
import { browserWindow, type BankWindow, type OAuthBrowser } from './bank-window';
import type * as Executor from './execute';
import type { Lifetime } from './mutations';
import type { FlowState } from './state';

/** What the runner reads at the moment it sends: the latest props. */
export interface RunnerSettings {
  client: FlinksClient;
  /** The host's react-query client, or null: the widget's own (one per page) then. */
  queryClient: QueryClient | null;
  language: Language;
  pollIntervalMs: number;
  now(): number;
  /** Popups and whole-window trips to an OAuth bank's page; the real browser by default. */
  browser?: OAuthBrowser;
  /** Where a whole-window trip comes back (the host's `redirectUrl`); the widget's own page by default. */
  oauthReturnTo?: string | null;
  /** The flow's settings: what the data calls ask for. */
  config?: Pick<FlowConfig, 'data'>;
}

/** Makes the requests the reducer asks for, through the react-query mutations, and feeds each answer back. */
export interface RequestRunner {
  run(request: FlowRequest): void;
  /** Keeps the password, or the answers, for the call the next transition asks for. */
  hold(secret: { password: string } | { answers: SecurityResponses }): void;
  /** Lets go of a secret no state can send any more. */
  forget(state: FlowState): void;
  /** Cancels every call and timer: the widget is gone. Answers still on their way are dropped. */
  stop(): void;
}

/** Following an OAuth bank's page: fetched after the click that opened it; fetched anew after a failure. */
const handoffCode = loadOnce(() => import('./oauth-handoff'), { retryOnLoad: true });

/**
 * react-query's core and the mutations, fetched with the first request (or ahead, with the later screens); fetched
 * anew after a failure.
 */
const executor = loadOnce(() => import('./execute'), { retryOnLoad: true });

type Mutations = typeof Executor;

/** Starts fetching what sending needs, before the first request. */
export function prefetchExecutor(): void {
  executor.load().catch(() => undefined);
}

export function createRequestRunner(
  settings: () => RunnerSettings,
  dispatch: (action: FlowAction) => void,
): RequestRunner {
  let controller = new AbortController();
  let password: string | null = null;
  let answers: SecurityResponses | null = null;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** The bank's page being waited for (OAuth): its window and what watches it. */
  let handoff: { window: BankWindow | null; stop(): void } | null = null;
  let realBrowser: OAuthBrowser | null = null;

  /** Stops watching the bank's page; closes its popup when the connection moved on without it. */
  function endHandoff(closeWindow: boolean): void {
    if (!handoff) return;
    handoff.stop();
    if (closeWindow && handoff.window && !handoff.window.closed) handoff.window.close();
    handoff = null;
  }

  /**
   * Sends one mutation and feeds its answer back, unless the widget went away meanwhile. The mutations come with the
   * code that runs them (the `execute` chunk): `pick` chooses one once it is in.
   */
  function send<Result, Variables>(
    pick: (mutations: Mutations) => MutationOptions<Result, Error, Variables>,
    variables: Variables,
    settle: (result: Result | ApiError, at: number) => FlowAction,
  ): void {
    void perform(pick, variables).then((result) => {
      if (result !== null) dispatch(settle(result, settings().now()));
    });
  }

  /** Sends one mutation; its answer, or null when the widget went away meanwhile. */
  function perform<Result, Variables>(
    pick: (mutations: Mutations) => MutationOptions<Result, Error, Variables>,
    variables: Variables,
  ): Promise<Result | ApiError | null> {
    const signal = controller.signal;
    return executor
      .load()
      .then(
        (mutations) => {
          const queryClient = settings().queryClient ?? mutations.ownQueryClient();
          return mutations.execute(queryClient, pick(mutations), variables).catch(unexpected);
        },
        () => codeNotLoaded('sends calls'),
      )
      .then((result) => (signal.aborted ? null : result));
  }

  /**
   * The bank's page, from the person's click. A popup opens blank, right now, within the click (a popup opened after
   * an await is blocked); what follows it (src/flow/oauth-handoff.ts) is fetched meanwhile. The whole-window trip
   * leaves once the server has given the state.
   */
  function openBank(attempt: number, institution: string, whole: boolean, browser: OAuthBrowser): void {
    const { client, language, oauthReturnTo } = settings();
    endHandoff(whole);
    const popup = whole ? null : browser.openPopup();
    if (!whole && !popup) {
      dispatch({ type: 'POPUP_BLOCKED', attempt });
      return;
    }
    let settled = false;
    const current = {
      window: popup,
      stop: () => {
        settled = true;
      },
    };
    const settle = (result: OAuthResult) => {
      if (settled) return;
      settled = true;
      if (handoff === current) endHandoff(false);
      dispatch({ type: 'OAUTH_RESULT', attempt, result, at: settings().now() });
    };
    handoff = current;
    if (popup) dispatch({ type: 'POPUP_OPENED', attempt });
    handoffCode.load().then(
      ({ followBank }) => {
        if (settled) return;
        const stop = followBank({
          popup,
          browser,
          start: (returnTo) =>
            perform((m) => m.oauthStartMutation(client, () => controller.signal), {
              institution,
              language,
              ...(returnTo ? { returnTo } : {}),
            }),
          returnTo: oauthReturnTo ?? null,
          redeem: (ticket) =>
            perform((m) => m.oauthRedeemMutation(client, () => controller.signal, ticket), undefined),
          settle,
          later,
        });
        current.stop = () => {
          settled = true;
          stop();
        };
      },
      () => {
        popup?.close();
        settle(codeNotLoaded('follows the bank page'));
      },
    );
  }

  function later(delayMs: number, task: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        task();
      },
      Math.max(0, delayMs),
    );
    timers.add(timer);
    return timer;
  }

  function run(request: FlowRequest): void {
    const { client, language, pollIntervalMs, now } = settings();
    const lifetime: Lifetime = () => controller.signal;
    switch (request.kind) {
      case 'signIn': {
        if (password === null) return;
        const { institution, username, tag, attempt } = request;
        const scheduleRefresh = settings().config?.data?.scheduleRefresh;
        // The username and password go to the call itself, never into the mutation's variables (the cache).
        const credentials = { username, password };
        send(
          (m) => m.authorizeMutation(client, lifetime, credentials),
          {
            institution,
            language,
            save: true,
            ...(tag ? { tag } : {}),
            ...(scheduleRefresh ? { scheduleRefresh } : {}),
          },
          (result, at) => ({ type: 'AUTHORIZE_RESULT', attempt, result, at }),
        );
        return;
      }
      case 'answer': {
        if (answers === null) return;
        const { attempt, requestId } = request;
        const securityResponses = answers;
        // Answers are never sent twice: they leave the runner with this call.
        answers = null;
        send(
          (m) => m.answerMfaMutation(client, lifetime, securityResponses),
          { requestId, language },
          (result, at) => ({ type: 'AUTHORIZE_RESULT', attempt, result, at }),
        );
        return;
      }
      case 'resume':
      case 'reconnect': {
        const { attempt } = request;
        const reopen =
          request.kind === 'resume'
            ? { kind: 'resume' as const, requestId: request.requestId, language }
            : {
                kind: 'reconnect' as const,
                loginId: request.loginId,
                language,
                ...(request.tag ? { tag: request.tag } : {}),
              };
        send(
          (m) => m.cachedAuthorizeMutation(client, lifetime),
          reopen,
          (result, at) => ({
            type: 'AUTHORIZE_RESULT',
            attempt,
            result,
            at,
          }),
        );
        return;
      }
      case 'questions': {
        const { attempt, loginId, save } = request;
        if (save && answers === null) return;
        // One answer per stored question; like MFA answers, they leave the runner with this call.
        const saved = save
          ? Object.fromEntries(Object.entries(answers ?? {}).map(([q, [a = '']]) => [q, a]))
          : null;
        answers = null;
        send(
          (m) => m.mfaQuestionsMutation(client, lifetime, saved),
          { loginId },
          (result, at) => ({
            type: 'QUESTIONS_RESULT',
            attempt,
            result,
            at,
          }),
        );
        return;
      }
      case 'gather':
      case 'poll': {
        const { attempt, requestId, detail } = request;
        const poll = request.kind === 'poll';
        const ask = () =>
          send(
            (m) => m.accountsMutation(client, lifetime),
            { requestId, detail, poll, ...settings().config?.data },
            (result, at) => ({
              type: 'DATA_RESULT',
              attempt,
              result,
              at,
            }),
          );
        // The 202 that started the wait counts as the first answer: the next call goes out one interval later.
        if (poll) later(pollIntervalMs, ask);
        else ask();
        return;
      }
      case 'openBank': {
        const browser = settings().browser ?? (realBrowser ??= browserWindow());
        openBank(request.attempt, request.institution, request.window === 'whole', browser);
        return;
      }
      case 'redeemOAuth': {
        const { attempt } = request;
        handoffCode.load().then(
          ({ oauthResultOf }) =>
            send(
              (m) => m.oauthRedeemMutation(client, lifetime, request.ticket),
              undefined,
              (result, at) => ({
                type: 'OAUTH_RESULT',
                attempt,
                result: result.kind === 'error' ? result : oauthResultOf(result.outcome),
                at,
              }),
            ),
          () =>
            dispatch({
              type: 'OAUTH_RESULT',
              attempt,
              result: codeNotLoaded('follows the bank page'),
              at: settings().now(),
            }),
        );
        return;
      }
      case 'wait':
        if (deadline !== undefined) {
          clearTimeout(deadline);
          timers.delete(deadline);
        }
        {
          // A timer may fire a little before the clock says `until` (timers and the clock round differently); the
          // reducer ignores a deadline not reached yet, and asks for no new wait: wait again for what is left.
          const wake = () => {
            const at = settings().now();
            if (at < request.until) deadline = later(request.until - at, wake);
            else dispatch({ type: 'DEADLINE', at });
          };
          deadline = later(request.until - now(), wake);
        }
        return;
      default: {
        const unreachable: never = request;
        return unreachable;
      }
    }
  }

  return {
    run,
    hold(secret) {
      if ('password' in secret) password = secret.password;
      else answers = secret.answers;
    },
    forget(state) {
      const signingIn =
        state.step === 'processing' &&
        (state.activity.kind === 'signingIn' ||
          (state.activity.kind === 'retrying' && state.activity.of === 'signingIn'));
      // The password stays only while an automatic retry may need to send it again.
      if (!signingIn) password = null;
      if ((state.step !== 'mfa' && state.step !== 'enhancedMfa') || !state.sending) answers = null;
      if (state.step !== 'oauth') endHandoff(true);
    },
    stop() {
      endHandoff(true);
      controller.abort();
      controller = new AbortController();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      deadline = undefined;
      password = null;
      answers = null;
    },
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
