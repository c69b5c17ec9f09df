import type { SecurityResponses } from '../api/types';
import type { FlowAction, FlowConfig } from './actions';
import type { ConnectEvent } from './events';
import { reduce } from './reducer';
import { createRequestRunner, prefetchExecutor, type RunnerSettings } from './runner';
import type { FlowState } from './state';

/**
 * Holds one connection's state outside React, so a dispatch runs the reducer exactly once (StrictMode included), and
 * makes the requests each transition asks for.
 */
export interface FlowStore {
  getState(): FlowState;
  dispatch(action: FlowAction): void;
  subscribe(listener: () => void): () => void;
  /** A credential submit: the password goes to the runner, only the username into the state. */
  submitCredentials(credentials: { username: string; password: string }, at: number): void;
  /** An MFA submit: the answers go to the runner, never into the state. */
  submitMfa(answers: SecurityResponses, at: number): void;
  /**
   * The widget is on screen: starts the connection once. Returns the detach function; the calls and timers stop when
   * the widget is really gone (StrictMode's rehearsal unmounts and mounts again within one task, which changes nothing).
   */
  attach(): () => void;
}

export interface FlowStoreOptions {
  /** Read at each dispatch, so changed props apply from the next step on. */
  config(): FlowConfig;
  /** Every event of a transition, in order, after the new state is in place. */
  onEvents(events: ConnectEvent[], state: FlowState): void;
  /** What the runner needs to send, read at each call. */
  runner(): RunnerSettings;
}

export function createFlowStore(initial: FlowState, options: FlowStoreOptions): FlowStore {
  let state = initial;
  let started = false;
  let attached = 0;
  const listeners = new Set<() => void>();
  const runner = createRequestRunner(options.runner, dispatch);

  function dispatch(action: FlowAction): void {
    // START is idempotent: a remount (StrictMode, or a host toggling the widget) never repeats APP_MOUNTED.
    if (action.type === 'START') {
      if (started) return;
      started = true;
    }
    const transition = reduce(state, action, options.config());
    const changed = transition.state !== state;
    state = transition.state;
    runner.forget(state);
    if (changed) listeners.forEach((listener) => listener());
    if (transition.events.length > 0) options.onEvents(transition.events, state);
    transition.requests.forEach(runner.run);
  }

  return {
    getState: () => state,
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    submitCredentials({ username, password }, at) {
      runner.hold({ password });
      dispatch({ type: 'SUBMIT_CREDENTIALS', username, at });
    },
    submitMfa(answers, at) {
      runner.hold({ answers });
      dispatch({ type: 'SUBMIT_MFA', at });
    },
    attach() {
      attached += 1;
      // Off the first screen's path: the code that sends calls comes in while the person reads the first screen.
      prefetchExecutor();
      dispatch({ type: 'START' });
      return () => {
        attached -= 1;
        queueMicrotask(() => {
          if (attached === 0) runner.stop();
        });
      };
    },
  };
}
